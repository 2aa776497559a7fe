import { sql, type Kysely } from 'kysely';

/**
 * The live arena (现场竞赛): a round with its configuration (engine RoundConfig as data),
 * its append-only event log (UNIQUE(round_id, seq): a command built on a stale state is
 * refused by the database itself), and an optional snapshot for fast loading.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('arena_round')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft','live','finished')`))
    .addColumn('config', 'jsonb', (c) => c.notNull())
    // person ids who may host this round besides hosts and organisers over its organisation
    .addColumn('host_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('is_public', 'boolean', (c) => c.notNull().defaultTo(false))
    // optional link to a contest round: unit id → contest_entry id
    .addColumn('contest_id', 'integer', (c) => c.references('contest.id').onDelete('set null'))
    .addColumn('contest_round_key', 'text')
    .addColumn('entry_map', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('screen_token', 'text')
    .addColumn('join_code', 'text', (c) => c.unique())
    // signs guest (join-code) player tokens
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('arena_round_organisation').on('arena_round').column('organisation_id').execute();

  await db.schema
    .createTable('arena_event')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('arena_round.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('arena_event_pk', ['round_id', 'seq'])
    .execute();

  await db.schema
    .createTable('arena_snapshot')
    .addColumn('round_id', 'integer', (c) => c.primaryKey().references('arena_round.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('taken_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['arena_snapshot', 'arena_event', 'arena_round']) await db.schema.dropTable(t).ifExists().execute();
}
