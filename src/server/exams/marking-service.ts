import { createHash } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { invalid, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { buildBlindQueues, nextForMarker, recordMark, resolveMarks, type MarkableResponse, type MarkingState } from './engine/marking.ts';
import { loadMarkableExam } from './access.ts';
import type { AttemptRow } from './attempt-repo.ts';
import type { ExamRow } from './exam-repo.ts';
import { totalOf } from './grading-service.ts';
import { loadPaperContent, type ContentItem } from './paper-content.ts';

/**
 * Blind marking (主观题阅卷): per question (version), the responses in a seeded order; a
 * response is named by an opaque key derived from the exam's seed, never by the candidate.
 */
const responseKey = (exam: ExamRow, attemptId: number, position: number) => createHash('sha256').update(`${exam.seed}|${exam.id}|${attemptId}|${position}`).digest('hex').slice(0, 16);

type Markable = { key: string; attempt: AttemptRow; item: ContentItem; text: string };

async function markables(ctx: AppContext, exam: ExamRow, tx: Db = ctx.db): Promise<Markable[]> {
  const attempts = (await ctx.exams.attempts.ofExam(exam.id, { submittedOnly: true }, tx)).filter((a) => a.itemScores);
  const answers = await ctx.exams.attempts.answersOfExam(exam.id, tx);
  const text = new Map(answers.map((a) => [`${a.attemptId}|${a.position}`, (a.response as { text?: string } | null)?.text ?? '']));
  const out: Markable[] = [];
  for (const a of attempts) {
    const content = await loadPaperContent(ctx, a.paperId, tx);
    for (const [pos, s] of Object.entries(a.itemScores!)) {
      if (s.st !== 'needs-marking') continue;
      const item = content.byPosition.get(Number(pos))!;
      out.push({ key: responseKey(exam, a.id, item.position), attempt: a, item, text: text.get(`${a.id}|${pos}`) ?? '' });
    }
  }
  return out;
}

async function statesOf(ctx: AppContext, exam: ExamRow, tx: Db = ctx.db): Promise<Map<string, MarkingState>> {
  const marks = await ctx.exams.marking.marksOfExam(exam.id, tx);
  const grouped = new Map<string, typeof marks>();
  for (const m of marks) {
    const k = responseKey(exam, m.attemptId, m.position);
    grouped.set(k, [...(grouped.get(k) ?? []), m]);
  }
  const out = new Map<string, MarkingState>();
  for (const [k, ms] of grouped) out.set(k, resolveMarks(ms.map((m) => ({ markerId: String(m.markerId), mark: m.mark, at: m.at.getTime() })), exam.settings.marking));
  return out;
}

export async function markingOverview(ctx: AppContext, actor: Actor, examId: number) {
  const exam = await loadMarkableExam(ctx, actor, examId);
  const list = await markables(ctx, exam);
  const states = await statesOf(ctx, exam);
  const byQuestion = new Map<number, { questionId: number; type: string; stem: string; max: number; total: number; final: number; awaitingSecond: number; awaitingThird: number }>();
  for (const m of list) {
    const q = byQuestion.get(m.item.questionVersionId) ?? { questionId: m.item.questionVersionId, type: m.item.question.type, stem: m.item.question.stem, max: m.item.points, total: 0, final: 0, awaitingSecond: 0, awaitingThird: 0 };
    q.total++;
    const s = states.get(m.key)?.status;
    if (s === 'final') q.final++;
    if (s === 'awaiting-second') q.awaitingSecond++;
    if (s === 'awaiting-third') q.awaitingThird++;
    byQuestion.set(m.item.questionVersionId, q);
  }
  return { policy: exam.settings.marking, questions: [...byQuestion.values()] };
}

/** The next response this marker may mark for a question: text only, no candidate, no other marker's mark. */
export async function nextToMark(ctx: AppContext, actor: Actor, examId: number, questionId: number) {
  const exam = await loadMarkableExam(ctx, actor, examId);
  const list = (await markables(ctx, exam)).filter((m) => m.item.questionVersionId === questionId);
  const responses: MarkableResponse[] = list.map((m) => ({ responseId: m.key, questionId: String(questionId), candidateId: String(m.attempt.personId), text: m.text }));
  const queue = buildBlindQueues(responses, exam.seed)[String(questionId)] ?? [];
  const states = Object.fromEntries(await statesOf(ctx, exam));
  const next = nextForMarker(queue, states, String(actor.personId));
  const item = list[0]?.item;
  if (!next || !item) return { done: true, item: null };
  return {
    done: false,
    item: {
      responseId: next.responseId, questionId, stem: item.question.stem, reference: item.question.answer.kind === 'text' ? item.question.answer.reference : '', max: item.points, text: next.text,
      marksSoFar: states[next.responseId]?.marks.length ?? 0, remaining: queue.filter((q) => states[q.responseId]?.status !== 'final').length,
    },
  };
}

export async function submitMark(ctx: AppContext, actor: Actor, examId: number, input: { responseId: string; mark: number; comment: string }) {
  return ctx.db.transaction().execute(async (tx) => {
    const exam = await loadMarkableExam(ctx, actor, examId, tx);
    const target = (await markables(ctx, exam, tx)).find((m) => m.key === input.responseId);
    if (!target) throw notFound('response');
    await ctx.exams.attempts.lock(target.attempt.id, tx);
    const state = (await statesOf(ctx, exam, tx)).get(input.responseId) ?? { status: 'awaiting-first' as const, marks: [], final: null };
    const at = ctx.now();
    const next = recordMark(state, { markerId: String(actor.personId), mark: input.mark, at: at.getTime() }, { max: target.item.points, policy: exam.settings.marking });
    await ctx.exams.marking.insertMark({ attemptId: target.attempt.id, position: target.item.position, markerId: actor.personId, mark: input.mark, comment: input.comment, at }, tx);
    if (next.status === 'final') await setItemScore(ctx, target.attempt.id, target.item.position, next.final!, tx);
    return { responseId: input.responseId, status: next.status, final: next.final };
  });
}

/** Writes one item's final mark into the attempt and re-totals it. */
export async function setItemScore(ctx: AppContext, attemptId: number, position: number, mark: number, tx: Db) {
  const attempt = await ctx.exams.attempts.get(attemptId, tx);
  if (!attempt?.itemScores) throw notFound('attempt');
  const current = attempt.itemScores[position];
  if (!current) throw invalid('itemId', 'no such item on this attempt');
  const itemScores = { ...attempt.itemScores, [position]: { ...current, s: mark, st: 'graded' as const, c: mark >= current.m } };
  const total = totalOf(itemScores);
  await ctx.exams.attempts.setGrading(attemptId, { status: total.status, score: total.score, itemScores }, tx);
}
