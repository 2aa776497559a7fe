/**
 * Award tiers (奖项): by count (5 first, 8 second, 12 third prizes) or by rank (first prize for
 * ranks 1–5 …), champion / runner-up / third from a bracket, and a best individual. A tie at
 * a tier boundary follows the declared policy: 'shareHigher' gives everyone tied on the total
 * the higher tier (the following tiers shrink accordingly); 'tieBreak' uses the places after
 * the tie-break chain and refuses, naming them, when an unresolved tie straddles a boundary.
 */
import type { TieBreakRule } from './contest-model.ts';
import { rankCandidates, type Candidate } from './ranking.ts';
import { fail, ok, problem, type Problem, type Result } from './result.ts';

export type AwardTier = { id: string; name: string; nameZh: string };
export type TiePolicy = 'shareHigher' | 'tieBreak';

export type AwardRule =
  | { kind: 'byCount'; tiers: { tier: AwardTier; count: number }[]; tiePolicy: TiePolicy }
  | { kind: 'byRank'; tiers: { tier: AwardTier; toRank: number }[]; tiePolicy: TiePolicy };

/** A ranked entrant, as standings or a round robin produce it. */
export type Rankable = { id: string; total: number; rank: number; scoreRank: number };

export type Award = { entrantId: string; tier: AwardTier; place: number; shared: boolean };

export function validateAwardRule(rule: AwardRule): Problem[] {
  const out: Problem[] = [];
  if (rule.tiers.length === 0) out.push(problem('tiers', 'no award tier is declared', '未设置奖项'));
  let previous = 0;
  rule.tiers.forEach((t, i) => {
    const n = rule.kind === 'byCount' ? (t as { count: number }).count : (t as { toRank: number }).toRank;
    const field = `tiers[${i}].${rule.kind === 'byCount' ? 'count' : 'toRank'}`;
    if (!Number.isInteger(n) || n < 0) out.push(problem(field, `${t.tier.name}: ${n} must be a whole number ≥ 0`, `${t.tier.nameZh}：${n} 必须为 ≥ 0 的整数`));
    else if (rule.kind === 'byRank' && n < previous) out.push(problem(field, `${t.tier.name} ends at rank ${n}, before the tier above it (${previous})`, `${t.tier.nameZh}截止名次 ${n} 早于上一奖项（${previous}）`));
    if (rule.kind === 'byRank') previous = Math.max(previous, n);
  });
  return out;
}

export function assignAwards(rows: Rankable[], rule: AwardRule): Result<Award[]> {
  const invalid = validateAwardRule(rule);
  if (invalid.length > 0) return fail(...invalid);
  // Tier t covers places (bounds[t-1], bounds[t]].
  const bounds: number[] = [];
  let cum = 0;
  for (const t of rule.tiers) {
    cum = rule.kind === 'byCount' ? cum + (t as { count: number }).count : (t as { toRank: number }).toRank;
    bounds.push(cum);
  }
  const placeOf = (r: Rankable): number => (rule.tiePolicy === 'shareHigher' ? r.scoreRank : r.rank);
  const sorted = [...rows].sort((a, b) => placeOf(a) - placeOf(b) || (a.id < b.id ? -1 : 1));
  const awards: Award[] = [];
  const problems: Problem[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && placeOf(sorted[j]) === placeOf(sorted[i])) j++;
    const group = sorted.slice(i, j);
    i = j;
    const first = placeOf(group[0]);
    const last = first + group.length - 1;
    const t = bounds.findIndex((b) => first <= b);
    if (t < 0) break;
    if (rule.tiePolicy === 'tieBreak' && last > bounds[t]) {
      const names = group.map((r) => r.id).join(', ');
      const tier = rule.tiers[t].tier;
      problems.push(problem(`awards.place${first}`, `unresolved tie at the ${tier.name} boundary: ${names} share place ${first}; declare a decider or use 'shareHigher'`, `${tier.nameZh}分界处并列无法区分：${names} 并列第 ${first} 名；请加赛或改为"并列取高"`));
      continue;
    }
    for (const r of group) awards.push({ entrantId: r.id, tier: rule.tiers[t].tier, place: first, shared: group.length > 1 });
  }
  if (problems.length > 0) return fail(...problems);
  return ok(awards);
}

export type BracketPodium = { champion?: string; runnerUp?: string; third: string[] };

export const PODIUM_TIERS = {
  champion: { id: 'champion', name: 'Champion', nameZh: '冠军' },
  runnerUp: { id: 'runner-up', name: 'Runner-up', nameZh: '亚军' },
  third: { id: 'third', name: 'Third place', nameZh: '季军' },
} as const satisfies Record<string, AwardTier>;

/** Champion, runner-up and third from a finished bracket; refuses an unfinished one. */
export function podiumAwards(podium: BracketPodium & { finished: boolean }): Result<Award[]> {
  if (!podium.finished || !podium.champion || !podium.runnerUp) {
    return fail(problem('bracket', 'the bracket is not finished: no champion yet', '对阵尚未结束，冠军未产生'));
  }
  const shared = podium.third.length > 1;
  return ok([
    { entrantId: podium.champion, tier: PODIUM_TIERS.champion, place: 1, shared: false },
    { entrantId: podium.runnerUp, tier: PODIUM_TIERS.runnerUp, place: 2, shared: false },
    ...podium.third.map((id) => ({ entrantId: id, tier: PODIUM_TIERS.third, place: 3, shared })),
  ]);
}

export const BEST_INDIVIDUAL: AwardTier = { id: 'best-individual', name: 'Best individual', nameZh: '最佳个人' };

/** The best individual by total and the chain; an unresolved tie is shared (and said so). */
export function bestIndividual(candidates: Candidate[], chain: TieBreakRule[]): Result<Award[]> {
  if (candidates.length === 0) return fail(problem('candidates', 'no individual to choose from', '没有可评选的个人'));
  const { ranked } = rankCandidates(candidates, chain);
  const top = ranked.filter((r) => r.rank === 1);
  return ok(top.map((r) => ({ entrantId: r.id, tier: BEST_INDIVIDUAL, place: 1, shared: top.length > 1 })));
}
