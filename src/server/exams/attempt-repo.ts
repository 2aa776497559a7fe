import { sql } from 'kysely';
import type { Db } from '../db/kysely.ts';

export type ItemScore = { s: number | null; m: number; st: 'graded' | 'needs-marking' | 'unanswered'; c: boolean | null };
export type ItemScores = Record<string, ItemScore>;

export type AttemptRow = {
  id: number;
  examId: number;
  personId: number;
  attemptNo: number;
  paperId: number;
  startedAt: Date;
  deadline: Date;
  lastSeq: number;
  lastSeenAt: Date | null;
  submittedAt: Date | null;
  submitReason: string | null;
  status: string;
  score: number | null;
  maxScore: number | null;
  itemScores: ItemScores | null;
  ip: string | null;
  userAgent: string | null;
};

export type AnswerRow = { position: number; response: unknown; answerSeq: number; answeredAt: Date | null; flagged: boolean; flagSeq: number };

const cols = [
  'id', 'exam_id as examId', 'person_id as personId', 'attempt_no as attemptNo', 'paper_id as paperId', 'started_at as startedAt', 'deadline', 'last_seq as lastSeq', 'last_seen_at as lastSeenAt',
  'submitted_at as submittedAt', 'submit_reason as submitReason', 'status', 'score', 'max_score as maxScore', 'item_scores as itemScores', 'ip', 'user_agent as userAgent',
] as const;
const toAttempt = (r: Omit<AttemptRow, 'itemScores'> & { itemScores: unknown }): AttemptRow => ({ ...r, itemScores: (r.itemScores as ItemScores | null) ?? null });

/**
 * Attempts and their saved answers. A save is one statement: it takes the attempt's next
 * sequence number (the row lock orders concurrent saves of one attempt) and writes the
 * answer only if that sequence is higher than the one stored, so the last acknowledged write
 * wins per question and a submitted attempt takes no more writes.
 */
export function createAttemptRepo(db: Db) {
  /** As `submit`, returning the submitted row (undefined when it already was submitted). */
  const submitReturning = async (id: number, s: { at: Date; reason: string; status: string; score: number; maxScore: number; itemScores: ItemScores }, tx: Db = db): Promise<AttemptRow | undefined> => {
    const r = await tx
      .updateTable('exam_attempt')
      .set({ submitted_at: s.at, submit_reason: s.reason, status: s.status, score: s.score, max_score: s.maxScore, item_scores: JSON.stringify(s.itemScores) })
      .where('id', '=', id)
      .where('submitted_at', 'is', null)
      .returning(cols)
      .executeTakeFirst();
    return r && toAttempt(r);
  };
  return {
    async get(id: number, tx: Db = db): Promise<AttemptRow | undefined> {
      const r = await tx.selectFrom('exam_attempt').select(cols).where('id', '=', id).executeTakeFirst();
      return r && toAttempt(r);
    },
    /** Locks the attempt row for the rest of the transaction (submit against concurrent saves). */
    async lock(id: number, tx: Db): Promise<void> {
      await tx.selectFrom('exam_attempt').select('id').where('id', '=', id).forUpdate().execute();
    },
    /** The attempt, its row locked for the rest of the transaction (submit: one statement for lock and read). */
    /** Several attempts, row-locked in id order (so two batches never wait on each other in a cycle). */
    async getManyLocked(ids: number[], tx: Db): Promise<AttemptRow[]> {
      if (ids.length === 0) return [];
      return (await tx.selectFrom('exam_attempt').select(cols).where('id', 'in', ids).orderBy('id').forUpdate().execute()).map(toAttempt);
    },
    /** The saved answers of several attempts, by attempt. */
    async answersOfAttempts(ids: number[], tx: Db = db): Promise<Map<number, AnswerRow[]>> {
      const out = new Map<number, AnswerRow[]>(ids.map((id) => [id, []]));
      if (ids.length === 0) return out;
      const rows = await tx
        .selectFrom('exam_answer')
        .select(['attempt_id as attemptId', 'position', 'response', 'answer_seq as answerSeq', 'answered_at as answeredAt', 'flagged', 'flag_seq as flagSeq'])
        .where('attempt_id', 'in', ids)
        .orderBy('attempt_id')
        .orderBy('position')
        .execute();
      for (const { attemptId, ...r } of rows) out.get(attemptId)!.push(r);
      return out;
    },
    /** As `submitReturning` for several attempts in one statement; returns the rows it submitted. */
    async submitMany(subs: { id: number; at: Date; reason: string; status: string; score: number; maxScore: number; itemScores: ItemScores }[], tx: Db): Promise<AttemptRow[]> {
      if (subs.length === 0) return [];
      const r = await sql<Omit<AttemptRow, 'itemScores'> & { itemScores: unknown }>`
        update exam_attempt a
           set submitted_at = v.at, submit_reason = v.reason, status = v.status, score = v.score, max_score = v.max_score, item_scores = v.item_scores::jsonb
          from unnest(${subs.map((s) => s.id)}::int[], ${subs.map((s) => s.at.toISOString())}::timestamptz[], ${subs.map((s) => s.reason)}::text[],
                      ${subs.map((s) => s.status)}::text[], ${subs.map((s) => s.score)}::float8[], ${subs.map((s) => s.maxScore)}::float8[],
                      ${subs.map((s) => JSON.stringify(s.itemScores))}::text[]) as v(id, at, reason, status, score, max_score, item_scores)
         where a.id = v.id and a.submitted_at is null
        returning a.id, a.exam_id as "examId", a.person_id as "personId", a.attempt_no as "attemptNo", a.paper_id as "paperId", a.started_at as "startedAt", a.deadline,
                  a.last_seq as "lastSeq", a.last_seen_at as "lastSeenAt", a.submitted_at as "submittedAt", a.submit_reason as "submitReason", a.status, a.score,
                  a.max_score as "maxScore", a.item_scores as "itemScores", a.ip, a.user_agent as "userAgent"`.execute(tx);
      return r.rows.map(toAttempt);
    },
    async getLocked(id: number, tx: Db): Promise<AttemptRow | undefined> {
      const r = await tx.selectFrom('exam_attempt').select(cols).where('id', '=', id).forUpdate().executeTakeFirst();
      return r && toAttempt(r);
    },
    async ofPerson(examId: number, personId: number, tx: Db = db): Promise<AttemptRow[]> {
      return (await tx.selectFrom('exam_attempt').select(cols).where('exam_id', '=', examId).where('person_id', '=', personId).orderBy('attempt_no').execute()).map(toAttempt);
    },
    async ofExam(examId: number, opts: { submittedOnly?: boolean } = {}, tx: Db = db): Promise<AttemptRow[]> {
      let q = tx.selectFrom('exam_attempt').select(cols).where('exam_id', '=', examId);
      if (opts.submittedOnly) q = q.where('submitted_at', 'is not', null);
      return (await q.orderBy('id').execute()).map(toAttempt);
    },
    async insert(a: { examId: number; personId: number; attemptNo: number; paperId: number; startedAt: Date; deadline: Date; ip: string | null; userAgent: string | null }, tx: Db = db): Promise<number | undefined> {
      const r = await tx
        .insertInto('exam_attempt')
        .values({ exam_id: a.examId, person_id: a.personId, attempt_no: a.attemptNo, paper_id: a.paperId, started_at: a.startedAt, deadline: a.deadline, last_seen_at: a.startedAt, ip: a.ip, user_agent: a.userAgent })
        .onConflict((oc) => oc.columns(['exam_id', 'person_id', 'attempt_no']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return r?.id;
    },
    async touch(id: number, at: Date, meta: { ip?: string | null; userAgent?: string | null } = {}, tx: Db = db): Promise<void> {
      await tx.updateTable('exam_attempt').set({ last_seen_at: at, ...(meta.ip && { ip: meta.ip }), ...(meta.userAgent && { user_agent: meta.userAgent.slice(0, 300) }) }).where('id', '=', id).execute();
    },
    /** Save one field of one question; returns the acknowledged sequence, or null when the attempt is submitted. */
    async save(attemptId: number, position: number, write: { field: 'answer'; response: unknown } | { field: 'flag'; flagged: boolean }, at: Date, tx: Db = db): Promise<number | null> {
      const seq = sql`(select last_seq from s)`;
      const q =
        write.field === 'answer'
          ? sql<{ seq: number }>`with s as (update exam_attempt set last_seq = last_seq + 1, last_seen_at = ${at} where id = ${attemptId} and submitted_at is null returning last_seq)
              insert into exam_answer (attempt_id, position, response, answer_seq, answered_at)
              select ${attemptId}, ${position}, ${JSON.stringify(write.response)}::jsonb, last_seq, ${at} from s
              on conflict (attempt_id, position) do update set response = excluded.response, answer_seq = excluded.answer_seq, answered_at = excluded.answered_at
              where exam_answer.answer_seq < excluded.answer_seq
              returning ${seq} as seq`
          : sql<{ seq: number }>`with s as (update exam_attempt set last_seq = last_seq + 1, last_seen_at = ${at} where id = ${attemptId} and submitted_at is null returning last_seq)
              insert into exam_answer (attempt_id, position, flagged, flag_seq)
              select ${attemptId}, ${position}, ${write.flagged}, last_seq from s
              on conflict (attempt_id, position) do update set flagged = excluded.flagged, flag_seq = excluded.flag_seq
              where exam_answer.flag_seq < excluded.flag_seq
              returning ${seq} as seq`;
      const r = await q.execute(tx);
      const row = r.rows[0];
      return row ? Number(row.seq) : null;
    },
    async answers(attemptId: number, tx: Db = db): Promise<AnswerRow[]> {
      return tx
        .selectFrom('exam_answer')
        .select(['position', 'response', 'answer_seq as answerSeq', 'answered_at as answeredAt', 'flagged', 'flag_seq as flagSeq'])
        .where('attempt_id', '=', attemptId)
        .orderBy('position')
        .execute();
    },
    async answersOfExam(examId: number, tx: Db = db): Promise<(AnswerRow & { attemptId: number })[]> {
      return tx
        .selectFrom('exam_answer')
        .innerJoin('exam_attempt', 'exam_attempt.id', 'exam_answer.attempt_id')
        .select(['exam_answer.attempt_id as attemptId', 'exam_answer.position', 'exam_answer.response', 'exam_answer.answer_seq as answerSeq', 'exam_answer.answered_at as answeredAt', 'exam_answer.flagged', 'exam_answer.flag_seq as flagSeq'])
        .where('exam_attempt.exam_id', '=', examId)
        .execute();
    },
    async answeredCounts(examId: number, tx: Db = db): Promise<Map<number, number>> {
      const rows = await tx
        .selectFrom('exam_answer')
        .innerJoin('exam_attempt', 'exam_attempt.id', 'exam_answer.attempt_id')
        .select((eb) => ['exam_answer.attempt_id as id', eb.fn.countAll<number>().as('n')])
        .where('exam_attempt.exam_id', '=', examId)
        .where('exam_answer.response', 'is not', null)
        .where(sql<boolean>`exam_answer.response <> 'null'::jsonb`)
        .groupBy('exam_answer.attempt_id')
        .execute();
      return new Map(rows.map((r) => [r.id, Number(r.n)]));
    },
    /** Marks the attempt submitted with its grading, unless it already was; returns whether this call submitted it. */
    async submit(id: number, s: { at: Date; reason: string; status: string; score: number; maxScore: number; itemScores: ItemScores }, tx: Db = db): Promise<boolean> {
      return (await submitReturning(id, s, tx)) !== undefined;
    },
    submitReturning,
    async setGrading(id: number, g: { status: string; score: number; itemScores: ItemScores }, tx: Db = db): Promise<void> {
      await tx.updateTable('exam_attempt').set({ status: g.status, score: g.score, item_scores: JSON.stringify(g.itemScores) }).where('id', '=', id).execute();
    },
    /** Unsubmitted attempts past their deadline (the sweep submits those past deadline + grace). */
    async overdue(now: Date, tx: Db = db): Promise<{ id: number; examId: number }[]> {
      return tx
        .selectFrom('exam_attempt')
        .select(['id', 'exam_id as examId'])
        .where('submitted_at', 'is', null)
        .where('deadline', '<', now)
        .orderBy('deadline')
        .limit(500)
        .execute();
    },
    /** Started attempts of the person's exams, for "my exams". */
    async ofPersonAll(personId: number, tx: Db = db): Promise<AttemptRow[]> {
      return (await tx.selectFrom('exam_attempt').select(cols).where('person_id', '=', personId).orderBy('id').execute()).map(toAttempt);
    },
  };
}
export type AttemptRepo = ReturnType<typeof createAttemptRepo>;
