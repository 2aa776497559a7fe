import { InputNumber, Slider, Switch, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { LEVELS, type Blueprint } from '../api.ts';

type Props = { blueprint: Blueprint; onChange: (patch: Partial<Blueprint>) => void };
type Level = '1' | '2' | '3' | '4' | '5';

const DEFAULT = { '1': 0.1, '2': 0.2, '3': 0.4, '4': 0.2, '5': 0.1 };

/** 难度分布: a share per level (in %), the sum, and how many questions either side of the target a paper may be. */
export function BlueprintDifficulty({ blueprint, onChange }: Props) {
  const { t } = useI18n();
  const dist = blueprint.difficulty ?? null;
  const n = blueprint.sections.reduce((s, x) => s + x.count, 0);
  const sum = dist ? LEVELS.reduce((s, d) => s + (dist[String(d) as Level] ?? 0), 0) : 1;
  const setLevel = (d: number, percent: number) => onChange({ difficulty: { ...dist, [String(d)]: Math.round(percent * 10) / 1000 } });

  return (
    <div className="ss-difficulty" data-testid="difficulty-editor">
      <div className="ss-inline-switch ss-block">
        <Switch size="small" checked={dist !== null} onChange={(on) => onChange({ difficulty: on ? DEFAULT : null })} /> {t('bank.blueprint.difficultyOn')}
      </div>
      {dist && (
        <>
          {LEVELS.map((d) => {
            const share = dist[String(d) as Level] ?? 0;
            return (
              <div key={d} className="ss-difficulty__row">
                <span className="ss-difficulty__label">{t(`bank.level.${d}`)}</span>
                <Slider min={0} max={100} step={5} value={Math.round(share * 100)} onChange={(v) => setLevel(d, v)} className="ss-difficulty__slider" />
                <InputNumber min={0} max={100} value={Math.round(share * 1000) / 10} onChange={(v) => setLevel(d, v ?? 0)} suffix="%" className="ss-difficulty__input" />
                <Typography.Text type="secondary" className="ss-difficulty__count">≈ {Math.round(share * n * 10) / 10}</Typography.Text>
              </div>
            );
          })}
          <div className="ss-difficulty__foot">
            <Typography.Text type={Math.abs(sum - 1) > 1e-6 ? 'danger' : 'secondary'}>{t('bank.blueprint.difficultySum', { n: Math.round(sum * 1000) / 10 })}</Typography.Text>
            <span>
              {t('bank.blueprint.tolerance')}{' '}
              <InputNumber min={0} max={50} precision={0} size="small" value={blueprint.difficultyTolerance ?? 0} onChange={(v) => onChange({ difficultyTolerance: v ?? 0 })} />
            </span>
          </div>
        </>
      )}
    </div>
  );
}
