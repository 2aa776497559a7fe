import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { ContestStatus, EntryStatus } from '../api.ts';

const CONTEST_TONE: Record<ContestStatus, string> = { draft: 'default', registration: 'processing', running: 'blue', finished: 'success' };
const ENTRY_TONE: Record<EntryStatus, string> = { submitted: 'gold', approved: 'success', rejected: 'error', withdrawn: 'default' };

/** 草稿 / 报名中 / 进行中 / 已结束. */
export function ContestStatusTag({ status }: { status: ContestStatus }) {
  const { t } = useI18n();
  return <Tag color={CONTEST_TONE[status]} variant="filled">{t(`contests.status.${status}`)}</Tag>;
}

/** 待审核 / 已通过 / 已驳回. */
export function EntryStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const s = (status in ENTRY_TONE ? status : 'submitted') as EntryStatus;
  return <Tag color={ENTRY_TONE[s]} variant="filled" data-testid={`entry-status-${s}`}>{t(`contests.entryStatus.${s}`)}</Tag>;
}
