/** Pure rules of the organisation tree: kinds by level, paths, moves without cycles. */
export const ORG_KINDS = ['group', 'province', 'city', 'centre', 'department', 'team'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_NAMES_ZH: Record<OrgKind, string> = {
  group: '集团',
  province: '省公司',
  city: '地市分公司',
  centre: '运营中心',
  department: '部门',
  team: '班组',
};

/** The kind a node gets when none is given: by depth below the root. */
export function defaultKindAtDepth(depth: number): OrgKind {
  return (['group', 'province', 'city', 'team'] as const)[Math.min(depth, 3)];
}

export const childIdPath = (parentIdPath: string, id: number) => `${parentIdPath}${id}/`;
export const rootIdPath = (id: number) => `/${id}/`;

/** '集团/浙江/杭州/客服一班' → ['集团','浙江','杭州','客服一班']; tolerant of spaces, full-width slashes and '>' */
export function splitOrgPath(text: string): string[] {
  return text
    .split(/[/／>＞\\]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export const joinOrgPath = (parts: string[]) => parts.join('/');

export type MoveCheck = { ok: true } | { ok: false; reason: 'root' | 'self' | 'cycle' };

/** A node may move under any node that is not itself or one of its descendants. */
export function checkMove(nodeIdPath: string, newParentIdPath: string, isRoot: boolean): MoveCheck {
  if (isRoot) return { ok: false, reason: 'root' };
  if (nodeIdPath === newParentIdPath) return { ok: false, reason: 'self' };
  if (newParentIdPath.startsWith(nodeIdPath)) return { ok: false, reason: 'cycle' };
  return { ok: true };
}

/** Rewrites a descendant's id path after its ancestor moved from oldPrefix to newPrefix. */
export function rebasePath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!path.startsWith(oldPrefix)) throw new Error(`path ${path} is not under ${oldPrefix}`);
  return newPrefix + path.slice(oldPrefix.length);
}

export const depthOf = (idPath: string) => idPath.split('/').filter(Boolean).length - 1;

/** id → '集团/浙江/杭州' for every node whose ancestors are all in the list. */
export function namePaths(nodes: { id: number; parentId: number | null; name: string }[]): Map<number, string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<number, string>();
  const resolve = (id: number): string => {
    const hit = out.get(id);
    if (hit !== undefined) return hit;
    const n = byId.get(id)!;
    const p = n.parentId !== null && byId.has(n.parentId) ? `${resolve(n.parentId)}/${n.name}` : n.name;
    out.set(id, p);
    return p;
  };
  for (const n of nodes) resolve(n.id);
  return out;
}
