import { sql, type Kysely } from 'kysely';

/**
 * The core of a contest, and the contract through which the other domains hand in their
 * scores: a written round's exam, a judged round's panel and a live round each write one
 * `contest_round_score` row per entry into the round they belong to (round_key is the id of
 * the round inside the contest's definition).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contest')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    // the rules as data: tracks, stages, rounds, weights, tie-breaks, advancement (contests/engine/contest-model.ts)
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('contest_organisation').on('contest').column('organisation_id').execute();

  await db.schema
    .createTable('contest_entry')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    .addColumn('track_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('individual','team')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('captain_id', 'integer', (c) => c.references('person.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('submitted'))
    .addColumn('seed', 'integer')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('contest_entry_contest').on('contest_entry').columns(['contest_id', 'track_key']).execute();

  await db.schema
    .createTable('contest_entry_member')
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('contest_entry.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('member'))
    .addPrimaryKeyConstraint('contest_entry_member_pk', ['entry_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('contest_round_score')
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    .addColumn('round_key', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('contest_entry.id').onDelete('cascade'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('max_score', 'double precision')
    // which domain produced it: 'exam' | 'judging' | 'arena' | 'manual', and its own id
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('violations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('contest_round_score_pk', ['contest_id', 'round_key', 'entry_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['contest_round_score', 'contest_entry_member', 'contest_entry', 'contest']) await db.schema.dropTable(t).ifExists().execute();
}
