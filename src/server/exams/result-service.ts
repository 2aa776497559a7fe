import type { AppContext } from '../context.ts';
import type { Actor } from '../identity/engine/authz.ts';
import type { AttemptRow } from './attempt-repo.ts';
import { dealtOf, displayAnswerKey, toDisplayResponse } from './attempt-view.ts';
import { autoSubmitIfDue, loadOwnAttempt } from './attempt-service.ts';
import type { ExamRow } from './exam-repo.ts';
import { dealFor, loadPaperContent, type PaperContent } from './paper-content.ts';

/** Release rules (docs/exams.md): scores once released (or at once when declared 'immediate' and fully graded); the key per the answers policy. */
export function visibility(exam: ExamRow, attempt: AttemptRow, now: Date): { results: boolean; answers: boolean } {
  if (!attempt.submittedAt) return { results: false, answers: false };
  const results = exam.resultsReleasedAt !== null || (exam.settings.release.results === 'immediate' && attempt.status === 'graded');
  const answers = exam.settings.release.answers === 'after-close' ? now >= exam.closesAt : exam.settings.release.answers === 'with-results' ? results : false;
  return { results, answers };
}

/** Score per knowledge point of one attempt (an item counts for each of its points). */
export function byKnowledgePoint(content: PaperContent, attempt: AttemptRow) {
  const acc = new Map<string, { score: number; max: number; items: number }>();
  for (const item of content.items) {
    const s = attempt.itemScores?.[item.position];
    const points = item.question.knowledgePoints.length ? item.question.knowledgePoints : ['（未标注）'];
    for (const p of points) {
      const a = acc.get(p) ?? { score: 0, max: 0, items: 0 };
      a.score += s?.s ?? 0;
      a.max += item.points;
      a.items++;
      acc.set(p, a);
    }
  }
  return [...acc].map(([point, a]) => ({ point, score: Math.round(a.score * 100) / 100, max: a.max, items: a.items })).sort((x, y) => x.point.localeCompare(y.point));
}

/** The candidate's own result: nothing before release, the key only once answers are released. */
export async function getMyResult(ctx: AppContext, actor: Actor, attemptId: number) {
  const loaded = await loadOwnAttempt(ctx, actor, attemptId);
  const attempt = await autoSubmitIfDue(ctx, loaded.exam, loaded.attempt);
  return resultView(ctx, loaded.exam, attempt, visibility(loaded.exam, attempt, ctx.now()));
}

export async function resultView(ctx: AppContext, exam: ExamRow, attempt: AttemptRow, vis: { results: boolean; answers: boolean }) {
  const content = await loadPaperContent(ctx, attempt.paperId);
  const deal = dealFor(exam, attempt.personId, attempt.attemptNo, content);
  const answers = new Map((await ctx.exams.attempts.answers(attempt.id)).map((a) => [a.position, a.response]));
  const items = deal.questions.map((dq) => {
    const item = content.byPosition.get(Number(dq.questionId))!;
    const s = attempt.itemScores?.[item.position];
    return {
      itemId: dq.questionId,
      number: dq.position,
      score: vis.results ? (s?.s ?? null) : null,
      max: item.points,
      status: vis.results ? (s?.st ?? 'unanswered') : 'hidden',
      correct: vis.results ? (s?.c ?? null) : null,
      response: toDisplayResponse(item.question, dealtOf(deal, item.position), answers.get(item.position) ?? null),
      ...(vis.answers && { answer: displayAnswerKey(item.question, dealtOf(deal, item.position)), explanation: item.question.explanation }),
    };
  });
  return {
    attemptId: attempt.id,
    status: attempt.status,
    submittedAt: attempt.submittedAt,
    resultsVisible: vis.results,
    answersVisible: vis.answers,
    score: vis.results ? attempt.score : null,
    maxScore: vis.results ? attempt.maxScore : null,
    items,
    byKnowledgePoint: vis.results ? byKnowledgePoint(content, attempt) : [],
  };
}
