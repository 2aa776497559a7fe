import { useNavigate } from 'react-router-dom';
import { App, Card } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { ChangePasswordForm } from '../components/change-password-form.tsx';

/** Changing one's password by choice, inside the signed-in area. */
export function AccountPasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <div className="ss-page ss-page--narrow">
      <PageHeader title={t('nav.changePassword')} subtitle={t('password.voluntarySubtitle')} />
      <Card>
        <ChangePasswordForm
          onDone={() => {
            message.success(t('password.changed'));
            navigate('/', { replace: true });
          }}
        />
      </Card>
    </div>
  );
}
