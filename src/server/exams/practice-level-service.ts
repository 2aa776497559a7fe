import type { AppContext } from '../context.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { hasRoleAt, type Actor } from '../identity/engine/authz.ts';
import { loadBank } from '../bank/access.ts';
import { DEFAULT_GRADING, gradeResponse, type Response } from './engine/grading.ts';
import { BADGES } from './engine/practice-badges.ts';
import { buildWrongBook, estimateMastery } from './engine/practice.ts';
import { evaluateBadges, levelProgress, type LevelProgress } from './engine/practice-rewards.ts';
import { loadPaperContent } from './paper-content.ts';
import type { LevelRow } from './practice-repo.ts';
import { questionView } from './practice-service.ts';

/** Levels (闯关): each level is an assembled paper with a pass mark; passing one opens the next (engine practice-rewards). */
async function progressOf(ctx: AppContext, actor: Actor): Promise<{ levels: LevelRow[]; progress: LevelProgress[] }> {
  const levels = await ctx.exams.practice.levelsFor(actor.organisationPath);
  const results = await ctx.exams.practice.levelResults(actor.personId);
  const progress = levelProgress(
    levels.map((l, i) => ({ levelId: String(l.id), order: i + 1, passMark: l.passMark, maxScore: l.maxScore })),
    results.map((r) => ({ levelId: String(r.levelId), score: r.score, at: r.at.getTime() })),
  );
  return { levels, progress };
}

const levelViews = (levels: LevelRow[], progress: LevelProgress[]) =>
  levels.map((l, i) => {
    const p = progress.find((x) => x.levelId === String(l.id))!;
    return { id: l.id, name: l.name, order: i + 1, passMark: l.passMark, maxScore: l.maxScore, status: p.status, bestScore: p.bestScore, passedAt: p.passedAt === null ? null : new Date(p.passedAt) };
  });

export async function myLevels(ctx: AppContext, actor: Actor) {
  const { levels, progress } = await progressOf(ctx, actor);
  return { items: levelViews(levels, progress) };
}

async function openLevel(ctx: AppContext, actor: Actor, levelId: number) {
  const { levels, progress } = await progressOf(ctx, actor);
  const view = levelViews(levels, progress).find((l) => l.id === levelId);
  if (!view) throw notFound('level');
  if (view.status === 'locked') throw new AppError('CONFLICT', 'pass the previous level first');
  const level = levels.find((l) => l.id === levelId)!;
  return { view, level, content: await loadPaperContent(ctx, level.paperId) };
}

export async function levelPaper(ctx: AppContext, actor: Actor, levelId: number) {
  const { view, content } = await openLevel(ctx, actor, levelId);
  return { level: view, questions: content.items.map((i) => ({ ...questionView(i.questionId, i.question), points: i.points })) };
}

export async function submitLevel(ctx: AppContext, actor: Actor, levelId: number, answers: { questionId: number; response: Response | null }[]) {
  const { level, content } = await openLevel(ctx, actor, levelId);
  const given = new Map(answers.map((a) => [a.questionId, a.response]));
  const at = ctx.now();
  let score = 0;
  const log: Parameters<AppContext['exams']['practice']['insertAnswers']>[0] = [];
  const feedback = [];
  for (const i of content.items) {
    const q = i.question;
    const g = gradeResponse({ type: q.type, options: q.options, answer: q.answer, score: i.points }, given.get(i.questionId) ?? null, DEFAULT_GRADING);
    const s = g.score ?? 0;
    score += s;
    const correct = g.status === 'graded' && g.correct;
    log.push({ personId: actor.personId, questionId: i.questionId, versionId: i.questionVersionId, knowledgePoints: q.knowledgePoints, correct, score: s, maxScore: i.points, mode: 'level', levelId, at });
    feedback.push({ questionId: i.questionId, correct, score: s, max: i.points, answer: q.answer, explanation: q.explanation, inWrongBook: false });
  }
  score = Math.round(score * 100) / 100;
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.exams.practice.insertAnswers(log, tx);
    await ctx.exams.practice.insertLevelResult({ personId: actor.personId, levelId, score, at }, tx);
  });
  const book = buildWrongBook((await ctx.exams.practice.history(actor.personId)).map((h) => ({ questionId: String(h.questionId), correct: h.correct, at: h.at.getTime() })));
  for (const f of feedback) f.inWrongBook = String(f.questionId) in book;
  return { score, maxScore: level.maxScore, passed: score >= level.passMark, levels: (await myLevels(ctx, actor)).items, feedback };
}

export async function myBadges(ctx: AppContext, actor: Actor) {
  const history = await ctx.exams.practice.history(actor.personId);
  const { progress } = await progressOf(ctx, actor);
  const now = ctx.now().getTime();
  const facts = { history: history.map((h) => ({ correct: h.correct, at: h.at.getTime() })), levels: progress, mastery: estimateMastery(history.map((h) => ({ questionId: String(h.questionId), knowledgePoints: h.knowledgePoints, correct: h.correct, at: h.at.getTime() })), now, { rollUp: true }) };
  const names = new Map(BADGES.map((b) => [b.badgeId, b.name]));
  return { items: evaluateBadges(BADGES, facts).map((b) => ({ ...b, name: names.get(b.badgeId)! })) };
}

/** Organisers add levels for their subtree from a paper they may use. */
export async function createLevel(ctx: AppContext, actor: Actor, input: { organisationId: number; name: string; order: number; paperId: number; passMark: number }) {
  const org = await ctx.identity.orgs.get(input.organisationId);
  if (!org) throw invalid('organisationId', 'no such organisation');
  if (!hasRoleAt(actor, ['organiser'], org.idPath)) throw forbidden(`${org.name} is outside your organisation subtree`);
  const paper = await ctx.bank.papers.getPaper(input.paperId);
  if (!paper) throw invalid('paperId', 'no such paper');
  const set = (await ctx.bank.papers.getPaperSet(paper.paperSetId))!;
  await loadBank(ctx, actor, set.bankId, 'use');
  if (input.passMark > paper.totalScore) throw invalid('passMark', `the pass mark must not exceed the paper's ${paper.totalScore}`);
  if (await ctx.exams.practice.findLevel(org.id, input.order)) throw new AppError('CONFLICT', `${org.name} already has a level ${input.order}`, { field: 'order' });
  const id = await ctx.exams.practice.insertLevel({ organisationId: org.id, name: input.name, sort: input.order, paperId: input.paperId, passMark: input.passMark });
  return { id };
}
