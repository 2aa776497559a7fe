import { sql } from 'kysely';
import { chunks, type Db } from '../db/kysely.ts';
import type { Grant } from './engine/authz.ts';
import type { Role } from './engine/roles.ts';
import type { SessionCache } from './session-cache.ts';

export type PersonRow = {
  id: number;
  employeeNo: string;
  name: string;
  gender: 'M' | 'F' | null;
  organisationId: number;
  organisationPath: string;
  phone: string | null;
  active: boolean;
  mustChangePassword: boolean;
};

export type PersonFilter = {
  scopePaths: string[];
  q?: string;
  underPath?: string;
  trackId?: number;
  role?: Role;
  gender?: 'M' | 'F';
  active?: boolean;
};

export type NewPerson = {
  employeeNo: string;
  name: string;
  gender: 'M' | 'F' | null;
  organisationId: number;
  phone: string | null;
  passwordHash: string | null;
  mustChangePassword: boolean;
};

/** Changing grants, activity or organisation clears the cache of signed-in actors. */
export function createPersonRepo(db: Db, cache?: SessionCache) {
  const base = (tx: Db) =>
    tx
      .selectFrom('person')
      .innerJoin('organisation', 'organisation.id', 'person.organisation_id')
      .select([
        'person.id',
        'person.employee_no as employeeNo',
        'person.name',
        'person.gender',
        'person.organisation_id as organisationId',
        'organisation.id_path as organisationPath',
        'person.phone',
        'person.active',
        'person.must_change_password as mustChangePassword',
      ]);

  function filtered(tx: Db, f: PersonFilter) {
    let q = base(tx).where((eb) => eb.or(f.scopePaths.map((p) => eb('organisation.id_path', 'like', `${p}%`))));
    if (f.underPath) q = q.where('organisation.id_path', 'like', `${f.underPath}%`);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      q = q.where((eb) => eb.or([eb('person.employee_no', 'ilike', like), eb('person.name', 'ilike', like), eb('person.phone', 'like', like)]));
    }
    if (f.gender) q = q.where('person.gender', '=', f.gender);
    if (f.active !== undefined) q = q.where('person.active', '=', f.active);
    if (f.trackId !== undefined) {
      const trackId = f.trackId;
      q = q.where((eb) => eb.exists(eb.selectFrom('person_track').select(sql`1`.as('x')).whereRef('person_track.person_id', '=', 'person.id').where('person_track.track_id', '=', trackId)));
    }
    if (f.role) {
      const role = f.role;
      q = q.where((eb) => eb.exists(eb.selectFrom('role_grant').select(sql`1`.as('x')).whereRef('role_grant.person_id', '=', 'person.id').where('role_grant.role', '=', role)));
    }
    return q;
  }

  return {
    async list(f: PersonFilter, page: { offset: number; limit: number }, tx: Db = db): Promise<{ total: number; items: PersonRow[] }> {
      if (f.scopePaths.length === 0) return { total: 0, items: [] };
      const totalRow = await filtered(tx, f).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const items = await filtered(tx, f).orderBy('person.employee_no').offset(page.offset).limit(page.limit).execute();
      return { total: Number(totalRow.n), items };
    },
    async get(id: number, tx: Db = db): Promise<PersonRow | undefined> {
      return base(tx).where('person.id', '=', id).executeTakeFirst();
    },
    async findByEmployeeNo(employeeNo: string, tx: Db = db) {
      return tx
        .selectFrom('person')
        .select(['id', 'employee_no', 'name', 'password_hash', 'failed_attempts', 'locked_until', 'active', 'must_change_password'])
        .where('employee_no', '=', employeeNo)
        .executeTakeFirst();
    },
    async findManyByEmployeeNo(employeeNos: string[], tx: Db = db): Promise<PersonRow[]> {
      const out: PersonRow[] = [];
      for (const part of chunks(employeeNos, 20_000)) out.push(...(await base(tx).where('person.employee_no', '=', sql<string>`any(${part}::text[])`).execute()));
      return out;
    },
    async findManyById(ids: number[], tx: Db = db): Promise<PersonRow[]> {
      const out: PersonRow[] = [];
      for (const part of chunks(ids, 20_000)) out.push(...(await base(tx).where('person.id', '=', sql<number>`any(${part}::int[])`).execute()));
      return out;
    },
    async tracksOf(personIds: number[], tx: Db = db): Promise<Map<number, number[]>> {
      const map = new Map<number, number[]>();
      for (const part of chunks(personIds, 20_000)) {
        const rows = await tx.selectFrom('person_track').select(['person_id', 'track_id']).where('person_id', '=', sql<number>`any(${part}::int[])`).orderBy('track_id').execute();
        for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r.track_id]);
      }
      return map;
    },
    async grantsOf(personIds: number[], tx: Db = db): Promise<Map<number, (Grant & { id: number; organisationName: string })[]>> {
      const map = new Map<number, (Grant & { id: number; organisationName: string })[]>();
      for (const part of chunks(personIds, 20_000)) {
        const rows = await tx
          .selectFrom('role_grant')
          .innerJoin('organisation', 'organisation.id', 'role_grant.organisation_id')
          .select(['role_grant.id', 'role_grant.person_id', 'role_grant.role', 'role_grant.organisation_id', 'organisation.id_path', 'organisation.name'])
          .where('role_grant.person_id', '=', sql<number>`any(${part}::int[])`)
          .orderBy('role_grant.id')
          .execute();
        for (const r of rows) {
          const g = { id: r.id, role: r.role as Role, organisationId: r.organisation_id, idPath: r.id_path, organisationName: r.name };
          map.set(r.person_id, [...(map.get(r.person_id) ?? []), g]);
        }
      }
      return map;
    },
    /**
     * Bulk insert through unnest(): one statement per 10,000 rows with seven array
     * parameters, rather than a VALUES list of 70,000 parameters. Returns employeeNo → id.
     */
    async insertMany(people: NewPerson[], tx: Db = db): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      for (const part of chunks(people, 10_000)) {
        const rows = await sql<{ id: number; employee_no: string }>`
          insert into person (employee_no, name, gender, organisation_id, phone, password_hash, must_change_password)
          select * from unnest(
            ${part.map((p) => p.employeeNo)}::text[], ${part.map((p) => p.name)}::text[], ${part.map((p) => p.gender)}::text[],
            ${part.map((p) => p.organisationId)}::int[], ${part.map((p) => p.phone)}::text[], ${part.map((p) => p.passwordHash)}::text[],
            ${part.map((p) => p.mustChangePassword)}::bool[])
          returning id, employee_no`.execute(tx);
        for (const r of rows.rows) ids.set(r.employee_no, r.id);
      }
      return ids;
    },
    async update(id: number, patch: Partial<{ name: string; gender: 'M' | 'F'; organisationId: number; phone: string | null; active: boolean }>, tx: Db = db): Promise<void> {
      cache?.clear();
      await tx
        .updateTable('person')
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.gender !== undefined && { gender: patch.gender }),
          ...(patch.organisationId !== undefined && { organisation_id: patch.organisationId }),
          ...(patch.phone !== undefined && { phone: patch.phone }),
          ...(patch.active !== undefined && { active: patch.active }),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
    },
    async setTracks(personId: number, trackIds: number[], tx: Db = db): Promise<void> {
      await tx.deleteFrom('person_track').where('person_id', '=', personId).execute();
      if (trackIds.length > 0) await tx.insertInto('person_track').values(trackIds.map((t) => ({ person_id: personId, track_id: t }))).execute();
    },
    async insertTracks(rows: { personId: number; trackId: number }[], tx: Db = db): Promise<void> {
      for (const part of chunks(rows, 20_000)) {
        await sql`insert into person_track (person_id, track_id)
          select * from unnest(${part.map((r) => r.personId)}::int[], ${part.map((r) => r.trackId)}::int[])
          on conflict do nothing`.execute(tx);
      }
    },
    async insertGrants(rows: { personId: number; role: Role; organisationId: number }[], tx: Db = db): Promise<void> {
      cache?.clear();
      for (const part of chunks(rows, 20_000)) {
        await sql`insert into role_grant (person_id, role, organisation_id)
          select * from unnest(${part.map((r) => r.personId)}::int[], ${part.map((r) => r.role)}::text[], ${part.map((r) => r.organisationId)}::int[])
          on conflict do nothing`.execute(tx);
      }
    },
    async deleteGrant(grantId: number, tx: Db = db): Promise<void> {
      cache?.clear();
      await tx.deleteFrom('role_grant').where('id', '=', grantId).execute();
    },
    async setPassword(personId: number, hash: string, mustChange: boolean, tx: Db = db): Promise<void> {
      cache?.clear();
      await tx.updateTable('person').set({ password_hash: hash, must_change_password: mustChange, failed_attempts: 0, locked_until: null, updated_at: new Date() }).where('id', '=', personId).execute();
    },
    async recordFailedSignIn(personId: number, failedAttempts: number, lockedUntil: Date | null, tx: Db = db): Promise<void> {
      await tx.updateTable('person').set({ failed_attempts: failedAttempts, locked_until: lockedUntil }).where('id', '=', personId).execute();
    },
    async countAll(tx: Db = db): Promise<number> {
      const r = await tx.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
export type PersonRepo = ReturnType<typeof createPersonRepo>;
