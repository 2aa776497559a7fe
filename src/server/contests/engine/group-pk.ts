/**
 * Group PK (小组 PK): teams are dealt into groups of 3–5 by snake seeding, each group plays a
 * round, the lowest k of each group are out, the survivors are dealt again (by their original
 * seeds), until M remain. When k per group would go below M, only the weakest of the
 * candidates at the cut go, compared across groups. Ties at a cut go through the tie-break
 * chain; if the chain cannot separate them the round stops in an "unresolved" state that
 * names them (run a decider and submit the round again with decider scores).
 */
import type { TieBreakRule } from './contest-model.ts';
import { rankCandidates, type Candidate, type Ranked } from './ranking.ts';
import { fail, ok, problem, type Problem, type Result } from './result.ts';

export type GroupPkRule = { groupSize: number; outPerGroup: number; remain: number };

export type PkScore = { score: number; violations?: number; finishedAt?: number; decider?: number };

export type PkGroup = { label: string; ids: string[]; ranking?: Ranked[] };

export type PkRoundRecord = { round: number; groups: PkGroup[]; eliminated: string[]; crossGroup?: Ranked[] };

export type GroupPkState = {
  rule: GroupPkRule;
  tieBreaks: TieBreakRule[];
  /** Survivors in original seed order. */
  alive: string[];
  round: number;
  groups: PkGroup[];
  history: PkRoundRecord[];
  status: 'running' | 'finished' | 'unresolved';
  unresolved?: { ids: string[]; message: string; messageZh: string };
};

const LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const labelOf = (i: number): string => (i < 26 ? LABELS[i] : `G${i + 1}`);

/** How many groups for n entrants: as near the declared size as possible, every group 3–5. */
export function groupCount(n: number, groupSize: number): number {
  let g = Math.max(1, Math.ceil(n / groupSize));
  while (g > 1 && Math.floor(n / g) < 3) g--;
  return g;
}

/** Snake seeding: seeds 1..g left to right, g+1..2g right to left, and so on. */
export function dealGroups(seeded: string[], groupSize: number): Result<string[][]> {
  if (seeded.length < 3) {
    return fail(problem('entrants', `a PK group needs at least 3 entrants, there are ${seeded.length}`, `PK 小组至少需要 3 队，现有 ${seeded.length} 队`));
  }
  const g = groupCount(seeded.length, groupSize);
  const groups: string[][] = Array.from({ length: g }, () => []);
  seeded.forEach((id, i) => {
    const row = Math.floor(i / g);
    const col = i % g;
    groups[row % 2 === 0 ? col : g - 1 - col].push(id);
  });
  const bad = groups.find((x) => x.length > 5);
  if (bad) return fail(problem('groupSize', `cannot deal ${seeded.length} entrants into groups of 3–5`, `无法将 ${seeded.length} 队分成 3–5 队的小组`));
  return ok(groups);
}

export function startGroupPk(seeds: string[], rule: GroupPkRule, tieBreaks: TieBreakRule[]): Result<GroupPkState> {
  const problems: Problem[] = [];
  if (!Number.isInteger(rule.groupSize) || rule.groupSize < 3 || rule.groupSize > 5) problems.push(problem('groupSize', `group size ${rule.groupSize} must be 3, 4 or 5`, `每组队数 ${rule.groupSize} 必须为 3、4 或 5`));
  if (!Number.isInteger(rule.outPerGroup) || rule.outPerGroup < 1 || rule.outPerGroup > 2) problems.push(problem('outPerGroup', `eliminated per group ${rule.outPerGroup} must be 1 or 2 (a group may have only 3)`, `每组淘汰数 ${rule.outPerGroup} 必须为 1 或 2`));
  if (!Number.isInteger(rule.remain) || rule.remain < 2) problems.push(problem('remain', `teams remaining ${rule.remain} must be a whole number ≥ 2`, `保留队数 ${rule.remain} 必须为 ≥ 2 的整数`));
  if (new Set(seeds).size !== seeds.length) problems.push(problem('entrants', 'an entrant is seeded twice', '参赛队重复'));
  if (problems.length === 0 && seeds.length <= rule.remain) problems.push(problem('entrants', `${seeds.length} entrants, ${rule.remain} to remain: nothing to play`, `共 ${seeds.length} 队，保留 ${rule.remain} 队：无需 PK`));
  if (problems.length > 0) return fail(...problems);
  const dealt = dealGroups(seeds, rule.groupSize);
  if (!dealt.ok) return dealt;
  return ok({ rule, tieBreaks, alive: [...seeds], round: 1, groups: toGroups(dealt.value), history: [], status: 'running' });
}

const toGroups = (groups: string[][]): PkGroup[] => groups.map((ids, i) => ({ label: labelOf(i), ids }));

function candidate(id: string, s: PkScore, chain: TieBreakRule[]): Candidate {
  const roundScores: Record<string, number | undefined> = {};
  for (const rule of chain) if (rule.kind === 'roundScore' || rule.kind === 'decider') roundScores[rule.roundId] = rule.kind === 'decider' ? s.decider : s.score;
  return { id, total: s.score, facts: { roundScores, violations: s.violations ?? 0, finishedAt: s.finishedAt === undefined ? {} : { pk: s.finishedAt } } };
}

/** Ids at ranks below `keep` places; null when an unresolved tie straddles the line. */
function below(ranking: Ranked[], keep: number): { out: string[]; straddling?: string[] } {
  const line = ranking[keep - 1];
  const after = ranking[keep];
  if (line && after && line.rank === after.rank) return { out: [], straddling: ranking.filter((r) => r.rank === line.rank).map((r) => r.id) };
  return { out: ranking.slice(keep).map((r) => r.id) };
}

/** Applies the results of the current round: eliminates, regroups, or reports an unresolved tie. */
export function playGroupPkRound(state: GroupPkState, scores: Record<string, PkScore>): Result<GroupPkState> {
  if (state.status === 'finished') return fail(problem('round', 'the group PK is already finished', '小组 PK 已结束'));
  const missing = state.alive.filter((id) => scores[id] === undefined || !Number.isFinite(scores[id].score));
  if (missing.length > 0) {
    return fail(...missing.map((id) => problem(`scores.${id}`, `round ${state.round}: no score for ${id}`, `第 ${state.round} 轮：${id} 没有成绩`)));
  }
  const { rule, tieBreaks } = state;
  const groups = state.groups.map((g) => ({ ...g, ranking: rankCandidates(g.ids.map((id) => candidate(id, scores[id], tieBreaks)), tieBreaks).ranked }));
  const toRemove = Math.min(rule.outPerGroup * groups.length, state.alive.length - rule.remain);
  const atCut: string[] = [];
  for (const g of groups) {
    const cut = below(g.ranking, g.ids.length - rule.outPerGroup);
    if (cut.straddling) return ok(unresolved(state, groups, cut.straddling, `group ${g.label}`, `${g.label} 组`));
    atCut.push(...cut.out);
  }
  let eliminated = atCut;
  let crossGroup: Ranked[] | undefined;
  if (toRemove < atCut.length) {
    crossGroup = rankCandidates(atCut.map((id) => candidate(id, scores[id], tieBreaks)), tieBreaks).ranked;
    const cut = below(crossGroup, atCut.length - toRemove);
    if (cut.straddling) return ok(unresolved(state, groups, cut.straddling, 'the cross-group cut', '跨组淘汰线'));
    eliminated = cut.out;
  }
  const gone = new Set(eliminated);
  const alive = state.alive.filter((id) => !gone.has(id));
  const history = [...state.history, { round: state.round, groups, eliminated, crossGroup }];
  if (alive.length <= rule.remain) return ok({ ...state, alive, history, groups: [], status: 'finished', unresolved: undefined, round: state.round + 1 });
  const dealt = dealGroups(alive, rule.groupSize);
  if (!dealt.ok) return dealt;
  return ok({ ...state, alive, history, round: state.round + 1, groups: toGroups(dealt.value), status: 'running', unresolved: undefined });
}

function unresolved(state: GroupPkState, groups: PkGroup[], ids: string[], where: string, whereZh: string): GroupPkState {
  return {
    ...state,
    groups,
    status: 'unresolved',
    unresolved: {
      ids,
      message: `round ${state.round}: ${ids.join(', ')} are tied at ${where} and no tie-break separates them; run a decider and submit the round again`,
      messageZh: `第 ${state.round} 轮：${ids.join('、')} 在${whereZh}并列且决胜规则无法区分；请加赛后重新提交本轮成绩`,
    },
  };
}
