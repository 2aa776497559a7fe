import type { Definition, Problem, RoundDef, StageDef, StageKind } from '../api.ts';

export type Edit = (change: (draft: Definition) => void) => void;
/** Problems by path (`stages[0].rounds[1].weightPercent`), in the reader's language. */
export type PathErrors = Record<string, string>;

/** zod paths come as `definition.stages.0.rounds`; the engine's as `stages[0].rounds`: one form for both. */
export function normalisePath(field: string): string {
  return field.replace(/^definition\./, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

export function pathErrors(problems: Problem[], lang: string): PathErrors {
  const out: PathErrors = {};
  for (const p of problems) {
    const text = (lang === 'zh-CN' ? p.messageZh : undefined) ?? p.message ?? '';
    const key = normalisePath(p.field ?? '');
    out[key] = out[key] ? `${out[key]}；${text}` : text;
  }
  return out;
}

/** Which stages have a problem anywhere inside them, to mark them in the diagram. */
export function problemStages(errors: PathErrors): Set<number> {
  const out = new Set<number>();
  for (const k of Object.keys(errors)) {
    const m = /^stages\[(\d+)\]/.exec(k);
    if (m) out.add(Number(m[1]));
  }
  return out;
}

const nextId = (prefix: string, taken: string[]) => {
  let i = taken.length + 1;
  while (taken.includes(`${prefix}${i}`)) i++;
  return `${prefix}${i}`;
};

export const newRound = (stage: StageDef): RoundDef => ({
  id: nextId(`${stage.id}-r`, stage.rounds.map((r) => r.id)),
  name: '',
  kind: 'written',
  role: 'scored',
  normalisation: { kind: 'raw' },
  weightPercent: 0,
});

export function newStage(def: Definition): StageDef {
  const kinds: StageKind[] = ['preliminary', 'semifinal', 'final'];
  const kind = kinds[Math.min(def.stages.length, 2)];
  const stage: StageDef = { id: nextId('stage', def.stages.map((s) => s.id)), name: '', kind, rounds: [], tieBreaks: [], advancement: { kind: 'topN', perTrack: 6, tieAtCut: 'refuse' } };
  stage.rounds.push({ ...newRound(stage), weightPercent: 100 });
  return stage;
}

/** A fresh contest: one track, teams of three, a preliminary and a final. */
export function templateDefinition(): Definition {
  const def: Definition = { tracks: [{ id: 'voice', name: '语音客服' }], entrants: { kind: 'team', size: 3 }, quotas: [], stages: [] };
  def.stages.push(newStage(def));
  return def;
}
