import { sql } from 'kysely';
import type { Db } from '../db/kysely.ts';

export type EntryStatus = 'submitted' | 'approved' | 'rejected' | 'withdrawn';

export type EntryMember = { personId: number; employeeNo: string; name: string; gender: string | null; organisationId: number; role: string };

/** details: introduction, material upload ids, the screening decision. */
export type EntryDetails = {
  introduction?: string;
  materials?: { uploadId: string; kind: 'document' | 'video'; fileName: string }[];
  review?: { decision: 'approved' | 'rejected'; reason: string; by: number; at: string };
  /** Approved after the first stage's scores were in: it must be scored before the stage advances. */
  late?: { stageKey: string; at: string };
};

export type EntryRow = {
  id: number;
  contestId: number;
  trackKey: string;
  kind: 'individual' | 'team';
  name: string;
  organisationId: number;
  organisationPath: string;
  organisationName: string;
  captainId: number | null;
  status: EntryStatus;
  seed: number | null;
  details: EntryDetails;
  createdAt: Date;
  members: EntryMember[];
};

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Registrations (contest_entry) and their members. */
export function createEntryRepo(db: Db) {
  async function withMembers(rows: Omit<EntryRow, 'members'>[], tx: Db): Promise<EntryRow[]> {
    if (rows.length === 0) return [];
    const members = await tx
      .selectFrom('contest_entry_member')
      .innerJoin('person', 'person.id', 'contest_entry_member.person_id')
      .select(['contest_entry_member.entry_id as entryId', 'person.id as personId', 'person.employee_no as employeeNo', 'person.name', 'person.gender', 'person.organisation_id as organisationId', 'contest_entry_member.role'])
      .where('contest_entry_member.entry_id', 'in', rows.map((r) => r.id))
      .orderBy('contest_entry_member.role')
      .orderBy('person.employee_no')
      .execute();
    const by = new Map<number, EntryMember[]>();
    for (const { entryId, ...m } of members) by.set(entryId, [...(by.get(entryId) ?? []), m]);
    return rows.map((r) => ({ ...r, members: (by.get(r.id) ?? []).sort((a, b) => (a.role === 'captain' ? -1 : b.role === 'captain' ? 1 : 0)) }));
  }
  const base = (tx: Db) =>
    tx
      .selectFrom('contest_entry')
      .innerJoin('organisation', 'organisation.id', 'contest_entry.organisation_id')
      .select([
        'contest_entry.id',
        'contest_entry.contest_id as contestId',
        'contest_entry.track_key as trackKey',
        'contest_entry.kind',
        'contest_entry.name',
        'contest_entry.organisation_id as organisationId',
        'organisation.id_path as organisationPath',
        'organisation.name as organisationName',
        'contest_entry.captain_id as captainId',
        'contest_entry.status',
        'contest_entry.seed',
        'contest_entry.details',
        'contest_entry.created_at as createdAt',
      ]);
  type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toRow = (r: Raw): Omit<EntryRow, 'members'> => ({ ...r, status: r.status as EntryStatus, details: parse<EntryDetails>(r.details) });

  return {
    async get(id: number, tx: Db = db): Promise<EntryRow | undefined> {
      const r = await base(tx).where('contest_entry.id', '=', id).executeTakeFirst();
      return r ? (await withMembers([toRow(r)], tx))[0] : undefined;
    },
    async list(contestId: number, f: { statuses?: EntryStatus[]; ids?: number[]; underPaths?: string[]; memberId?: number } = {}, tx: Db = db): Promise<EntryRow[]> {
      let q = base(tx).where('contest_entry.contest_id', '=', contestId);
      if (f.statuses) q = q.where('contest_entry.status', 'in', f.statuses);
      if (f.ids) {
        if (f.ids.length === 0) return [];
        q = q.where('contest_entry.id', 'in', f.ids);
      }
      if (f.underPaths) {
        const paths = f.underPaths;
        if (paths.length === 0) return [];
        q = q.where((eb) => eb.or(paths.map((p) => eb('organisation.id_path', 'like', `${p}%`))));
      }
      if (f.memberId !== undefined) {
        const m = f.memberId;
        q = q.where((eb) => eb.exists(eb.selectFrom('contest_entry_member').select(sql`1`.as('x')).whereRef('contest_entry_member.entry_id', '=', 'contest_entry.id').where('contest_entry_member.person_id', '=', m)));
      }
      return withMembers((await q.orderBy('contest_entry.track_key').orderBy('contest_entry.id').execute()).map(toRow), tx);
    },
    /** Entries in a track that count against a quota held by the node at `path` (not rejected or withdrawn). */
    async countInTrackUnder(contestId: number, trackKey: string, path: string, tx: Db = db): Promise<number> {
      const r = await tx
        .selectFrom('contest_entry')
        .innerJoin('organisation', 'organisation.id', 'contest_entry.organisation_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('contest_entry.contest_id', '=', contestId)
        .where('contest_entry.track_key', '=', trackKey)
        .where('contest_entry.status', 'in', ['submitted', 'approved'])
        .where('organisation.id_path', 'like', `${path}%`)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Which of `personIds` already belong to a live entry of the contest. */
    async registeredAmong(contestId: number, personIds: number[], tx: Db = db): Promise<number[]> {
      if (personIds.length === 0) return [];
      const rows = await tx
        .selectFrom('contest_entry_member')
        .innerJoin('contest_entry', 'contest_entry.id', 'contest_entry_member.entry_id')
        .select('contest_entry_member.person_id as id')
        .where('contest_entry.contest_id', '=', contestId)
        .where('contest_entry.status', 'in', ['submitted', 'approved'])
        .where('contest_entry_member.person_id', 'in', personIds)
        .execute();
      return rows.map((r) => r.id);
    },
    /**
     * People a captain may pick: active, inside one of `underPaths`, matching `q` (name or 工号),
     * not in a live entry of the contest, not `exclude`. Minimal fields only.
     */
    async eligiblePeople(contestId: number, f: { underPaths: string[]; q?: string; exclude: number[]; limit: number }, tx: Db = db): Promise<{ id: number; name: string; employeeNo: string; organisationName: string }[]> {
      if (f.underPaths.length === 0) return [];
      let q = tx
        .selectFrom('person')
        .innerJoin('organisation', 'organisation.id', 'person.organisation_id')
        .select(['person.id', 'person.name', 'person.employee_no as employeeNo', 'organisation.name as organisationName'])
        .where('person.active', '=', true)
        .where((eb) => eb.or(f.underPaths.map((p) => eb('organisation.id_path', 'like', `${p}%`))))
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('contest_entry_member')
                .innerJoin('contest_entry', 'contest_entry.id', 'contest_entry_member.entry_id')
                .select(sql`1`.as('x'))
                .whereRef('contest_entry_member.person_id', '=', 'person.id')
                .where('contest_entry.contest_id', '=', contestId)
                .where('contest_entry.status', 'in', ['submitted', 'approved']),
            ),
          ),
        );
      if (f.exclude.length > 0) q = q.where('person.id', 'not in', f.exclude);
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        q = q.where((eb) => eb.or([eb('person.employee_no', 'ilike', like), eb('person.name', 'ilike', like)]));
      }
      return q.orderBy('person.employee_no').limit(f.limit).execute();
    },
    async insert(e: { contestId: number; trackKey: string; kind: 'individual' | 'team'; name: string; organisationId: number; captainId: number | null; status?: EntryStatus; seed?: number | null; details: EntryDetails; members: { personId: number; role: string }[] }, tx: Db = db): Promise<number> {
      const r = await tx
        .insertInto('contest_entry')
        .values({ contest_id: e.contestId, track_key: e.trackKey, kind: e.kind, name: e.name, organisation_id: e.organisationId, captain_id: e.captainId, status: e.status ?? 'submitted', seed: e.seed ?? null, details: JSON.stringify(e.details) })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (e.members.length > 0) await tx.insertInto('contest_entry_member').values(e.members.map((m) => ({ entry_id: r.id, person_id: m.personId, role: m.role }))).execute();
      return r.id;
    },
    async setStatus(id: number, status: EntryStatus, details: EntryDetails, tx: Db = db): Promise<void> {
      await tx.updateTable('contest_entry').set({ status, details: JSON.stringify(details) }).where('id', '=', id).execute();
    },
  };
}
export type EntryRepo = ReturnType<typeof createEntryRepo>;
