import { useI18n } from '../../shared/i18n/i18n-context.tsx';

type Props = { open: boolean; disabled?: boolean; onBuzz: () => void };

/**
 * The big round buzzer. Fires on pointerdown (not click) so the press counts the moment
 * the thumb lands. Before the host opens the buzz it is grey, and pressing it is a false start.
 */
export function BuzzButton({ open, disabled = false, onBuzz }: Props) {
  const { t } = useI18n();
  return (
    <div className="arena-buzzer">
      <button
        type="button"
        className={`arena-buzzer__btn${open ? ' arena-buzzer__btn--open' : ''}`}
        disabled={disabled}
        onPointerDown={(e) => {
          e.preventDefault();
          if (!disabled) onBuzz();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') onBuzz();
        }}
        data-testid="buzz-button"
        aria-label={t('arena.play.buzz')}
      >
        <span className="arena-buzzer__label">{open ? t('arena.play.buzzOpen') : t('arena.play.notOpen')}</span>
      </button>
      {!open && <div className="arena-buzzer__warn">{t('arena.play.falseStartWarn')}</div>}
    </div>
  );
}
