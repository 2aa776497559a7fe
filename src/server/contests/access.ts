import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { forbidden, notFound } from '../errors.ts';
import { hasAnyRole, hasRoleAt, isInSubtree, isPlatformAdmin, scopeRoots, type Actor } from '../identity/engine/authz.ts';
import type { ContestRow } from './contest-repo.ts';
import type { StageDef } from './engine/contest-model.ts';
import { invalid } from '../errors.ts';

/**
 * Who may do what with a contest (docs/contests.md):
 * - manage (definition, status, scores, advancement, venues, awards): an organiser over the
 *   owning node or an ancestor of it (and a platform admin);
 * - read: also anyone once the contest left draft, if the owner is on the path of their own
 *   organisation or of a node where they hold a role (the contest is open to them);
 * - screen a registration (海选): a reviewer or organiser over the entry's organisation, or a
 *   manager of the contest.
 */
export const canManageContest = (actor: Actor, c: Pick<ContestRow, 'organisationPath'>): boolean => hasRoleAt(actor, ['organiser'], c.organisationPath);

export function canReadContest(actor: Actor, c: Pick<ContestRow, 'organisationPath' | 'status'>): boolean {
  if (canManageContest(actor, c)) return true;
  if (c.status === 'draft') return false;
  return isInSubtree(actor.organisationPath, c.organisationPath) || actor.grants.some((g) => isInSubtree(g.idPath, c.organisationPath) || isInSubtree(c.organisationPath, g.idPath));
}

export const canScreen = (actor: Actor, c: Pick<ContestRow, 'organisationPath'>, entryPath: string): boolean =>
  canManageContest(actor, c) || hasRoleAt(actor, ['reviewer', 'organiser'], entryPath);

/** The subtrees whose entries the actor may screen; undefined means every entry. */
export function screeningScope(actor: Actor, c: Pick<ContestRow, 'organisationPath'>): string[] | undefined {
  if (canManageContest(actor, c)) return undefined;
  return scopeRoots(actor, ['reviewer', 'organiser']);
}

export async function loadContest(ctx: AppContext, actor: Actor, id: number, need: 'read' | 'manage', tx: Db = ctx.db): Promise<ContestRow> {
  const c = await ctx.contests.contests.get(id, tx);
  if (!c) throw notFound('contest');
  if (need === 'manage' && !canManageContest(actor, c)) {
    throw forbidden(`contest ${c.title} belongs to ${c.organisationName}: only organisers over ${c.organisationName} may change it`);
  }
  if (need === 'read' && !canReadContest(actor, c)) throw forbidden(`contest ${c.title} is not open to you`);
  return c;
}

export const isOrganiserAnywhere = (actor: Actor): boolean => isPlatformAdmin(actor) || hasAnyRole(actor, ['organiser']);

/** The stage and its position, or a 404 naming the stages there are. */
export function stageOf(c: ContestRow, stageKey: string): { stage: StageDef; index: number; next?: StageDef; previous?: StageDef } {
  const index = c.definition.stages.findIndex((s) => s.id === stageKey);
  if (index < 0) throw invalid('stage', `contest ${c.title} has no stage ${stageKey} (stages: ${c.definition.stages.map((s) => s.id).join(', ')})`);
  const stages = c.definition.stages;
  return { stage: stages[index], index, next: stages[index + 1], previous: stages[index - 1] };
}

export const trackName = (c: ContestRow, trackId: string): string => c.definition.tracks.find((t) => t.id === trackId)?.name ?? trackId;
