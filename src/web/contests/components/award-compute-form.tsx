import { useState } from 'react';
import { Button, Checkbox, InputNumber, Select, Space } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Definition } from '../api.ts';

type Props = { def: Definition; busy: boolean; onCompute: (sources: unknown[]) => void };

/** What to award: tiers by count over a stage's standings (per track), the podium of a stage's bracket, and/or a best individual from a round. */
export function AwardComputeForm({ def, busy, onCompute }: Props) {
  const { t } = useI18n();
  const [stageKey, setStageKey] = useState(def.stages[def.stages.length - 1]?.id ?? '');
  const [counts, setCounts] = useState<[number, number, number]>([1, 2, 3]);
  const [tiers, setTiers] = useState(true);
  const [podium, setPodium] = useState(false);
  const [best, setBest] = useState(false);
  const rounds = def.stages.find((s) => s.id === stageKey)?.rounds.filter((r) => r.role === 'scored') ?? [];
  const [roundId, setRoundId] = useState<string | undefined>(undefined);
  const bestRound = rounds.some((r) => r.id === roundId) ? roundId : rounds[0]?.id;
  const names: [string, string, string][] = [['first', 'First prize', '一等奖'], ['second', 'Second prize', '二等奖'], ['third', 'Third prize', '三等奖']];
  const compute = () => {
    const sources: unknown[] = [];
    if (tiers) sources.push({ kind: 'tiers', stageKey, rule: { kind: 'byCount', tiePolicy: 'shareHigher', tiers: names.map(([id, name, nameZh], i) => ({ tier: { id, name, nameZh }, count: counts[i] })) } });
    if (podium) sources.push({ kind: 'podium', stageKey });
    if (best && bestRound) sources.push({ kind: 'bestIndividual', stageKey, roundId: bestRound });
    onCompute(sources);
  };
  return (
    <Space wrap size={12} className="ss-award-form">
      <Select value={stageKey} onChange={setStageKey} options={def.stages.map((s) => ({ value: s.id, label: s.name }))} className="ss-filter-select" />
      <Checkbox checked={tiers} onChange={(e) => setTiers(e.target.checked)}>{t('contests.awards.tiers')}</Checkbox>
      {names.map(([id], i) => (
        <InputNumber key={id} size="middle" min={0} value={counts[i]} disabled={!tiers} prefix={t(`contests.awards.tier.${id as 'first' | 'second' | 'third'}`)} className="ss-count-input" onChange={(v) => setCounts((c) => c.map((x, k) => (k === i ? (v ?? 0) : x)) as [number, number, number])} />
      ))}
      <Checkbox checked={podium} onChange={(e) => setPodium(e.target.checked)}>{t('contests.awards.podium')}</Checkbox>
      <Checkbox checked={best} onChange={(e) => setBest(e.target.checked)} data-testid="award-best">{t('contests.awards.bestIndividual')}</Checkbox>
      {best && <Select value={bestRound} onChange={setRoundId} options={rounds.map((r) => ({ value: r.id, label: `${t('contests.awards.bestRound')} ${r.name}` }))} className="ss-filter-select" />}
      <Button type="primary" icon={<CalculatorOutlined />} loading={busy} disabled={!tiers && !podium && !best} onClick={compute}>{t('contests.awards.compute')}</Button>
    </Space>
  );
}
