import type { Db } from '../db/kysely.ts';
import type { AppealStatus, TrailEntry } from './engine/marking.ts';

export type MarkRow = { attemptId: number; position: number; markerId: number; mark: number; comment: string; at: Date };
export type AppealRow = {
  id: number;
  attemptId: number;
  position: number | null;
  personId: number;
  reason: string;
  originalMark: number;
  finalMark: number | null;
  status: AppealStatus;
  trail: TrailEntry[];
  createdAt: Date;
  updatedAt: Date;
};

const appealCols = ['id', 'attempt_id as attemptId', 'position', 'person_id as personId', 'reason', 'original_mark as originalMark', 'final_mark as finalMark', 'status', 'trail', 'created_at as createdAt', 'updated_at as updatedAt'] as const;
const toAppeal = (r: Omit<AppealRow, 'status' | 'trail'> & { status: string; trail: unknown }): AppealRow => ({ ...r, status: r.status as AppealStatus, trail: r.trail as TrailEntry[] });

/** Marks of subjective items (one row per marker) and appeals with their trail. */
export function createMarkingRepo(db: Db) {
  return {
    async marksOfExam(examId: number, tx: Db = db): Promise<MarkRow[]> {
      return tx
        .selectFrom('exam_mark')
        .innerJoin('exam_attempt', 'exam_attempt.id', 'exam_mark.attempt_id')
        .select(['exam_mark.attempt_id as attemptId', 'exam_mark.position', 'exam_mark.marker_id as markerId', 'exam_mark.mark', 'exam_mark.comment', 'exam_mark.at'])
        .where('exam_attempt.exam_id', '=', examId)
        .orderBy('exam_mark.at')
        .execute();
    },
    async marksOf(attemptId: number, position: number, tx: Db = db): Promise<MarkRow[]> {
      return tx
        .selectFrom('exam_mark')
        .select(['attempt_id as attemptId', 'position', 'marker_id as markerId', 'mark', 'comment', 'at'])
        .where('attempt_id', '=', attemptId)
        .where('position', '=', position)
        .orderBy('at')
        .execute();
    },
    async insertMark(m: Omit<MarkRow, 'comment'> & { comment?: string }, tx: Db = db): Promise<void> {
      await tx.insertInto('exam_mark').values({ attempt_id: m.attemptId, position: m.position, marker_id: m.markerId, mark: m.mark, comment: m.comment ?? '', at: m.at }).execute();
    },
    async insertAppeal(a: Omit<AppealRow, 'id' | 'createdAt' | 'updatedAt'>, tx: Db = db): Promise<number> {
      const r = await tx
        .insertInto('exam_appeal')
        .values({ attempt_id: a.attemptId, position: a.position, person_id: a.personId, reason: a.reason, original_mark: a.originalMark, final_mark: a.finalMark, status: a.status, trail: JSON.stringify(a.trail) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async getAppeal(id: number, tx: Db = db): Promise<AppealRow | undefined> {
      const r = await tx.selectFrom('exam_appeal').select(appealCols).where('id', '=', id).executeTakeFirst();
      return r && toAppeal(r);
    },
    async updateAppeal(id: number, a: Pick<AppealRow, 'status' | 'finalMark' | 'trail'>, tx: Db = db): Promise<void> {
      await tx.updateTable('exam_appeal').set({ status: a.status, final_mark: a.finalMark, trail: JSON.stringify(a.trail), updated_at: new Date() }).where('id', '=', id).execute();
    },
    async appealsOfExam(examId: number, tx: Db = db): Promise<AppealRow[]> {
      const rows = await tx
        .selectFrom('exam_appeal')
        .innerJoin('exam_attempt', 'exam_attempt.id', 'exam_appeal.attempt_id')
        .select(appealCols.map((c) => `exam_appeal.${c}` as const))
        .where('exam_attempt.exam_id', '=', examId)
        .orderBy('exam_appeal.id')
        .execute();
      return rows.map(toAppeal);
    },
    /** Names and 工号 of people named in appeals (candidates, deciders). */
    async people(ids: number[], tx: Db = db): Promise<Map<number, { name: string; employeeNo: string }>> {
      if (ids.length === 0) return new Map();
      const rows = await tx.selectFrom('person').select(['id', 'name', 'employee_no as employeeNo']).where('id', 'in', [...new Set(ids)]).execute();
      return new Map(rows.map((r) => [r.id, { name: r.name, employeeNo: r.employeeNo }]));
    },
    async appealsOfAttempt(attemptId: number, tx: Db = db): Promise<AppealRow[]> {
      return (await tx.selectFrom('exam_appeal').select(appealCols).where('attempt_id', '=', attemptId).orderBy('id').execute()).map(toAppeal);
    },
  };
}
export type MarkingRepo = ReturnType<typeof createMarkingRepo>;
