import { Alert, Button, Card, Col, Empty, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import { ImportStatGrid, type ImportStat } from '../../shared/import/import-stat-grid.tsx';
import { commitImport, type ImportPreview, type ImportResult } from '../api.ts';

type Props = { preview: ImportPreview; onRetry: () => void; onCommitted: (result: ImportResult) => void };
type Sample = ImportPreview['creates'][number];
type Rejection = ImportPreview['rejected'][number];

/** Step 2: what the file would do, with every refused row and its reason. Nothing has been written yet. */
export function ImportPreviewStep({ preview, onRetry, onCommitted }: Props) {
  const { t, lang } = useI18n();
  const { busy, error, run } = useAction();
  const { counts } = preview;
  const valid = counts.create + counts.update + counts.unchanged;

  const commit = () => run(async () => onCommitted(await commitImport(preview.jobId, 'valid-rows')));

  const stats: ImportStat[] = [
    { key: 'create', label: t('import.count.create'), value: counts.create, tone: 'create' },
    { key: 'update', label: t('import.count.update'), value: counts.update, tone: 'update' },
    { key: 'unchanged', label: t('import.count.unchanged'), value: counts.unchanged, tone: 'unchanged' },
    { key: 'rejected', label: t('import.count.rejected'), value: counts.rejected, tone: counts.rejected > 0 ? 'rejected' : 'unchanged' },
    { key: 'newOrganisations', label: t('import.count.newOrganisations'), value: counts.newOrganisations, tone: 'orgs' },
  ];

  const sampleColumns = [
    { title: t('import.row'), dataIndex: 'row', width: 80 },
    { title: t('field.employeeNo'), dataIndex: 'employeeNo', width: 140 },
    { title: t('field.name'), dataIndex: 'name', width: 120 },
    { title: t('field.organisation'), dataIndex: 'organisation', ellipsis: true },
  ];

  return (
    <div className="ss-import-preview">
      <Card className="ss-block" title={<span>{t('import.previewOf', { file: preview.fileName })}</span>} extra={<Tag>{preview.format.toUpperCase()}{preview.encoding ? ` · ${preview.encoding}` : ''}</Tag>}>
        {preview.fileError ? (
          <Alert
            type="error"
            showIcon
            title={t('import.fileError')}
            description={lang === 'zh-CN' ? preview.fileError.reasonZh : preview.fileError.reason}
            data-testid="import-file-error"
          />
        ) : (
          <ImportStatGrid stats={stats} testId="import-counts" />
        )}
        {!preview.fileError && (
          <Alert
            className="ss-block-top"
            type={counts.rejected > 0 ? 'warning' : 'info'}
            showIcon
            title={counts.rejected > 0 ? t('import.summaryWithErrors', { valid, rejected: counts.rejected }) : t('import.summaryClean', { valid })}
          />
        )}
        {error && <Alert type="error" showIcon title={error} className="ss-block-top" />}
        <Space wrap className="ss-block-top">
          <Button type="primary" size="large" icon={<CheckOutlined />} loading={busy} disabled={Boolean(preview.fileError) || valid === 0} onClick={() => void commit()} data-testid="commit-valid">
            {t('import.commitValid')}
          </Button>
          <Button size="large" icon={<EditOutlined />} onClick={onRetry} data-testid="retry-upload">
            {t('import.retry')}
          </Button>
        </Space>
      </Card>

      {preview.rejected.length > 0 && (
        <Card className="ss-block ss-card-danger" title={t('import.rejectedTitle', { n: counts.rejected })}>
          <Table<Rejection>
            rowKey={(r) => `${r.row}:${r.code}:${r.reason}`}
            size="small"
            data-testid="rejected-table"
            dataSource={preview.rejected}
            pagination={preview.rejected.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 90, render: (row: number) => <Tag color="red" variant="filled">{t('import.rowN', { n: row })}</Tag> },
              { title: t('import.reason'), key: 'reason', render: (_, r) => (lang === 'zh-CN' ? r.reasonZh : r.reason) },
              { title: t('import.code'), dataIndex: 'code', width: 200, responsive: ['md'], render: (c: string) => <Typography.Text type="secondary" code>{c}</Typography.Text> },
            ]}
          />
        </Card>
      )}

      {!preview.fileError && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={preview.newOrganisations.length > 0 ? 16 : 24}>
            <Card title={t('import.samples')}>
              <Tabs
                items={[
                  {
                    key: 'creates',
                    label: `${t('import.count.create')} (${counts.create})`,
                    children: <Table<Sample> rowKey="row" size="small" dataSource={preview.creates} columns={sampleColumns} pagination={false} scroll={{ y: 320 }} locale={{ emptyText: <Empty description={t('import.noCreates')} /> }} />,
                  },
                  {
                    key: 'updates',
                    label: `${t('import.count.update')} (${counts.update})`,
                    children: <Table<Sample> rowKey="row" size="small" dataSource={preview.updates} columns={sampleColumns} pagination={false} scroll={{ y: 320 }} locale={{ emptyText: <Empty description={t('import.noUpdates')} /> }} />,
                  },
                ]}
              />
              {(counts.create > preview.creates.length || counts.update > preview.updates.length) && (
                <Typography.Paragraph type="secondary" className="ss-hint">{t('import.samplesNote', { n: 50 })}</Typography.Paragraph>
              )}
            </Card>
          </Col>
          {preview.newOrganisations.length > 0 && (
            <Col xs={24} xl={8}>
              <Card title={t('import.newOrganisationsTitle', { n: preview.newOrganisations.length })}>
                <ul className="ss-new-orgs" data-testid="new-organisations">
                  {preview.newOrganisations.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </Card>
            </Col>
          )}
        </Row>
      )}
    </div>
  );
}
