import type { Role } from './roles.ts';

/**
 * Who is acting. Every grant is a role over an organisation subtree, named by the
 * subtree root's materialised id path ('/1/4/').
 */
export type Grant = { role: Role; organisationId: number; idPath: string };
export type Actor = {
  personId: number;
  employeeNo: string;
  name: string;
  organisationId: number;
  organisationPath: string;
  grants: Grant[];
  mustChangePassword: boolean;
};

export const isInSubtree = (targetPath: string, rootPath: string) => targetPath.startsWith(rootPath);

export const isPlatformAdmin = (actor: Actor) => actor.grants.some((g) => g.role === 'platform_admin');

/** Does the actor hold one of `roles` over the node at `targetPath`? A platform admin holds every role everywhere. */
export function hasRoleAt(actor: Actor, roles: readonly Role[], targetPath: string): boolean {
  return actor.grants.some(
    (g) => (g.role === 'platform_admin' || roles.includes(g.role)) && isInSubtree(targetPath, g.idPath),
  );
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => g.role === 'platform_admin' || roles.includes(g.role));
}

/**
 * The subtree roots over which the actor holds one of `roles`, with nested roots removed
 * (a grant at /1/4/ makes one at /1/4/9/ redundant).
 */
export function scopeRoots(actor: Actor, roles: readonly Role[]): string[] {
  const paths = actor.grants
    .filter((g) => g.role === 'platform_admin' || roles.includes(g.role))
    .map((g) => g.idPath)
    .sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const p of paths) if (!roots.some((r) => isInSubtree(p, r))) roots.push(p);
  return roots;
}
