import { Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { AppealView } from '../api.ts';

const STATUS_COLOR: Record<string, string> = { filed: 'gold', 'under-review': 'processing', upheld: 'default', changed: 'success', withdrawn: 'default' };

export function AppealStatus({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="appeal-status">{t(`exams.appeal.status.${status as 'filed'}`)}</Tag>;
}

/** 处理记录: who (the reviewers as "the review panel" when the viewer is the candidate, marking being blind), when, what and why. */
export function AppealTrail({ appeal }: { appeal: AppealView }) {
  const { t } = useI18n();
  return (
    <Timeline
      items={appeal.trail.map((e, i) => ({
        key: i,
        color: e.to === 'changed' ? 'green' : e.to === 'upheld' ? 'gray' : e.to === 'withdrawn' ? 'gray' : 'blue',
        content: (
          <div className="ss-appeal-step" data-testid="appeal-step">
            <strong>{t(`exams.appeal.step.${e.to as 'filed'}`)}</strong>
            {e.newMark !== undefined ? ` → ${e.newMark}` : ''} · {e.actorName ?? t('exams.appeal.panel')} <small>{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</small>
            {e.note && <div>{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
