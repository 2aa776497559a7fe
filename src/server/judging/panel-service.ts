import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { AppError, invalid } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadContestAsOrganiser, loadPanelAsOrganiser, refusalError } from './access.ts';
import { validateAggregationSpec, type AggregationSpec } from './engine/aggregation.ts';
import type { ConflictPolicy } from './engine/conflicts.ts';
import type { ContestRef } from './contest-ref-repo.ts';
import type { PanelRow } from './panel-repo.ts';
import type { PanelView } from './schema.ts';

type PanelBody = {
  roundKey: string;
  trackKey: string | null;
  groupKey: string | null;
  name: string;
  rubricId: number;
  minSize: number;
  aggregation: AggregationSpec;
  conflictPolicy: ConflictPolicy;
  judgeIds: number[];
  entryIds: number[];
};

export async function panelView(ctx: AppContext, panel: PanelRow, tx: Db = ctx.db): Promise<PanelView> {
  const { id, contestId, roundKey, trackKey, groupKey, name, rubricId, minSize, aggregation, conflictPolicy, status, onStageEntryId, screenToken } = panel;
  const judges = await ctx.judging.panels.judges(id, tx);
  const entries = await ctx.judging.panels.entries(id, tx);
  return {
    ...{ id, contestId, roundKey, trackKey, groupKey, name, rubricId, minSize, aggregation, conflictPolicy, status, onStageEntryId, screenToken },
    judges: judges.map((j) => ({ personId: j.personId, seat: j.seat, name: j.name, organisationName: j.organisationName, guest: j.guestAffiliation !== null, affiliation: j.guestAffiliation })),
    entries: entries.map((e) => ({ entryId: e.entryId, position: e.position, name: e.name, trackKey: e.trackKey, organisationName: e.organisationName, locked: e.locked || status === 'locked' })),
  };
}

async function checkRubric(ctx: AppContext, contest: ContestRef, rubricId: number, tx: Db) {
  const r = await ctx.judging.rubrics.get(rubricId, tx);
  if (!r || r.contestId !== contest.id) throw invalid('rubricId', `rubric ${rubricId} is not one of this contest's rubrics`);
}

/** Judges: staff holding a judge role, or guests invited to this very contest. */
async function checkJudges(ctx: AppContext, contest: ContestRef, ids: number[], tx: Db) {
  if (new Set(ids).size !== ids.length) throw invalid('judgeIds', 'a judge is listed twice');
  const found = new Map((await ctx.judging.contests.judgeCandidates(ids, tx)).map((p) => [p.id, p]));
  for (const id of ids) {
    const p = found.get(id);
    if (!p || !p.active) throw new AppError('VALIDATION', `person ${id} does not exist or is inactive`, { field: 'judgeIds', details: { reasonZh: `人员 ${id} 不存在或已停用` } });
    if (p.guestContestId !== null && p.guestContestId !== contest.id) {
      throw new AppError('VALIDATION', `${p.name} is a guest judge of another contest`, { field: 'judgeIds', details: { reasonZh: `${p.name} 是其他赛事的外部评委` } });
    }
    if (p.guestContestId === null && !p.hasJudgeRole) throw new AppError('VALIDATION', `${p.name} does not hold the judge role`, { field: 'judgeIds', details: { reasonZh: `${p.name} 没有评委角色` } });
  }
}

async function checkEntries(ctx: AppContext, contest: ContestRef, ids: number[], trackKey: string | null, tx: Db) {
  if (new Set(ids).size !== ids.length) throw invalid('entryIds', 'an entry is listed twice');
  const found = new Map((await ctx.judging.contests.entries(contest.id, ids, tx)).map((e) => [e.id, e]));
  for (const id of ids) {
    const e = found.get(id);
    if (!e) throw new AppError('VALIDATION', `entry ${id} is not an entry of ${contest.title}`, { field: 'entryIds', details: { reasonZh: `参赛单位 ${id} 不属于本赛事` } });
    if (trackKey && e.trackKey !== trackKey) throw new AppError('VALIDATION', `${e.name} is in track ${e.trackKey}, not ${trackKey}`, { field: 'entryIds', details: { reasonZh: `${e.name} 不属于赛道 ${trackKey}` } });
  }
}

function checkSpec(spec: AggregationSpec | undefined) {
  if (!spec) return;
  const c = validateAggregationSpec(spec);
  if (!c.ok) throw refusalError(c, 'aggregation');
}

export async function listPanels(ctx: AppContext, actor: Actor, contestId: number): Promise<PanelView[]> {
  await loadContestAsOrganiser(ctx, actor, contestId);
  const rows = await ctx.judging.panels.listByContest(contestId);
  return Promise.all(rows.map((p) => panelView(ctx, p)));
}

export async function createPanel(ctx: AppContext, actor: Actor, contestId: number, body: PanelBody): Promise<PanelView> {
  const contest = await loadContestAsOrganiser(ctx, actor, contestId);
  checkSpec(body.aggregation);
  const id = await ctx.db.transaction().execute(async (tx) => {
    await checkRubric(ctx, contest, body.rubricId, tx);
    await checkJudges(ctx, contest, body.judgeIds, tx);
    await checkEntries(ctx, contest, body.entryIds, body.trackKey, tx);
    const { judgeIds, entryIds, ...panel } = body;
    const panelId = await ctx.judging.panels.insert({ ...panel, contestId, screenToken: randomBytes(18).toString('base64url'), createdBy: actor.personId > 0 ? actor.personId : null }, tx);
    await ctx.judging.panels.setJudges(panelId, judgeIds, tx);
    await ctx.judging.panels.setEntries(panelId, entryIds, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId || null, action: 'panel.created', targetType: 'panel', targetId: panelId, data: { contestId, roundKey: body.roundKey } }, tx);
    return panelId;
  });
  return getPanel(ctx, actor, id);
}

export async function getPanel(ctx: AppContext, actor: Actor, id: number): Promise<PanelView> {
  const { panel } = await loadPanelAsOrganiser(ctx, actor, id);
  return panelView(ctx, panel);
}

/** Judges, entries (their order is the order on stage), rules. Refused while the panel is locked. */
export async function updatePanel(ctx: AppContext, actor: Actor, id: number, body: Partial<Omit<PanelBody, 'roundKey'>>): Promise<PanelView> {
  checkSpec(body.aggregation);
  await ctx.db.transaction().execute(async (tx) => {
    const { panel, contest } = await loadPanelAsOrganiser(ctx, actor, id, tx, { forUpdate: true });
    if (panel.status === 'locked') throw new AppError('CONFLICT', 'the panel is locked: unlock it first', { details: { code: 'LOCKED', reasonZh: '评委组已锁定，请先解锁' } });
    if (body.rubricId !== undefined && body.rubricId !== panel.rubricId) {
      await checkRubric(ctx, contest, body.rubricId, tx);
      if ((await ctx.judging.sheets.list(id, tx)).length > 0) throw new AppError('CONFLICT', 'scores exist under the current rubric', { field: 'rubricId', details: { code: 'RUBRIC_IN_USE', reasonZh: '已有评分，不能更换评分细则' } });
    }
    if (body.judgeIds) await checkJudges(ctx, contest, body.judgeIds, tx);
    const trackKey = body.trackKey !== undefined ? body.trackKey : panel.trackKey;
    const entryIds = body.entryIds ?? (body.trackKey !== undefined ? (await ctx.judging.panels.entries(id, tx)).map((e) => e.entryId) : undefined);
    if (entryIds) await checkEntries(ctx, contest, entryIds, trackKey, tx);
    const { judgeIds, entryIds: _e, ...rest } = body;
    await ctx.judging.panels.update(id, rest, tx);
    if (judgeIds) await ctx.judging.panels.setJudges(id, judgeIds, tx);
    if (body.entryIds) await ctx.judging.panels.setEntries(id, body.entryIds, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId || null, action: 'panel.updated', targetType: 'panel', targetId: id, data: { fields: Object.keys(body) } }, tx);
  });
  return getPanel(ctx, actor, id);
}

export async function deletePanel(ctx: AppContext, actor: Actor, id: number): Promise<{ deleted: true }> {
  await ctx.db.transaction().execute(async (tx) => {
    const { panel } = await loadPanelAsOrganiser(ctx, actor, id, tx, { forUpdate: true });
    if ((await ctx.judging.sheets.list(id, tx)).length > 0) throw new AppError('CONFLICT', 'the panel already has scores', { details: { code: 'HAS_SCORES', reasonZh: '该评委组已有评分，不能删除' } });
    await ctx.judging.panels.delete(panel.id, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId || null, action: 'panel.deleted', targetType: 'panel', targetId: id }, tx);
  });
  return { deleted: true };
}

/** The entry now on stage: what every judge's phone opens to. */
export async function setOnStage(ctx: AppContext, actor: Actor, id: number, entryId: number | null): Promise<PanelView> {
  await ctx.db.transaction().execute(async (tx) => {
    const { panel } = await loadPanelAsOrganiser(ctx, actor, id, tx, { forUpdate: true });
    if (entryId !== null && !(await ctx.judging.panels.entries(id, tx)).some((e) => e.entryId === entryId)) {
      throw new AppError('VALIDATION', `entry ${entryId} is not on this panel's list`, { field: 'entryId', details: { code: 'CONTESTANT_NOT_ON_PANEL', reasonZh: '该选手不在本评委组的评分名单' } });
    }
    await ctx.judging.panels.setOnStage(panel.id, entryId, tx);
  });
  return getPanel(ctx, actor, id);
}
