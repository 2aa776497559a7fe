import type { Db } from '../db/kysely.ts';
import type { Criterion } from './engine/rubric.ts';

export type LibraryRubricRow = {
  id: number;
  organisationId: number;
  organisationName: string;
  organisationPath: string;
  name: string;
  nameZh: string;
  criteria: Criterion[];
  archived: boolean;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The organisation rubric library (评分细则库): rubrics kept by an organisation across contests. */
export function createRubricLibraryRepo(db: Db) {
  const base = (tx: Db) =>
    tx
      .selectFrom('rubric_library')
      .innerJoin('organisation', 'organisation.id', 'rubric_library.organisation_id')
      .select([
        'rubric_library.id',
        'rubric_library.organisation_id as organisationId',
        'organisation.name as organisationName',
        'organisation.id_path as organisationPath',
        'rubric_library.name',
        'rubric_library.name_zh as nameZh',
        'rubric_library.criteria',
        'rubric_library.archived',
        'rubric_library.created_by as createdBy',
        'rubric_library.created_at as createdAt',
        'rubric_library.updated_at as updatedAt',
      ]);
  return {
    /** Rubrics owned by any of the given organisations (by id path), or every one when `paths` is null. */
    async list(filter: { paths: string[] | null; includeArchived: boolean }, tx: Db = db): Promise<LibraryRubricRow[]> {
      if (filter.paths !== null && filter.paths.length === 0) return [];
      let q = base(tx);
      if (filter.paths !== null) {
        const paths = filter.paths;
        // owned at or under a grant root, or at one of its ancestors (paths are materialised: '/1/4/')
        q = q.where((eb) => eb.or(paths.flatMap((p) => [eb('organisation.id_path', 'like', `${p}%`), eb('organisation.id_path', 'in', ancestorsOf(p))])));
      }
      if (!filter.includeArchived) q = q.where('rubric_library.archived', '=', false);
      return q.orderBy('organisation.depth').orderBy('rubric_library.id').execute();
    },
    async get(id: number, tx: Db = db): Promise<LibraryRubricRow | undefined> {
      return base(tx).where('rubric_library.id', '=', id).executeTakeFirst();
    },
    async insert(r: { organisationId: number; name: string; nameZh: string; criteria: Criterion[]; createdBy: number | null }, tx: Db = db): Promise<number> {
      const row = await tx
        .insertInto('rubric_library')
        .values({ organisation_id: r.organisationId, name: r.name, name_zh: r.nameZh, criteria: JSON.stringify(r.criteria), created_by: r.createdBy, updated_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async update(id: number, r: { name: string; nameZh: string; criteria: Criterion[]; archived: boolean }, tx: Db = db): Promise<void> {
      await tx.updateTable('rubric_library').set({ name: r.name, name_zh: r.nameZh, criteria: JSON.stringify(r.criteria), archived: r.archived, updated_at: new Date() }).where('id', '=', id).execute();
    },
  };
}
export type RubricLibraryRepo = ReturnType<typeof createRubricLibraryRepo>;

/** '/1/4/9/' → ['/1/', '/1/4/'] (strict ancestors). */
export function ancestorsOf(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 1; i < ids.length; i++) out.push(`/${ids.slice(0, i).join('/')}/`);
  return out.length ? out : ['/-/'];
}
