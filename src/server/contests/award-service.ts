import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadContest, stageOf, trackName } from './access.ts';
import type { AwardSetRow, StoredAward } from './award-repo.ts';
import type { StoredBracket } from './bracket-service.ts';
import { assignAwards, bestIndividual, podiumAwards, type Award } from './engine/awards.ts';
import type { Candidate } from './engine/ranking.ts';
import { normalise, roundTotal } from './engine/standings.ts';
import { doubleEliminationPlacements } from './engine/double-elimination.ts';
import { orThrow } from './engine/result.ts';
import { singleEliminationPlacements } from './engine/single-elimination.ts';
import { requireComplete } from './engine/standings.ts';
import type { AwardSource } from './schema.ts';
import { computeStageStandings, stageEntrants } from './standings-service.ts';
import type { ContestRow } from './contest-repo.ts';

type Source = z.infer<typeof AwardSource>;

const setView = (s: AwardSetRow) => ({ id: s.id, version: s.version, status: s.status, awards: s.awards, sources: s.sources, computedAt: s.computedAt, reviewedAt: s.reviewedAt, publishedAt: s.publishedAt });

/**
 * Awards are computed by the engine into a draft, reviewed, then published. Publishing freezes
 * the draft as version n+1; published versions are never edited, so a correction is a new
 * version and every earlier one stays readable (the public page says which is current).
 */
export async function computeAwards(ctx: AppContext, actor: Actor, contestId: number, input: { sources: Source[] }) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const entries = new Map((await ctx.contests.entries.list(c.id)).map((e) => [String(e.id), e]));
  const out: StoredAward[] = [];
  const store = (a: Award, trackId: string | undefined, source: string) => {
    const [entryId, personId] = a.entrantId.split(':');
    const e = entries.get(entryId);
    if (!e) throw new Error(`award for unknown entry ${a.entrantId}`);
    const person = personId ? e.members.find((m) => String(m.personId) === personId) : undefined;
    out.push({
      entryId: e.id, entryName: e.name, organisationName: e.organisationName, trackId: trackId ?? e.trackKey, trackName: trackName(c, trackId ?? e.trackKey),
      members: person ? [person.name] : e.members.map((m) => m.name), tierId: a.tier.id, tierName: a.tier.name, tierNameZh: a.tier.nameZh, place: a.place, shared: a.shared, source,
      ...(person && { personId: person.personId, personName: person.name }),
    });
  };
  for (const source of input.sources) {
    const { stage } = stageOf(c, source.stageKey);
    if (source.kind === 'bestIndividual') {
      const candidates = await individualCandidates(ctx, c, source);
      for (const a of orThrow(bestIndividual(candidates, source.tieBreaks))) store(a, undefined, `${stage.id}:bestIndividual`);
    } else if (source.kind === 'tiers') {
      const { standings } = await computeStageStandings(ctx, c, stage.id);
      orThrow(requireComplete(standings));
      for (const t of standings.tracks.filter((x) => !source.trackId || x.trackId === source.trackId)) {
        for (const a of orThrow(assignAwards(t.rows, source.rule))) store(a, t.trackId, `${stage.id}:tiers`);
      }
    } else {
      const stored = await ctx.contests.scores.getState<StoredBracket>(c.id, stage.id, 'bracket');
      if (!stored) throw new AppError('CONFLICT', `stage ${stage.name} has no bracket: the podium comes from one`, { field: 'sources' });
      const p: { finished: boolean; champion?: string; runnerUp?: string; third?: string | string[] } =
        stored.bracket.kind === 'double' ? orThrow(doubleEliminationPlacements(stored.bracket, stored.results)) : orThrow(singleEliminationPlacements(stored.bracket, stored.results));
      const third = Array.isArray(p.third) ? p.third : p.third ? [p.third] : [];
      for (const a of orThrow(podiumAwards({ finished: p.finished, champion: p.champion, runnerUp: p.runnerUp, third }))) store(a, undefined, `${stage.id}:podium`);
    }
  }
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.contests.awards.replaceDraft(c.id, out, input.sources, actor.personId, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.awards.computed', targetType: 'contest', targetId: c.id, data: { awards: out.length } }, tx);
  });
  return setView((await ctx.contests.awards.draft(c.id))!);
}

/**
 * The people who may be best individual: each member of an entry in the stage (of the track, if
 * named) with a score in `roundId` — a person's own score from the score row's
 * `details.memberScores` ({personId: score}, written by the team round's source), or the
 * entry's score when the entry has one member. Normalised as the round declares. Candidate
 * ids are `entryId:personId`.
 */
async function individualCandidates(ctx: AppContext, c: ContestRow, source: Extract<Source, { kind: 'bestIndividual' }>): Promise<Candidate[]> {
  const { stage, index } = stageOf(c, source.stageKey);
  const round = stage.rounds.find((r) => r.id === source.roundId);
  if (!round) throw invalid('sources.roundId', `stage ${stage.name} has no round ${source.roundId} (rounds: ${stage.rounds.map((r) => r.id).join(', ')})`);
  if (source.trackId !== undefined && !c.definition.tracks.some((t) => t.id === source.trackId)) throw invalid('sources.trackId', `contest ${c.title} has no track ${source.trackId}`);
  const inStage = (await stageEntrants(ctx, c, index)).filter((e) => source.trackId === undefined || e.trackKey === source.trackId);
  const rows = new Map((await ctx.contests.scores.listWithDetails(c.id, [round.id])).map((r) => [r.entryId, r]));
  const out: Candidate[] = [];
  for (const e of inStage) {
    const row = rows.get(e.id);
    if (!row) continue;
    const memberScores = (row.details.memberScores ?? undefined) as Record<string, unknown> | undefined;
    const finishedAt = row.finishedAt ? new Date(row.finishedAt).getTime() : undefined;
    for (const m of e.members) {
      const raw = memberScores ? memberScores[String(m.personId)] : e.members.length === 1 ? row.score : undefined;
      if (typeof raw !== 'number' || !Number.isFinite(raw)) continue;
      const value = normalise(round, raw);
      out.push({ id: `${e.id}:${m.personId}`, total: roundTotal(value), facts: { roundScores: { [round.id]: value }, violations: memberScores ? 0 : row.violations, finishedAt: { [round.id]: finishedAt } } });
    }
  }
  if (out.length === 0) {
    throw invalid('sources.roundId', `no individual score in round ${round.name}: a team round needs each member's score in its score rows (details.memberScores) (轮次 ${round.name} 没有个人成绩)`);
  }
  return out;
}

export async function getAwardDraft(ctx: AppContext, actor: Actor, contestId: number) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const d = await ctx.contests.awards.draft(c.id);
  return d ? setView(d) : null;
}

export async function reviewAwards(ctx: AppContext, actor: Actor, contestId: number) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const d = await ctx.contests.awards.draft(c.id);
  if (!d) throw new AppError('CONFLICT', 'there is no computed award list to review: compute it first');
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.contests.awards.markReviewed(d.id, actor.personId, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.awards.reviewed', targetType: 'contest', targetId: c.id }, tx);
  });
  return setView((await ctx.contests.awards.draft(c.id))!);
}

export async function publishAwards(ctx: AppContext, actor: Actor, contestId: number) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const d = await ctx.contests.awards.draft(c.id);
  if (!d) throw new AppError('CONFLICT', 'there is no award list to publish: compute and review it first');
  if (d.status !== 'reviewed') throw new AppError('CONFLICT', 'the award list has not been reviewed: review it before publishing');
  const version = await ctx.db.transaction().execute(async (tx) => {
    const v = await ctx.contests.awards.publish(d.id, c.id, actor.personId, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.awards.published', targetType: 'contest', targetId: c.id, data: { version: v, awards: d.awards.length } }, tx);
    return v;
  });
  return setView((await ctx.contests.awards.published(c.id, version))!);
}

export async function listAwardVersions(ctx: AppContext, actor: Actor, contestId: number) {
  const c = await loadContest(ctx, actor, contestId, 'read');
  return { items: (await ctx.contests.awards.versions(c.id)).map(setView) };
}

/** The public results page: the current (or a named) published version, and the list of versions. No sign-in. */
export async function publicResults(ctx: AppContext, contestId: number, version?: number) {
  const c = await ctx.contests.contests.get(contestId);
  if (!c || c.status === 'draft') throw notFound('contest');
  const versions = await ctx.contests.awards.versions(c.id);
  if (versions.length === 0) throw notFound('published results');
  const shown = version === undefined ? versions[versions.length - 1] : versions.find((v) => v.version === version);
  if (!shown) throw notFound(`results version ${version}`);
  return {
    contestId: c.id,
    title: c.title,
    organisationName: c.organisationName,
    version: shown.version!,
    current: shown.version === versions[versions.length - 1].version,
    publishedAt: shown.publishedAt!,
    awards: shown.awards,
    versions: versions.map((v) => ({ version: v.version!, publishedAt: v.publishedAt!, awards: v.awards.length })),
  };
}

/** The honour roll: every contest's current published awards, newest contest first. */
export async function honourRoll(ctx: AppContext) {
  const sets = await ctx.contests.awards.latestPublishedAll();
  const items = [];
  for (const s of sets) {
    const c = await ctx.contests.contests.get(s.contestId);
    if (!c) continue;
    items.push({ contestId: c.id, title: c.title, version: s.version!, publishedAt: s.publishedAt!, awards: s.awards });
  }
  return { items: items.sort((a, b) => b.contestId - a.contestId) };
}
