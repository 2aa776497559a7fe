import type { Db } from '../db/kysely.ts';

export type VenueRow = {
  id: number;
  contestId: number;
  stageKey: string;
  name: string;
  role: 'main' | 'branch';
  mode: 'online' | 'onsite' | 'hybrid';
  organisationId: number | null;
  address: string;
  roundKeys: string[];
  people: { personId: number; name: string; employeeNo: string; role: string }[];
};

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Venues of a stage (main + branch, online or on site) and the people assigned to each. */
export function createVenueRepo(db: Db) {
  return {
    async list(contestId: number, stageKey: string | undefined, tx: Db = db): Promise<VenueRow[]> {
      let q = tx.selectFrom('contest_venue').selectAll().where('contest_id', '=', contestId);
      if (stageKey) q = q.where('stage_key', '=', stageKey);
      const venues = await q.orderBy('stage_key').orderBy('role', 'desc').orderBy('id').execute();
      if (venues.length === 0) return [];
      const people = await tx
        .selectFrom('contest_venue_person')
        .innerJoin('person', 'person.id', 'contest_venue_person.person_id')
        .select(['contest_venue_person.venue_id as venueId', 'person.id as personId', 'person.name', 'person.employee_no as employeeNo', 'contest_venue_person.role'])
        .where('venue_id', 'in', venues.map((v) => v.id))
        .orderBy('person.employee_no')
        .execute();
      return venues.map((v) => ({
        id: v.id,
        contestId: v.contest_id,
        stageKey: v.stage_key,
        name: v.name,
        role: v.role,
        mode: v.mode,
        organisationId: v.organisation_id,
        address: v.address,
        roundKeys: parse<string[]>(v.round_keys),
        people: people.filter((p) => p.venueId === v.id).map(({ venueId: _, ...p }) => p),
      }));
    },
    async insert(v: { contestId: number; stageKey: string; name: string; role: 'main' | 'branch'; mode: 'online' | 'onsite' | 'hybrid'; organisationId: number | null; address: string; roundKeys: string[] }, tx: Db = db): Promise<number> {
      const r = await tx
        .insertInto('contest_venue')
        .values({ contest_id: v.contestId, stage_key: v.stageKey, name: v.name, role: v.role, mode: v.mode, organisation_id: v.organisationId, address: v.address, round_keys: JSON.stringify(v.roundKeys) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async setPeople(venueId: number, people: { personId: number; role: string }[], tx: Db = db): Promise<void> {
      await tx.deleteFrom('contest_venue_person').where('venue_id', '=', venueId).execute();
      if (people.length > 0) await tx.insertInto('contest_venue_person').values(people.map((p) => ({ venue_id: venueId, person_id: p.personId, role: p.role }))).execute();
    },
  };
}
export type VenueRepo = ReturnType<typeof createVenueRepo>;
