import { Link } from 'react-router-dom';
import { Button } from 'antd';
import { NumberOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import '../arena.css';
import { MyRoundsSection } from '../components/my-rounds-section.tsx';

/** A contestant's live rounds (/arena/mine): their team's rounds and the mass quizzes open to their organisation. */
export function MyRoundsPage() {
  const { t } = useI18n();
  return (
    <div className="ss-page arena-mine-page" data-testid="my-rounds-page">
      <PageHeader
        title={t('arena.mine.title')}
        subtitle={t('arena.mine.subtitle')}
        extra={
          <Link to="/arena/join">
            <Button icon={<NumberOutlined />}>{t('arena.home.join')}</Button>
          </Link>
        }
      />
      <MyRoundsSection />
    </div>
  );
}
