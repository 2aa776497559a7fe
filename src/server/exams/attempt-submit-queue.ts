import type { AppContext } from '../context.ts';
import type { AttemptRow } from './attempt-repo.ts';
import type { ExamRow } from './exam-repo.ts';
import { gradeAttempt } from './grading-service.ts';
import { loadPaperContent } from './paper-content.ts';

/**
 * Group commit for candidates' submits, as attempt-save-queue.ts does for saves: when
 * thousands of candidates press 提交 within the same seconds (the end of a provincial
 * preliminary), the submits waiting at one moment are written by one transaction of three
 * statements: lock the attempts (in id order), read their answers (after the locks: every save
 * acknowledged before is there and none can follow, see the save queue), and write every
 * grading with one UPDATE … FROM unnest. Grading itself is the engine's, in memory. One
 * transaction in flight per process at a time; a lone submit is written at once (no timer).
 * The result is the same as `submitAndRead` per attempt: an attempt already submitted (two
 * tabs, or the deadline sweep first) is returned as it is and not written again.
 */
type Pending = { attemptId: number; exam: Pick<ExamRow, 'settings'>; reason: string; at: Date; resolve: (r: SubmitResult) => void; reject: (e: unknown) => void };
export type SubmitResult = { submitted: boolean; attempt: AttemptRow | undefined };
type Queue = { items: Pending[]; busy: boolean };

const MAX_BATCH = 200;
const queues = new WeakMap<AppContext, Queue>();

export function queueSubmit(ctx: AppContext, exam: Pick<ExamRow, 'settings'>, attemptId: number, reason: string, at: Date): Promise<SubmitResult> {
  let q = queues.get(ctx);
  if (!q) queues.set(ctx, (q = { items: [], busy: false }));
  const queue = q;
  return new Promise((resolve, reject) => {
    queue.items.push({ attemptId, exam, reason, at, resolve, reject });
    if (!queue.busy) void drain(ctx, queue);
  });
}

async function drain(ctx: AppContext, q: Queue): Promise<void> {
  q.busy = true;
  try {
    await new Promise<void>((r) => setImmediate(r));
    while (q.items.length > 0) {
      const batch = q.items.splice(0, MAX_BATCH);
      try {
        const results = await writeSubmits(ctx, batch);
        batch.forEach((p, i) => p.resolve(results[i]));
      } catch (e) {
        for (const p of batch) p.reject(e);
      }
    }
  } finally {
    q.busy = false;
  }
}

const RETRYABLE = new Set(['40P01', '40001']); // deadlock with a save batch locking in another order; serialisation

/** One transaction for a batch of submits (retried when the database broke a deadlock); the result of each, in the batch's order. */
export async function writeSubmits(ctx: AppContext, batch: Pick<Pending, 'attemptId' | 'exam' | 'reason' | 'at'>[]): Promise<SubmitResult[]> {
  for (let tries = 0; ; tries++) {
    try {
      return await writeSubmitsOnce(ctx, batch);
    } catch (e) {
      if (tries < 5 && RETRYABLE.has((e as { code?: string }).code ?? '')) continue;
      throw e;
    }
  }
}

function writeSubmitsOnce(ctx: AppContext, batch: Pick<Pending, 'attemptId' | 'exam' | 'reason' | 'at'>[]): Promise<SubmitResult[]> {
  return ctx.db.transaction().execute(async (tx) => {
    const ids = [...new Set(batch.map((p) => p.attemptId))];
    const locked = new Map((await ctx.exams.attempts.getManyLocked(ids, tx)).map((a) => [a.id, a]));
    const open = ids.filter((id) => locked.get(id) && !locked.get(id)!.submittedAt);
    const answers = await ctx.exams.attempts.answersOfAttempts(open, tx);
    const firstOf = new Map<number, Pick<Pending, 'exam' | 'reason' | 'at'>>();
    for (const p of batch) if (!firstOf.has(p.attemptId)) firstOf.set(p.attemptId, p);
    const subs = [];
    for (const id of open) {
      const a = locked.get(id)!;
      const p = firstOf.get(id)!;
      const g = gradeAttempt(await loadPaperContent(ctx, a.paperId, tx), answers.get(id)!, p.exam.settings.grading);
      subs.push({ id, at: p.at, reason: p.reason, status: g.status, score: g.score, maxScore: g.maxScore, itemScores: g.itemScores });
    }
    const after = new Map((await ctx.exams.attempts.submitMany(subs, tx)).map((a) => [a.id, a]));
    // the first request for an attempt submitted it; a second one in the same batch finds it submitted
    const seen = new Set<number>();
    return batch.map((p) => {
      const row = after.get(p.attemptId);
      const submitted = row !== undefined && !seen.has(p.attemptId);
      seen.add(p.attemptId);
      return { submitted, attempt: row ?? locked.get(p.attemptId) };
    });
  });
}
