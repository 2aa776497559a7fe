import type { Organisation } from './api.ts';

export type OrgNode = Organisation & { children: OrgNode[] };

/** Nests the flat list from /api/organisations; a node whose parent is out of sight (an organiser's subtree) becomes a root. */
export function buildOrgTree(items: Organisation[]): OrgNode[] {
  const byId = new Map<number, OrgNode>(items.map((o) => [o.id, { ...o, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (nodes: OrgNode[]) => {
    nodes.sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name, 'zh-CN'));
    nodes.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The ids of a node and everything beneath it. */
export function subtreeIds(items: Organisation[], id: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const o of items) if (o.parentId !== null) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const out = new Set<number>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}

export type OrgTreeData = { value: number; title: string; label: string; key: number; disabled?: boolean; children: OrgTreeData[] };

/** '星海通信集团/浙江/杭州/客服一班' → '浙江/杭州/客服一班': the root is the same for everyone, so it is left out. */
export function shortPath(path: string): string {
  const parts = path.split('/');
  return (parts.length > 1 ? parts.slice(1) : parts).join('/');
}

/** The shape antd's TreeSelect wants, skipping archived nodes and disabling `disabledIds`. */
export function toTreeSelectData(nodes: OrgNode[], disabledIds?: Set<number>): OrgTreeData[] {
  return nodes
    .filter((n) => !n.archived)
    .map((n) => ({
      value: n.id,
      key: n.id,
      title: n.name,
      label: shortPath(n.path),
      disabled: disabledIds?.has(n.id) || undefined,
      children: toTreeSelectData(n.children, disabledIds),
    }));
}
