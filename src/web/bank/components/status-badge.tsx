import { Badge } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { QuestionStatus } from '../api.ts';

const TONE: Record<QuestionStatus, 'success' | 'warning' | 'default'> = { active: 'success', draft: 'warning', retired: 'default' };

/** 启用 / 草稿 / 停用. */
export function StatusBadge({ status }: { status: QuestionStatus }) {
  const { t } = useI18n();
  return <Badge status={TONE[status]} text={t(`bank.status.${status}`)} />;
}
