import { sql, type Kysely } from 'kysely';

/**
 * Judging (评委评分): per-contest rubrics, panels for a judged round (contest_id + round_key,
 * optionally one track or group), the judges and entries of each panel, score sheets, the
 * audit trail of every change, and invitations for guest judges from outside the group.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rubric')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    // the engine template it was copied from ('template-complaint-handling'), if any
    .addColumn('template_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    // engine/rubric.ts Criterion[]
    .addColumn('criteria', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('rubric_contest').on('rubric').column('contest_id').execute();

  await db.schema
    .createTable('panel')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    .addColumn('round_key', 'text', (c) => c.notNull())
    .addColumn('track_key', 'text')
    .addColumn('group_key', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rubric_id', 'integer', (c) => c.notNull().references('rubric.id'))
    .addColumn('min_size', 'integer', (c) => c.notNull().defaultTo(3))
    // engine/aggregation.ts AggregationSpec, engine/conflicts.ts ConflictPolicy (declared pairs by id string)
    .addColumn('aggregation', 'jsonb', (c) => c.notNull())
    .addColumn('conflict_policy', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open','locked')`))
    .addColumn('on_stage_entry_id', 'integer', (c) => c.references('contest_entry.id').onDelete('set null'))
    // the big screen polls GET /api/judging/screen/:token; the organiser moves the reveal on
    .addColumn('screen_token', 'text', (c) => c.notNull().unique())
    .addColumn('reveal_entry_id', 'integer', (c) => c.references('contest_entry.id').onDelete('set null'))
    .addColumn('reveal_step', 'integer', (c) => c.notNull().defaultTo(-1))
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('panel_contest_round').on('panel').columns(['contest_id', 'round_key']).execute();

  await db.schema
    .createTable('panel_judge')
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('panel.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('seat', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('panel_judge_pk', ['panel_id', 'person_id'])
    .execute();
  await db.schema.createIndex('panel_judge_person').on('panel_judge').column('person_id').execute();

  await db.schema
    .createTable('panel_entry')
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('panel.id').onDelete('cascade'))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('contest_entry.id').onDelete('cascade'))
    // order on stage
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('locked', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('panel_entry_pk', ['panel_id', 'entry_id'])
    .execute();

  await db.schema
    .createTable('score_sheet')
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('panel.id').onDelete('cascade'))
    .addColumn('judge_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('contest_entry.id').onDelete('cascade'))
    .addColumn('scores', 'jsonb', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    // the phone's id of the last submission applied: a re-send is recognised, not re-applied
    .addColumn('client_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('score_sheet_pk', ['panel_id', 'judge_id', 'entry_id'])
    .execute();

  await db.schema
    .createTable('score_audit')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('panel.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('person.id'))
    .addColumn('actor_kind', 'text', (c) => c.notNull().check(sql`actor_kind in ('judge','organiser')`))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('create','update','lock','unlock')`))
    .addColumn('judge_id', 'integer')
    .addColumn('entry_id', 'integer')
    .addColumn('old', 'jsonb')
    .addColumn('new', 'jsonb')
    .addColumn('reason', 'text')
    .addColumn('client_id', 'text')
    .addColumn('via', 'text')
    .execute();
  await db.schema.createIndex('score_audit_panel').on('score_audit').columns(['panel_id', 'id']).execute();
  await sql`create index score_audit_client on score_audit (panel_id, client_id) where client_id is not null`.execute(db);

  await db.schema
    .createTable('judge_invitation')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('affiliation', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    // the guest judge's person row, created on first redemption
    .addColumn('person_id', 'integer', (c) => c.unique().references('person.id'))
    .addColumn('redeemed_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('judge_invitation_contest').on('judge_invitation').column('contest_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['judge_invitation', 'score_audit', 'score_sheet', 'panel_entry', 'panel_judge', 'panel', 'rubric']) await db.schema.dropTable(t).ifExists().execute();
}
