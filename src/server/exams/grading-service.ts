import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { gradeResponse, type GradingOptions, type Response } from './engine/grading.ts';
import type { AnswerRow, AttemptRow, ItemScores } from './attempt-repo.ts';
import type { ExamRow } from './exam-repo.ts';
import { loadPaperContent, type PaperContent } from './paper-content.ts';

export type Grading = { itemScores: ItemScores; score: number; maxScore: number; status: 'graded' | 'marking' };

const hasResponse = (r: unknown): r is Response => r !== null && r !== undefined && typeof r === 'object';

/** Objective items graded now (engine grading); subjective items wait for markers. */
export function gradeAttempt(content: PaperContent, answers: Pick<AnswerRow, 'position' | 'response'>[], options: GradingOptions): Grading {
  const byPos = new Map(answers.map((a) => [a.position, a.response]));
  const itemScores: ItemScores = {};
  let score = 0;
  let maxScore = 0;
  let waiting = false;
  for (const item of content.items) {
    const response = byPos.get(item.position);
    const given = hasResponse(response) ? response : null;
    const g = gradeResponse({ type: item.question.type, options: item.question.options, answer: item.question.answer, score: item.points }, given, options);
    maxScore += item.points;
    if (g.status === 'needs-marking') {
      const empty = !given || (given.kind === 'text' && given.text.trim() === '');
      itemScores[item.position] = empty ? { s: 0, m: item.points, st: 'unanswered', c: false } : { s: null, m: item.points, st: 'needs-marking', c: null };
      if (!empty) waiting = true;
    } else {
      itemScores[item.position] = { s: g.score, m: item.points, st: given ? 'graded' : 'unanswered', c: g.correct };
      score += g.score;
    }
  }
  return { itemScores, score: Math.round(score * 1e6) / 1e6, maxScore, status: waiting ? 'marking' : 'graded' };
}

/** Sum of the item scores and whether any still waits for a mark. */
export function totalOf(itemScores: ItemScores): { score: number; status: 'graded' | 'marking' } {
  let score = 0;
  let waiting = false;
  for (const it of Object.values(itemScores)) {
    if (it.s === null) waiting = true;
    else score += it.s;
  }
  return { score: Math.round(score * 1e6) / 1e6, status: waiting ? 'marking' : 'graded' };
}

/**
 * Submit an attempt (by the candidate, at the deadline, after too many violations, or by a
 * proctor): grade it and mark it submitted in one transaction. Idempotent: a second call
 * finds it submitted and changes nothing. Returns whether this call submitted it.
 */
export async function submitAttemptNow(ctx: AppContext, exam: Pick<ExamRow, 'settings'>, attemptId: number, reason: string, at: Date, outer?: Db): Promise<boolean> {
  return (await submitAndRead(ctx, exam, attemptId, reason, at, outer)).submitted;
}

/**
 * As `submitAttemptNow`, also returning the attempt as it is afterwards. Three statements in
 * one transaction: lock and read the attempt, read its answers (a new snapshot, taken after
 * the lock: every save acknowledged before it is there, and none can follow), write the grading
 * (graded in memory over the per-process paper cache).
 */
export async function submitAndRead(ctx: AppContext, exam: Pick<ExamRow, 'settings'>, attemptId: number, reason: string, at: Date, outer?: Db): Promise<{ submitted: boolean; attempt: AttemptRow | undefined }> {
  const run = async (tx: Db) => {
    const attempt = await ctx.exams.attempts.getLocked(attemptId, tx);
    if (!attempt || attempt.submittedAt) return { submitted: false, attempt };
    const content = await loadPaperContent(ctx, attempt.paperId, tx);
    const answers = await ctx.exams.attempts.answers(attemptId, tx);
    const g = gradeAttempt(content, answers, exam.settings.grading);
    const after = await ctx.exams.attempts.submitReturning(attemptId, { at, reason, status: g.status, score: g.score, maxScore: g.maxScore, itemScores: g.itemScores }, tx);
    return { submitted: after !== undefined, attempt: after ?? attempt };
  };
  return outer ? run(outer) : ctx.db.transaction().execute(run);
}
