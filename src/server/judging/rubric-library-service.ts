import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { hasAnyRole, hasRoleAt, isInSubtree, isPlatformAdmin, scopeRoots, type Actor } from '../identity/engine/authz.ts';
import type { Db } from '../db/kysely.ts';
import { loadContestAsOrganiser, refusalError } from './access.ts';
import { maxTotal, RUBRIC_TEMPLATES, validateRubric, type Criterion } from './engine/rubric.ts';
import type { LibraryRubricRow } from './rubric-library-repo.ts';
import type { LibraryRubricView } from './schema.ts';

type RubricInput = { name: string; nameZh: string; criteria: Criterion[] };

/**
 * Who sees the organisation rubric library (docs/judging.md): an organiser sees the library
 * rubrics owned at, under or above their organiser grants — a province organiser sees the
 * group's and their province's (and its cities'), never a sibling province's. Only an
 * organiser over the owner (or a platform admin) changes one.
 */
const forbidden = (reason: string, reasonZh: string) => new AppError('FORBIDDEN', reason, { details: { reasonZh } });

function requireOrganiser(actor: Actor): void {
  if (!hasAnyRole(actor, ['organiser'])) throw forbidden('only an organiser may use the rubric library', '只有组织者可以使用评分细则库');
}

export function canSeeLibraryRubric(actor: Actor, ownerPath: string): boolean {
  return scopeRoots(actor, ['organiser']).some((root) => isInSubtree(ownerPath, root) || isInSubtree(root, ownerPath));
}

const canEdit = (actor: Actor, ownerPath: string) => hasRoleAt(actor, ['organiser'], ownerPath);

function toView(actor: Actor, r: LibraryRubricRow): LibraryRubricView {
  return {
    id: r.id,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    name: r.name,
    nameZh: r.nameZh,
    criteria: r.criteria,
    maxTotal: maxTotal({ ...r, id: String(r.id) }),
    archived: r.archived,
    editable: canEdit(actor, r.organisationPath),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The engine's rubric check, naming the field by position: `criteria.0.weight`. */
function checkCriteria(input: RubricInput): void {
  const check = validateRubric({ id: 'library', ...input });
  if (check.ok) return;
  const index = input.criteria.findIndex((c) => c.key === check.criterion);
  const prop = ({ DUPLICATE_KEY: 'key', BAD_WEIGHT: 'weight', BAD_RANGE: 'max', BAD_STEP: 'step', BAD_DESCRIPTOR: 'descriptors', NO_CRITERIA: '' } as const)[check.code];
  throw refusalError(check, index < 0 ? 'criteria' : `criteria.${index}${prop ? `.${prop}` : ''}`);
}

/** A library rubric the actor may see (404 unknown, 403 out of sight). */
export async function loadLibraryRubric(ctx: AppContext, actor: Actor, id: number, tx: Db = ctx.db): Promise<LibraryRubricRow> {
  requireOrganiser(actor);
  const r = await ctx.judging.library.get(id, tx);
  if (!r) throw notFound('library rubric');
  if (!canSeeLibraryRubric(actor, r.organisationPath)) throw forbidden(`library rubric ${id} belongs to an organisation outside your organiser scope`, '该评分细则属于您管理范围以外的单位');
  return r;
}

async function organisationToManage(ctx: AppContext, actor: Actor, organisationId: number) {
  const org = await ctx.identity.orgs.get(organisationId);
  if (!org) throw new AppError('VALIDATION', `no organisation ${organisationId}`, { field: 'organisationId', details: { reasonZh: '单位不存在' } });
  if (!canEdit(actor, org.idPath)) throw forbidden(`you are not an organiser of ${org.name}`, `您不是${org.name}的组织者`);
  return org;
}

export async function listLibrary(ctx: AppContext, actor: Actor, opts: { includeArchived: boolean }) {
  requireOrganiser(actor);
  const roots = scopeRoots(actor, ['organiser']);
  const rows = await ctx.judging.library.list({ paths: isPlatformAdmin(actor) ? null : roots, includeArchived: opts.includeArchived });
  const grantOrgs = isPlatformAdmin(actor)
    ? [await ctx.identity.orgs.findRoot()]
    : await Promise.all(actor.grants.filter((g) => g.role === 'organiser' && roots.includes(g.idPath)).map((g) => ctx.identity.orgs.get(g.organisationId)));
  const organisations = [...new Map(grantOrgs.filter((o) => o !== undefined).map((o) => [o.id, { id: o.id, name: o.name }])).values()];
  return { items: rows.map((r) => toView(actor, r)), templates: RUBRIC_TEMPLATES.map((t) => ({ id: t.id, name: t.name, nameZh: t.nameZh, criteria: t.criteria, maxTotal: maxTotal(t) })), organisations };
}

export async function getLibraryRubric(ctx: AppContext, actor: Actor, id: number): Promise<LibraryRubricView> {
  return toView(actor, await loadLibraryRubric(ctx, actor, id));
}

async function insertLibraryRubric(ctx: AppContext, actor: Actor, input: RubricInput & { organisationId: number }, data: Record<string, unknown>): Promise<LibraryRubricView> {
  const id = await ctx.db.transaction().execute(async (tx) => {
    const libraryId = await ctx.judging.library.insert({ ...input, createdBy: actor.personId > 0 ? actor.personId : null }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId || null, action: 'rubric_library.created', targetType: 'rubric_library', targetId: libraryId, data: { organisationId: input.organisationId, ...data } }, tx);
    return libraryId;
  });
  return getLibraryRubric(ctx, actor, id);
}

export async function createLibraryRubric(ctx: AppContext, actor: Actor, input: RubricInput & { organisationId: number }): Promise<LibraryRubricView> {
  requireOrganiser(actor);
  await organisationToManage(ctx, actor, input.organisationId);
  checkCriteria(input);
  return insertLibraryRubric(ctx, actor, input, {});
}

/** Names, criteria, archived: only an organiser over the owner. Contests already copied keep their own copy. */
export async function updateLibraryRubric(ctx: AppContext, actor: Actor, id: number, input: Partial<RubricInput> & { archived?: boolean }): Promise<LibraryRubricView> {
  const current = await loadLibraryRubric(ctx, actor, id);
  if (!canEdit(actor, current.organisationPath)) throw forbidden(`only an organiser of ${current.organisationName} may change its library rubrics`, `只有${current.organisationName}的组织者可以修改该评分细则`);
  const next = { name: input.name ?? current.name, nameZh: input.nameZh ?? current.nameZh, criteria: input.criteria ?? current.criteria, archived: input.archived ?? current.archived };
  if (input.criteria) checkCriteria(next);
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.judging.library.update(id, next, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId || null, action: 'rubric_library.updated', targetType: 'rubric_library', targetId: id, data: { fields: Object.keys(input) } }, tx);
  });
  return getLibraryRubric(ctx, actor, id);
}

/** A contest's rubric kept in the library of an organisation the organiser manages. */
export async function saveRubricToLibrary(ctx: AppContext, actor: Actor, rubricId: number, input: { organisationId: number; name?: string; nameZh?: string }): Promise<LibraryRubricView> {
  const rubric = await ctx.judging.rubrics.get(rubricId);
  if (!rubric) throw notFound('rubric');
  await loadContestAsOrganiser(ctx, actor, rubric.contestId);
  await organisationToManage(ctx, actor, input.organisationId);
  return insertLibraryRubric(ctx, actor, { organisationId: input.organisationId, name: input.name ?? rubric.name, nameZh: input.nameZh ?? rubric.nameZh, criteria: rubric.criteria }, { fromRubric: rubricId });
}
