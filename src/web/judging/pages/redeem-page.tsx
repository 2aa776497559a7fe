import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { AuthShell } from '../../identity/components/auth-shell.tsx';
import { useSession } from '../../identity/components/session-provider.tsx';
import { redeemCode } from '../api.ts';

type Values = { code: string };

/** Public: a guest judge (外部评委) redeems an invitation code and lands on the phone page, signed in. */
export function RedeemPage() {
  const { t, errorText } = useI18n();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      await redeemCode(values.code.trim().toUpperCase());
      await refresh();
      navigate('/judge', { replace: true });
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell title={t('judging.redeem.title')} subtitle={t('judging.redeem.subtitle')}>
      {problem && <Alert type="error" showIcon title={problem} className="ss-form-alert" data-testid="redeem-error" />}
      <Form<Values> layout="vertical" requiredMark={false} onFinish={submit} size="large" initialValues={{ code: params.get('code') ?? '' }}>
        <Form.Item name="code" label={t('judging.redeem.code')} rules={[{ required: true, whitespace: true, min: 4, message: t('judging.redeem.codeRequired') }]}>
          <Input prefix={<KeyOutlined />} placeholder={t('judging.redeem.codePlaceholder')} autoComplete="one-time-code" autoCapitalize="characters" className="ss-redeem-code" autoFocus />
        </Form.Item>
        <Typography.Paragraph type="secondary" className="ss-redeem-note">
          {t('judging.redeem.note')}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" block loading={busy} className="ss-auth__submit" data-testid="redeem-submit">
          {t('judging.redeem.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
