import { Alert, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import { ImportStatGrid, type ImportStat } from '../../shared/import/import-stat-grid.tsx';
import { commitQuestionImport, TYPES, type ImportPreview, type ImportSummary, type QuestionType } from '../api.ts';
import { TypeTag } from './type-tag.tsx';

type Props = { bankId: number; preview: ImportPreview; onRetry: () => void; onCommitted: (summary: ImportSummary) => void };
type Item = ImportPreview['items'][number];
type Skipped = ImportSummary['skipped'][number];

const ACTION_COLOURS: Record<Item['action'], string> = { create: 'green', update: 'blue', unchanged: 'default' };

/** Step 2: what the file would do, every skipped question with its line and reason, near-duplicates flagged. Nothing written yet. */
export function ImportPreviewStep({ bankId, preview, onRetry, onCommitted }: Props) {
  const { t, lang } = useI18n();
  const { busy, error, run } = useAction();
  const { summary } = preview;
  const writes = summary.imported + summary.updated;

  const commit = () => run(async () => onCommitted(await commitQuestionImport(bankId, preview.jobId)));

  const stats: ImportStat[] = [
    { key: 'create', label: t('import.count.create'), value: summary.imported, tone: 'create' },
    { key: 'update', label: t('import.count.update'), value: summary.updated, tone: 'update' },
    { key: 'unchanged', label: t('import.count.unchanged'), value: summary.unchanged, tone: 'unchanged' },
    { key: 'skipped', label: t('bank.import.skipped'), value: summary.skipped.length, tone: summary.skipped.length > 0 ? 'rejected' : 'unchanged' },
    { key: 'near', label: t('bank.import.nearDuplicates'), value: preview.nearDuplicates, tone: preview.nearDuplicates > 0 ? 'orgs' : 'unchanged' },
  ];
  const byType = TYPES.filter((type) => (summary.byType[type] ?? 0) > 0);

  return (
    <div className="ss-import-preview">
      <Card className="ss-block" title={t('import.previewOf', { file: preview.fileName })} extra={<Tag>{preview.format.toUpperCase()}</Tag>}>
        <ImportStatGrid stats={stats} testId="import-counts" />
        {byType.length > 0 && (
          <div className="ss-bytype" data-testid="import-bytype">
            <span>{t('bank.import.byType')}</span>
            {byType.map((type) => (
              <span key={type} className="ss-bytype__item">
                <TypeTag type={type as QuestionType} /> {summary.byType[type]}
              </span>
            ))}
          </div>
        )}
        <Alert
          className="ss-block-top"
          type={summary.skipped.length > 0 || preview.nearDuplicates > 0 ? 'warning' : 'info'}
          showIcon
          title={writes === 0 ? t('bank.import.nothingToWrite') : t('bank.import.summary', { writes, skipped: summary.skipped.length })}
        />
        {error && <Alert type="error" showIcon title={error} className="ss-block-top" />}
        <Space wrap className="ss-block-top">
          <Button type="primary" size="large" icon={<CheckOutlined />} loading={busy} disabled={writes === 0} onClick={() => void commit()} data-testid="commit-import">
            {t('bank.import.commit', { n: writes })}
          </Button>
          <Button size="large" icon={<EditOutlined />} onClick={onRetry}>
            {t('import.retry')}
          </Button>
        </Space>
      </Card>

      {summary.skipped.length > 0 && (
        <Card className="ss-block ss-card-danger" title={t('bank.import.skippedTitle', { n: summary.skipped.length })}>
          <Table<Skipped>
            rowKey={(r) => `${r.line}:${r.reason}`}
            size="small"
            data-testid="skipped-table"
            dataSource={summary.skipped}
            pagination={summary.skipped.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: t('bank.import.line'), dataIndex: 'line', width: 110, render: (line: number) => <Tag color="red" variant="filled">{t('bank.import.lineN', { n: line })}</Tag> },
              { title: t('import.reason'), key: 'reason', render: (_, r) => (lang === 'zh-CN' ? r.reasonZh : r.reason) },
            ]}
          />
        </Card>
      )}

      <Card title={t('bank.import.itemsTitle')} className="ss-block">
        <Table<Item>
          rowKey={(r) => `${r.line}`}
          size="small"
          dataSource={preview.items}
          data-testid="import-items"
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 720 }}
          columns={[
            { title: t('bank.import.line'), dataIndex: 'line', width: 80 },
            { title: t('bank.import.action'), dataIndex: 'action', width: 90, render: (a: Item['action']) => <Tag color={ACTION_COLOURS[a]} variant="filled">{t(`import.count.${a}`)}</Tag> },
            { title: t('bank.field.type'), dataIndex: 'type', width: 100, render: (type: QuestionType) => <TypeTag type={type} /> },
            { title: t('bank.field.stem'), dataIndex: 'stem', ellipsis: true },
            {
              title: t('bank.import.nearDuplicates'),
              key: 'near',
              width: 170,
              render: (_, r) => {
                const refs = [...r.nearDuplicates.existingIds.map((id) => `#${id}`), ...r.nearDuplicates.lines.map((n) => t('bank.import.lineN', { n }))];
                if (refs.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
                return (
                  <Tooltip title={t('bank.import.nearHint')}>
                    <Tag color="orange" variant="filled" icon={<WarningOutlined />}>{refs.join('、')}</Tag>
                  </Tooltip>
                );
              },
            },
          ]}
        />
        {summary.imported + summary.updated + summary.unchanged > preview.items.length && (
          <Typography.Paragraph type="secondary" className="ss-hint">{t('bank.import.itemsNote', { n: preview.items.length })}</Typography.Paragraph>
        )}
      </Card>
    </div>
  );
}
