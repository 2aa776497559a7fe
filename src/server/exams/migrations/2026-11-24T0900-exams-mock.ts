import { sql, type Kysely } from 'kysely';

/**
 * Mock exams (模拟考): declared per organisation subtree over a bank blueprint; each attempt
 * carries the paper assembled for it (items with question versions), its server clock, the
 * answers saved during it and the grade written at submit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mock_exam')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('bank.id'))
    // a deleted blueprint leaves the mock exam unavailable (null), not a failed delete
    .addColumn('blueprint_id', 'integer', (c) => c.references('blueprint.id').onDelete('set null'))
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    // null = unlimited
    .addColumn('attempts_per_day', 'integer')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('mock_exam_name', ['organisation_id', 'name'])
    .execute();

  await db.schema
    .createTable('mock_attempt')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('mock_exam_id', 'integer', (c) => c.notNull().references('mock_exam.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('attempt_no', 'integer', (c) => c.notNull())
    // the practice day (China time) the attempt started on, for attempts per day
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    // { label, totalScore, sections: [{ title, type }], items: [{ position, section, questionId, versionId, points }] }
    .addColumn('paper', 'jsonb', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deadline', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submit_reason', 'text')
    .addColumn('score', 'double precision')
    .addColumn('max_score', 'double precision')
    // per position: { s, m, c }
    .addColumn('item_scores', 'jsonb')
    .addUniqueConstraint('mock_attempt_no', ['mock_exam_id', 'person_id', 'attempt_no'])
    .execute();
  // one attempt in progress per learner and mock exam: two tabs pressing start get the same one
  await db.schema.createIndex('mock_attempt_open').on('mock_attempt').columns(['mock_exam_id', 'person_id']).unique().where(sql.ref('submitted_at'), 'is', null).execute();
  await db.schema.createIndex('mock_attempt_person').on('mock_attempt').columns(['person_id', 'started_at']).execute();

  await db.schema
    .createTable('mock_answer')
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('mock_attempt.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('response', 'jsonb')
    .addColumn('answer_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('flagged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('flag_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('mock_answer_pk', ['attempt_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['mock_answer', 'mock_attempt', 'mock_exam']) await db.schema.dropTable(t).ifExists().execute();
}
