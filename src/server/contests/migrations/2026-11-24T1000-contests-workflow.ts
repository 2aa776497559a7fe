import { sql, type Kysely } from 'kysely';

/**
 * What running a contest adds to the core tables: contest settings, resumable uploads,
 * advancement decisions per stage, the persisted state of group PK and brackets, venues
 * and the people in them, and award sets (draft → reviewed → published, versioned).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contest').addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)).execute();

  await db.schema
    .createTable('contest_upload')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'integer', (c) => c.references('person.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('document','video')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('chunk_size', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('contest_advancement')
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    .addColumn('stage_key', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('contest_entry.id').onDelete('cascade'))
    .addColumn('advances', 'boolean', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('reason', 'jsonb', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('person.id'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('contest_advancement_pk', ['contest_id', 'stage_key', 'entry_id'])
    .execute();

  // group PK state or a bracket and its results, one per stage and kind
  await db.schema
    .createTable('contest_stage_state')
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    .addColumn('stage_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('groupPk','bracket')`))
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('contest_stage_state_pk', ['contest_id', 'stage_key', 'kind'])
    .execute();

  await db.schema
    .createTable('contest_venue')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    .addColumn('stage_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('main','branch')`))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('online','onsite','hybrid')`))
    .addColumn('organisation_id', 'integer', (c) => c.references('organisation.id'))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('round_keys', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema.createIndex('contest_venue_stage').on('contest_venue').columns(['contest_id', 'stage_key']).execute();
  await db.schema
    .createTable('contest_venue_person')
    .addColumn('venue_id', 'integer', (c) => c.notNull().references('contest_venue.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contest_venue_person_pk', ['venue_id', 'person_id'])
    .execute();

  // version is null for the draft; publishing gives it the next number and freezes the row
  await db.schema
    .createTable('contest_award_set')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    .addColumn('version', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','reviewed','published')`))
    .addColumn('awards', 'jsonb', (c) => c.notNull())
    .addColumn('sources', 'jsonb', (c) => c.notNull())
    .addColumn('computed_by', 'integer', (c) => c.references('person.id'))
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('reviewed_by', 'integer', (c) => c.references('person.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('published_by', 'integer', (c) => c.references('person.id'))
    .addColumn('published_at', 'timestamptz')
    .addUniqueConstraint('contest_award_set_version', ['contest_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['contest_award_set', 'contest_venue_person', 'contest_venue', 'contest_stage_state', 'contest_advancement', 'contest_upload']) await db.schema.dropTable(t).ifExists().execute();
  await db.schema.alterTable('contest').dropColumn('settings').execute();
}
