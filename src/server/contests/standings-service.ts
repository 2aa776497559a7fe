import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadContest, stageOf, trackName } from './access.ts';
import type { ContestRow } from './contest-repo.ts';
import { orThrow } from './engine/result.ts';
import { computeStandings, explainRow, type StageStandings } from './engine/standings.ts';
import type { EntryRow } from './entry-repo.ts';

/**
 * Who is in a stage: the approved registrations in the first stage, then the entries the
 * previous stage's advancement (contest_advancement) sent on.
 */
export async function stageEntrants(ctx: AppContext, c: ContestRow, stageIndex: number, tx: Db = ctx.db): Promise<EntryRow[]> {
  if (stageIndex === 0) return ctx.contests.entries.list(c.id, { statuses: ['approved'] }, tx);
  const previous = c.definition.stages[stageIndex - 1];
  const rows = await ctx.contests.scores.listAdvancement(c.id, previous.id, tx);
  return ctx.contests.entries.list(c.id, { ids: rows.filter((r) => r.advances).map((r) => r.entryId) }, tx);
}

/** The engine's standings of one stage from contest_round_score, and the entries in it. */
export async function computeStageStandings(ctx: AppContext, c: ContestRow, stageKey: string, tx: Db = ctx.db): Promise<{ standings: StageStandings; entries: EntryRow[] }> {
  const { stage, index } = stageOf(c, stageKey);
  const entries = await stageEntrants(ctx, c, index, tx);
  const ids = new Set(entries.map((e) => e.id));
  const rows = (await ctx.contests.scores.list(c.id, stage.rounds.map((r) => r.id), tx)).filter((s) => ids.has(s.entryId));
  const standings = orThrow(
    computeStandings({
      stage,
      entrants: entries.map((e) => ({ id: String(e.id), name: e.name, trackId: e.trackKey, organisationId: String(e.organisationId), ...(e.details.late?.stageKey === stage.id && { late: true }) })),
      scores: rows.map((s) => ({ entrantId: String(s.entryId), roundId: s.roundKey, score: s.score, violations: s.violations, finishedAt: s.finishedAt ? new Date(s.finishedAt).getTime() : undefined })),
    }),
  );
  return { standings, entries };
}

/** Standings per track with each row explained (rank, total, tie-break) and who still lacks a score. */
export async function getStandings(ctx: AppContext, actor: Actor, contestId: number, stageKey: string) {
  const c = await loadContest(ctx, actor, contestId, 'read');
  const { stage } = stageOf(c, stageKey);
  const { standings, entries } = await computeStageStandings(ctx, c, stageKey);
  const byId = new Map(entries.map((e) => [String(e.id), e]));
  return {
    contestId: c.id,
    stage: { id: stage.id, name: stage.name, kind: stage.kind, rounds: stage.rounds, tieBreaks: stage.tieBreaks, advancement: stage.advancement },
    status: standings.status,
    missing: standings.missing.map((m) => ({ entryId: Number(m.entrantId), name: m.name ?? m.entrantId, trackId: m.trackId, roundId: m.roundId, late: m.late === true })),
    tracks: standings.tracks.map((t) => ({
      trackId: t.trackId,
      trackName: trackName(c, t.trackId),
      rows: t.rows.map((r) => ({
        entryId: Number(r.id),
        name: r.name ?? r.id,
        organisationName: byId.get(r.id)?.organisationName ?? '',
        rank: r.rank,
        scoreRank: r.scoreRank,
        total: r.total,
        rounds: r.rounds,
        tieBreaks: r.tieBreaks,
        unresolvedWith: r.unresolvedWith.map(Number),
        explanation: explainRow(r, 'en'),
        explanationZh: explainRow(r, 'zh'),
      })),
      incomplete: t.incomplete.map((i) => ({ entryId: Number(i.id), name: i.name ?? i.id, organisationName: byId.get(i.id)?.organisationName ?? '', missingRounds: i.missingRounds, rounds: i.rounds, late: i.late === true })),
      decisions: t.decisions,
    })),
  };
}

export async function listScores(ctx: AppContext, actor: Actor, contestId: number, stageKey: string) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const { stage } = stageOf(c, stageKey);
  return { items: await ctx.contests.scores.list(c.id, stage.rounds.map((r) => r.id)) };
}

/** An organiser's manual score (source 'manual'), audited with the value it replaces. */
export async function enterScore(ctx: AppContext, actor: Actor, contestId: number, input: { roundKey: string; entryId: number; score: number; maxScore?: number; violations: number; finishedAt?: Date; note: string }) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  if (c.status === 'finished') throw new AppError('CONFLICT', `contest ${c.title} is finished: its scores are final`);
  const stage = c.definition.stages.find((s) => s.rounds.some((r) => r.id === input.roundKey));
  const round = stage?.rounds.find((r) => r.id === input.roundKey);
  if (!stage || !round) throw invalid('roundKey', `contest ${c.title} has no round ${input.roundKey}`);
  const entry = await ctx.contests.entries.get(input.entryId);
  if (!entry || entry.contestId !== c.id) throw notFound('registration');
  if (entry.status !== 'approved') throw invalid('entryId', `${entry.name} is ${entry.status}, not an approved entrant`);
  if (!Number.isFinite(input.score) || input.score < 0) throw invalid('score', `score ${input.score} must be a number ≥ 0`);
  const max = round.normalisation.kind === 'percentOfMax' ? round.normalisation.maxScore : input.maxScore;
  if (max !== undefined && input.score > max) throw invalid('score', `score ${input.score} is above the round's maximum ${max} (${round.name})`);
  await ctx.db.transaction().execute(async (tx) => {
    const before = (await ctx.contests.scores.list(c.id, [input.roundKey], tx)).find((s) => s.entryId === entry.id);
    await ctx.contests.scores.upsert({ contestId: c.id, roundKey: input.roundKey, entryId: entry.id, score: input.score, maxScore: max ?? null, source: 'manual', sourceRef: `person:${actor.personId}`, violations: input.violations, finishedAt: input.finishedAt ?? null, details: { note: input.note } }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.score.manual', targetType: 'contest_entry', targetId: entry.id, data: { contestId: c.id, roundKey: input.roundKey, score: input.score, previous: before ? { score: before.score, source: before.source } : null, note: input.note } }, tx);
  });
  return { contestId: c.id, roundKey: input.roundKey, entryId: entry.id, score: input.score, source: 'manual' };
}
