import { sql, type Kysely } from 'kysely';

/**
 * Written rounds (笔试): exams over a paper or a paper set, their candidates, attempts and the
 * answers saved during them (one row per attempt and paper position, last acknowledged write
 * wins by sequence), proctoring events, camera snapshots (bytea), proctor messages, marks of
 * subjective items, appeals; and practice (练习): levels and an append-only answer log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exam')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft','published','archived')`))
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('attempts_allowed', 'integer', (c) => c.notNull().defaultTo(1))
    // 'shuffled': one paper, question and option order per candidate; 'parallel': a paper set dealt out
    .addColumn('paper_mode', 'text', (c) => c.notNull().check(sql`paper_mode in ('shuffled','parallel')`))
    .addColumn('paper_id', 'integer', (c) => c.references('paper.id'))
    .addColumn('paper_set_id', 'integer', (c) => c.references('paper_set.id'))
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('contest_id', 'integer', (c) => c.references('contest.id').onDelete('set null'))
    .addColumn('round_key', 'text')
    .addColumn('results_released_at', 'timestamptz')
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('exam_organisation').on('exam').column('organisation_id').execute();

  await db.schema
    .createTable('exam_candidate')
    .addColumn('exam_id', 'integer', (c) => c.notNull().references('exam.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('paper_id', 'integer', (c) => c.references('paper.id'))
    .addColumn('extra_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('exam_candidate_pk', ['exam_id', 'person_id'])
    .execute();
  await db.schema.createIndex('exam_candidate_person').on('exam_candidate').column('person_id').execute();

  await db.schema
    .createTable('exam_attempt')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('exam_id', 'integer', (c) => c.notNull().references('exam.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('attempt_no', 'integer', (c) => c.notNull())
    .addColumn('paper_id', 'integer', (c) => c.notNull().references('paper.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deadline', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_seen_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submit_reason', 'text')
    // 'in-progress' → 'marking' (subjective items wait) → 'graded'
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('in-progress'))
    .addColumn('score', 'double precision')
    .addColumn('max_score', 'double precision')
    // per paper position: { s: score|null, m: max, st: 'graded'|'needs-marking'|'unanswered', c: correct|null }
    .addColumn('item_scores', 'jsonb')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addUniqueConstraint('exam_attempt_no', ['exam_id', 'person_id', 'attempt_no'])
    .execute();
  await db.schema.createIndex('exam_attempt_open').on('exam_attempt').columns(['deadline']).where(sql.ref('submitted_at'), 'is', null).execute();

  await db.schema
    .createTable('exam_answer')
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('exam_attempt.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // canonical form (option keys as in the bank, not as displayed)
    .addColumn('response', 'jsonb')
    .addColumn('answer_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('flagged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('flag_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('exam_answer_pk', ['attempt_id', 'position'])
    .execute();

  await db.schema
    .createTable('exam_proctor_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('exam_attempt.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('client_at', 'timestamptz')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('exam_proctor_event_attempt').on('exam_proctor_event').columns(['attempt_id', 'at']).execute();

  await db.schema
    .createTable('exam_snapshot')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('exam_attempt.id').onDelete('cascade'))
    .addColumn('taken_at', 'timestamptz', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exam_snapshot_attempt').on('exam_snapshot').columns(['attempt_id', 'taken_at']).execute();

  await db.schema
    .createTable('exam_message')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('exam_id', 'integer', (c) => c.notNull().references('exam.id').onDelete('cascade'))
    // null: to every candidate of the exam
    .addColumn('person_id', 'integer', (c) => c.references('person.id'))
    .addColumn('from_id', 'integer', (c) => c.references('person.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('exam_message_exam').on('exam_message').columns(['exam_id', 'id']).execute();

  await db.schema
    .createTable('exam_mark')
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('exam_attempt.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('marker_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('mark', 'double precision', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('exam_mark_pk', ['attempt_id', 'position', 'marker_id'])
    .execute();

  await db.schema
    .createTable('exam_appeal')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('exam_attempt.id').onDelete('cascade'))
    .addColumn('position', 'integer')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('original_mark', 'double precision', (c) => c.notNull())
    .addColumn('final_mark', 'double precision')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('trail', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('exam_appeal_attempt').on('exam_appeal').column('attempt_id').execute();

  await db.schema
    .createTable('practice_level')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('paper_id', 'integer', (c) => c.notNull().references('paper.id'))
    .addColumn('pass_mark', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('practice_level_sort', ['organisation_id', 'sort'])
    .execute();

  await db.schema
    .createTable('practice_answer')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('question.id'))
    .addColumn('question_version_id', 'integer', (c) => c.notNull().references('question_version.id'))
    .addColumn('knowledge_points', 'jsonb', (c) => c.notNull())
    .addColumn('correct', 'boolean', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('max_score', 'double precision', (c) => c.notNull())
    // 'daily' | 'free' | 'level' | 'wrong-book'
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('level_id', 'integer', (c) => c.references('practice_level.id').onDelete('set null'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practice_answer_person').on('practice_answer').columns(['person_id', 'at']).execute();

  await db.schema
    .createTable('practice_level_result')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('level_id', 'integer', (c) => c.notNull().references('practice_level.id').onDelete('cascade'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practice_level_result_person').on('practice_level_result').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['practice_level_result', 'practice_answer', 'practice_level', 'exam_appeal', 'exam_mark', 'exam_message', 'exam_snapshot', 'exam_proctor_event', 'exam_answer', 'exam_attempt', 'exam_candidate', 'exam']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
