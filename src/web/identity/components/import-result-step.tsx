import { Link } from 'react-router-dom';
import { Button, Card, Result, Statistic } from 'antd';
import { TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { ImportPreview, ImportResult } from '../api.ts';

type Props = { preview: ImportPreview; result: ImportResult; onAgain: () => void };

/** Step 3: what was written. */
export function ImportResultStep({ preview, result, onAgain }: Props) {
  const { t } = useI18n();
  const skipped = result.rejected.length;
  const stats = [
    { key: 'imported', label: t('import.result.imported'), value: result.imported },
    { key: 'updated', label: t('import.result.updated'), value: result.updated },
    { key: 'unchanged', label: t('import.result.unchanged'), value: result.unchanged },
    { key: 'organisations', label: t('import.result.organisations'), value: result.organisationsCreated },
    { key: 'skipped', label: t('import.result.skipped'), value: skipped },
  ];
  return (
    <Card>
      <Result
        status="success"
        title={t('import.result.title')}
        subTitle={t('import.result.subtitle', { file: preview.fileName })}
        extra={[
          <Link to="/admin/people" key="people">
            <Button type="primary" icon={<TeamOutlined />} data-testid="go-people">
              {t('import.result.viewPeople')}
            </Button>
          </Link>,
          <Button key="again" icon={<UploadOutlined />} onClick={onAgain}>
            {t('import.result.again')}
          </Button>,
        ]}
      >
        <div className="ss-stat-grid" data-testid="import-result">
          {stats.map((s) => (
            <div key={s.key} className={`ss-stat ss-stat--${s.key === 'skipped' && s.value > 0 ? 'rejected' : s.key === 'imported' ? 'create' : 'unchanged'}`}>
              <Statistic title={s.label} value={s.value} />
            </div>
          ))}
        </div>
      </Result>
    </Card>
  );
}
