import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadContestAsOrganiser, refusalError } from './access.ts';
import { maxTotal, RUBRIC_TEMPLATES, validateRubric, type Criterion } from './engine/rubric.ts';
import { loadLibraryRubric } from './rubric-library-service.ts';
import type { RubricRow } from './rubric-repo.ts';
import type { RubricView } from './schema.ts';

type RubricInput = { name: string; nameZh: string; criteria: Criterion[] };

export const listTemplates = () => RUBRIC_TEMPLATES.map((t) => ({ id: t.id, name: t.name, nameZh: t.nameZh, criteria: t.criteria, maxTotal: maxTotal(t) }));

async function toView(ctx: AppContext, r: RubricRow): Promise<RubricView> {
  return { id: r.id, contestId: r.contestId, templateId: r.templateId, libraryId: r.libraryId, name: r.name, nameZh: r.nameZh, criteria: r.criteria, maxTotal: maxTotal({ ...r, id: String(r.id) }), usage: await ctx.judging.rubrics.usage(r.id) };
}

function checkRubric(input: RubricInput): void {
  const check = validateRubric({ id: 'new', ...input });
  if (!check.ok) throw refusalError(check, check.criterion ? `criteria.${check.criterion}` : 'criteria');
}

export async function listRubrics(ctx: AppContext, actor: Actor, contestId: number): Promise<RubricView[]> {
  await loadContestAsOrganiser(ctx, actor, contestId);
  return Promise.all((await ctx.judging.rubrics.list(contestId)).map((r) => toView(ctx, r)));
}

/**
 * A contest's own copy of a template or of a library rubric the organiser can see, or a rubric
 * written from scratch. A copy, so later library edits never change a contest's rubric.
 */
export async function createRubric(ctx: AppContext, actor: Actor, contestId: number, input: { templateId: string } | { libraryId: number } | RubricInput): Promise<RubricView> {
  await loadContestAsOrganiser(ctx, actor, contestId);
  let body: RubricInput & { templateId: string | null; libraryId?: number };
  if ('templateId' in input) {
    const t = RUBRIC_TEMPLATES.find((x) => x.id === input.templateId);
    if (!t) throw new AppError('VALIDATION', `no rubric template ${input.templateId}`, { field: 'templateId', details: { reasonZh: `评分细则模板 ${input.templateId} 不存在` } });
    body = { name: t.name, nameZh: t.nameZh, criteria: structuredClone(t.criteria), templateId: t.id };
  } else if ('libraryId' in input) {
    const l = await loadLibraryRubric(ctx, actor, input.libraryId);
    body = { name: l.name, nameZh: l.nameZh, criteria: structuredClone(l.criteria), templateId: null, libraryId: l.id };
  } else {
    checkRubric(input);
    body = { ...input, templateId: null };
  }
  const id = await ctx.db.transaction().execute(async (tx) => {
    const rubricId = await ctx.judging.rubrics.insert({ contestId, ...body, createdBy: actor.personId > 0 ? actor.personId : null }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId || null, action: 'rubric.created', targetType: 'rubric', targetId: rubricId, data: { contestId, templateId: body.templateId, libraryId: body.libraryId ?? null } }, tx);
    return rubricId;
  });
  return toView(ctx, (await ctx.judging.rubrics.get(id))!);
}

export async function loadRubric(ctx: AppContext, actor: Actor, id: number): Promise<RubricRow> {
  const r = await ctx.judging.rubrics.get(id);
  if (!r) throw notFound('rubric');
  await loadContestAsOrganiser(ctx, actor, r.contestId);
  return r;
}

export async function getRubric(ctx: AppContext, actor: Actor, id: number): Promise<RubricView> {
  return toView(ctx, await loadRubric(ctx, actor, id));
}

/** Editable until the first score is given under it: scores already given would change meaning. */
export async function updateRubric(ctx: AppContext, actor: Actor, id: number, input: RubricInput): Promise<RubricView> {
  await loadRubric(ctx, actor, id);
  checkRubric(input);
  const usage = await ctx.judging.rubrics.usage(id);
  if (usage.sheets > 0) {
    throw new AppError('CONFLICT', `the rubric already has ${usage.sheets} score sheet(s); copy it instead`, { details: { code: 'RUBRIC_IN_USE', reasonZh: `该评分细则已有 ${usage.sheets} 份评分，不能再修改` } });
  }
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.judging.rubrics.update(id, input, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId || null, action: 'rubric.updated', targetType: 'rubric', targetId: id }, tx);
  });
  return getRubric(ctx, actor, id);
}

export async function deleteRubric(ctx: AppContext, actor: Actor, id: number): Promise<{ deleted: true }> {
  await loadRubric(ctx, actor, id);
  const usage = await ctx.judging.rubrics.usage(id);
  if (usage.panels > 0) throw new AppError('CONFLICT', `${usage.panels} panel(s) use this rubric`, { details: { code: 'RUBRIC_IN_USE', reasonZh: `有 ${usage.panels} 个评委组正在使用该评分细则` } });
  await ctx.judging.rubrics.delete(id);
  return { deleted: true };
}
