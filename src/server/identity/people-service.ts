import type { AppContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { hasRoleAt, isPlatformAdmin, scopeRoots, type Actor } from './engine/authz.ts';
import type { Role } from './engine/roles.ts';
import { loadOrgIndex } from './org-service.ts';
import type { PersonRow } from './person-repo.ts';
import { hashPassword } from './passwords.ts';
import type { Person } from './schema.ts';

const MANAGE: Role[] = ['organiser'];

export const canGrantRole = (actor: Actor, role: Role) => role !== 'platform_admin' || isPlatformAdmin(actor);

/** Rows → API views, with organisation paths, tracks and roles, in three queries. */
export async function toPersonViews(ctx: AppContext, rows: PersonRow[]): Promise<Person[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [{ byId, paths }, tracks, grants, allTracks] = await Promise.all([
    loadOrgIndex(ctx, { includeArchived: true }),
    ctx.identity.people.tracksOf(ids),
    ctx.identity.people.grantsOf(ids),
    ctx.identity.misc.listTracks(),
  ]);
  const trackName = new Map(allTracks.map((t) => [t.id, t.name]));
  return rows.map((r) => ({
    id: r.id,
    employeeNo: r.employeeNo,
    name: r.name,
    gender: r.gender,
    organisation: { id: r.organisationId, name: byId.get(r.organisationId)?.name ?? '', path: paths.get(r.organisationId) ?? '' },
    phone: r.phone,
    tracks: (tracks.get(r.id) ?? []).map((id) => ({ id, name: trackName.get(id) ?? String(id) })),
    roles: (grants.get(r.id) ?? []).map((g) => ({ id: g.id, role: g.role, organisationId: g.organisationId, organisationName: g.organisationName })),
    active: r.active,
    mustChangePassword: r.mustChangePassword,
  }));
}

export type PeopleQuery = { q?: string; organisationId?: number; trackId?: number; role?: Role; gender?: 'M' | 'F'; active?: 'true' | 'false'; page: number; pageSize: number };

export async function listPeople(ctx: AppContext, actor: Actor, query: PeopleQuery) {
  const roots = scopeRoots(actor, MANAGE);
  if (roots.length === 0) throw forbidden('only organisers may list people');
  let underPath: string | undefined;
  if (query.organisationId) {
    const org = await ctx.identity.orgs.get(query.organisationId);
    if (!org) throw new AppError('VALIDATION', `organisation ${query.organisationId} does not exist`, { field: 'organisationId' });
    if (!hasRoleAt(actor, MANAGE, org.idPath)) throw forbidden(`organisation ${query.organisationId} is outside your organisation subtree`);
    underPath = org.idPath;
  }
  const { total, items } = await ctx.identity.people.list(
    { scopePaths: roots, q: query.q || undefined, underPath, trackId: query.trackId, role: query.role, gender: query.gender, active: query.active === undefined ? undefined : query.active === 'true' },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { total, page: query.page, pageSize: query.pageSize, items: await toPersonViews(ctx, items) };
}

async function loadManagedPerson(ctx: AppContext, actor: Actor, id: number): Promise<PersonRow> {
  const p = await ctx.identity.people.get(id);
  if (!p) throw notFound('person');
  if (!hasRoleAt(actor, MANAGE, p.organisationPath)) throw forbidden(`person ${id} is outside your organisation subtree`);
  return p;
}

async function loadManagedOrg(ctx: AppContext, actor: Actor, id: number, field: string) {
  const org = await ctx.identity.orgs.get(id);
  if (!org || org.archived) throw new AppError('VALIDATION', `organisation ${id} does not exist`, { field });
  if (!hasRoleAt(actor, MANAGE, org.idPath)) throw forbidden(`organisation ${id} is outside your organisation subtree`);
  return org;
}

async function assertTracks(ctx: AppContext, trackIds: number[]) {
  const known = new Set((await ctx.identity.misc.listTracks()).map((t) => t.id));
  const bad = trackIds.filter((t) => !known.has(t));
  if (bad.length > 0) throw new AppError('VALIDATION', `unknown track ${bad.join(', ')}`, { field: 'trackIds' });
}

export async function getPerson(ctx: AppContext, actor: Actor, id: number): Promise<Person> {
  const p = id === actor.personId ? await ctx.identity.people.get(id) : await loadManagedPerson(ctx, actor, id);
  if (!p) throw notFound('person');
  return (await toPersonViews(ctx, [p]))[0];
}

export async function createPerson(
  ctx: AppContext,
  actor: Actor,
  input: { employeeNo: string; name: string; gender: 'M' | 'F'; organisationId: number; phone?: string | null; trackIds: number[]; roles: Role[] },
) {
  const org = await loadManagedOrg(ctx, actor, input.organisationId, 'organisationId');
  await assertTracks(ctx, input.trackIds);
  const denied = input.roles.filter((r) => !canGrantRole(actor, r));
  if (denied.length > 0) throw new AppError('FORBIDDEN', `you may not grant ${denied.join(', ')}`, { field: 'roles' });
  if (await ctx.identity.people.findByEmployeeNo(input.employeeNo)) throw new AppError('CONFLICT', `工号 ${input.employeeNo} is already taken`, { field: 'employeeNo' });
  const hash = await hashPassword(ctx.config.initialPassword);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const ids = await ctx.identity.people.insertMany(
      [{ employeeNo: input.employeeNo, name: input.name, gender: input.gender, organisationId: org.id, phone: input.phone ?? null, passwordHash: hash, mustChangePassword: true }],
      tx,
    );
    const personId = ids.get(input.employeeNo)!;
    await ctx.identity.people.insertTracks(input.trackIds.map((trackId) => ({ personId, trackId })), tx);
    await ctx.identity.people.insertGrants(input.roles.map((role) => ({ personId, role, organisationId: org.id })), tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'person.created', targetType: 'person', targetId: personId }, tx);
    return personId;
  });
  return { person: await getPerson(ctx, actor, id), initialPassword: ctx.config.initialPassword };
}

export async function updatePerson(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: { name?: string; gender?: 'M' | 'F'; organisationId?: number; phone?: string | null; trackIds?: number[]; active?: boolean },
) {
  await loadManagedPerson(ctx, actor, id);
  if (patch.organisationId !== undefined) await loadManagedOrg(ctx, actor, patch.organisationId, 'organisationId');
  if (patch.trackIds) await assertTracks(ctx, patch.trackIds);
  if (patch.active === false && id === actor.personId) throw new AppError('VALIDATION', 'you cannot deactivate yourself', { field: 'active' });
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.identity.people.update(id, patch, tx);
    if (patch.trackIds) await ctx.identity.people.setTracks(id, patch.trackIds, tx);
    if (patch.active === false) await ctx.identity.sessions.deleteAllOf(id, null, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'person.updated', targetType: 'person', targetId: id, data: patch }, tx);
  });
  return getPerson(ctx, actor, id);
}

export async function grantRole(ctx: AppContext, actor: Actor, personId: number, input: { role: Role; organisationId: number }) {
  await loadManagedPerson(ctx, actor, personId);
  await loadManagedOrg(ctx, actor, input.organisationId, 'organisationId');
  if (!canGrantRole(actor, input.role)) throw new AppError('FORBIDDEN', `you may not grant ${input.role}`, { field: 'role' });
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.identity.people.insertGrants([{ personId, role: input.role, organisationId: input.organisationId }], tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'role.granted', targetType: 'person', targetId: personId, data: input }, tx);
  });
  return getPerson(ctx, actor, personId);
}

export async function revokeRole(ctx: AppContext, actor: Actor, personId: number, grantId: number) {
  await loadManagedPerson(ctx, actor, personId);
  const grant = ((await ctx.identity.people.grantsOf([personId])).get(personId) ?? []).find((g) => g.id === grantId);
  if (!grant) throw notFound('role grant');
  if (!hasRoleAt(actor, MANAGE, grant.idPath) || !canGrantRole(actor, grant.role)) throw forbidden('that role was granted outside your scope');
  if (personId === actor.personId && grant.role === 'platform_admin') throw new AppError('VALIDATION', 'you cannot remove your own platform admin role', { field: 'grantId' });
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.identity.people.deleteGrant(grantId, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'role.revoked', targetType: 'person', targetId: personId, data: { role: grant.role, organisationId: grant.organisationId } }, tx);
  });
  return getPerson(ctx, actor, personId);
}
