import type { Db } from '../db/kysely.ts';
import type { RoundConfig } from './engine/index.ts';

export type RoundStatus = 'draft' | 'live' | 'finished';
export type RoundRow = {
  id: number;
  organisationId: number;
  organisationPath: string;
  organisationName: string;
  title: string;
  status: RoundStatus;
  config: RoundConfig;
  hostIds: number[];
  isPublic: boolean;
  contestId: number | null;
  contestRoundKey: string | null;
  entryMap: Record<string, number>;
  screenToken: string | null;
  joinCode: string | null;
  secret: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

const roundQuery = (tx: Db) =>
  tx
    .selectFrom('arena_round')
    .innerJoin('organisation', 'organisation.id', 'arena_round.organisation_id')
    .select([
      'arena_round.id',
      'arena_round.organisation_id as organisationId',
      'organisation.id_path as organisationPath',
      'organisation.name as organisationName',
      'arena_round.title',
      'arena_round.status',
      'arena_round.config',
      'arena_round.host_ids as hostIds',
      'arena_round.is_public as isPublic',
      'arena_round.contest_id as contestId',
      'arena_round.contest_round_key as contestRoundKey',
      'arena_round.entry_map as entryMap',
      'arena_round.screen_token as screenToken',
      'arena_round.join_code as joinCode',
      'arena_round.secret',
      'arena_round.created_at as createdAt',
      'arena_round.started_at as startedAt',
      'arena_round.finished_at as finishedAt',
    ]);

const asRow = (r: Record<string, unknown>) => ({ ...r, config: r.config as unknown as RoundConfig }) as RoundRow;

export type NewRound = {
  organisationId: number;
  title: string;
  config: RoundConfig;
  hostIds: number[];
  isPublic: boolean;
  contestId: number | null;
  contestRoundKey: string | null;
  entryMap: Record<string, number>;
  joinCode: string | null;
  secret: string;
  createdBy: number | null;
};

export type RoundPatch = Partial<Pick<NewRound, 'title' | 'config' | 'hostIds' | 'isPublic' | 'contestId' | 'contestRoundKey' | 'entryMap' | 'joinCode'>> & {
  status?: RoundStatus;
  screenToken?: string | null;
  startedAt?: Date;
  finishedAt?: Date;
};

/** arena_round: the round's configuration and lifecycle (the play itself is in arena_event). */
export function createRoundRepo(db: Db) {
  return {
    async insert(r: NewRound, tx: Db = db): Promise<number> {
      const row = await tx
        .insertInto('arena_round')
        .values({
          organisation_id: r.organisationId,
          title: r.title,
          config: JSON.stringify(r.config),
          host_ids: JSON.stringify(r.hostIds),
          is_public: r.isPublic,
          contest_id: r.contestId,
          contest_round_key: r.contestRoundKey,
          entry_map: JSON.stringify(r.entryMap),
          join_code: r.joinCode,
          secret: r.secret,
          created_by: r.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async get(id: number, tx: Db = db): Promise<RoundRow | undefined> {
      const r = await roundQuery(tx).where('arena_round.id', '=', id).executeTakeFirst();
      return r ? asRow(r) : undefined;
    },
    async findByJoinCode(code: string, tx: Db = db): Promise<RoundRow | undefined> {
      const r = await roundQuery(tx).where('arena_round.join_code', '=', code).executeTakeFirst();
      return r ? asRow(r) : undefined;
    },
    /** Rounds whose organisation lies under one of `paths` (all when null), newest first. */
    async list(paths: string[] | null, tx: Db = db): Promise<RoundRow[]> {
      let q = roundQuery(tx).orderBy('arena_round.id', 'desc').limit(500);
      if (paths) {
        if (paths.length === 0) return [];
        q = q.where((eb) => eb.or(paths.map((p) => eb('organisation.id_path', 'like', `${p}%`))));
      }
      return (await q.execute()).map(asRow);
    },
    async update(id: number, p: RoundPatch, tx: Db = db): Promise<void> {
      await tx
        .updateTable('arena_round')
        .set({
          updated_at: new Date(),
          ...(p.title !== undefined && { title: p.title }),
          ...(p.config !== undefined && { config: JSON.stringify(p.config) }),
          ...(p.hostIds !== undefined && { host_ids: JSON.stringify(p.hostIds) }),
          ...(p.isPublic !== undefined && { is_public: p.isPublic }),
          ...(p.contestId !== undefined && { contest_id: p.contestId }),
          ...(p.contestRoundKey !== undefined && { contest_round_key: p.contestRoundKey }),
          ...(p.entryMap !== undefined && { entry_map: JSON.stringify(p.entryMap) }),
          ...(p.joinCode !== undefined && { join_code: p.joinCode }),
          ...(p.status !== undefined && { status: p.status }),
          ...(p.screenToken !== undefined && { screen_token: p.screenToken }),
          ...(p.startedAt !== undefined && { started_at: p.startedAt }),
          ...(p.finishedAt !== undefined && { finished_at: p.finishedAt }),
        })
        .where('id', '=', id)
        .execute();
    },
  };
}

export type RoundRepo = ReturnType<typeof createRoundRepo>;
