import type { AppContext } from '../context.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { fileAppeal, transitionAppeal, type Appeal, type AppealAction } from './engine/marking.ts';
import { loadManagedExam } from './access.ts';
import type { AppealRow } from './marking-repo.ts';
import { loadOwnAttempt } from './attempt-service.ts';
import { setItemScore } from './marking-service.ts';
import { dealFor, loadPaperContent } from './paper-content.ts';
import { visibility } from './result-service.ts';
import { writeContestScores } from './release-service.ts';

/** Appeals (成绩申诉): filed by the candidate once scores are out, decided by an organiser, every step in the trail. */
const toEngine = (a: AppealRow): Appeal => ({
  appealId: String(a.id), attemptId: String(a.attemptId), questionId: a.position === null ? null : String(a.position), candidateId: String(a.personId), reason: a.reason, originalMark: a.originalMark, finalMark: a.finalMark, status: a.status, trail: a.trail,
});
type People = Map<number, { name: string; employeeNo: string }>;

/**
 * An appeal with its trail. Marking is blind, so the candidate's view names only the candidate:
 * reviewers' steps show the role (actorRole `reviewer`, actorName null). Organisers see every name.
 */
export const appealView = (a: AppealRow, people: People = new Map(), opts: { blind?: boolean; itemNumber?: number | null } = {}) => ({
  id: a.id, attemptId: a.attemptId, itemId: a.position === null ? null : String(a.position), itemNumber: opts.itemNumber ?? null, reason: a.reason, originalMark: a.originalMark, finalMark: a.finalMark, status: a.status,
  candidateName: opts.blind ? null : (people.get(a.personId)?.name ?? null),
  employeeNo: opts.blind ? null : (people.get(a.personId)?.employeeNo ?? null),
  trail: a.trail.map((e) => {
    const own = e.actorId === String(a.personId);
    return { ...e, actorId: opts.blind && !own ? '' : e.actorId, actorRole: own ? ('candidate' as const) : ('reviewer' as const), actorName: opts.blind && !own ? null : (people.get(Number(e.actorId))?.name ?? null) };
  }),
  createdAt: a.createdAt, updatedAt: a.updatedAt,
});

async function viewsOf(ctx: AppContext, rows: AppealRow[], blind: boolean) {
  const people = await ctx.exams.marking.people(rows.flatMap((a) => [a.personId, ...a.trail.map((e) => Number(e.actorId)).filter((n) => Number.isInteger(n) && n > 0)]));
  // the item's number as the candidate saw it (their own order of the paper)
  const deals = new Map<number, Promise<Map<string, number>>>();
  const dealOf = (attemptId: number) => {
    if (!deals.has(attemptId)) {
      deals.set(attemptId, (async () => {
        const attempt = (await ctx.exams.attempts.get(attemptId))!;
        const exam = (await ctx.exams.exams.get(attempt.examId))!;
        const deal = dealFor(exam, attempt.personId, attempt.attemptNo, await loadPaperContent(ctx, attempt.paperId));
        return new Map(deal.questions.map((q) => [q.questionId, q.position]));
      })());
    }
    return deals.get(attemptId)!;
  };
  const out = [];
  for (const a of rows) out.push(appealView(a, people, { blind, itemNumber: a.position === null ? null : ((await dealOf(a.attemptId)).get(String(a.position)) ?? null) }));
  return out;
}

export async function fileMyAppeal(ctx: AppContext, actor: Actor, attemptId: number, input: { itemId: string | null; reason: string }) {
  const { attempt, exam } = await loadOwnAttempt(ctx, actor, attemptId);
  if (!visibility(exam, attempt, ctx.now()).results) throw new AppError('CONFLICT', 'appeals open once your score is released');
  const position = input.itemId === null ? null : Number(input.itemId);
  const item = position === null ? null : attempt.itemScores?.[position];
  if (position !== null && !item) throw invalid('itemId', `item ${input.itemId} is not on your paper`);
  const open = (await ctx.exams.marking.appealsOfAttempt(attemptId)).find((a) => a.position === position && (a.status === 'filed' || a.status === 'under-review'));
  if (open) throw new AppError('CONFLICT', 'you already have an open appeal on this', { field: 'itemId' });
  const engine = fileAppeal({ appealId: '0', attemptId: String(attemptId), questionId: input.itemId, candidateId: String(actor.personId), reason: input.reason, originalMark: item ? (item.s ?? 0) : (attempt.score ?? 0), at: ctx.now().getTime() });
  const id = await ctx.exams.marking.insertAppeal({ attemptId, position, personId: actor.personId, reason: engine.reason, originalMark: engine.originalMark, finalMark: null, status: engine.status, trail: engine.trail });
  return (await viewsOf(ctx, [(await ctx.exams.marking.getAppeal(id))!], true))[0];
}

export async function myAppeals(ctx: AppContext, actor: Actor, attemptId: number) {
  await loadOwnAttempt(ctx, actor, attemptId);
  return { items: await viewsOf(ctx, await ctx.exams.marking.appealsOfAttempt(attemptId), true) };
}

export async function listAppeals(ctx: AppContext, actor: Actor, examId: number) {
  await loadManagedExam(ctx, actor, examId);
  return { items: await viewsOf(ctx, await ctx.exams.marking.appealsOfExam(examId), false) };
}

type ActionInput = { type: AppealAction['type']; note?: string; newMark?: number };

/** start-review / uphold / change (re-marks the item) by an organiser; withdraw by the candidate. */
export async function actOnAppeal(ctx: AppContext, actor: Actor, appealId: number, input: ActionInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await ctx.exams.marking.getAppeal(appealId, tx);
    if (!row) throw notFound('appeal');
    const attempt = (await ctx.exams.attempts.get(row.attemptId, tx))!;
    const at = ctx.now().getTime();
    if (input.type === 'withdraw') {
      if (row.personId !== actor.personId) throw forbidden('only the candidate may withdraw an appeal');
    } else {
      await loadManagedExam(ctx, actor, attempt.examId, tx);
    }
    const max = row.position === null ? (attempt.maxScore ?? 0) : (attempt.itemScores?.[row.position]?.m ?? 0);
    const action: AppealAction =
      input.type === 'change' ? { type: 'change', actorId: String(actor.personId), at, note: input.note ?? '', newMark: input.newMark ?? Number.NaN, max }
        : input.type === 'uphold' ? { type: 'uphold', actorId: String(actor.personId), at, note: input.note ?? '' }
          : { type: input.type, actorId: String(actor.personId), at, note: input.note };
    const next = transitionAppeal(toEngine(row), action);
    await ctx.exams.marking.updateAppeal(appealId, { status: next.status, finalMark: next.finalMark, trail: next.trail }, tx);
    if (next.status === 'changed') {
      if (row.position !== null) await setItemScore(ctx, row.attemptId, row.position, next.finalMark!, tx);
      else await ctx.exams.attempts.setGrading(row.attemptId, { status: attempt.status, score: next.finalMark!, itemScores: attempt.itemScores ?? {} }, tx);
      const exam = (await ctx.exams.exams.get(attempt.examId, tx))!;
      if (exam.resultsReleasedAt) await writeContestScores(ctx, exam, tx);
    }
    return (await ctx.exams.marking.getAppeal(appealId, tx))!;
  }).then(async (row) => (await viewsOf(ctx, [row], row.personId === actor.personId))[0]);
}
