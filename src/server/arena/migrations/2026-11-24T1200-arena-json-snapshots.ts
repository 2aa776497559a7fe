import { sql, type Kysely } from 'kysely';

/**
 * Event bodies as json, not jsonb: the log is written in bursts (10,000 answers a
 * question) and read back whole, never queried inside, so the cheaper insert wins.
 * Snapshots: several per round (the latest few are kept), keyed by (round_id, seq), so a
 * load or a replay starts from the latest snapshot at or before the wanted sequence.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table arena_event alter column body type json using body::json`.execute(db);
  await sql`alter table arena_snapshot drop constraint arena_snapshot_pkey`.execute(db);
  await sql`alter table arena_snapshot alter column data type json using data::json`.execute(db);
  await sql`alter table arena_snapshot add constraint arena_snapshot_pkey primary key (round_id, seq)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table arena_snapshot drop constraint arena_snapshot_pkey`.execute(db);
  await sql`delete from arena_snapshot s where seq < (select max(seq) from arena_snapshot t where t.round_id = s.round_id)`.execute(db);
  await sql`alter table arena_snapshot alter column data type jsonb using data::jsonb`.execute(db);
  await sql`alter table arena_snapshot add constraint arena_snapshot_pkey primary key (round_id)`.execute(db);
  await sql`alter table arena_event alter column body type jsonb using body::jsonb`.execute(db);
}
