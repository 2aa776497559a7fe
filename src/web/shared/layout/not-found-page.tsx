import { Link } from 'react-router-dom';
import { Button, Result } from 'antd';
import { useI18n } from '../i18n/i18n-context.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound.body')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.home')}</Button>
        </Link>
      }
    />
  );
}
