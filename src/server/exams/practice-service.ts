import type { AppContext } from '../context.ts';
import type { Question } from '../bank/engine/model.ts';
import { forbidden, invalid } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { DEFAULT_GRADING, gradeResponse, type Response } from './engine/grading.ts';
import { buildWrongBook, drawDailyPractice, estimateMastery } from './engine/practice.ts';
import { blankCount } from './paper-content.ts';

/**
 * Practice for a learner: the pool is every active objective question of the banks shared
 * down to the learner's node; every answer goes to an append-only log (practice_answer), and
 * mastery, the wrong-answer book, badges and the leaderboard are derived from it.
 */
export const questionView = (questionId: number, q: Question) => ({
  questionId, type: q.type, stem: q.stem, options: q.options, blanks: blankCount(q), points: q.score, knowledgePoints: q.knowledgePoints,
});

/** The practice day in China time (+08:00). */
export const practiceDay = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

const historyOf = async (ctx: AppContext, personId: number) => (await ctx.exams.practice.history(personId)).map((h) => ({ questionId: String(h.questionId), knowledgePoints: h.knowledgePoints, correct: h.correct, at: h.at.getTime(), mode: h.mode }));

export async function dailyPractice(ctx: AppContext, actor: Actor, count: number) {
  const now = ctx.now();
  const pool = await ctx.exams.practice.pool(actor.organisationPath);
  const history = await historyOf(ctx, actor.personId);
  const drawn = drawDailyPractice({
    pool: pool.map((p) => ({ questionId: String(p.questionId), knowledgePoints: p.knowledgePoints })),
    mastery: estimateMastery(history, now.getTime()),
    book: buildWrongBook(history),
    count, seed: 'daily', learnerId: String(actor.personId), day: practiceDay(now),
  });
  const versionOf = new Map(pool.map((p) => [String(p.questionId), p.versionId]));
  const versions = await ctx.bank.questions.versionsByIds(drawn.map((d) => versionOf.get(d.questionId)!));
  return {
    day: practiceDay(now),
    items: drawn.map((d) => ({ ...questionView(Number(d.questionId), versions.get(versionOf.get(d.questionId)!)!.question), reason: d.reason, point: d.point })),
  };
}

/** Grade one practice answer now and log it; the feedback carries the key and explanation. */
export async function answerPractice(ctx: AppContext, actor: Actor, input: { questionId: number; response: Response | null; mode: string }) {
  const pool = await ctx.exams.practice.pool(actor.organisationPath);
  const p = pool.find((x) => x.questionId === input.questionId);
  if (!p) throw invalid('questionId', 'this question is not in your practice pool');
  const q = (await ctx.bank.questions.versionsByIds([p.versionId])).get(p.versionId)!.question;
  const g = gradeResponse({ type: q.type, options: q.options, answer: q.answer, score: q.score }, input.response, DEFAULT_GRADING);
  const at = ctx.now();
  const correct = g.status === 'graded' && g.correct;
  await ctx.exams.practice.insertAnswers([{ personId: actor.personId, questionId: p.questionId, versionId: p.versionId, knowledgePoints: q.knowledgePoints, correct, score: g.score ?? 0, maxScore: q.score, mode: input.mode, levelId: null, at }]);
  const book = buildWrongBook(await historyOf(ctx, actor.personId));
  return { questionId: p.questionId, correct, score: g.score ?? 0, max: q.score, answer: q.answer, explanation: q.explanation, inWrongBook: String(p.questionId) in book };
}

export async function wrongBook(ctx: AppContext, actor: Actor) {
  const book = Object.values(buildWrongBook(await historyOf(ctx, actor.personId)));
  const pool = new Map((await ctx.exams.practice.pool(actor.organisationPath)).map((p) => [String(p.questionId), p.versionId]));
  const entries = book.filter((e) => pool.has(e.questionId)).sort((a, b) => b.lastAt - a.lastAt);
  const versions = await ctx.bank.questions.versionsByIds(entries.map((e) => pool.get(e.questionId)!));
  return {
    items: entries.map((e) => ({ ...questionView(Number(e.questionId), versions.get(pool.get(e.questionId)!)!.question), wrongCount: e.wrongCount, rightStreak: e.rightStreak, addedAt: new Date(e.addedAt), lastAt: new Date(e.lastAt) })),
  };
}

export async function mastery(ctx: AppContext, actor: Actor) {
  const history = await historyOf(ctx, actor.personId);
  const pool = await ctx.exams.practice.pool(actor.organisationPath);
  const points = [...new Set(pool.flatMap((p) => p.knowledgePoints))];
  return { items: estimateMastery(history, ctx.now().getTime(), { rollUp: true, points }).map((m) => ({ point: m.point, mastery: m.mastery, attempts: m.attempts, correct: m.correct, lastAt: m.lastAt === null ? null : new Date(m.lastAt) })) };
}

/** Practice leaderboard of an organisation subtree (default: the learner's province): correct answers + 10 per level passed. */
export async function leaderboard(ctx: AppContext, actor: Actor, input: { organisationId?: number; days: number }) {
  let orgId = input.organisationId;
  if (orgId === undefined) {
    const ids = actor.organisationPath.split('/').filter(Boolean).map(Number);
    orgId = ids[Math.min(1, ids.length - 1)];
  }
  const org = await ctx.identity.orgs.get(orgId);
  if (!org) throw invalid('organisationId', 'no such organisation');
  const ownBranch = actor.organisationPath.startsWith(org.idPath);
  const organiser = actor.grants.some((g) => (g.role === 'organiser' || g.role === 'platform_admin') && org.idPath.startsWith(g.idPath));
  if (!ownBranch && !organiser) throw forbidden('you may see the leaderboards of your own organisations');
  const since = new Date(ctx.now().getTime() - input.days * 86_400_000);
  const rows = await ctx.exams.practice.leaderboard(org.idPath, since, 100);
  let previous = 0;
  const scored = rows.map((r) => ({ ...r, points: r.correct + 10 * r.levelsPassed }));
  return {
    organisationName: org.name, since,
    items: scored.map((r, i) => {
      previous = i > 0 && scored[i - 1].points === r.points ? previous : i + 1;
      return { rank: previous, ...r };
    }),
  };
}
