import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { BrandMark } from '../../shared/layout/brand-mark.tsx';
import type { ScreenState } from '../api.ts';

type Props = { state: ScreenState; controls?: ReactNode };

/**
 * The big screen (1920×1080, read from the back of the hall): each judge's score appears in seat
 * order, the dropped highest and lowest are struck through, then the final. It draws what the
 * server says is on screen after the current step; it never knows the steps still to come.
 */
export function RevealStage({ state, controls }: Props) {
  const { t, lang } = useI18n();
  const fmt = (n: number) => n.toFixed(state.decimals ?? 2);
  const r = state.reveal;
  const shown = new Map((r?.screen.scores ?? []).map((s) => [s.judgeId, s]));
  const seats = [...state.judges].sort((a, b) => a.seat - b.seat);
  const visible = r?.screen.done ? seats.filter((j) => shown.has(j.judgeId)) : seats;

  return (
    <div className="ss-reveal" data-testid="reveal-screen" data-step={r?.screen.at ?? -1} data-done={r?.screen.done ? 'true' : 'false'}>
      <header className="ss-reveal__top">
        <span className="ss-reveal__brand">
          <BrandMark size={56} /> {t('judging.reveal.brand')}
        </span>
        <span className="ss-reveal__panel">{state.panelName}</span>
      </header>

      {!r ? (
        <main className="ss-reveal__idle">
          <div className="ss-reveal__kicker">{t('judging.reveal.onStage')}</div>
          <div className="ss-reveal__entry">{state.onStage?.name ?? t('judging.reveal.waiting')}</div>
          {state.onStage && <div className="ss-reveal__org">{state.onStage.organisationName}</div>}
          <div className="ss-reveal__hint">{t('judging.reveal.scoringInProgress')}</div>
        </main>
      ) : (
        <main className="ss-reveal__main">
          <div className="ss-reveal__kicker">{t('judging.reveal.revealing')}</div>
          <div className="ss-reveal__entry" data-testid="reveal-entry">{r.name}</div>
          <div className="ss-reveal__judges" style={{ gridTemplateColumns: `repeat(${Math.max(1, visible.length)}, minmax(0, 1fr))` }}>
            {visible.map((j, i) => {
              const s = shown.get(j.judgeId);
              const struck = s?.struck[0];
              return (
                <div
                  key={j.judgeId}
                  className={`ss-reveal__card${s ? ' ss-reveal__card--in' : ''}${struck ? ' ss-reveal__card--struck' : ''}`}
                  data-testid={`reveal-judge-${j.judgeId}`}
                  data-struck={struck ? struck.side : ''}
                >
                  <div className="ss-reveal__seat">{t('judging.reveal.judgeN', { n: i + 1 })}</div>
                  <div className="ss-reveal__name">{j.name}</div>
                  <div className="ss-reveal__score">{s ? fmt(s.value) : '?'}</div>
                  <div className="ss-reveal__tag">{struck ? (struck.side === 'high' ? t('judging.reveal.droppedHigh') : t('judging.reveal.droppedLow')) : ' '}</div>
                </div>
              );
            })}
          </div>
          <div className="ss-reveal__notices">
            {r.screen.notices.map((n, i) => (
              <div key={i} className="ss-reveal__notice">
                {lang === 'en' ? n.reason : n.reasonZh}
              </div>
            ))}
          </div>
          <div className={`ss-reveal__final${r.screen.final !== null ? ' ss-reveal__final--in' : ''}`}>
            <span className="ss-reveal__final-label">{t('judging.reveal.final')}</span>
            <span className="ss-reveal__final-value" data-testid="reveal-final">
              {r.screen.final !== null ? fmt(r.screen.final) : '—'}
            </span>
          </div>
        </main>
      )}
      {controls}
    </div>
  );
}
