import { Navigate, useNavigate } from 'react-router-dom';
import { Button } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { AuthShell } from '../components/auth-shell.tsx';
import { ChangePasswordForm } from '../components/change-password-form.tsx';
import { useSignedIn } from '../components/session-provider.tsx';

/** After a first sign-in or a reset: nothing else is reachable until the temporary password is replaced. */
export function ForcedPasswordPage() {
  const { t } = useI18n();
  const { me, refresh, signOut } = useSignedIn();
  const navigate = useNavigate();
  if (!me.mustChangePassword) return <Navigate to="/" replace />;

  const done = async () => {
    await refresh();
    navigate('/', { replace: true });
  };

  return (
    <AuthShell
      title={t('password.forcedTitle')}
      subtitle={t('password.forcedSubtitle', { name: me.person.name })}
      footer={
        <Button type="link" icon={<LogoutOutlined />} onClick={() => void signOut()}>
          {t('nav.signOut')}
        </Button>
      }
    >
      <ChangePasswordForm onDone={() => void done()} submitLabel={t('password.submitAndContinue')} />
    </AuthShell>
  );
}
