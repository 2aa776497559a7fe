import { FlagFilled } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { PaperItemView } from '../api.ts';
import { isAnswered, type ItemSync, type LocalItem } from '../use-answer-sync.ts';

type Props = { items: PaperItemView[]; current: number; local: Record<string, LocalItem>; sync: Record<string, ItemSync>; onJump: (index: number) => void };

/** The answer card (答题卡): every item's number, answered / flagged / current / not yet saved, tap to jump. */
export function QuestionNavigator({ items, current, local, sync, onJump }: Props) {
  const { t } = useI18n();
  return (
    <div className="ss-exam-nav" data-testid="exam-navigator">
      <div className="ss-exam-nav__grid">
        {items.map((item, i) => {
          const state = local[item.itemId];
          const classes = ['ss-exam-nav__cell'];
          if (isAnswered(state?.response)) classes.push('is-answered');
          if (state?.flagged) classes.push('is-flagged');
          if (i === current) classes.push('is-current');
          if (sync[item.itemId] && sync[item.itemId] !== 'saved') classes.push('is-unsaved');
          return (
            <button type="button" key={item.itemId} className={classes.join(' ')} onClick={() => onJump(i)} aria-label={t('exams.take.goTo', { n: item.number })} aria-current={i === current}>
              {item.number}
              {state?.flagged && <FlagFilled className="ss-exam-nav__flag" />}
            </button>
          );
        })}
      </div>
      <div className="ss-exam-nav__legend">
        <span><i className="ss-exam-nav__swatch is-answered" />{t('exams.take.legendAnswered')}</span>
        <span><i className="ss-exam-nav__swatch" />{t('exams.take.legendOpen')}</span>
        <span><i className="ss-exam-nav__swatch is-flagged" />{t('exams.take.legendFlagged')}</span>
        <span><i className="ss-exam-nav__swatch is-unsaved" />{t('exams.take.legendUnsaved')}</span>
      </div>
    </div>
  );
}
