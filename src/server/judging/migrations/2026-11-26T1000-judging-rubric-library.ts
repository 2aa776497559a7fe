import { sql, type Kysely } from 'kysely';

/**
 * The organisation rubric library (评分细则库): rubrics an organisation keeps and refines
 * across contests. A contest rubric copied from one remembers its `library_id` — a copy, so
 * later library edits never reach a contest already scored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rubric_library')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    // engine/rubric.ts Criterion[], checked like a contest rubric's
    .addColumn('criteria', 'jsonb', (c) => c.notNull())
    .addColumn('archived', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('rubric_library_organisation').on('rubric_library').column('organisation_id').execute();
  await db.schema.alterTable('rubric').addColumn('library_id', 'integer', (c) => c.references('rubric_library.id').onDelete('set null')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rubric').dropColumn('library_id').execute();
  await db.schema.dropTable('rubric_library').ifExists().execute();
}
