import type { Db } from '../db/kysely.ts';
import type { ContestDef } from './engine/contest-model.ts';

export type ContestStatus = 'draft' | 'registration' | 'running' | 'finished';
export const CONTEST_STATUSES: readonly ContestStatus[] = ['draft', 'registration', 'running', 'finished'];

/** Settings beyond the engine's rules: who may team up, what a registration must carry. */
export type ContestSettings = { allowCrossOrganisationTeams?: boolean; requireVideo?: boolean };

export type ContestRow = {
  id: number;
  organisationId: number;
  organisationPath: string;
  organisationName: string;
  title: string;
  status: ContestStatus;
  definition: ContestDef;
  settings: ContestSettings;
  createdAt: Date;
  updatedAt: Date;
};

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function contestQuery(tx: Db) {
  return tx
    .selectFrom('contest')
    .innerJoin('organisation', 'organisation.id', 'contest.organisation_id')
    .select([
      'contest.id',
      'contest.organisation_id as organisationId',
      'organisation.id_path as organisationPath',
      'organisation.name as organisationName',
      'contest.title',
      'contest.status',
      'contest.definition',
      'contest.settings',
      'contest.created_at as createdAt',
      'contest.updated_at as updatedAt',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof contestQuery>['executeTakeFirstOrThrow']>>;
const toRow = (r: Raw): ContestRow => ({ ...r, status: r.status as ContestStatus, definition: parse<ContestDef>(r.definition), settings: parse<ContestSettings>(r.settings) });

/** Contests: the row, its definition (ContestDef as jsonb) and its settings. */
export function createContestRepo(db: Db) {
  return {
    async get(id: number, tx: Db = db): Promise<ContestRow | undefined> {
      const r = await contestQuery(tx).where('contest.id', '=', id).executeTakeFirst();
      return r && toRow(r);
    },
    async findByTitle(title: string, tx: Db = db): Promise<ContestRow | undefined> {
      const r = await contestQuery(tx).where('contest.title', '=', title).orderBy('contest.id').executeTakeFirst();
      return r && toRow(r);
    },
    /** Contests owned inside `subtrees`, plus non-draft ones owned on the path of `ownPath` (its ancestors). */
    async list(opts: { all: boolean; subtrees: string[]; ownPath: string }, tx: Db = db): Promise<ContestRow[]> {
      let q = contestQuery(tx);
      if (!opts.all) {
        const ancestors = opts.ownPath.split('/').filter(Boolean).map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}/`);
        q = q.where((eb) =>
          eb.or([
            ...opts.subtrees.map((p) => eb('organisation.id_path', 'like', `${p}%`)),
            eb.and([eb('organisation.id_path', 'in', ancestors.length ? ancestors : ['-']), eb('contest.status', '!=', 'draft')]),
          ]),
        );
      }
      return (await q.orderBy('contest.id', 'desc').execute()).map(toRow);
    },
    async listPublic(tx: Db = db): Promise<ContestRow[]> {
      return (await contestQuery(tx).where('contest.status', '!=', 'draft').orderBy('contest.id', 'desc').execute()).map(toRow);
    },
    async insert(c: { organisationId: number; title: string; status: ContestStatus; definition: ContestDef; settings: ContestSettings; createdBy: number | null }, tx: Db = db): Promise<number> {
      const r = await tx
        .insertInto('contest')
        .values({ organisation_id: c.organisationId, title: c.title, status: c.status, definition: JSON.stringify(c.definition), settings: JSON.stringify(c.settings), created_by: c.createdBy && c.createdBy > 0 ? c.createdBy : null, updated_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async update(id: number, patch: { title?: string; status?: ContestStatus; definition?: ContestDef; settings?: ContestSettings }, tx: Db = db): Promise<void> {
      await tx
        .updateTable('contest')
        .set({
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.status !== undefined && { status: patch.status }),
          ...(patch.definition !== undefined && { definition: JSON.stringify(patch.definition) }),
          ...(patch.settings !== undefined && { settings: JSON.stringify(patch.settings) }),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
    },
  };
}
export type ContestRepo = ReturnType<typeof createContestRepo>;
