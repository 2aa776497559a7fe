import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { RoundView } from '../api.ts';
import { lightOf, type PhoneState } from '../phone-state.ts';

/** Under the scorebar: question n of N, its section (必答/抢答/风险/PK/全员) and kind (单选/多选/判断/口答), and the state light. */
export function PhoneQuestionStrip({ view, state }: { view: RoundView; state: PhoneState }) {
  const { t } = useI18n();
  const q = view.question;
  const light = lightOf(state);
  return (
    <div className="arena-strip" data-testid="phone-strip">
      {q ? (
        <>
          <span className="arena-strip__no">{t('arena.questionN', { n: q.index + 1, total: view.questionCount })}</span>
          <span className={`arena-strip__format arena-strip__format--${q.format}`} data-testid="phone-format">{t(`arena.format.${q.format}`)}</span>
          {q.kind && <span className="arena-strip__kind" data-testid="phone-kind">{t(`arena.kind.${q.kind}`)}</span>}
        </>
      ) : (
        <span className="arena-strip__no">{t('arena.list.questions', { n: view.questionCount })}</span>
      )}
      <span className={`arena-strip__light arena-strip__light--${light}`} data-testid="phone-light" data-light={light}>
        {t(`arena.play.state.${light}`)}
      </span>
    </div>
  );
}
