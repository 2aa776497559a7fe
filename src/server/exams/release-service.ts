import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { summariseViolations, type ViolationKind } from './engine/proctoring.ts';
import { loadManagedExam } from './access.ts';
import type { AttemptRow } from './attempt-repo.ts';
import type { ExamRow } from './exam-repo.ts';
import { getExam } from './exam-service.ts';

/** Each candidate's counted attempt: the highest score, ties to the earlier submission. */
export function bestAttempts(attempts: AttemptRow[]): Map<number, AttemptRow> {
  const best = new Map<number, AttemptRow>();
  for (const a of attempts) {
    if (!a.submittedAt || a.score === null) continue;
    const b = best.get(a.personId);
    if (!b || a.score > b.score! || (a.score === b.score && a.submittedAt < b.submittedAt!)) best.set(a.personId, a);
  }
  return best;
}

export async function violationCounts(ctx: AppContext, exam: ExamRow, attemptIds: number[], tx: Db = ctx.db): Promise<Map<number, number>> {
  const events = await ctx.exams.proctor.eventsOf(attemptIds, tx);
  const by = new Map<number, { kind: ViolationKind; at: number }[]>();
  for (const e of events) by.set(e.attemptId, [...(by.get(e.attemptId) ?? []), { kind: e.kind as ViolationKind, at: e.at.getTime() }]);
  const policy = { autoSubmitAfter: null, debounceMs: exam.settings.proctoring.debounceMs, counted: exam.settings.proctoring.counted };
  return new Map(attemptIds.map((id) => [id, summariseViolations(by.get(id) ?? [], policy).count]));
}

/**
 * The written round hands its scores to the contest (when linked): one row per contest entry
 * in contest_round_score. A team entry scores the mean of its members who sat the exam; its
 * violations are their sum and it finished when its last member did. Returns rows written.
 */
export async function writeContestScores(ctx: AppContext, exam: ExamRow, tx: Db): Promise<number> {
  if (exam.contestId === null || exam.roundKey === null) return 0;
  const best = bestAttempts(await ctx.exams.attempts.ofExam(exam.id, { submittedOnly: true }, tx));
  const violations = await violationCounts(ctx, exam, [...best.values()].map((a) => a.id), tx);
  const entries = new Map<number, AttemptRow[]>();
  for (const m of await ctx.exams.contestLink.entryMembers(exam.contestId, tx)) {
    const a = best.get(m.personId);
    if (a) entries.set(m.entryId, [...(entries.get(m.entryId) ?? []), a]);
  }
  const rows = [...entries].map(([entryId, as]) => ({
    contestId: exam.contestId!, roundKey: exam.roundKey!, entryId,
    score: Math.round((as.reduce((s, a) => s + a.score!, 0) / as.length) * 1e6) / 1e6,
    maxScore: as[0].maxScore, sourceRef: String(exam.id),
    violations: as.reduce((s, a) => s + (violations.get(a.id) ?? 0), 0),
    finishedAt: new Date(Math.max(...as.map((a) => a.submittedAt!.getTime()))),
    details: { attemptIds: as.map((a) => a.id), members: as.length },
  }));
  await ctx.exams.contestLink.upsertScores(rows, tx);
  return rows.length;
}

/** Release the scores (公布成绩): candidates see them (and the key, per policy); a linked contest gets them. */
export async function releaseResults(ctx: AppContext, actor: Actor, examId: number, opts: { force: boolean }) {
  const contestRows = await ctx.db.transaction().execute(async (tx) => {
    const exam = await loadManagedExam(ctx, actor, examId, tx);
    const attempts = await ctx.exams.attempts.ofExam(examId, {}, tx);
    const waiting = attempts.filter((a) => a.status === 'marking').length;
    if (waiting > 0 && !opts.force) throw new AppError('CONFLICT', `${waiting} attempt(s) still wait for marking; finish marking or release with force`, { details: { waiting } });
    const at = ctx.now();
    await ctx.exams.exams.update(examId, { resultsReleasedAt: at }, tx);
    const n = await writeContestScores(ctx, { ...exam, resultsReleasedAt: at }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'exam.results-released', targetType: 'exam', targetId: examId, data: { contestRows: n } }, tx);
    return n;
  });
  return { exam: await getExam(ctx, actor, examId), contestRows };
}

export async function withdrawRelease(ctx: AppContext, actor: Actor, examId: number) {
  await loadManagedExam(ctx, actor, examId);
  await ctx.exams.exams.update(examId, { resultsReleasedAt: null });
  return { exam: await getExam(ctx, actor, examId), contestRows: 0 };
}
