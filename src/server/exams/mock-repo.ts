import { sql } from 'kysely';
import type { Db } from '../db/kysely.ts';
import type { Response } from './engine/grading.ts';
import type { MockItemScore } from './engine/mock.ts';

export type MockExamRow = {
  id: number; organisationId: number; organisationPath: string; organisationName: string; name: string; bankId: number; bankName: string; blueprintId: number | null; blueprintName: string | null;
  durationMs: number; attemptsPerDay: number | null; cadence: MockCadence; active: boolean; createdAt: Date;
};
export type MockCadence = 'free' | 'weekly';
export type MockPaperItem = { position: number; section: number; questionId: number; versionId: number; points: number };
export type MockPaper = { label: string; totalScore: number; sections: { title: string | null; type: string }[]; items: MockPaperItem[] };
export type MockAttemptRow = {
  id: number; mockExamId: number; personId: number; attemptNo: number; day: string; week: string | null; seed: number; paper: MockPaper; startedAt: Date; deadline: Date; lastSeq: number;
  submittedAt: Date | null; submitReason: string | null; score: number | null; maxScore: number | null; itemScores: Record<number, MockItemScore> | null;
};
export type MockAnswerRow = { position: number; response: Response | null; answerSeq: number; flagged: boolean; flagSeq: number };

const attemptCols = [
  'id', 'mock_exam_id as mockExamId', 'person_id as personId', 'attempt_no as attemptNo', 'day', 'week', 'seed', 'paper', 'started_at as startedAt', 'deadline', 'last_seq as lastSeq',
  'submitted_at as submittedAt', 'submit_reason as submitReason', 'score', 'max_score as maxScore', 'item_scores as itemScores',
] as const;
type RawAttempt = Omit<MockAttemptRow, 'paper' | 'itemScores'> & { paper: unknown; itemScores: unknown };
const toAttempt = (r: RawAttempt): MockAttemptRow => ({ ...r, paper: r.paper as MockPaper, itemScores: (r.itemScores as Record<number, MockItemScore> | null) ?? null });

/** Mock exams (模拟考): declarations, attempts with their own assembled paper, and saved answers. */
export function createMockRepo(db: Db) {
  const mockQuery = (tx: Db) =>
    tx
      .selectFrom('mock_exam')
      .innerJoin('organisation', 'organisation.id', 'mock_exam.organisation_id')
      .innerJoin('bank', 'bank.id', 'mock_exam.bank_id')
      .leftJoin('blueprint', 'blueprint.id', 'mock_exam.blueprint_id')
      .select([
        'mock_exam.id', 'mock_exam.organisation_id as organisationId', 'organisation.id_path as organisationPath', 'organisation.name as organisationName', 'mock_exam.name',
        'mock_exam.bank_id as bankId', 'bank.name as bankName', 'mock_exam.blueprint_id as blueprintId', 'blueprint.name as blueprintName', 'mock_exam.duration_ms as durationMs',
        'mock_exam.attempts_per_day as attemptsPerDay', 'mock_exam.cadence', 'mock_exam.active', 'mock_exam.created_at as createdAt',
      ]);
  return {
    async get(id: number, tx: Db = db): Promise<MockExamRow | undefined> {
      return mockQuery(tx).where('mock_exam.id', '=', id).executeTakeFirst();
    },
    /** Mock exams that apply to a learner: declared at the learner's node or an ancestor. */
    async forLearner(learnerPath: string, tx: Db = db): Promise<MockExamRow[]> {
      return mockQuery(tx).where('mock_exam.active', '=', true).where(sql<boolean>`${learnerPath} like organisation.id_path || '%'`).orderBy('organisation.id_path').orderBy('mock_exam.id').execute();
    },
    /** Mock exams declared in the given subtrees (null = all). */
    async under(paths: string[] | null, tx: Db = db): Promise<MockExamRow[]> {
      let q = mockQuery(tx);
      if (paths) {
        if (paths.length === 0) return [];
        q = q.where((eb) => eb.or(paths.map((p) => eb('organisation.id_path', 'like', `${p}%`))));
      }
      return q.orderBy('organisation.id_path').orderBy('mock_exam.id').execute();
    },
    async findByName(organisationId: number, name: string, tx: Db = db): Promise<number | undefined> {
      return (await tx.selectFrom('mock_exam').select('id').where('organisation_id', '=', organisationId).where('name', '=', name).executeTakeFirst())?.id;
    },
    async insert(m: { organisationId: number; name: string; bankId: number; blueprintId: number; durationMs: number; attemptsPerDay: number | null; cadence: MockCadence; createdBy: number | null }, tx: Db = db): Promise<number> {
      const r = await tx
        .insertInto('mock_exam')
        .values({ organisation_id: m.organisationId, name: m.name, bank_id: m.bankId, blueprint_id: m.blueprintId, duration_ms: m.durationMs, attempts_per_day: m.attemptsPerDay, cadence: m.cadence, created_by: m.createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async update(id: number, p: { name?: string; durationMs?: number; attemptsPerDay?: number | null; active?: boolean }, tx: Db = db): Promise<void> {
      const set = {
        ...(p.name !== undefined && { name: p.name }),
        ...(p.durationMs !== undefined && { duration_ms: p.durationMs }),
        ...(p.attemptsPerDay !== undefined && { attempts_per_day: p.attemptsPerDay }),
        ...(p.active !== undefined && { active: p.active }),
      };
      if (Object.keys(set).length) await tx.updateTable('mock_exam').set(set).where('id', '=', id).execute();
    },
    async attemptCounts(mockIds: number[], tx: Db = db): Promise<Map<number, { attempts: number; learners: number }>> {
      if (mockIds.length === 0) return new Map();
      const rows = await tx
        .selectFrom('mock_attempt')
        .select((eb) => ['mock_exam_id as id', eb.fn.countAll<number>().as('attempts'), eb.fn.count<number>('person_id').distinct().as('learners')])
        .where('mock_exam_id', 'in', mockIds)
        .groupBy('mock_exam_id')
        .execute();
      return new Map(rows.map((r) => [r.id, { attempts: Number(r.attempts), learners: Number(r.learners) }]));
    },

    // ── attempts ────────────────────────────────────────────────────────────────────
    async getAttempt(id: number, tx: Db = db): Promise<MockAttemptRow | undefined> {
      const r = await tx.selectFrom('mock_attempt').select(attemptCols).where('id', '=', id).executeTakeFirst();
      return r && toAttempt(r);
    },
    /** Locks the attempt row (submit and saves serialise on it). */
    async lockAttempt(id: number, tx: Db): Promise<MockAttemptRow | undefined> {
      const r = await tx.selectFrom('mock_attempt').select(attemptCols).where('id', '=', id).forUpdate().executeTakeFirst();
      return r && toAttempt(r);
    },
    async attemptsOf(personId: number, mockId: number | null, tx: Db = db): Promise<MockAttemptRow[]> {
      let q = tx.selectFrom('mock_attempt').select(attemptCols).where('person_id', '=', personId);
      if (mockId !== null) q = q.where('mock_exam_id', '=', mockId);
      return (await q.orderBy('started_at').orderBy('id').execute()).map(toAttempt);
    },
    /** Inserts unless the learner already has an attempt in progress on this mock exam, or one in this week of a weekly quiz (then undefined). */
    async insertAttempt(a: { mockExamId: number; personId: number; attemptNo: number; day: string; week: string | null; seed: number; paper: MockPaper; startedAt: Date; deadline: Date }, tx: Db = db): Promise<number | undefined> {
      const r = await tx
        .insertInto('mock_attempt')
        .values({ mock_exam_id: a.mockExamId, person_id: a.personId, attempt_no: a.attemptNo, day: a.day, week: a.week, seed: a.seed, paper: JSON.stringify(a.paper), started_at: a.startedAt, deadline: a.deadline })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return r?.id;
    },
    /** Bumps the attempt's sequence if it is still open; undefined when submitted. */
    async nextSeq(attemptId: number, tx: Db): Promise<number | undefined> {
      const r = await tx.updateTable('mock_attempt').set({ last_seq: sql`last_seq + 1` }).where('id', '=', attemptId).where('submitted_at', 'is', null).returning('last_seq').executeTakeFirst();
      return r?.last_seq;
    },
    async saveAnswer(attemptId: number, position: number, seq: number, at: Date, change: { response: Response | null } | { flagged: boolean }, tx: Db): Promise<void> {
      const values = 'response' in change
        ? { attempt_id: attemptId, position, response: change.response === null ? null : JSON.stringify(change.response), answer_seq: seq, answered_at: at }
        : { attempt_id: attemptId, position, flagged: change.flagged, flag_seq: seq };
      await tx
        .insertInto('mock_answer')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['attempt_id', 'position']).doUpdateSet('response' in change
            ? { response: change.response === null ? null : JSON.stringify(change.response), answer_seq: seq, answered_at: at }
            : { flagged: change.flagged, flag_seq: seq }),
        )
        .execute();
    },
    async answers(attemptId: number, tx: Db = db): Promise<MockAnswerRow[]> {
      const rows = await tx.selectFrom('mock_answer').select(['position', 'response', 'answer_seq as answerSeq', 'flagged', 'flag_seq as flagSeq']).where('attempt_id', '=', attemptId).orderBy('position').execute();
      return rows.map((r) => ({ ...r, response: (r.response as Response | null) ?? null }));
    },
    async setGraded(attemptId: number, g: { submittedAt: Date; reason: string; score: number; maxScore: number; itemScores: Record<number, MockItemScore> }, tx: Db): Promise<void> {
      await tx
        .updateTable('mock_attempt')
        .set({ submitted_at: g.submittedAt, submit_reason: g.reason, score: g.score, max_score: g.maxScore, item_scores: JSON.stringify(g.itemScores) })
        .where('id', '=', attemptId)
        .execute();
    },

    // ── weekly quizzes ──────────────────────────────────────────────────────────────
    async weekPaper(mockId: number, week: string, tx: Db = db): Promise<MockPaper | undefined> {
      const r = await tx.selectFrom('mock_week_paper').select('paper').where('mock_exam_id', '=', mockId).where('week', '=', week).executeTakeFirst();
      return r?.paper as MockPaper | undefined;
    },
    /** Stores the week's paper unless another start stored one first; returns the stored one. */
    async putWeekPaper(mockId: number, week: string, seed: number, paper: MockPaper, tx: Db = db): Promise<MockPaper> {
      await tx.insertInto('mock_week_paper').values({ mock_exam_id: mockId, week, seed, paper: JSON.stringify(paper) }).onConflict((oc) => oc.columns(['mock_exam_id', 'week']).doNothing()).execute();
      return (await this.weekPaper(mockId, week, tx))!;
    },
    /** A week's attempts still open past the given instant (deadline + grace), to close before ranking. */
    async dueInWeek(mockId: number, week: string, deadlineBefore: Date, tx: Db = db): Promise<MockAttemptRow[]> {
      const rows = await tx.selectFrom('mock_attempt').select(attemptCols).where('mock_exam_id', '=', mockId).where('week', '=', week).where('submitted_at', 'is', null).where('deadline', '<', deadlineBefore).execute();
      return rows.map(toAttempt);
    },
    /** A week's submitted attempts with the learner's name and organisation. */
    async weekBoard(mockId: number, week: string, tx: Db = db) {
      const rows = await tx
        .selectFrom('mock_attempt')
        .innerJoin('person', 'person.id', 'mock_attempt.person_id')
        .innerJoin('organisation', 'organisation.id', 'person.organisation_id')
        .select(['mock_attempt.person_id as personId', 'person.name', 'organisation.name as organisationName', 'mock_attempt.score', 'mock_attempt.max_score as maxScore', 'mock_attempt.started_at as startedAt', 'mock_attempt.submitted_at as submittedAt'])
        .where('mock_attempt.mock_exam_id', '=', mockId)
        .where('mock_attempt.week', '=', week)
        .where('mock_attempt.submitted_at', 'is not', null)
        .execute();
      return rows.map((r) => ({ ...r, score: r.score ?? 0, maxScore: r.maxScore ?? 0, submittedAt: r.submittedAt! }));
    },
  };
}
export type MockRepo = ReturnType<typeof createMockRepo>;
