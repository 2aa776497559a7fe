import type { Question } from '../bank/engine/model.ts';
import { optionKey } from '../bank/engine/model.ts';
import type { Response } from './engine/grading.ts';
import { toCanonicalKeys, toDisplayKeys, type CandidatePaper, type DealtQuestion } from './engine/paper-deal.ts';
import { readClock } from './engine/attempt-clock.ts';
import type { AnswerRow, AttemptRow } from './attempt-repo.ts';
import type { ExamRow } from './exam-repo.ts';
import { blankCount, type PaperContent } from './paper-content.ts';

/** Pure mapping between what is stored (canonical keys, paper positions) and what a candidate sees. */
export const windowOf = (exam: ExamRow) => ({ opensAt: exam.opensAt.getTime(), closesAt: exam.closesAt.getTime(), durationMs: exam.durationMs });

export function clockOf(exam: ExamRow, attempt: AttemptRow, now: Date) {
  // the stored deadline already holds any extra time; the clock reads it back
  const extraMs = Math.max(0, attempt.deadline.getTime() - Math.min(attempt.startedAt.getTime() + exam.durationMs, exam.closesAt.getTime()));
  const c = readClock({ window: windowOf(exam), startedAt: attempt.startedAt.getTime(), now: now.getTime(), extraMs, graceMs: exam.settings.graceMs });
  return { reading: c, view: { serverNow: now, startedAt: attempt.startedAt, deadline: new Date(c.deadline!), remainingMs: c.remainingMs, autoSubmitAt: new Date(c.autoSubmitAt!) } };
}

export function attemptSummary(exam: ExamRow, attempt: AttemptRow, now: Date, resumed?: boolean) {
  return {
    id: attempt.id, examId: attempt.examId, attemptNo: attempt.attemptNo, status: attempt.status, startedAt: attempt.startedAt, deadline: attempt.deadline, submittedAt: attempt.submittedAt,
    submitReason: attempt.submitReason, ...(resumed !== undefined && { resumed }), clock: attempt.submittedAt ? null : clockOf(exam, attempt, now).view, lastSeq: attempt.lastSeq,
  };
}

const dealtOf = (deal: CandidatePaper, position: number): DealtQuestion => deal.questions.find((q) => q.questionId === String(position))!;

/** A candidate's response (display keys) → the stored form (canonical keys). */
export function toCanonicalResponse(q: Question, dealt: DealtQuestion, r: Response | null): Response | null {
  if (!r || r.kind !== 'choice') return r;
  if (q.type !== 'single' && q.type !== 'multiple') return r;
  return { kind: 'choice', keys: toCanonicalKeys(dealt, [...new Set(r.keys)]) };
}

export function toDisplayResponse(q: Question, dealt: DealtQuestion, r: unknown): Response | null {
  if (!r || typeof r !== 'object') return null;
  const resp = r as Response;
  if (resp.kind !== 'choice' || (q.type !== 'single' && q.type !== 'multiple')) return resp;
  return { kind: 'choice', keys: toDisplayKeys(dealt, resp.keys) };
}

/** The paper in the candidate's order, option keys re-lettered; never the answer key or explanation. */
export function paperView(content: PaperContent, deal: CandidatePaper) {
  const sections: { title: string | null; items: ReturnType<typeof itemView>[] }[] = [];
  let current: number | null = null;
  for (const dq of deal.questions) {
    const item = content.byPosition.get(Number(dq.questionId))!;
    if (item.section !== current) {
      sections.push({ title: content.sectionTitles[item.section] ?? null, items: [] });
      current = item.section;
    }
    sections[sections.length - 1].items.push(itemView(item.question, dq, item.points));
  }
  return { label: content.label, totalScore: content.totalScore, sections };
}

function itemView(q: Question, dq: DealtQuestion, points: number) {
  const byKey = new Map(q.options.map((o) => [o.key, o.text]));
  const options = q.type === 'single' || q.type === 'multiple' ? dq.optionOrder.map((k, i) => ({ key: optionKey(i), text: byKey.get(k) ?? '' })) : [];
  return { itemId: dq.questionId, number: dq.position, type: q.type, stem: q.stem, options, attachments: q.attachments, blanks: blankCount(q), points };
}

export function answersView(content: PaperContent, deal: CandidatePaper, answers: AnswerRow[]) {
  return answers
    .filter((a) => content.byPosition.has(a.position))
    .map((a) => ({ itemId: String(a.position), response: toDisplayResponse(content.byPosition.get(a.position)!.question, dealtOf(deal, a.position), a.response), answerSeq: a.answerSeq, flagged: a.flagged, flagSeq: a.flagSeq }));
}

export function displayAnswerKey(q: Question, dealt: DealtQuestion): unknown {
  if (q.answer.kind === 'choice') return { kind: 'choice', keys: toDisplayKeys(dealt, q.answer.keys) };
  return q.answer;
}

export { dealtOf };
