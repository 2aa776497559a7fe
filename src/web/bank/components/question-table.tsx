import { Link } from 'react-router-dom';
import { Rate, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { QuestionView } from '../api.ts';
import { StatusBadge } from './status-badge.tsx';
import { TypeTag } from './type-tag.tsx';

type Props = {
  bankId: number;
  items: QuestionView[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
};

/** One page of questions: stem, type, track, knowledge points, difficulty, score, status, version. */
export function QuestionTable({ bankId, items, total, page, pageSize, loading, onPage }: Props) {
  const { t } = useI18n();
  const columns: TableColumnsType<QuestionView> = [
    { title: t('bank.field.id'), dataIndex: 'id', width: 64, render: (id: number) => <Typography.Text type="secondary">#{id}</Typography.Text> },
    {
      title: t('bank.field.stem'),
      key: 'stem',
      minWidth: 280,
      ellipsis: { showTitle: false },
      render: (_, q) => (
        <Tooltip title={q.stem} placement="topLeft">
          <Link to={`/banks/${bankId}/questions/${q.id}`} className="ss-stem-link">
            {q.stem}
          </Link>
        </Tooltip>
      ),
    },
    { title: t('bank.field.type'), dataIndex: 'type', width: 100, render: (type: QuestionView['type']) => <TypeTag type={type} /> },
    { title: t('bank.field.track'), dataIndex: 'track', width: 120, responsive: ['xl'], render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('bank.field.trackAny')}</Typography.Text> },
    {
      title: t('bank.field.knowledgePoints'),
      dataIndex: 'knowledgePoints',
      width: 160,
      responsive: ['xxl'],
      ellipsis: { showTitle: false },
      render: (kps: string[]) => (
        <Tooltip title={kps.join('\n')} placement="topLeft">
          <span className="ss-org-path">{kps.join('；') || '—'}</span>
        </Tooltip>
      ),
    },
    { title: t('bank.field.difficulty'), dataIndex: 'difficulty', width: 110, render: (d: number) => <Rate disabled value={d} className="ss-rate-small" /> },
    { title: t('bank.field.score'), dataIndex: 'score', width: 64, align: 'right' },
    { title: t('bank.field.status'), dataIndex: 'status', width: 90, render: (s: QuestionView['status']) => <StatusBadge status={s} /> },
    { title: t('bank.field.version'), dataIndex: 'versionNo', width: 70, responsive: ['md'], render: (v: number) => `v${v}` },
  ];
  return (
    <Table<QuestionView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 900 }}
      data-testid="question-table"
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => t('bank.browser.total', { n }),
        onChange: onPage,
      }}
    />
  );
}
