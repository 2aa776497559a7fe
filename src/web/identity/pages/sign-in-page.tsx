import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { isApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { signIn, useSetupState } from '../api.ts';
import { AuthShell } from '../components/auth-shell.tsx';
import { useSession } from '../components/session-provider.tsx';

type Values = { employeeNo: string; password: string };

/** Only same-site paths are followed after sign-in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function SignInPage() {
  const { t, errorText } = useI18n();
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const setup = useSetupState();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);

  useEffect(() => {
    if (setup.data?.needsSetup) navigate('/setup', { replace: true });
  }, [setup.data, navigate]);

  if (me) return <Navigate to={me.mustChangePassword ? '/change-password' : safeNext(params.get('next'))} replace />;

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await signIn({ employeeNo: values.employeeNo.trim(), password: values.password });
      await refresh();
      navigate(result.mustChangePassword ? '/change-password' : safeNext(params.get('next')), { replace: true });
    } catch (e) {
      if (isApiError(e) && e.status === 423) {
        const until = typeof e.details?.lockedUntil === 'string' ? dayjs(e.details.lockedUntil) : null;
        setProblem({
          title: t('signIn.locked'),
          detail: until?.isValid() ? t('signIn.lockedUntil', { time: until.format('YYYY-MM-DD HH:mm') }) : undefined,
        });
      } else if (isApiError(e) && e.status === 401) {
        setProblem({ title: errorText(e), detail: t('signIn.wrongHint') });
      } else setProblem({ title: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell
      title={t('signIn.title')}
      subtitle={t('signIn.subtitle')}
      footer={
        setup.data?.demo ? (
          <div className="ss-demo-hint" data-testid="demo-hint">
            <Typography.Text strong>{t('signIn.demoTitle')}</Typography.Text>
            <Typography.Text type="secondary">{t('signIn.demoBody')}</Typography.Text>
          </div>
        ) : null
      }
    >
      {problem && (
        <Alert type="error" showIcon title={problem.title} description={problem.detail} className="ss-form-alert" data-testid="sign-in-error" />
      )}
      <Form<Values> layout="vertical" requiredMark={false} onFinish={submit} size="large" autoComplete="on">
        <Form.Item name="employeeNo" label={t('signIn.employeeNo')} rules={[{ required: true, whitespace: true, message: t('signIn.employeeNoRequired') }]}>
          <Input prefix={<UserOutlined />} placeholder={t('signIn.employeeNoPlaceholder')} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} placeholder={t('signIn.passwordPlaceholder')} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} className="ss-auth__submit">
          {t('signIn.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
