import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import { AppError, forbidden, invalid } from '../errors.ts';
import { hasRoleAt, isPlatformAdmin, scopeRoots, type Actor } from '../identity/engine/authz.ts';
import { canManageContest, loadContest } from './access.ts';
import type { ContestRow, ContestSettings, ContestStatus } from './contest-repo.ts';
import { validateContest, type ContestDef } from './engine/contest-model.ts';
import { orThrow, fail, ok } from './engine/result.ts';
import type { DefinitionInput } from './schema.ts';

type DefinitionIn = z.infer<typeof DefinitionInput>;

export const toContestView = (c: ContestRow, actor: Actor) => ({
  id: c.id,
  title: c.title,
  status: c.status,
  organisationId: c.organisationId,
  organisationName: c.organisationName,
  definition: c.definition,
  settings: c.settings,
  canManage: canManageContest(actor, c),
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/** The engine's verdict on a definition: a 400 naming the first problem's field, every problem (en + zh) in details. */
export function checkDefinition(def: ContestDef): ContestDef {
  const problems = validateContest(def);
  return orThrow(problems.length > 0 ? fail(...problems) : ok(def));
}

const buildDef = (id: string, title: string, d: DefinitionIn): ContestDef => ({ id, title, ...d }) as ContestDef;

export async function listContests(ctx: AppContext, actor: Actor) {
  const rows = await ctx.contests.contests.list({ all: isPlatformAdmin(actor), subtrees: scopeRoots(actor, ['organiser']), ownPath: actor.organisationPath });
  return rows.map((c) => toContestView(c, actor));
}

export async function getContest(ctx: AppContext, actor: Actor, id: number) {
  return toContestView(await loadContest(ctx, actor, id, 'read'), actor);
}

export async function createContest(ctx: AppContext, actor: Actor, input: { title: string; organisationId: number; definition: DefinitionIn; settings: ContestSettings }) {
  const org = await ctx.identity.orgs.get(input.organisationId);
  if (!org || org.archived) throw invalid('organisationId', `organisation ${input.organisationId} does not exist`);
  if (!hasRoleAt(actor, ['organiser'], org.idPath)) throw forbidden(`you do not organise ${org.name}: a contest belongs to a node in your subtree`);
  const def = checkDefinition(buildDef('new', input.title, input.definition));
  const id = await ctx.db.transaction().execute(async (tx) => {
    const contestId = await ctx.contests.contests.insert({ organisationId: org.id, title: input.title, status: 'draft', definition: def, settings: input.settings, createdBy: actor.personId }, tx);
    await ctx.contests.contests.update(contestId, { definition: { ...def, id: `contest-${contestId}` } }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.created', targetType: 'contest', targetId: contestId, data: { title: input.title, organisationId: org.id } }, tx);
    return contestId;
  });
  return getContest(ctx, actor, id);
}

export async function updateContest(ctx: AppContext, actor: Actor, id: number, input: { title?: string; definition?: DefinitionIn; settings?: ContestSettings }) {
  const c = await loadContest(ctx, actor, id, 'manage');
  if (input.definition && c.status !== 'draft' && c.status !== 'registration') {
    throw new AppError('CONFLICT', `contest ${c.title} is ${c.status}: its stages and rules can no longer change`, { field: 'definition' });
  }
  const title = input.title ?? c.title;
  const def = checkDefinition(input.definition ? buildDef(c.definition.id, title, input.definition) : { ...c.definition, title });
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.contests.contests.update(id, { title, definition: def, settings: input.settings }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.updated', targetType: 'contest', targetId: id, data: { title, definitionChanged: !!input.definition } }, tx);
  });
  return getContest(ctx, actor, id);
}

const NEXT: Record<ContestStatus, ContestStatus[]> = { draft: ['registration'], registration: ['draft', 'running'], running: ['finished'], finished: [] };

/** draft → registration → running → finished (registration may go back to draft). */
export async function setContestStatus(ctx: AppContext, actor: Actor, id: number, status: ContestStatus) {
  const c = await loadContest(ctx, actor, id, 'manage');
  if (c.status !== status && !NEXT[c.status].includes(status)) {
    throw new AppError('CONFLICT', `contest ${c.title} is ${c.status}; it can go to ${NEXT[c.status].join(' or ') || 'no other status'}, not ${status}`, { field: 'status' });
  }
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.contests.contests.update(id, { status }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.status', targetType: 'contest', targetId: id, data: { from: c.status, to: status } }, tx);
  });
  return getContest(ctx, actor, id);
}
