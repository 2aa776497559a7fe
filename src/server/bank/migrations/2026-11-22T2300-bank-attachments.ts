import { sql, type Kysely } from 'kysely';

/** Media for scenario questions (情景题): images, audio, video, documents, kept in the database. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bank_attachment')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('bank.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('bank_attachment_content', ['bank_id', 'sha256'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bank_attachment').ifExists().execute();
}
