import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { RoundView } from '../api.ts';

/** Top of the phone: me, my team (or me alone), its score and place. Team members share one score. */
export function PhoneScorebar({ view }: { view: RoundView }) {
  const { t } = useI18n();
  const me = view.me;
  if (!me) return null;
  const isTeam = me.inTeam ?? me.unitId !== me.playerId;
  const unitName = me.unitName ?? view.leaderboard.find((r) => r.unitId === me.unitId)?.name ?? me.unitId;
  return (
    <div className="arena-scorebar" data-testid="phone-scorebar">
      <div className="arena-scorebar__who">
        <span className="arena-scorebar__label">{isTeam ? t('arena.play.team') : t('arena.play.myScore')}</span>
        <span className="arena-scorebar__name" data-testid="phone-team">{unitName}</span>
        {isTeam && me.name && <span className="arena-scorebar__me" data-testid="phone-me">{t('arena.play.me', { name: me.name })}</span>}
      </div>
      <div className="arena-scorebar__score">
        <span className="arena-scorebar__label">{isTeam ? t('arena.play.teamScore') : t('arena.score')}</span>
        <b data-testid="phone-score">{me.score}</b>
      </div>
      <div className="arena-scorebar__place">{me.place ? t('arena.place', { n: me.place }) : '—'}</div>
    </div>
  );
}
