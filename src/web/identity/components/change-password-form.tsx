import { Alert, Button, Form, Input } from 'antd';
import { isApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import { changePassword } from '../api.ts';
import { isStrongPassword } from '../password.ts';
import { PasswordRule } from './password-rule.tsx';

type Values = { currentPassword: string; newPassword: string; confirm: string };
type Props = { onDone: () => void; submitLabel?: string };

export function ChangePasswordForm({ onDone, submitLabel }: Props) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const { busy, error, run } = useAction();

  const submit = (values: Values) =>
    run(
      async () => {
        await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
        onDone();
      },
      (e) => {
        if (isApiError(e) && (e.field === 'currentPassword' || e.field === 'newPassword')) {
          form.setFields([{ name: e.field, errors: [errorText(e)] }]);
          return true;
        }
        return false;
      },
    );

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} size="large">
      {error && <Alert type="error" showIcon title={error} className="ss-form-alert" />}
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[
          { required: true, message: t('password.newRequired') },
          { validator: (_, v: string | undefined) => (!v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(t('password.weak')))) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <PasswordRule value={newPassword} />
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) =>
              !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {submitLabel ?? t('password.submit')}
      </Button>
    </Form>
  );
}
