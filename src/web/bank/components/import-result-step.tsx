import { Link } from 'react-router-dom';
import { Button } from 'antd';
import { DatabaseOutlined, UploadOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { ImportResultCard } from '../../shared/import/import-stat-grid.tsx';
import type { ImportPreview, ImportSummary } from '../api.ts';

type Props = { bankId: number; preview: ImportPreview; summary: ImportSummary; onAgain: () => void };

/** Step 3: what was written. */
export function ImportResultStep({ bankId, preview, summary, onAgain }: Props) {
  const { t } = useI18n();
  return (
    <ImportResultCard
      fourColumns
      title={t('import.result.title')}
      subTitle={t('bank.import.result.subtitle', { file: preview.fileName })}
      stats={[
        { key: 'imported', label: t('bank.import.result.imported'), value: summary.imported, tone: 'create' },
        { key: 'updated', label: t('bank.import.result.updated'), value: summary.updated, tone: 'update' },
        { key: 'unchanged', label: t('import.result.unchanged'), value: summary.unchanged, tone: 'unchanged' },
        { key: 'skipped', label: t('bank.import.skipped'), value: summary.skipped.length, tone: summary.skipped.length > 0 ? 'rejected' : 'unchanged' },
      ]}
      actions={[
        <Link to={`/banks/${bankId}`} key="bank">
          <Button type="primary" icon={<DatabaseOutlined />}>{t('bank.import.result.viewBank')}</Button>
        </Link>,
        <Button key="again" icon={<UploadOutlined />} onClick={onAgain}>
          {t('import.result.again')}
        </Button>,
      ]}
    />
  );
}
