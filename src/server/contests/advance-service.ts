import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadContest, stageOf, trackName } from './access.ts';
import type { ContestRow } from './contest-repo.ts';
import { advanceTopN, explainDecision, type AdvanceDecision } from './engine/advancement.ts';
import type { StageDef, TieBreakRule } from './engine/contest-model.ts';
import type { GroupPkState } from './engine/group-pk.ts';
import { describeRule } from './engine/ranking.ts';
import { orThrow } from './engine/result.ts';
import { computeStageStandings, stageEntrants } from './standings-service.ts';

export type AdvanceLine = {
  entryId: number;
  name: string;
  organisationName: string;
  trackId: string;
  advances: boolean;
  rank: number;
  total: number | null;
  reason: string;
  tieBreak: { rule: TieBreakRule; text: string; textZh: string } | null;
  tiedWith: number[];
  explanation: string;
  explanationZh: string;
};

export type AdvanceReport = {
  contestId: number;
  contestTitle: string;
  stageKey: string;
  stageName: string;
  nextStageKey: string | null;
  rule: StageDef['advancement'];
  dryRun: boolean;
  written: boolean;
  advancing: number;
  entrants: number;
  tracks: { trackId: string; trackName: string; lines: AdvanceLine[] }[];
};

const tieBreakOf = (rule?: TieBreakRule) => (rule ? { rule, text: describeRule(rule).en, textZh: describeRule(rule).zh } : null);

/** Top N per track from complete standings; the engine refuses missing scores and ties at the cut. */
async function topNLines(ctx: AppContext, c: ContestRow, stage: StageDef): Promise<AdvanceLine[]> {
  if (stage.advancement.kind !== 'topN') throw new Error('not topN');
  const rule = stage.advancement;
  const { standings, entries } = await computeStageStandings(ctx, c, stage.id);
  const result = orThrow(advanceTopN(standings, rule));
  const byId = new Map(entries.map((e) => [String(e.id), e]));
  return result.tracks.flatMap((t) =>
    t.decisions.map((d: AdvanceDecision) => ({
      entryId: Number(d.entrantId),
      name: d.name ?? d.entrantId,
      organisationName: byId.get(d.entrantId)?.organisationName ?? '',
      trackId: d.trackId,
      advances: d.advances,
      rank: d.rank,
      total: d.total,
      reason: d.reason,
      tieBreak: tieBreakOf(d.tieBreak),
      tiedWith: d.tiedWith.map(Number),
      explanation: explainDecision(d, rule, 'en'),
      explanationZh: explainDecision(d, rule, 'zh'),
    })),
  );
}

/** The survivors of a finished group PK advance; the others are ranked by the round they went out in. */
async function groupPkLines(ctx: AppContext, c: ContestRow, stage: StageDef): Promise<AdvanceLine[]> {
  const state = await ctx.contests.scores.getState<GroupPkState>(c.id, stage.id, 'groupPk');
  if (!state) throw new AppError('CONFLICT', `the group PK of ${stage.name} has not started: start it, play its rounds, then advance`, { field: 'stage' });
  if (state.status !== 'finished') {
    throw new AppError('CONFLICT', `the group PK of ${stage.name} is ${state.status} in round ${state.round}: ${state.alive.length} still in, ${state.rule.remain} to remain${state.unresolved ? `; ${state.unresolved.message}` : ''}`, { field: 'stage' });
  }
  const entries = await stageEntrants(ctx, c, c.definition.stages.indexOf(stage));
  const byId = new Map(entries.map((e) => [String(e.id), e]));
  const out: AdvanceLine[] = [];
  const line = (id: string, advances: boolean, rank: number, round?: number): AdvanceLine => {
    const e = byId.get(id);
    const en = advances ? `advances: one of the ${state.alive.length} left after the group PK` : `does not advance: out in PK round ${round}`;
    const zh = advances ? `晋级：小组 PK 后保留的 ${state.alive.length} 队之一` : `未晋级：第 ${round} 轮 PK 被淘汰`;
    return { entryId: Number(id), name: e?.name ?? id, organisationName: e?.organisationName ?? '', trackId: e?.trackKey ?? '', advances, rank, total: null, reason: advances ? 'group-pk-survivor' : 'group-pk-eliminated', tieBreak: null, tiedWith: [], explanation: en, explanationZh: zh };
  };
  state.alive.forEach((id) => out.push(line(id, true, 1)));
  let rank = state.alive.length + 1;
  for (const record of [...state.history].reverse()) {
    for (const id of record.eliminated) out.push(line(id, false, rank, record.round));
    rank += record.eliminated.length;
  }
  return out;
}

/**
 * `servicestar advance`: who advances from a stage and why; unless a dry run, the decisions
 * replace the stage's rows in contest_advancement (which fill the next stage).
 */
export async function advanceStage(ctx: AppContext, actor: Actor, contestId: number, stageKey: string, opts: { dryRun: boolean }): Promise<AdvanceReport> {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const { stage, next } = stageOf(c, stageKey);
  if (c.status !== 'running') throw new AppError('CONFLICT', `contest ${c.title} is ${c.status}: advancement happens while it is running`, { field: 'status' });
  let lines: AdvanceLine[];
  if (stage.advancement.kind === 'topN') lines = await topNLines(ctx, c, stage);
  else if (stage.advancement.kind === 'groupPk') lines = await groupPkLines(ctx, c, stage);
  else throw new AppError('CONFLICT', `stage ${stage.name} ends with ${stage.advancement.kind}: its places come from the bracket (GET …/bracket), there is no one to advance`, { field: 'stage' });
  const tracks = [...new Set(lines.map((l) => l.trackId))].sort().map((trackId) => ({ trackId, trackName: trackName(c, trackId), lines: lines.filter((l) => l.trackId === trackId) }));
  const report: AdvanceReport = {
    contestId: c.id,
    contestTitle: c.title,
    stageKey: stage.id,
    stageName: stage.name,
    nextStageKey: next?.id ?? null,
    rule: stage.advancement,
    dryRun: opts.dryRun,
    written: false,
    advancing: lines.filter((l) => l.advances).length,
    entrants: lines.length,
    tracks,
  };
  if (opts.dryRun) return report;
  await ctx.db.transaction().execute(async (tx) => {
    if (next) {
      const scored = await ctx.contests.scores.list(c.id, next.rounds.map((r) => r.id), tx);
      if (scored.length > 0) throw new AppError('CONFLICT', `stage ${next.name} already has ${scored.length} score(s): the advancement from ${stage.name} can no longer change`, { field: 'stage' });
    }
    await ctx.contests.scores.replaceAdvancement(
      c.id,
      stage.id,
      lines.map((l) => ({ entryId: l.entryId, advances: l.advances, rank: l.rank, reason: { reason: l.reason, trackId: l.trackId, total: l.total, tieBreak: l.tieBreak, tiedWith: l.tiedWith, explanation: l.explanation, explanationZh: l.explanationZh } })),
      actor.personId,
      tx,
    );
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.advanced', targetType: 'contest', targetId: c.id, data: { stageKey: stage.id, advancing: report.advancing, entrants: report.entrants } }, tx);
  });
  return { ...report, written: true };
}

/** The advancement already written for a stage. */
export async function getAdvancement(ctx: AppContext, actor: Actor, contestId: number, stageKey: string) {
  const c = await loadContest(ctx, actor, contestId, 'read');
  stageOf(c, stageKey);
  return { items: await ctx.contests.scores.listAdvancement(c.id, stageKey) };
}
