import type { AggregationSpec, ContestantResult } from './aggregation.ts';
import { roundTo } from './numeric.ts';
import { refuse, type Refusal } from './outcome.ts';

/**
 * The big-screen reveal (亮分) as data: a list of steps the screen walks through, one per
 * host click or timer tick. First each judge's score appears in the declared order, then
 * the dropped scores are struck through, then any fallback is announced, then (for
 * criterion-level rules) each criterion's result, then the final value. The screen keeps
 * no rules of its own: `revealStateAt` says what is on screen after any step, so a screen
 * that reconnects mid-reveal redraws the same picture.
 */
export type RevealOrder =
  /** seat order on stage; judges not listed follow in id order */
  | { kind: 'seat'; judgeIds: string[] }
  | { kind: 'ascending' }
  | { kind: 'descending' };

export type RevealStep =
  | { seq: number; kind: 'score'; judgeId: string; value: number }
  | { seq: number; kind: 'strike'; judgeId: string; channel: string; value: number; side: 'high' | 'low' }
  | { seq: number; kind: 'notice'; reason: string; reasonZh: string }
  | { seq: number; kind: 'criterion'; channel: string; value: number }
  | { seq: number; kind: 'final'; value: number };

export type Reveal = { contestantId: string; level: AggregationSpec['level']; steps: RevealStep[] };

type StepBody = RevealStep extends infer S ? (S extends RevealStep ? Omit<S, 'seq'> : never) : never;

export function buildReveal(input: { result: ContestantResult; spec: AggregationSpec; order: RevealOrder }): { ok: true; reveal: Reveal } | Refusal<'INCOMPLETE'> {
  const { result, spec, order } = input;
  if (result.final === null) {
    return refuse('INCOMPLETE', `contestant ${result.contestantId} has no final score yet`, `选手 ${result.contestantId} 尚无最终得分，无法亮分`);
  }
  const shown = (v: number) => roundTo(v, spec.rounding);
  const body: StepBody[] = [];
  for (const t of orderJudges(result.judgeTotals, order)) body.push({ kind: 'score', judgeId: t.judgeId, value: shown(t.value) });
  const totalByJudge = new Map(result.judgeTotals.map((t) => [t.judgeId, t.value]));
  for (const ch of result.channels) {
    for (const d of ch.dropped) {
      // at judge-total level the struck figure is the judge's score already on screen (raw,
      // even when z-scores decided which to strike); at criterion level, that criterion's score
      const value = spec.level === 'judge-total' ? (totalByJudge.get(d.judgeId) ?? d.value) : d.value;
      body.push({ kind: 'strike', judgeId: d.judgeId, channel: ch.channel, value: shown(value), side: d.side });
    }
  }
  for (const n of result.notes) body.push({ kind: 'notice', reason: n.reason, reasonZh: n.reasonZh });
  if (spec.level === 'criterion') {
    for (const ch of result.channels) if (ch.rounded !== null) body.push({ kind: 'criterion', channel: ch.channel, value: ch.rounded });
  }
  body.push({ kind: 'final', value: result.final });
  return { ok: true, reveal: { contestantId: result.contestantId, level: spec.level, steps: body.map((s, seq) => ({ ...s, seq }) as RevealStep) } };
}

function orderJudges<T extends { judgeId: string; value: number }>(totals: readonly T[], order: RevealOrder): T[] {
  const byId = [...totals].sort((a, b) => (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0));
  if (order.kind === 'ascending') return [...byId].sort((a, b) => a.value - b.value);
  if (order.kind === 'descending') return [...byId].sort((a, b) => b.value - a.value);
  const seat = new Map(order.judgeIds.map((id, i) => [id, i]));
  return [...byId].sort((a, b) => (seat.get(a.judgeId) ?? Infinity) - (seat.get(b.judgeId) ?? Infinity));
}

export type RevealScreen = {
  /** judges' scores on screen, in order of appearance; `struck` lists the channels struck for that judge */
  scores: { judgeId: string; value: number; struck: { channel: string; side: 'high' | 'low'; value: number }[] }[];
  notices: { reason: string; reasonZh: string }[];
  criteria: { channel: string; value: number }[];
  final: number | null;
  /** seq of the last step applied, −1 before the first */
  at: number;
  done: boolean;
};

/** What the screen shows after steps 0…`at` (clamped); at = −1 is the empty screen. */
export function revealStateAt(reveal: Reveal, at: number): RevealScreen {
  const last = Math.max(-1, Math.min(at, reveal.steps.length - 1));
  const screen: RevealScreen = { scores: [], notices: [], criteria: [], final: null, at: last, done: last === reveal.steps.length - 1 };
  for (const s of reveal.steps.slice(0, last + 1)) {
    if (s.kind === 'score') screen.scores.push({ judgeId: s.judgeId, value: s.value, struck: [] });
    else if (s.kind === 'strike') screen.scores.find((x) => x.judgeId === s.judgeId)?.struck.push({ channel: s.channel, side: s.side, value: s.value });
    else if (s.kind === 'notice') screen.notices.push({ reason: s.reason, reasonZh: s.reasonZh });
    else if (s.kind === 'criterion') screen.criteria.push({ channel: s.channel, value: s.value });
    else screen.final = s.value;
  }
  return screen;
}
