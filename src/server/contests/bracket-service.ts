import type { AppContext } from '../context.ts';
import { AppError, invalid } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadContest, stageOf } from './access.ts';
import type { ContestRow } from './contest-repo.ts';
import type { Bracket, MatchResult } from './engine/bracket.ts';
import { createDoubleElimination, doubleEliminationPlacements } from './engine/double-elimination.ts';
import { playGroupPkRound, startGroupPk, type GroupPkState, type PkScore } from './engine/group-pk.ts';
import { orThrow } from './engine/result.ts';
import { createSingleElimination, singleEliminationPlacements } from './engine/single-elimination.ts';
import { resolveBracket } from './engine/bracket.ts';
import { stageEntrants } from './standings-service.ts';

/**
 * Group PK and brackets of a stage, persisted as data in contest_stage_state: the PK state
 * the engine returns after each round, or the bracket and the results recorded so far
 * (resolved again by the engine on every read). Entrant ids are entry ids as strings.
 */
type StoredBracket = { bracket: Bracket; results: MatchResult[] };

/** Default seeding: the stage's entrants by their place in the previous stage (rank, then entry id). */
async function defaultSeeds(ctx: AppContext, c: ContestRow, index: number): Promise<string[]> {
  const entries = await stageEntrants(ctx, c, index);
  const previous = c.definition.stages[index - 1];
  const ranks = new Map((previous ? await ctx.contests.scores.listAdvancement(c.id, previous.id) : []).map((r) => [r.entryId, r.rank]));
  return entries
    .sort((a, b) => (ranks.get(a.id) ?? a.seed ?? 1e9) - (ranks.get(b.id) ?? b.seed ?? 1e9) || a.id - b.id)
    .map((e) => String(e.id));
}

async function checkSeeds(ctx: AppContext, c: ContestRow, index: number, ids: number[]): Promise<string[]> {
  const inStage = new Set((await stageEntrants(ctx, c, index)).map((e) => e.id));
  const stranger = ids.find((id) => !inStage.has(id));
  if (stranger !== undefined) throw invalid('entryIds', `entry ${stranger} is not in this stage`);
  return ids.map(String);
}

export async function startPk(ctx: AppContext, actor: Actor, contestId: number, stageKey: string, input: { entryIds?: number[] }) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const { stage, index } = stageOf(c, stageKey);
  if (stage.advancement.kind !== 'groupPk') throw invalid('stage', `stage ${stage.name} does not advance by group PK (${stage.advancement.kind})`);
  if (await ctx.contests.scores.getState(c.id, stage.id, 'groupPk')) throw new AppError('CONFLICT', `the group PK of ${stage.name} has already started`);
  const seeds = input.entryIds ? await checkSeeds(ctx, c, index, input.entryIds) : await defaultSeeds(ctx, c, index);
  const { groupSize, outPerGroup, remain } = stage.advancement;
  const state = orThrow(startGroupPk(seeds, { groupSize, outPerGroup, remain }, stage.tieBreaks));
  await ctx.contests.scores.putState(c.id, stage.id, 'groupPk', state);
  return state;
}

export async function playPkRound(ctx: AppContext, actor: Actor, contestId: number, stageKey: string, input: { scores: ({ entryId: number } & PkScore)[] }) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const { stage } = stageOf(c, stageKey);
  const state = await ctx.contests.scores.getState<GroupPkState>(c.id, stage.id, 'groupPk');
  if (!state) throw new AppError('CONFLICT', `the group PK of ${stage.name} has not started`);
  const scores = Object.fromEntries(input.scores.map(({ entryId, ...s }) => [String(entryId), s]));
  const next = orThrow(playGroupPkRound(state, scores));
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.contests.scores.putState(c.id, stage.id, 'groupPk', next, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.pk.round', targetType: 'contest', targetId: c.id, data: { stageKey, round: state.round, status: next.status } }, tx);
  });
  return next;
}

export async function getPk(ctx: AppContext, actor: Actor, contestId: number, stageKey: string) {
  const c = await loadContest(ctx, actor, contestId, 'read');
  const { stage } = stageOf(c, stageKey);
  return (await ctx.contests.scores.getState<GroupPkState>(c.id, stage.id, 'groupPk')) ?? null;
}

/**
 * A bracket for a stage from seeds (default: the survivors of the stage's finished group PK,
 * else the stage's entrants by their previous place). The engine refuses 0 or 1 entrant.
 */
export async function createBracket(ctx: AppContext, actor: Actor, contestId: number, stageKey: string, input: { entryIds?: number[]; thirdPlace?: boolean; kind: 'single' | 'double' }) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const { stage, index } = stageOf(c, stageKey);
  if (await ctx.contests.scores.getState(c.id, stage.id, 'bracket')) throw new AppError('CONFLICT', `stage ${stage.name} already has a bracket`);
  let seeds: string[];
  if (input.entryIds) seeds = await checkSeeds(ctx, c, index, input.entryIds);
  else {
    const pk = await ctx.contests.scores.getState<GroupPkState>(c.id, stage.id, 'groupPk');
    seeds = pk?.status === 'finished' ? pk.alive : await defaultSeeds(ctx, c, index);
  }
  const rule = stage.advancement;
  const bracket = orThrow(
    input.kind === 'double'
      ? createDoubleElimination(seeds, { grandFinal: rule.kind === 'doubleElimination' ? rule.grandFinal : 'simple' })
      : createSingleElimination(seeds, { thirdPlace: input.thirdPlace ?? (rule.kind === 'singleElimination' ? rule.thirdPlace : true) }),
  );
  const stored: StoredBracket = { bracket, results: [] };
  await ctx.contests.scores.putState(c.id, stage.id, 'bracket', stored);
  return bracketView(stored);
}

function bracketView(stored: StoredBracket) {
  const matches = orThrow(resolveBracket(stored.bracket, stored.results));
  const placements = stored.bracket.kind === 'double' ? orThrow(doubleEliminationPlacements(stored.bracket, stored.results)) : orThrow(singleEliminationPlacements(stored.bracket, stored.results));
  return { bracket: stored.bracket, results: stored.results, matches, placements };
}

export async function getBracket(ctx: AppContext, actor: Actor, contestId: number, stageKey: string) {
  const c = await loadContest(ctx, actor, contestId, 'read');
  const stored = await ctx.contests.scores.getState<StoredBracket>(c.id, stageOf(c, stageKey).stage.id, 'bracket');
  return stored ? bracketView(stored) : null;
}

/** Records one match's winner; the engine checks the winner is one of the two and the match is ready. */
export async function recordMatch(ctx: AppContext, actor: Actor, contestId: number, stageKey: string, input: { matchId: string; winnerId: number; score?: [number, number] }) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const { stage } = stageOf(c, stageKey);
  const stored = await ctx.contests.scores.getState<StoredBracket>(c.id, stage.id, 'bracket');
  if (!stored) throw new AppError('CONFLICT', `stage ${stage.name} has no bracket yet`);
  if (stored.results.some((r) => r.matchId === input.matchId)) throw new AppError('CONFLICT', `match ${input.matchId} already has a result`, { field: 'matchId' });
  const next: StoredBracket = { ...stored, results: [...stored.results, { matchId: input.matchId, winnerId: String(input.winnerId), score: input.score }] };
  const view = bracketView(next);
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.contests.scores.putState(c.id, stage.id, 'bracket', next, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.match', targetType: 'contest', targetId: c.id, data: { stageKey, ...input } }, tx);
  });
  return view;
}

export type { StoredBracket };
