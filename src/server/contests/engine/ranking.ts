/**
 * Ranking with a declared tie-break chain, shared by standings, group PK and awards.
 * Higher total first; entrants with equal totals go through the chain in order, each rule
 * splitting what the previous left tied; when the chain runs out they share a place and
 * are marked as an unresolved tie. Nothing is ever ordered arbitrarily.
 */
import type { TieBreakRule } from './contest-model.ts';

/** What the tie-breaks read about an entrant. Missing facts make a rule not applicable. */
export type TieFacts = {
  /** Normalised score per round id (decider rounds included). */
  roundScores: Record<string, number | undefined>;
  violations: number;
  /** Finish time per round id, in ms since the epoch (or any monotone clock). */
  finishedAt: Record<string, number | undefined>;
};

/** `facts` may be a function: it is called only for entrants in a tie (most never are). */
export type Candidate = { id: string; total: number; facts: TieFacts | (() => TieFacts) };

const factsOf = (c: Candidate): TieFacts => (typeof c.facts === 'function' ? c.facts() : c.facts);

/** One split: `rule` gave this entrant `value` and separated the group `among`. */
export type TieBreakStep = { rule: TieBreakRule; value: number; among: string[] };

export type Ranked = {
  id: string;
  total: number;
  /** 1-based place; entrants in an unresolved tie share it. */
  rank: number;
  /** Place by total alone, ties sharing it. */
  scoreRank: number;
  tieBreaks: TieBreakStep[];
  /** The others this entrant is still tied with after the whole chain; empty when resolved. */
  unresolvedWith: string[];
};

export type TieDecision = {
  total: number;
  among: string[];
  steps: { rule: TieBreakRule; outcome: 'separated' | 'equal' | 'not-applicable'; detail: string[] }[];
  unresolved: string[][];
};

export type Ranking = { ranked: Ranked[]; decisions: TieDecision[] };

/** The value a rule reads, oriented so that higher is better; undefined when missing. */
export function tieKey(rule: TieBreakRule, facts: TieFacts): number | undefined {
  switch (rule.kind) {
    case 'roundScore':
    case 'decider':
      return facts.roundScores[rule.roundId];
    case 'fewerViolations':
      return -facts.violations;
    case 'earlierFinish': {
      if (rule.roundId !== undefined) {
        const t = facts.finishedAt[rule.roundId];
        return t === undefined ? undefined : -t;
      }
      const times = Object.values(facts.finishedAt);
      if (times.length === 0 || times.some((t) => t === undefined)) return undefined;
      return -Math.max(...(times as number[]));
    }
  }
}

/** Human wording of a rule, for the CLI and the standings page. */
export function describeRule(rule: TieBreakRule): { en: string; zh: string } {
  switch (rule.kind) {
    case 'roundScore':
      return { en: `higher score in round ${rule.roundId}`, zh: `轮次 ${rule.roundId} 得分高者优先` };
    case 'decider':
      return { en: `decider round ${rule.roundId}`, zh: `加赛 ${rule.roundId} 结果` };
    case 'fewerViolations':
      return { en: 'fewer violations', zh: '违规次数少者优先' };
    case 'earlierFinish':
      return rule.roundId
        ? { en: `earlier finish in round ${rule.roundId}`, zh: `轮次 ${rule.roundId} 先完成者优先` }
        : { en: 'earlier finish', zh: '先完成者优先' };
  }
}

/** Shown value of a tie key (violations and times are stored negated). */
export function shownValue(rule: TieBreakRule, value: number): number {
  return rule.kind === 'fewerViolations' || rule.kind === 'earlierFinish' ? -value : value;
}

// Shared empty lists for the common case of no tie (frozen: never pushed to).
const NONE_STEPS: TieBreakStep[] = Object.freeze([]) as unknown as TieBreakStep[];
const NONE_IDS: string[] = Object.freeze([]) as unknown as string[];

export function rankCandidates(candidates: Candidate[], chain: TieBreakRule[]): Ranking {
  const sorted = [...candidates].sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranked: Ranked[] = new Array(sorted.length);
  const decisions: TieDecision[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].total === sorted[i].total) j++;
    if (j - i === 1) {
      const c = sorted[i];
      ranked[i] = { id: c.id, total: c.total, rank: i + 1, scoreRank: i + 1, tieBreaks: NONE_STEPS, unresolvedWith: NONE_IDS };
    } else {
      const run = sorted.slice(i, j);
      const steps = new Map<string, TieBreakStep[]>(run.map((c) => [c.id, []]));
      const decision: TieDecision = { total: run[0].total, among: run.map((c) => c.id), steps: [], unresolved: [] };
      const groups = resolve(run, chain, 0, steps, decision);
      let at = i;
      for (const group of groups) {
        const ids = group.map((c) => c.id);
        const place = at + 1;
        if (group.length > 1) decision.unresolved.push(ids);
        for (const c of group) {
          ranked[at] = {
            id: c.id,
            total: c.total,
            rank: place,
            scoreRank: i + 1,
            tieBreaks: steps.get(c.id) ?? NONE_STEPS,
            unresolvedWith: group.length > 1 ? ids.filter((x) => x !== c.id) : NONE_IDS,
          };
          at++;
        }
      }
      decisions.push(decision);
    }
    i = j;
  }
  return { ranked, decisions };
}

function resolve(
  group: Candidate[],
  chain: TieBreakRule[],
  index: number,
  steps: Map<string, TieBreakStep[]>,
  decision: TieDecision,
): Candidate[][] {
  if (group.length === 1 || index >= chain.length) return [group];
  const rule = chain[index];
  const keys = group.map((c) => tieKey(rule, factsOf(c)));
  const missing = group.filter((_, k) => keys[k] === undefined).map((c) => c.id);
  if (missing.length > 0) {
    decision.steps.push({ rule, outcome: 'not-applicable', detail: missing.map((id) => `missing for ${id}`) });
    return resolve(group, chain, index + 1, steps, decision);
  }
  const order = group.map((c, k) => ({ c, key: keys[k] as number })).sort((a, b) => b.key - a.key);
  if (order[0].key === order[order.length - 1].key) {
    decision.steps.push({ rule, outcome: 'equal', detail: group.map((c) => c.id) });
    return resolve(group, chain, index + 1, steps, decision);
  }
  const among = group.map((c) => c.id);
  decision.steps.push({ rule, outcome: 'separated', detail: order.map((o) => `${o.c.id}=${shownValue(rule, o.key)}`) });
  const out: Candidate[][] = [];
  let s = 0;
  while (s < order.length) {
    let e = s + 1;
    while (e < order.length && order[e].key === order[s].key) e++;
    const sub = order.slice(s, e).map((o) => o.c);
    for (const o of order.slice(s, e)) steps.get(o.c.id)?.push({ rule, value: shownValue(rule, o.key), among });
    out.push(...resolve(sub, chain, index + 1, steps, decision));
    s = e;
  }
  return out;
}
