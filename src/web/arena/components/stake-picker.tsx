import { useI18n } from '../../shared/i18n/i18n-context.tsx';

type Props = { stakes: number[]; mine: number | null; onPick: (stake: number) => void };

/** The risk question's stake, picked before the question is shown; it can be changed until then. */
export function StakePicker({ stakes, mine, onPick }: Props) {
  const { t } = useI18n();
  return (
    <div className="arena-stake" data-testid="stake-picker">
      <h2 className="arena-phone__headline">{t('arena.play.pickStake')}</h2>
      <p className="arena-phone__sub">{t('arena.play.stakeHint')}</p>
      <div className="arena-stake__grid">
        {stakes.map((s) => (
          <button key={s} type="button" className={`arena-stake__btn${mine === s ? ' is-chosen' : ''}`} onClick={() => onPick(s)} data-testid={`stake-${s}`}>
            {s}
          </button>
        ))}
      </div>
      {mine !== null && <div className="arena-phone__note" data-testid="stake-chosen">{t('arena.play.stakeChosen', { n: mine })}</div>}
    </div>
  );
}
