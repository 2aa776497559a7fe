import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { App } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../shared/layout/language-switch.tsx';
import { fetchPublicRound, saveGuest, savedGuest, useLiveRound } from '../api.ts';
import '../arena.css';
import { ConnectionBadge } from '../components/connection-badge.tsx';
import { PhoneScorebar } from '../components/phone-scorebar.tsx';
import { PhonePass } from '../components/pass-status.tsx';
import { PhoneQuestionStrip } from '../components/phone-question-strip.tsx';
import { PhoneStage } from '../components/phone-stage.tsx';
import { phoneStateOf } from '../phone-state.ts';

/** A view from a server older than the riskStakes field: the engine's default stakes. */
const DEFAULT_STAKES = [10, 20, 30];

/**
 * The contestant's phone (390×844): big buzzer, options, stake picker, own/team score.
 * Signed-in roster players connect with their session; a mass-quiz guest with ?guest=.
 */
export function PlayPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const id = Number(useParams().roundId);
  const [params] = useSearchParams();
  const guest = params.get('guest') ?? savedGuest(id);
  const live = useLiveRound(id, { as: 'player', guest });
  const view = live.view;
  const state = useMemo(() => phoneStateOf(view, live.events), [view, live.events]);
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    const c = new AbortController();
    fetchPublicRound(id, null, c.signal).then((r) => setTitle(r.title), () => undefined); // a guest of a private quiz: no title, no harm
    return () => c.abort();
  }, [id]);

  useEffect(() => {
    if (live.guestToken) saveGuest(id, live.guestToken);
  }, [id, live.guestToken]);

  const lastDelta = useMemo(() => {
    const me = view?.me;
    if (!me) return null;
    for (let i = live.events.length - 1; i >= 0; i--) {
      const e = live.events[i];
      if (e.type === 'questionReady') return null;
      if (e.type === 'judged' && e.unitId === me.unitId) return e.delta;
    }
    return null;
  }, [view, live.events]);

  const send = useCallback(
    async (c: { type: string; [k: string]: unknown }) => {
      if (navigator.vibrate) navigator.vibrate(30);
      const r = await live.send(c);
      if (!r.ok && r.code !== 'DUPLICATE') message.warning(r.reason);
    },
    [live, message],
  );

  return (
    <div className={`arena-phone arena-phone--${state.kind}`} data-testid="arena-phone" data-state={state.kind}>
      <header className="arena-phone__top">
        <span className="arena-phone__brand" data-testid="phone-round-title">{title ?? t('arena.title')}</span>
        <ConnectionBadge live={live} dark />
        <LanguageSwitch size="small" />
      </header>
      {view && <PhoneScorebar view={view} />}
      {view?.me && view.status !== 'finished' && <PhoneQuestionStrip view={view} state={state} />}
      {view?.me && view.status !== 'finished' && <PhonePass view={view} />}
      {view?.paused && <div className="arena-phone__paused">{t('arena.paused')}</div>}
      <main className="arena-phone__main">
        {view ? (
          <PhoneStage
            view={view}
            state={state}
            stakes={view.riskStakes ?? DEFAULT_STAKES}
            lastDelta={lastDelta}
            serverNow={live.serverNow}
            onBuzz={() => void send({ type: 'buzz' })}
            onAnswer={(choice) => void send({ type: 'answer', choice })}
            onStake={(stake) => void send({ type: 'pickStake', stake })}
          />
        ) : (
          <div className="arena-phone__panel"><h2 className="arena-phone__headline">{t('arena.conn.connecting')}</h2></div>
        )}
      </main>
    </div>
  );
}
