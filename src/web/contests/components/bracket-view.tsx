import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { BracketView as View, MatchState } from '../api.ts';
import { MatchCard } from './match-card.tsx';

type Props = { view: View; names: Map<string, string>; canRecord: boolean; onRecord: (m: MatchState) => void };

const SIDES: MatchState['side'][] = ['winners', 'losers', 'final', 'third'];

/** The bracket drawn by the app: one column per round, each side (winners, losers, final, third place) its own row. */
export function BracketView({ view, names, canRecord, onRecord }: Props) {
  const { t } = useI18n();
  const bySide = SIDES.map((side) => ({ side, matches: view.matches.filter((m) => m.side === side) })).filter((s) => s.matches.length > 0);
  const lastWinners = Math.max(0, ...view.matches.filter((m) => m.side === 'winners').map((m) => m.round));
  const roundTitle = (side: MatchState['side'], round: number) => {
    if (side === 'losers') return t('contests.bracket.losersRound', { n: round });
    if (side === 'final') return round > 1 ? t('contests.bracket.reset') : t('contests.bracket.grandFinal');
    if (side === 'third') return t('contests.bracket.third');
    if (view.bracket.kind === 'single' && round === lastWinners) return t('contests.bracket.final');
    if (view.bracket.kind === 'single' && round === lastWinners - 1) return t('contests.bracket.semi');
    return t('contests.bracket.round', { n: round });
  };
  return (
    <div className="ss-bracket" data-testid="bracket-view">
      {bySide.map(({ side, matches }) => {
        const rounds = [...new Set(matches.map((m) => m.round))].sort((a, b) => a - b);
        return (
          <div key={side} className={`ss-bracket__side ss-bracket__side--${side}`}>
            {view.bracket.kind === 'double' && <div className="ss-bracket__side-title">{t(`contests.bracket.side.${side}`)}</div>}
            <div className="ss-bracket__rounds">
              {rounds.map((r) => (
                <div key={r} className="ss-bracket__round">
                  <div className="ss-bracket__round-title">{roundTitle(side, r)}</div>
                  <div className="ss-bracket__matches">
                    {matches.filter((m) => m.round === r && m.status !== 'void').sort((a, b) => a.number - b.number).map((m) => (
                      <MatchCard key={m.id} match={m} names={names} canRecord={canRecord} onRecord={onRecord} />
                    ))}
                  </div>
                </div>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}
