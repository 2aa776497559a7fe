import { queueSubmit } from './attempt-submit-queue.ts';
import type { AppContext } from '../context.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { gradeResponse, type Response } from './engine/grading.ts';
import { startOrResume } from './engine/attempt-clock.ts';
import { answerProgress } from './engine/answer-merge.ts';
import type { AttemptRow } from './attempt-repo.ts';
import { answersView, attemptSummary, clockOf, dealtOf, paperView, toCanonicalResponse, windowOf } from './attempt-view.ts';
import type { ExamRow } from './exam-repo.ts';
import { submitAndRead, submitAttemptNow } from './grading-service.ts';
import { dealFor, loadPaperContent } from './paper-content.ts';
import type { CandidatePaper } from './engine/paper-deal.ts';
import { loadExam } from './access.ts';
import { queueAnswerSave, queueAnswerSaves } from './attempt-save-queue.ts';

type Meta = { ip?: string | null; userAgent?: string | null };

/** Exams change rarely; the save path reads them from a one-second cache. */
const examCache = new Map<number, { at: number; exam: Promise<ExamRow | undefined> }>();
function cachedExam(ctx: AppContext, id: number): Promise<ExamRow | undefined> {
  const now = Date.now();
  const hit = examCache.get(id);
  if (hit && now - hit.at < 1000) return hit.exam;
  const exam = ctx.exams.exams.get(id);
  examCache.set(id, { at: now, exam });
  if (examCache.size > 500) examCache.delete(examCache.keys().next().value!);
  return exam;
}

function examFacts(exam: ExamRow) {
  return {
    id: exam.id, title: exam.title, instructions: exam.instructions, organisationName: exam.organisationName, opensAt: exam.opensAt, closesAt: exam.closesAt, durationMinutes: exam.durationMs / 60_000,
    attemptsAllowed: exam.attemptsAllowed, resultsReleased: exam.resultsReleasedAt !== null,
    proctoring: { fullscreenRequired: exam.settings.proctoring.fullscreenRequired, autoSubmitAfter: exam.settings.proctoring.autoSubmitAfter, snapshotIntervalSec: exam.settings.proctoring.snapshotIntervalSec },
  };
}

/** Submits the attempt if its time (deadline + grace) is up; returns it as it now is. */
export async function autoSubmitIfDue(ctx: AppContext, exam: ExamRow, attempt: AttemptRow): Promise<AttemptRow> {
  if (attempt.submittedAt) return attempt;
  const { reading } = clockOf(exam, attempt, ctx.now());
  if (!reading.autoSubmitDue) return attempt;
  await submitAttemptNow(ctx, exam, attempt.id, 'deadline', new Date(reading.autoSubmitAt!));
  return (await ctx.exams.attempts.get(attempt.id))!;
}

/** The periodic sweep (main.ts): submits every attempt past deadline + grace. */
export async function sweepOverdueAttempts(ctx: AppContext): Promise<number> {
  let n = 0;
  for (const a of await ctx.exams.attempts.overdue(ctx.now())) {
    const exam = await ctx.exams.exams.get(a.examId);
    const attempt = await ctx.exams.attempts.get(a.id);
    if (exam && attempt && (await autoSubmitIfDue(ctx, exam, attempt)).submittedAt) n++;
  }
  return n;
}

export async function listMyExams(ctx: AppContext, actor: Actor) {
  const examIds = await ctx.exams.exams.examIdsOfCandidate(actor.personId);
  const now = ctx.now();
  const items = [];
  for (const examId of examIds) {
    const exam = await ctx.exams.exams.get(examId);
    if (!exam || exam.status !== 'published') continue;
    const attempts = [];
    for (const a of await ctx.exams.attempts.ofPerson(exam.id, actor.personId)) attempts.push(await autoSubmitIfDue(ctx, exam, a));
    const open = attempts.find((a) => !a.submittedAt);
    const state = open ? 'in-progress' : now < exam.opensAt ? 'not-open' : now >= exam.closesAt ? 'closed' : attempts.length >= exam.attemptsAllowed ? 'submitted' : 'open';
    items.push({ ...examFacts(exam), state: state as 'in-progress', attempts: attempts.map((a) => attemptSummary(exam, a, now)) });
  }
  items.sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime());
  return { items };
}

/** Start, or resume the attempt in progress: same attempt, same deadline, from any tab or device. */
export async function startAttempt(ctx: AppContext, actor: Actor, examId: number, meta: Meta) {
  const exam = await loadExam(ctx, examId);
  const candidate = await ctx.exams.exams.candidate(examId, actor.personId);
  if (!candidate || exam.status !== 'published') throw forbidden('you are not a candidate of this exam');
  const now = ctx.now();
  const attempts = await ctx.exams.attempts.ofPerson(examId, actor.personId);
  for (const a of attempts) {
    if (a.submittedAt) continue;
    const current = await autoSubmitIfDue(ctx, exam, a);
    if (!current.submittedAt) {
      await ctx.exams.attempts.touch(a.id, now, meta);
      return attemptSummary(exam, current, now, true);
    }
  }
  if (attempts.length >= exam.attemptsAllowed) throw new AppError('CONFLICT', `you have used all ${exam.attemptsAllowed} attempt(s) of this exam`);
  const clock = startOrResume({ window: windowOf(exam), existingStartedAt: null, now: now.getTime(), extraMs: candidate.extraMs });
  const paperId = candidate.paperId ?? exam.paperId;
  if (!paperId) throw new AppError('CONFLICT', 'no paper has been dealt to you yet; tell the organiser');
  const id = await ctx.exams.attempts.insert({
    examId, personId: actor.personId, attemptNo: attempts.length + 1, paperId, startedAt: new Date(clock.startedAt), deadline: new Date(clock.deadline), ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  // two devices pressing start at once: the unique (exam, person, attempt_no) lets one insert; both get that attempt
  const attempt = id ? (await ctx.exams.attempts.get(id))! : (await ctx.exams.attempts.ofPerson(examId, actor.personId)).find((a) => !a.submittedAt)!;
  return attemptSummary(exam, attempt, now, id === undefined);
}

/** The attempt as its candidate sees it; anyone else is refused (organisers use the proctor and results views). */
async function loadOwnAttempt(ctx: AppContext, actor: Actor, attemptId: number, opts: { cachedExam?: boolean } = {}) {
  const attempt = await ctx.exams.attempts.get(attemptId);
  if (!attempt) throw notFound('attempt');
  if (attempt.personId !== actor.personId) throw forbidden('this attempt is not yours');
  const exam = opts.cachedExam ? await cachedExam(ctx, attempt.examId) : await ctx.exams.exams.get(attempt.examId);
  if (!exam) throw notFound('exam');
  return { attempt, exam };
}

export async function getAttempt(ctx: AppContext, actor: Actor, attemptId: number, meta: Meta) {
  const loaded = await loadOwnAttempt(ctx, actor, attemptId);
  const exam = loaded.exam;
  const attempt = await autoSubmitIfDue(ctx, exam, loaded.attempt);
  const now = ctx.now();
  if (!attempt.submittedAt) await ctx.exams.attempts.touch(attempt.id, now, meta);
  const content = await loadPaperContent(ctx, attempt.paperId);
  const deal = dealFor(exam, attempt.personId, attempt.attemptNo, content);
  const answers = answersView(content, deal, await ctx.exams.attempts.answers(attempt.id));
  const state = { lastSeq: 0, questions: Object.fromEntries(answers.map((a) => [a.itemId, { answer: a.response, answerSeq: a.answerSeq, answeredAt: null, flagged: a.flagged, flagSeq: a.flagSeq }])) };
  return {
    attempt: attemptSummary(exam, attempt, now),
    exam: { ...examFacts(exam), state: (attempt.submittedAt ? 'submitted' : 'in-progress') as 'submitted' },
    paper: paperView(content, deal),
    answers,
    progress: answerProgress(state, content.items.map((i) => String(i.position))),
  };
}

/** The clock alone (what the page re-syncs its countdown from): one attempt read, the exam from the one-second cache. */
export async function getAttemptClock(ctx: AppContext, actor: Actor, attemptId: number) {
  const loaded = await loadOwnAttempt(ctx, actor, attemptId, { cachedExam: true });
  const attempt = await autoSubmitIfDue(ctx, loaded.exam, loaded.attempt);
  const now = ctx.now();
  const remainingMs = attempt.submittedAt ? 0 : clockOf(loaded.exam, attempt, now).reading.remainingMs;
  return { serverNow: now, deadline: attempt.deadline, remainingMs, status: attempt.status, submittedAt: attempt.submittedAt };
}

type SaveInput = { itemId: string; tabId: string } & ({ field: 'answer'; response: Response | null } | { field: 'flag'; flagged: boolean });

/** Save one answer or flag: acknowledged with the attempt's next sequence number (engine answer-merge's rule, kept by the database). */
/**
 * What a save needs of an attempt never changes once it has started (person, paper, deadline),
 * so the save path keeps it in memory; whether the attempt is still open is decided by the save
 * statement itself (it writes nothing once submitted_at is set), so a stale entry is harmless.
 */
const attemptCache = new Map<number, { attempt: AttemptRow; deal?: CandidatePaper }>();
async function cachedAttempt(ctx: AppContext, actor: Actor, attemptId: number) {
  let hit = attemptCache.get(attemptId);
  if (!hit) {
    const attempt = await ctx.exams.attempts.get(attemptId);
    if (!attempt) throw notFound('attempt');
    hit = { attempt };
    if (!attempt.submittedAt) {
      attemptCache.set(attemptId, hit);
      if (attemptCache.size > 20_000) attemptCache.delete(attemptCache.keys().next().value!);
    }
  }
  if (hit.attempt.personId !== actor.personId) throw forbidden('this attempt is not yours');
  const exam = await cachedExam(ctx, hit.attempt.examId);
  if (!exam) throw notFound('exam');
  return { entry: hit, attempt: hit.attempt, exam };
}

/** The attempt open for saves, or the 409 a save gets (submitted, or past deadline + grace: then it is submitted now). */
async function openForSaves(ctx: AppContext, actor: Actor, attemptId: number) {
  const { attempt, exam, entry } = await cachedAttempt(ctx, actor, attemptId);
  const now = ctx.now();
  if (attempt.submittedAt) throw new AppError('CONFLICT', 'this attempt has been submitted', { details: { submittedAt: attempt.submittedAt } });
  const { reading } = clockOf(exam, attempt, now);
  if (!reading.acceptsSaves) {
    attemptCache.delete(attemptId);
    await autoSubmitIfDue(ctx, exam, (await ctx.exams.attempts.get(attemptId))!);
    throw new AppError('CONFLICT', 'time is up: the attempt has been submitted', { details: { deadline: attempt.deadline } });
  }
  const content = await loadPaperContent(ctx, attempt.paperId);
  return { attempt, exam, entry, now, reading, content };
}

/** A candidate's answer (display keys) checked and turned into the stored form; a malformed one is refused here (400 naming `field`), not at submit. */
function canonicalAnswer(open: Awaited<ReturnType<typeof openForSaves>>, itemId: string, response: Response | null, field: string) {
  const { attempt, exam, entry, content } = open;
  const position = Number(itemId);
  const item = Number.isInteger(position) ? content.byPosition.get(position) : undefined;
  if (!item) throw invalid(field, `item ${itemId} is not on this paper`);
  const deal = (entry.deal ??= dealFor(exam, attempt.personId, attempt.attemptNo, content));
  const canonical = toCanonicalResponse(item.question, dealtOf(deal, position), response);
  gradeResponse({ type: item.question.type, options: item.question.options, answer: item.question.answer, score: item.points }, canonical, exam.settings.grading);
  return { position, canonical };
}

/** Save one answer or flag: acknowledged with the attempt's next sequence number (engine answer-merge's rule, kept by the database). */
export async function saveToAttempt(ctx: AppContext, actor: Actor, attemptId: number, input: SaveInput) {
  const open = await openForSaves(ctx, actor, attemptId);
  const { now, reading } = open;
  let seq: number | null;
  if (input.field === 'answer') {
    const { position, canonical } = canonicalAnswer(open, input.itemId, input.response, 'itemId');
    // group commit: written together with the saves of other requests arriving meanwhile
    seq = await queueAnswerSave(ctx.db, { attemptId, position, response: canonical, at: now });
  } else {
    const position = Number(input.itemId);
    if (!Number.isInteger(position) || !open.content.byPosition.has(position)) throw invalid('itemId', `item ${input.itemId} is not on this paper`);
    seq = await ctx.exams.attempts.save(attemptId, position, { field: 'flag', flagged: input.flagged }, now);
  }
  if (seq === null) {
    attemptCache.delete(attemptId);
    throw new AppError('CONFLICT', 'this attempt has been submitted');
  }
  return { itemId: input.itemId, seq, savedAt: now, remainingMs: reading.remainingMs };
}

/**
 * Several answers in one request (the page's queued changes, in the order they were made):
 * checked first (any bad one: 400 naming `answers.N.itemId`, nothing saved), then written by
 * one statement, so they are acknowledged together with consecutive sequence numbers, or
 * refused together (409).
 */
export async function saveAnswersToAttempt(ctx: AppContext, actor: Actor, attemptId: number, input: { answers: { itemId: string; response: Response | null }[] }) {
  const open = await openForSaves(ctx, actor, attemptId);
  const saves = input.answers.map((a, i) => ({ itemId: a.itemId, ...canonicalAnswer(open, a.itemId, a.response, `answers.${i}.itemId`) }));
  const seqs = await queueAnswerSaves(ctx.db, saves.map((s) => ({ attemptId, position: s.position, response: s.canonical, at: open.now })));
  if (seqs.some((s) => s === null)) {
    attemptCache.delete(attemptId);
    throw new AppError('CONFLICT', 'this attempt has been submitted');
  }
  return { acks: saves.map((s, i) => ({ itemId: s.itemId, seq: seqs[i]! })), savedAt: open.now, remainingMs: open.reading.remainingMs };
}

/**
 * Submit: who may, and the deadline, come from the attempt's immutable fields (cached) and the
 * exam (one-second cache); the transaction then locks, reads and grades it (grading-service), and
 * its reply is built from the row the update returned: three statements in all.
 */
export async function submitAttempt(ctx: AppContext, actor: Actor, attemptId: number) {
  const { attempt, exam } = await cachedAttempt(ctx, actor, attemptId);
  const { reading } = clockOf(exam, attempt, ctx.now());
  // past deadline + grace it is the deadline that submitted it, at the deadline
  // the candidate's own submit goes through the group commit (thousands submit within seconds)
  const r = reading.autoSubmitDue
    ? await queueSubmit(ctx, exam, attemptId, 'deadline', new Date(reading.autoSubmitAt!))
    : await queueSubmit(ctx, exam, attemptId, 'candidate', ctx.now());
  attemptCache.delete(attemptId);
  return attemptSummary(exam, r.attempt ?? attempt, ctx.now());
}

export { loadOwnAttempt };
