import { CheckCircleFilled } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';

type Props = { stakes: number[]; mine: number | null; picked?: number | null; total?: number | null; onPick: (stake: number) => void };

/** The risk question's stake, picked from the declared values before the question is shown; it can be changed until then. */
export function StakePicker({ stakes, mine, picked = null, total = null, onPick }: Props) {
  const { t } = useI18n();
  return (
    <div className="arena-stake" data-testid="stake-picker">
      <h2 className="arena-phone__headline">{t('arena.play.pickStake')}</h2>
      <p className="arena-phone__sub">{t('arena.play.stakeHint')}</p>
      <div className="arena-stake__grid">
        {stakes.map((s) => (
          <button key={s} type="button" className={`arena-stake__btn${mine === s ? ' is-chosen' : ''}`} onClick={() => onPick(s)} data-testid={`stake-${s}`} aria-pressed={mine === s}>
            {mine === s && <CheckCircleFilled className="arena-stake__tick" />}
            <span className="arena-stake__value">{s}</span>
            <span className="arena-stake__pm">±{s}</span>
          </button>
        ))}
      </div>
      {mine !== null ? (
        <div className="arena-stake__chosen" data-testid="stake-chosen">
          <b>{t('arena.play.stakeChosen', { n: mine })}</b>
          <span>{t('arena.play.stakeLater')}</span>
        </div>
      ) : null}
      {picked !== null && total ? <div className="arena-phone__sub" data-testid="stakes-picked">{t('arena.play.stakesPicked', { n: picked, total })}</div> : null}
    </div>
  );
}
