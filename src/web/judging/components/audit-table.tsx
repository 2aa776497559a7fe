import { Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { AuditItem } from '../api.ts';

type Props = { items: AuditItem[]; judgeName: (id: number | null) => string; entryName: (id: number | null) => string };

const scoresOf = (v: unknown): string => {
  if (!v || typeof v !== 'object' || !('scores' in v)) return '';
  const s = (v as { scores: Record<string, number> }).scores;
  return Object.values(s).join(' / ');
};

/** Every score change, lock and unlock: who, when, old, new, reason, and whether it came from the offline queue. */
export function AuditTable({ items, judgeName, entryName }: Props) {
  const { t } = useI18n();
  return (
    <Table<AuditItem>
      rowKey="id"
      size="small"
      dataSource={[...items].reverse()}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      data-testid="audit-table"
      columns={[
        { title: t('judging.audit.at'), width: 150, render: (_, a) => dayjs(a.at).format('MM-DD HH:mm:ss') },
        { title: t('judging.audit.actor'), render: (_, a) => a.actorName },
        { title: t('judging.audit.action'), render: (_, a) => <Tag>{a.action}</Tag> },
        { title: t('judging.audit.judge'), render: (_, a) => judgeName(a.judgeId) },
        { title: t('judging.board.entry'), render: (_, a) => entryName(a.entryId) },
        { title: t('judging.audit.old'), render: (_, a) => <span className="ss-jmuted">{scoresOf(a.old)}</span> },
        { title: t('judging.audit.new'), render: (_, a) => scoresOf(a.new) },
        { title: t('judging.audit.reason'), render: (_, a) => a.reason ?? '' },
        { title: t('judging.audit.via'), render: (_, a) => (a.via === 'offline' ? <Tag color="orange">{t('judging.audit.offline')}</Tag> : a.via ? <Tag>{t('judging.audit.online')}</Tag> : null) },
      ]}
    />
  );
}
