import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { hasAnyRole, hasRoleAt, isPlatformAdmin, scopeRoots, type Actor } from './engine/authz.ts';
import { checkMove, defaultKindAtDepth, namePaths, type OrgKind } from './engine/org-tree.ts';
import type { OrgRow } from './org-repo.ts';
import type { Organisation } from './schema.ts';

const VIEW_ROLES = ['organiser', 'reviewer', 'host', 'judge'] as const;

/** Every organisation and its name path, loaded once per request that needs paths. */
export async function loadOrgIndex(ctx: AppContext, opts: { includeArchived?: boolean } = {}, tx: Db = ctx.db) {
  const root = await ctx.identity.orgs.findRoot(tx);
  const all = root ? await ctx.identity.orgs.listUnder([root.idPath], opts, tx) : [];
  const paths = namePaths(all);
  return { root, all, byId: new Map(all.map((o) => [o.id, o])), paths };
}

const toView = (o: OrgRow, paths: Map<number, string>): Organisation => ({
  id: o.id,
  parentId: o.parentId,
  name: o.name,
  kind: o.kind,
  path: paths.get(o.id) ?? o.name,
  depth: o.depth,
  archived: o.archived,
});

export async function listOrganisations(ctx: AppContext, actor: Actor, opts: { includeArchived?: boolean }) {
  if (!hasAnyRole(actor, VIEW_ROLES)) throw forbidden('your roles do not include viewing the organisation tree');
  const roots = scopeRoots(actor, VIEW_ROLES);
  const { all, paths } = await loadOrgIndex(ctx, opts);
  const visible = all.filter((o) => roots.some((r) => o.idPath.startsWith(r)));
  return visible.map((o) => toView(o, paths));
}

async function loadManaged(ctx: AppContext, actor: Actor, id: number, what = 'organisation'): Promise<OrgRow> {
  const node = await ctx.identity.orgs.get(id);
  if (!node || node.archived) throw notFound(what);
  if (!hasRoleAt(actor, ['organiser'], node.idPath)) throw forbidden(`${what} ${id} is outside your organisation subtree`);
  return node;
}

async function assertNameFree(ctx: AppContext, parentId: number, name: string, exceptId?: number, tx: Db = ctx.db) {
  const clash = await ctx.identity.orgs.findChildByName(parentId, name, tx);
  if (clash && clash.id !== exceptId) throw new AppError('CONFLICT', `an organisation named ${name} already exists there`, { field: 'name' });
}

export async function createOrganisation(ctx: AppContext, actor: Actor, input: { parentId: number; name: string; kind?: OrgKind }) {
  const parent = await loadManaged(ctx, actor, input.parentId, 'parent organisation');
  await assertNameFree(ctx, parent.id, input.name);
  const created = await ctx.db.transaction().execute(async (tx) => {
    const o = await ctx.identity.orgs.insert({ parent, name: input.name, kind: input.kind ?? defaultKindAtDepth(parent.depth + 1) }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'organisation.created', targetType: 'organisation', targetId: o.id, data: { name: o.name, parentId: parent.id } }, tx);
    return o;
  });
  const { paths } = await loadOrgIndex(ctx);
  return toView(created, paths);
}

export async function updateOrganisation(ctx: AppContext, actor: Actor, id: number, input: { name?: string; kind?: OrgKind }) {
  const node = await loadManaged(ctx, actor, id);
  if (node.parentId === null && !isPlatformAdmin(actor)) throw forbidden('only a platform admin may rename the root');
  await ctx.db.transaction().execute(async (tx) => {
    if (input.name && input.name !== node.name) {
      if (node.parentId !== null) await assertNameFree(ctx, node.parentId, input.name, node.id, tx);
      await ctx.identity.orgs.rename(id, input.name, tx);
    }
    if (input.kind) await ctx.identity.orgs.setKind(id, input.kind, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'organisation.updated', targetType: 'organisation', targetId: id, data: input }, tx);
  });
  const { byId, paths } = await loadOrgIndex(ctx);
  return toView(byId.get(id)!, paths);
}

export async function moveOrganisation(ctx: AppContext, actor: Actor, id: number, parentId: number) {
  const node = await loadManaged(ctx, actor, id);
  const parent = await loadManaged(ctx, actor, parentId, 'new parent organisation');
  const check = checkMove(node.idPath, parent.idPath, node.parentId === null);
  if (!check.ok) {
    const msg = { root: 'the root cannot be moved', self: 'an organisation cannot be its own parent', cycle: 'an organisation cannot move under one of its own descendants' }[check.reason];
    throw new AppError('VALIDATION', msg, { field: 'parentId' });
  }
  await assertNameFree(ctx, parent.id, node.name, node.id);
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.identity.orgs.move(node, parent, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'organisation.moved', targetType: 'organisation', targetId: id, data: { from: node.parentId, to: parent.id } }, tx);
  });
  const { byId, paths } = await loadOrgIndex(ctx);
  return toView(byId.get(id)!, paths);
}

export async function archiveOrganisation(ctx: AppContext, actor: Actor, id: number) {
  const node = await loadManaged(ctx, actor, id);
  if (node.parentId === null) throw new AppError('VALIDATION', 'the root cannot be archived', { field: 'id' });
  const people = await ctx.identity.orgs.countActivePeopleUnder(node);
  if (people > 0) {
    throw new AppError('CONFLICT', `${people} active people belong to this organisation or below: move or deactivate them first`, { details: { people } });
  }
  const n = await ctx.db.transaction().execute(async (tx) => {
    const count = await ctx.identity.orgs.archiveSubtree(node, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'organisation.archived', targetType: 'organisation', targetId: id, data: { nodes: count } }, tx);
    return count;
  });
  return { archived: n };
}
