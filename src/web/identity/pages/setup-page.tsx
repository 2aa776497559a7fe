import { Navigate, useNavigate } from 'react-router-dom';
import { Alert, Button, Form, Input } from 'antd';
import { isApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { useAction } from '../../shared/use-action.ts';
import { setUpFirstAdmin, useSetupState } from '../api.ts';
import { AuthShell } from '../components/auth-shell.tsx';
import { PasswordRule } from '../components/password-rule.tsx';
import { useSession } from '../components/session-provider.tsx';
import { isStrongPassword } from '../password.ts';

type Values = { organisationName: string; employeeNo: string; name: string; password: string; confirm: string };
const EMPLOYEE_NO = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** The very first visit to an empty installation: name the root organisation and create the platform admin. */
export function SetupPage() {
  const { t, errorText } = useI18n();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const setup = useSetupState();
  const [form] = Form.useForm<Values>();
  const password = Form.useWatch('password', form) ?? '';
  const { busy, error, run } = useAction();

  if (setup.loading && !setup.data) return <PageLoading full />;
  if (setup.data && !setup.data.needsSetup) return <Navigate to="/sign-in" replace />;

  const submit = ({ confirm: _confirm, ...values }: Values) =>
    run(
      async () => {
        await setUpFirstAdmin({ ...values, organisationName: values.organisationName.trim(), employeeNo: values.employeeNo.trim(), name: values.name.trim() });
        await refresh();
        navigate('/', { replace: true });
      },
      (e) => {
        if (!isApiError(e) || !e.field || !(e.field in values)) return false;
        form.setFields([{ name: e.field as keyof Values, errors: [errorText(e)] }]);
        return true;
      },
    );

  return (
    <AuthShell title={t('setup.title')} subtitle={t('setup.subtitle')}>
      {error && <Alert type="error" showIcon title={error} className="ss-form-alert" />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} size="large">
        <Form.Item name="organisationName" label={t('setup.organisationName')} rules={[{ required: true, whitespace: true, max: 60, message: t('setup.organisationNameRequired') }]}>
          <Input placeholder={t('setup.organisationNamePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="employeeNo"
          label={t('field.employeeNo')}
          rules={[
            { required: true, message: t('signIn.employeeNoRequired') },
            { pattern: EMPLOYEE_NO, message: t('field.employeeNoPattern') },
          ]}
        >
          <Input autoComplete="username" placeholder="admin" />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, max: 50, message: t('field.nameRequired') }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('signIn.password')}
          rules={[
            { required: true, message: t('password.newRequired') },
            { validator: (_, v: string | undefined) => (!v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(t('password.weak')))) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordRule value={password} />
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
