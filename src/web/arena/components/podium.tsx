import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Standing } from '../api.ts';

/** 1st in the middle, 2nd left, 3rd right; ties share a step. */
export function Podium({ rows, variant = 'screen' }: { rows: Standing[]; variant?: 'screen' | 'phone' | 'console' }) {
  const { t } = useI18n();
  const step = (place: number) => rows.filter((r) => r.place === place);
  const title = (place: number) => t(place === 1 ? 'arena.screen.champion' : place === 2 ? 'arena.screen.second' : 'arena.screen.third');
  return (
    <div className={`arena-podium arena-podium--${variant}`} data-testid="arena-podium">
      {[2, 1, 3].map((place) => (
        <div key={place} className={`arena-podium__col arena-podium__col--p${place}${step(place).length === 0 ? ' arena-podium__col--empty' : ''}`}>
          <div className="arena-podium__names">
            {step(place).map((r) => (
              <div key={r.unitId} className="arena-podium__name" data-testid={`podium-${place}`}>
                {r.name}
                <span className="arena-podium__score">{r.score}</span>
              </div>
            ))}
          </div>
          <div className="arena-podium__block">
            <span className="arena-podium__medal">{place}</span>
            <span className="arena-podium__title">{title(place)}</span>
          </div>
        </div>
      ))}
    </div>
  );
}
