import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { fetchPublicRound, useLiveRound, type PublicRound } from '../api.ts';
import { isApiError } from '../../shared/api.ts';
import '../arena.css';
import { ConnectionBadge } from '../components/connection-badge.tsx';
import { LeaderboardList } from '../components/leaderboard-list.tsx';
import { ScreenPass } from '../components/pass-status.tsx';
import { Podium } from '../components/podium.tsx';
import { ScreenQuestion } from '../components/screen-question.tsx';

const W = 1920;
const H = 1080;

/** Scales the fixed 1920×1080 stage to the window, letterboxed. */
function useStageScale(): number {
  const fit = () => Math.min(window.innerWidth / W, window.innerHeight / H);
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const on = () => setScale(fit());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return scale;
}

/**
 * The big screen (?token= the round's screen token; no sign-in) and the public spectator
 * page (`spectator`): a TV graphic, dark, readable from the back of the hall.
 */
export function ScreenPage({ spectator = false }: { spectator?: boolean }) {
  const { t } = useI18n();
  const id = Number(useParams().roundId);
  const [params] = useSearchParams();
  const token = params.get('token');
  const [info, setInfo] = useState<PublicRound | null>(null);
  const [refused, setRefused] = useState(!spectator && !token);
  const live = useLiveRound(refused ? null : id, spectator ? { as: 'spectator' } : { as: 'screen', token });
  const scale = useStageScale();
  const view = refused ? null : live.view;
  const joinCode = info?.joinCode ?? params.get('code');

  // the title and join code; a revoked or replaced token is refused here (and the socket is not retried)
  const recheck = (live.status === 'reconnecting' && live.attempts >= 2) || !!live.closedBy;
  useEffect(() => {
    if (!spectator && !token) return;
    const c = new AbortController();
    fetchPublicRound(id, spectator ? null : token, c.signal).then(setInfo, (e: unknown) => {
      if (!spectator && isApiError(e) && (e.status === 403 || e.status === 404)) setRefused(true);
    });
    return () => c.abort();
  }, [id, token, spectator, recheck]);

  useEffect(() => {
    document.body.classList.add('screen-body');
    return () => document.body.classList.remove('screen-body');
  }, []);

  const q = view?.question ?? null;
  const highlight = q?.winner ?? q?.turn?.unitId ?? null;
  return (
    <div className="screen-viewport" data-testid="arena-screen">
      <div className="screen-stage" style={{ transform: `translate(-50%, -50%) scale(${scale})` }}>
        <div className="screen-bg" />
        <header className="screen-top">
          <div className="screen-top__brand">
            <span className="screen-top__star">★</span> 服务之星 <span className="screen-top__en">SERVICESTAR</span>
          </div>
          <div className="screen-top__title" data-testid="screen-title">{info?.title ?? t('arena.title')}</div>
          <div className="screen-top__right">
            {view?.paused && <span className="screen-paused">{t('arena.paused')}</span>}
            {joinCode && <span className="screen-code">{t('arena.list.joinCode', { code: joinCode })}</span>}
            {!refused && <ConnectionBadge live={live} dark />}
          </div>
        </header>
        {!view ? (
          <div className="screen-splash">
            <div className="screen-splash__title" data-testid="screen-refused">{!spectator && !token ? t('arena.screen.noToken') : refused ? t('arena.screen.tokenRefused') : t('arena.conn.connecting')}</div>
          </div>
        ) : view.podium ? (
          <div className="screen-final">
            <div className="screen-final__title">{t('arena.podium')}</div>
            <Podium rows={view.podium} variant="screen" />
            <ScreenPass view={view} />
          </div>
        ) : (
          <div className="screen-main">
            <section className="screen-main__stage">
              {q ? (
                <ScreenQuestion view={view} serverNow={live.serverNow} />
              ) : (
                <div className="screen-splash">
                  <div className="screen-splash__kicker">{t('arena.title')}</div>
                  <div className="screen-splash__title">{t('arena.screen.waiting')}</div>
                </div>
              )}
            </section>
            <aside className="screen-main__board">
              <div className="screen-board__title">{t('arena.leaderboard')}</div>
              <LeaderboardList rows={view.leaderboard.slice(0, 8)} highlight={highlight} variant="screen" rowHeight={104} />
              <ScreenPass view={view} />
            </aside>
          </div>
        )}
      </div>
    </div>
  );
}
