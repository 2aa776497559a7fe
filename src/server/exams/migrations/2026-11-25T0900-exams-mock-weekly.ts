import { sql, type Kysely } from 'kysely';

/**
 * Weekly quizzes (每周小测): a mock exam's cadence (`free` as before, or `weekly`), the week an
 * attempt belongs to, one attempt per learner and week, and the one paper of each week.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mock_exam').addColumn('cadence', 'text', (c) => c.notNull().defaultTo('free').check(sql`cadence in ('free', 'weekly')`)).execute();
  // the ISO week (China time, `2026-W48`) of a weekly quiz's attempt; null for free mock exams
  await db.schema.alterTable('mock_attempt').addColumn('week', 'text').execute();
  // one attempt per learner and week: two tabs pressing start in the same week get one row
  await db.schema.createIndex('mock_attempt_week').on('mock_attempt').columns(['mock_exam_id', 'person_id', 'week']).unique().where(sql.ref('week'), 'is not', null).execute();
  // the leaderboard reads a week's submitted attempts
  await db.schema.createIndex('mock_attempt_board').on('mock_attempt').columns(['mock_exam_id', 'week', 'score']).where(sql.ref('week'), 'is not', null).execute();
  // the week's paper, assembled on the week's first start and read by every later one, so a
  // question edited mid-week does not give later learners a different paper
  await db.schema
    .createTable('mock_week_paper')
    .addColumn('mock_exam_id', 'integer', (c) => c.notNull().references('mock_exam.id').onDelete('cascade'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('paper', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('mock_week_paper_pk', ['mock_exam_id', 'week'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mock_week_paper').ifExists().execute();
  await db.schema.dropIndex('mock_attempt_board').ifExists().execute();
  await db.schema.dropIndex('mock_attempt_week').ifExists().execute();
  await db.schema.alterTable('mock_attempt').dropColumn('week').execute();
  await db.schema.alterTable('mock_exam').dropColumn('cadence').execute();
}
