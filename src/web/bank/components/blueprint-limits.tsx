import { InputNumber, Select, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Blueprint } from '../api.ts';

type Props = {
  blueprint: Blueprint;
  papers: number;
  tracks: { value: string; label: string }[];
  onChange: (patch: Partial<Blueprint>) => void;
  onPapersChange: (papers: number) => void;
};

/** 专业, 份数 K, 曝光上限 and 重复率上限: the constraints between papers. */
export function BlueprintLimits({ blueprint, papers, tracks, onChange, onPapersChange }: Props) {
  const { t } = useI18n();
  const n = blueprint.sections.reduce((s, x) => s + x.count, 0);
  const overlap = blueprint.maxOverlap ?? null;
  return (
    <div className="ss-limits">
      <label className="ss-limits__row">
        <span>{t('bank.blueprint.papers')}</span>
        <InputNumber min={1} max={1000} precision={0} value={papers} onChange={(v) => onPapersChange(v ?? 1)} suffix={t('bank.blueprint.papersUnit')} data-testid="papers-input" />
      </label>
      <label className="ss-limits__row">
        <span>{t('bank.blueprint.tracks')}</span>
        <Select
          mode="multiple"
          allowClear
          value={blueprint.tracks ?? []}
          onChange={(v: string[]) => onChange({ tracks: v.length > 0 ? v : null })}
          options={tracks}
          placeholder={t('bank.blueprint.anyTrack')}
          className="ss-limits__wide"
        />
      </label>
      <label className="ss-limits__row">
        <span>{t('bank.blueprint.exposureCap')}</span>
        <InputNumber min={1} max={1000} precision={0} value={blueprint.exposureCap ?? null} onChange={(v) => onChange({ exposureCap: v ?? null })} placeholder={t('bank.blueprint.noCap')} suffix={t('bank.blueprint.papersUnit')} />
      </label>
      <Typography.Text type="secondary" className="ss-limits__hint">{t('bank.blueprint.exposureHint')}</Typography.Text>
      <label className="ss-limits__row">
        <span>{t('bank.blueprint.maxOverlap')}</span>
        <InputNumber min={0} max={100} step={5} value={overlap === null ? null : Math.round(overlap * 100)} onChange={(v) => onChange({ maxOverlap: v === null ? null : v / 100 })} placeholder={t('bank.blueprint.noCap')} suffix="%" />
      </label>
      <Typography.Text type="secondary" className="ss-limits__hint">
        {overlap === null ? t('bank.blueprint.overlapHintNone') : t('bank.blueprint.overlapHint', { n: Math.floor(overlap * n + 1e-9) })}
      </Typography.Text>
    </div>
  );
}
