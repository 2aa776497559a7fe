import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { BracketView } from '../api.ts';

/** 冠军 / 亚军 / 季军 once the bracket decides them. */
export function Podium({ placements, names }: { placements: BracketView['placements']; names: Map<string, string> }) {
  const { t } = useI18n();
  const third = Array.isArray(placements.third) ? placements.third : placements.third ? [placements.third] : [];
  const places = [
    { key: 'champion', ids: placements.champion ? [placements.champion] : [] },
    { key: 'runnerUp', ids: placements.runnerUp ? [placements.runnerUp] : [] },
    { key: 'thirdPlace', ids: third },
  ] as const;
  return (
    <div className="ss-podium" data-testid="podium">
      {places.map((p, i) => (
        <div key={p.key} className={`ss-podium__step ss-podium__step--${i + 1}`}>
          <span className="ss-podium__label">{t(`contests.bracket.${p.key}`)}</span>
          <strong>{p.ids.length > 0 ? p.ids.map((id) => names.get(id) ?? id).join('、') : t('contests.bracket.tbd')}</strong>
        </div>
      ))}
    </div>
  );
}
