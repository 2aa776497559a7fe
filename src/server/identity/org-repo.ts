import { sql } from 'kysely';
import type { Db } from '../db/kysely.ts';
import { childIdPath, depthOf, rootIdPath } from './engine/org-tree.ts';

export type OrgRow = {
  id: number;
  parentId: number | null;
  name: string;
  kind: string;
  idPath: string;
  depth: number;
  sort: number;
  archived: boolean;
};

const orgColumns = ['id', 'parent_id', 'name', 'kind', 'id_path', 'depth', 'sort', 'archived_at'] as const;
type RawOrg = { id: number; parent_id: number | null; name: string; kind: string; id_path: string; depth: number; sort: number; archived_at: Date | null };
const toOrg = (r: RawOrg): OrgRow => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  kind: r.kind,
  idPath: r.id_path,
  depth: r.depth,
  sort: r.sort,
  archived: r.archived_at !== null,
});

export function createOrgRepo(db: Db) {
  return {
    async findRoot(tx: Db = db): Promise<OrgRow | undefined> {
      const r = await tx.selectFrom('organisation').select(orgColumns).where('parent_id', 'is', null).where('archived_at', 'is', null).orderBy('id').executeTakeFirst();
      return r && toOrg(r);
    },
    async get(id: number, tx: Db = db): Promise<OrgRow | undefined> {
      const r = await tx.selectFrom('organisation').select(orgColumns).where('id', '=', id).executeTakeFirst();
      return r && toOrg(r);
    },
    /** every node under the given subtree roots, ordered for display */
    async listUnder(rootPaths: string[], opts: { includeArchived?: boolean } = {}, tx: Db = db): Promise<OrgRow[]> {
      if (rootPaths.length === 0) return [];
      let q = tx
        .selectFrom('organisation')
        .select(orgColumns)
        .where((eb) => eb.or(rootPaths.map((p) => eb('id_path', 'like', `${p}%`))));
      if (!opts.includeArchived) q = q.where('archived_at', 'is', null);
      const rows = await q.orderBy('depth').orderBy('sort').orderBy('id').execute();
      return rows.map(toOrg);
    },
    async listAll(tx: Db = db): Promise<OrgRow[]> {
      const rows = await tx.selectFrom('organisation').select(orgColumns).where('archived_at', 'is', null).orderBy('depth').orderBy('id').execute();
      return rows.map(toOrg);
    },
    async findChildByName(parentId: number, name: string, tx: Db = db): Promise<OrgRow | undefined> {
      const r = await tx.selectFrom('organisation').select(orgColumns).where('parent_id', '=', parentId).where('name', '=', name).where('archived_at', 'is', null).executeTakeFirst();
      return r && toOrg(r);
    },
    async insert(input: { parent: OrgRow | null; name: string; kind: string; sort?: number }, tx: Db = db): Promise<OrgRow> {
      const { id } = await tx
        .insertInto('organisation')
        .values({ parent_id: input.parent?.id ?? null, name: input.name, kind: input.kind, sort: input.sort ?? 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const idPath = input.parent ? childIdPath(input.parent.idPath, id) : rootIdPath(id);
      const r = await tx
        .updateTable('organisation')
        .set({ id_path: idPath, depth: depthOf(idPath) })
        .where('id', '=', id)
        .returning(orgColumns)
        .executeTakeFirstOrThrow();
      return toOrg(r);
    },
    async rename(id: number, name: string, tx: Db = db): Promise<void> {
      await tx.updateTable('organisation').set({ name }).where('id', '=', id).execute();
    },
    async setKind(id: number, kind: string, tx: Db = db): Promise<void> {
      await tx.updateTable('organisation').set({ kind }).where('id', '=', id).execute();
    },
    /** moves a node and rewrites the id paths of its whole subtree in one statement */
    async move(node: OrgRow, newParent: OrgRow, tx: Db = db): Promise<void> {
      const newPath = childIdPath(newParent.idPath, node.id);
      const depthDelta = depthOf(newPath) - node.depth;
      await tx.updateTable('organisation').set({ parent_id: newParent.id }).where('id', '=', node.id).execute();
      await tx
        .updateTable('organisation')
        .set({
          id_path: sql<string>`${newPath} || substr(id_path, ${node.idPath.length + 1})`,
          depth: sql<number>`depth + ${depthDelta}`,
        })
        .where('id_path', 'like', `${node.idPath}%`)
        .execute();
    },
    async archiveSubtree(node: OrgRow, tx: Db = db): Promise<number> {
      const r = await tx.updateTable('organisation').set({ archived_at: new Date() }).where('id_path', 'like', `${node.idPath}%`).where('archived_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async countActivePeopleUnder(node: OrgRow, tx: Db = db): Promise<number> {
      const r = await tx
        .selectFrom('person')
        .innerJoin('organisation', 'organisation.id', 'person.organisation_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organisation.id_path', 'like', `${node.idPath}%`)
        .where('person.active', '=', true)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
export type OrgRepo = ReturnType<typeof createOrgRepo>;
