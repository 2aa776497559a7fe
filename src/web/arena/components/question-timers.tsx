import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useTicker, type QuestionView } from '../api.ts';
import { clock } from '../labels.ts';

/** The host's read-aloud stopwatch (since the question was shown) and the countdown to the deadline that applies now. */
export function QuestionTimers({ question, serverNow, paused }: { question: QuestionView; serverNow: () => number; paused: boolean }) {
  const { t } = useI18n();
  const running = !paused && question.phase !== 'closed' && question.phase !== 'ready';
  useTicker(running, 100);
  const now = serverNow();
  const deadline = question.turn?.deadline ?? (question.phase === 'open' && question.format !== 'buzzer' ? question.deadline : null);
  const left = deadline !== null ? deadline - now : null;
  return (
    <div className="arena-timers" data-testid="host-timers">
      <div className="arena-timers__cell">
        <span className="arena-timers__label">{t('arena.host.readTimer')}</span>
        <span className="arena-timers__value">{question.openedAt && running ? clock(now - question.openedAt) : '—'}</span>
      </div>
      <div className={`arena-timers__cell${left !== null && left < 5000 ? ' arena-timers__cell--urgent' : ''}`}>
        <span className="arena-timers__label">{t('arena.host.deadline')}</span>
        <span className="arena-timers__value">{left !== null && running ? clock(left + 999) : '—'}</span>
      </div>
    </div>
  );
}
