import { lazy, Suspense } from 'react';
import { BellFilled } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { RoundView } from '../api.ts';
import { ScreenTimer } from './screen-timer.tsx';

const DistributionChart = lazy(() => import('./distribution-chart.tsx'));

type Props = { view: RoundView; serverNow: () => number };

/** The question as the hall sees it: prompt, options, countdown, buzz state, winner, and after the close the answer and its distribution. */
export function ScreenQuestion({ view, serverNow }: Props) {
  const { t } = useI18n();
  const q = view.question!;
  const correct = Array.isArray(q.correct) ? q.correct : [];
  const closed = q.phase === 'closed' || q.phase === 'done';
  const winner = q.winner ? q.buzzes.find((b) => b.unitId === q.winner) : null;
  const turnDeadline = q.turn?.deadline ?? null;
  const deadline = turnDeadline ?? (q.phase === 'open' && q.format !== 'buzzer' ? q.deadline : null);
  const stakes = Object.entries(q.stakes);
  const name = (id: string) => view.leaderboard.find((r) => r.unitId === id)?.name ?? id;

  if (!q.shown)
    return (
      <div className="screen-splash" data-testid="screen-ready">
        <div className="screen-splash__kicker">{t(`arena.format.${q.format}`)}</div>
        <div className="screen-splash__title">{t('arena.questionN', { n: q.index + 1, total: view.questionCount })}</div>
        <div className="screen-splash__points">{t('arena.points', { n: q.points })}</div>
      </div>
    );

  return (
    <div className={`screen-q screen-q--${q.phase}`} data-testid="screen-question" data-phase={q.phase}>
      <div className="screen-q__head">
        <span className={`screen-badge screen-badge--${q.format}`}>{t(`arena.format.${q.format}`)}</span>
        {q.kind && <span className="screen-q__kind" data-testid="screen-kind">{t(`arena.kind.${q.kind}`)}</span>}
        <span className="screen-q__no">{t('arena.questionN', { n: q.index + 1, total: view.questionCount })}</span>
        <span className="screen-q__pts">{t('arena.points', { n: q.points })}</span>
        <span className="screen-q__spacer" />
        <ScreenTimer deadline={closed ? null : deadline} serverNow={serverNow} paused={view.paused} />
      </div>
      <div className="screen-q__prompt">{q.prompt}</div>
      {q.options.length > 0 && !(closed && q.distribution) && (
        <div className="screen-q__options">
          {q.options.map((o, i) => (
            <div key={o.key} className={`screen-opt screen-opt--c${i % 4}${correct.includes(o.key) ? ' screen-opt--correct' : ''}${closed && !correct.includes(o.key) ? ' screen-opt--dim' : ''}`}>
              <b className="screen-opt__key">{o.key}</b>
              <span className="screen-opt__text">{o.text}</span>
            </div>
          ))}
        </div>
      )}
      {closed && q.distribution && q.options.length > 0 && (
        <div className="screen-q__dist">
          <div className="screen-q__dist-title">
            {t('arena.screen.answers')} · {t('arena.correct', { answer: correct.join('') })}
          </div>
          <Suspense fallback={null}>
            <DistributionChart rows={q.distribution} correct={q.correct} dark height={360} />
          </Suspense>
        </div>
      )}
      {q.phase === 'buzzing' && <div className="screen-q__buzz-now">{t('arena.screen.buzzNow')}</div>}
      {winner && (q.phase === 'answering' || q.phase === 'done' || q.phase === 'closed') && (
        <div className="screen-winner" data-testid="screen-winner">
          <BellFilled className="screen-winner__bell" />
          <span className="screen-winner__name" data-testid="screen-winner-name">{winner.name}</span>
          <span className="screen-winner__get">{t('arena.screen.get')}</span>
          {q.verdicts[winner.unitId] && <span className={`screen-winner__verdict screen-winner__verdict--${q.verdicts[winner.unitId]}`}>{t(q.verdicts[winner.unitId] === 'right' ? 'arena.right' : 'arena.wrong')}</span>}
        </div>
      )}
      {q.format === 'risk' && stakes.length > 0 && (
        <div className="screen-stakes">
          <span className="screen-stakes__label">{t('arena.screen.stakes')}</span>
          {stakes.map(([u, s]) => (
            <span key={u} className={`screen-stakes__item${q.verdicts[u] ? ` screen-stakes__item--${q.verdicts[u]}` : ''}`}>
              {name(u)} <b>{s}</b>
            </span>
          ))}
        </div>
      )}
      {q.format !== 'buzzer' && !closed && <div className="screen-q__answered">{t('arena.answered', { n: q.answered })}</div>}
    </div>
  );
}
