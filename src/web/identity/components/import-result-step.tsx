import { Link } from 'react-router-dom';
import { Button } from 'antd';
import { TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { ImportResultCard } from '../../shared/import/import-stat-grid.tsx';
import type { ImportPreview, ImportResult } from '../api.ts';

type Props = { preview: ImportPreview; result: ImportResult; onAgain: () => void };

/** Step 3: what was written. */
export function ImportResultStep({ preview, result, onAgain }: Props) {
  const { t } = useI18n();
  const skipped = result.rejected.length;
  return (
    <ImportResultCard
      title={t('import.result.title')}
      subTitle={t('import.result.subtitle', { file: preview.fileName })}
      stats={[
        { key: 'imported', label: t('import.result.imported'), value: result.imported, tone: 'create' },
        { key: 'updated', label: t('import.result.updated'), value: result.updated, tone: 'update' },
        { key: 'unchanged', label: t('import.result.unchanged'), value: result.unchanged, tone: 'unchanged' },
        { key: 'organisations', label: t('import.result.organisations'), value: result.organisationsCreated, tone: 'orgs' },
        { key: 'skipped', label: t('import.result.skipped'), value: skipped, tone: skipped > 0 ? 'rejected' : 'unchanged' },
      ]}
      actions={[
        <Link to="/admin/people" key="people">
          <Button type="primary" icon={<TeamOutlined />} data-testid="go-people">
            {t('import.result.viewPeople')}
          </Button>
        </Link>,
        <Button key="again" icon={<UploadOutlined />} onClick={onAgain}>
          {t('import.result.again')}
        </Button>,
      ]}
    />
  );
}
