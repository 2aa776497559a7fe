import { Segmented } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { Definition } from '../api.ts';

/** The stage in `?stage=`, defaulting to `fallback` (or the first), and a switch between the stages. */
export function useStageParam(def: Definition, fallback?: string): [string, (s: string) => void] {
  const [params, setParams] = useSearchParams();
  const stage = params.get('stage') ?? fallback ?? def.stages[0]?.id ?? '';
  return [stage, (s) => setParams((p) => { p.set('stage', s); return p; }, { replace: true })];
}

export function StageSwitch({ def, value, onChange }: { def: Definition; value: string; onChange: (s: string) => void }) {
  return <Segmented value={value} onChange={onChange} options={def.stages.map((s) => ({ value: s.id, label: s.name }))} data-testid="stage-switch" />;
}
