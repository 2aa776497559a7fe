import { sql, type Kysely } from 'kysely';

/**
 * The question bank (题库): banks owned by an organisation node, a knowledge-point tree per
 * bank, questions with an immutable version history, saved blueprints, and assembled paper
 * sets whose items point at the exact question version they were built from.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bank')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('archived_at', 'timestamptz')
    .execute();
  // the CLI names banks (--bank NAME): a live bank's name is unique across the group
  await sql`create unique index bank_name on bank (name) where archived_at is null`.execute(db);
  await db.schema.createIndex('bank_organisation').on('bank').column('organisation_id').execute();

  await db.schema
    .createTable('knowledge_point')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('bank.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('knowledge_point.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // the name path, '宽带/故障/光猫': what questions carry and filters match by prefix
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('knowledge_point_path', ['bank_id', 'path'])
    .execute();

  await db.schema
    .createTable('question')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('bank.id').onDelete('cascade'))
    .addColumn('current_version_id', 'integer')
    .addColumn('version_no', 'integer', (c) => c.notNull().defaultTo(1))
    // denormalised from the current version, for filters, search and re-import matching
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','active','retired')`))
    .addColumn('track', 'text')
    .addColumn('difficulty', 'integer', (c) => c.notNull())
    .addColumn('knowledge_points', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('stem', 'text', (c) => c.notNull())
    .addColumn('tokens', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('identity_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('question_identity', ['bank_id', 'identity_key'])
    .execute();
  await db.schema.createIndex('question_bank_type').on('question').columns(['bank_id', 'type', 'difficulty']).execute();
  await db.schema.createIndex('question_fingerprint').on('question').columns(['bank_id', 'fingerprint']).execute();
  await sql`create index question_tokens on question using gin (to_tsvector('simple', tokens))`.execute(db);

  await db.schema
    .createTable('question_version')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('question_id', 'integer', (c) => c.notNull().references('question.id').onDelete('cascade'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    // the whole question in the engine's canonical form (model.ts); never updated
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('question_version_no', ['question_id', 'version_no'])
    .execute();
  await sql`alter table question add constraint question_current_version foreign key (current_version_id) references question_version(id) deferrable initially deferred`.execute(db);

  await db.schema
    .createTable('blueprint')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('bank.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('blueprint_name', ['bank_id', 'name'])
    .execute();

  await db.schema
    .createTable('paper_set')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('bank.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('blueprint_id', 'integer', (c) => c.references('blueprint.id').onDelete('set null'))
    // the blueprint as it was when the papers were built
    .addColumn('blueprint', 'jsonb', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('paper_set_name', ['bank_id', 'name'])
    .execute();

  await db.schema
    .createTable('paper')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('paper_set_id', 'integer', (c) => c.notNull().references('paper_set.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('total_score', 'double precision', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addUniqueConstraint('paper_label', ['paper_set_id', 'label'])
    .execute();

  await db.schema
    .createTable('paper_item')
    .addColumn('paper_id', 'integer', (c) => c.notNull().references('paper.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('section', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'integer', (c) => c.notNull().references('question.id'))
    .addColumn('question_version_id', 'integer', (c) => c.notNull().references('question_version.id'))
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('paper_item_pk', ['paper_id', 'position'])
    .execute();
  await db.schema.createIndex('paper_item_version').on('paper_item').column('question_version_id').execute();
  await db.schema.createIndex('paper_item_question').on('paper_item').column('question_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['paper_item', 'paper', 'paper_set', 'blueprint']) await db.schema.dropTable(t).ifExists().execute();
  await sql`alter table question drop constraint if exists question_current_version`.execute(db);
  for (const t of ['question_version', 'question', 'knowledge_point', 'bank']) await db.schema.dropTable(t).ifExists().execute();
}
