import type { Db } from '../db/kysely.ts';
import type { SessionCache } from './session-cache.ts';

/** Deleting sessions also forgets them in the cache of signed-in actors. */
export function createSessionRepo(db: Db, cache?: SessionCache) {
  return {
    async insert(s: { id: string; personId: number; expiresAt: Date; ip: string | null; userAgent: string | null }, tx: Db = db) {
      await tx.insertInto('session').values({ id: s.id, person_id: s.personId, expires_at: s.expiresAt, ip: s.ip, user_agent: s.userAgent }).execute();
    },
    async findValid(id: string, now: Date, tx: Db = db) {
      return tx
        .selectFrom('session')
        .innerJoin('person', 'person.id', 'session.person_id')
        .innerJoin('organisation', 'organisation.id', 'person.organisation_id')
        .select([
          'person.id as personId',
          'person.employee_no as employeeNo',
          'person.name',
          'person.organisation_id as organisationId',
          'organisation.id_path as organisationPath',
          'person.must_change_password as mustChangePassword',
          'person.active',
        ])
        .where('session.id', '=', id)
        .where('session.expires_at', '>', now)
        .executeTakeFirst();
    },
    async delete(id: string, tx: Db = db) {
      cache?.delete(id);
      await tx.deleteFrom('session').where('id', '=', id).execute();
    },
    async deleteAllOf(personId: number, exceptId: string | null, tx: Db = db) {
      cache?.clear();
      let q = tx.deleteFrom('session').where('person_id', '=', personId);
      if (exceptId) q = q.where('id', '!=', exceptId);
      await q.execute();
    },
    async deleteExpired(now: Date, tx: Db = db) {
      await tx.deleteFrom('session').where('expires_at', '<=', now).execute();
    },
  };
}
export type SessionRepo = ReturnType<typeof createSessionRepo>;
