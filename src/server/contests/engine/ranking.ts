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

export const factsOf = (c: Candidate): TieFacts => (typeof c.facts === 'function' ? c.facts() : c.facts);

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

type Member = { c: Candidate; facts: TieFacts; key: number; steps: TieBreakStep[] };

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
      const run: Member[] = [];
      for (let k = i; k < j; k++) run.push({ c: sorted[k], facts: factsOf(sorted[k]), key: 0, steps: [] });
      const decision: TieDecision = { total: sorted[i].total, among: run.map((m) => m.c.id), steps: [], unresolved: [] };
      const groups: Member[][] = [];
      resolve(run, chain, 0, decision, groups);
      let at = i;
      for (const group of groups) {
        const place = at + 1;
        const ids = group.length > 1 ? group.map((m) => m.c.id) : NONE_IDS;
        if (group.length > 1) decision.unresolved.push(ids);
        for (const m of group) {
          ranked[at] = {
            id: m.c.id,
            total: m.c.total,
            rank: place,
            scoreRank: i + 1,
            tieBreaks: m.steps.length > 0 ? m.steps : NONE_STEPS,
            unresolvedWith: group.length > 1 ? ids.filter((x) => x !== m.c.id) : NONE_IDS,
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

/** Splits `group` (sorting it in place) with chain[index..], appending the final groups to `out` in order. */
function resolve(group: Member[], chain: TieBreakRule[], index: number, decision: TieDecision, out: Member[][]): void {
  if (group.length === 1 || index >= chain.length) return void out.push(group);
  const rule = chain[index];
  let missing = false;
  for (const m of group) {
    const k = tieKey(rule, m.facts);
    if (k === undefined) missing = true;
    else m.key = k;
  }
  if (missing) {
    const ids = group.filter((m) => tieKey(rule, m.facts) === undefined).map((m) => m.c.id);
    decision.steps.push({ rule, outcome: 'not-applicable', detail: ids.map((id) => `missing for ${id}`) });
    return resolve(group, chain, index + 1, decision, out);
  }
  const among = group.map((m) => m.c.id);
  group.sort((a, b) => b.key - a.key);
  if (group[0].key === group[group.length - 1].key) {
    decision.steps.push({ rule, outcome: 'equal', detail: group.map((m) => m.c.id) });
    return resolve(group, chain, index + 1, decision, out);
  }
  decision.steps.push({ rule, outcome: 'separated', detail: group.map((m) => `${m.c.id}=${shownValue(rule, m.key)}`) });
  let s = 0;
  while (s < group.length) {
    let e = s + 1;
    while (e < group.length && group[e].key === group[s].key) e++;
    const value = shownValue(rule, group[s].key);
    for (let k = s; k < e; k++) group[k].steps.push({ rule, value, among });
    resolve(e - s === group.length ? group : group.slice(s, e), chain, index + 1, decision, out);
    s = e;
  }
}
