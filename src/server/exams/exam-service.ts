import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { hasAnyRole, hasRoleAt, isPlatformAdmin, scopeRoots, type Actor } from '../identity/engine/authz.ts';
import { loadBank } from '../bank/access.ts';
import { validateWindow } from './engine/attempt-clock.ts';
import { validatePolicy as validateProctorPolicy } from './engine/proctoring.ts';
import { byActor, loadManagedExam } from './access.ts';
import { contestPath, type ExamRow } from './exam-repo.ts';
import { redealPapers } from './candidate-service.ts';
import { DEFAULT_SETTINGS, mergeSettings, type ExamSettings, type CreateExamBody, type ExamView, type UpdateExamBody } from './schema.ts';

export function toExamView(e: ExamRow, counts: { candidates: number; submitted: number } = { candidates: 0, submitted: 0 }): ExamView {
  return {
    id: e.id, organisationId: e.organisationId, organisationName: e.organisationName, title: e.title, instructions: e.instructions, status: e.status, opensAt: e.opensAt, closesAt: e.closesAt,
    durationMinutes: e.durationMs / 60_000, attemptsAllowed: e.attemptsAllowed, paperMode: e.paperMode, paperId: e.paperId, paperSetId: e.paperSetId, seed: e.seed, settings: e.settings,
    contestId: e.contestId, roundKey: e.roundKey, resultsReleasedAt: e.resultsReleasedAt, createdAt: e.createdAt, ...counts,
  };
}

/** The paper source must exist and the actor must be allowed to use its bank. */
async function checkPaperSource(ctx: AppContext, actor: Actor, src: { paperMode: 'shuffled' | 'parallel'; paperId: number | null; paperSetId: number | null }, tx: Db) {
  if (src.paperMode === 'shuffled') {
    if (!src.paperId) throw invalid('paperId', 'a shuffled exam needs one paper');
    const paper = await ctx.bank.papers.getPaper(src.paperId, tx);
    if (!paper) throw invalid('paperId', `paper ${src.paperId} does not exist`);
    const set = (await ctx.bank.papers.getPaperSet(paper.paperSetId, tx))!;
    await loadBank(ctx, actor, set.bankId, 'use', tx);
    return { paperId: src.paperId, paperSetId: null };
  }
  if (!src.paperSetId) throw invalid('paperSetId', 'a parallel-paper exam needs a paper set');
  const set = await ctx.bank.papers.getPaperSet(src.paperSetId, tx);
  if (!set) throw invalid('paperSetId', `paper set ${src.paperSetId} does not exist`);
  if (set.papers === 0) throw invalid('paperSetId', 'the paper set has no papers');
  await loadBank(ctx, actor, set.bankId, 'use', tx);
  return { paperId: null, paperSetId: src.paperSetId };
}

async function checkContestLink(ctx: AppContext, actor: Actor, contestId: number | null, roundKey: string | null, tx: Db) {
  if ((contestId === null) !== (roundKey === null)) throw invalid(contestId === null ? 'contestId' : 'roundKey', 'a contest link needs both contestId and roundKey');
  if (contestId === null) return;
  const path = await contestPath(tx, contestId);
  if (!path) throw invalid('contestId', `contest ${contestId} does not exist`);
  if (!hasRoleAt(actor, ['organiser'], path)) throw forbidden('the contest is outside your organisation subtree');
}

function checkSettings(s: ExamSettings) {
  validateProctorPolicy({ autoSubmitAfter: s.proctoring.autoSubmitAfter, debounceMs: s.proctoring.debounceMs, counted: s.proctoring.counted });
}

export async function createExam(ctx: AppContext, actor: Actor, input: CreateExamBody) {
  if (!hasAnyRole(actor, ['organiser'])) throw forbidden('only organisers create exams');
  const org = await ctx.identity.orgs.get(input.organisationId);
  if (!org) throw invalid('organisationId', 'no such organisation');
  if (!hasRoleAt(actor, ['organiser'], org.idPath)) throw forbidden(`${org.name} is outside your organisation subtree`);
  const durationMs = Math.round(input.durationMinutes * 60_000);
  validateWindow({ opensAt: input.opensAt.getTime(), closesAt: input.closesAt.getTime(), durationMs });
  const settings = mergeSettings(DEFAULT_SETTINGS, input.settings);
  checkSettings(settings);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const src = await checkPaperSource(ctx, actor, { paperMode: input.paperMode, paperId: input.paperId ?? null, paperSetId: input.paperSetId ?? null }, tx);
    await checkContestLink(ctx, actor, input.contestId ?? null, input.roundKey ?? null, tx);
    const examId = await ctx.exams.exams.insert(
      {
        organisationId: org.id, title: input.title, instructions: input.instructions, opensAt: input.opensAt, closesAt: input.closesAt, durationMs, attemptsAllowed: input.attemptsAllowed,
        paperMode: input.paperMode, ...src, seed: input.seed ?? ctx.now().getTime() % 2147483647, settings, contestId: input.contestId ?? null, roundKey: input.roundKey ?? null, createdBy: byActor(actor),
      },
      tx,
    );
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'exam.created', targetType: 'exam', targetId: examId, data: { title: input.title } }, tx);
    return examId;
  });
  return getExam(ctx, actor, id);
}

export async function updateExam(ctx: AppContext, actor: Actor, id: number, input: UpdateExamBody) {
  await ctx.db.transaction().execute(async (tx) => {
    const exam = await loadManagedExam(ctx, actor, id, tx);
    const started = await ctx.exams.exams.hasAttempts(id, tx);
    const paperChange = input.paperMode !== undefined || input.paperId !== undefined || input.paperSetId !== undefined || input.seed !== undefined;
    if (started && paperChange) throw new AppError('CONFLICT', 'candidates have started: the paper source and seed can no longer change', { field: 'paperMode' });
    const durationMs = input.durationMinutes !== undefined ? Math.round(input.durationMinutes * 60_000) : exam.durationMs;
    const opensAt = input.opensAt ?? exam.opensAt;
    const closesAt = input.closesAt ?? exam.closesAt;
    validateWindow({ opensAt: opensAt.getTime(), closesAt: closesAt.getTime(), durationMs });
    const settings = input.settings ? mergeSettings(exam.settings, input.settings) : undefined;
    if (settings) checkSettings(settings);
    const src = paperChange
      ? await checkPaperSource(ctx, actor, { paperMode: input.paperMode ?? exam.paperMode, paperId: input.paperId ?? exam.paperId, paperSetId: input.paperSetId ?? exam.paperSetId }, tx)
      : {};
    if (input.contestId !== undefined || input.roundKey !== undefined) await checkContestLink(ctx, actor, input.contestId ?? null, input.roundKey ?? null, tx);
    await ctx.exams.exams.update(
      id,
      {
        title: input.title, instructions: input.instructions, opensAt: input.opensAt, closesAt: input.closesAt, durationMs: input.durationMinutes !== undefined ? durationMs : undefined,
        attemptsAllowed: input.attemptsAllowed, paperMode: input.paperMode, ...src, seed: input.seed, settings, contestId: input.contestId, roundKey: input.roundKey,
      },
      tx,
    );
    if (paperChange) await redealPapers(ctx, id, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'exam.updated', targetType: 'exam', targetId: id, data: { fields: Object.keys(input) } }, tx);
  });
  return getExam(ctx, actor, id);
}

export async function setExamStatus(ctx: AppContext, actor: Actor, id: number, status: 'draft' | 'published' | 'archived') {
  await ctx.db.transaction().execute(async (tx) => {
    const exam = await loadManagedExam(ctx, actor, id, tx);
    if (status === 'draft' && exam.status === 'published' && (await ctx.exams.exams.hasAttempts(id, tx))) throw new AppError('CONFLICT', 'candidates have started: the exam cannot go back to draft');
    await ctx.exams.exams.update(id, { status }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: `exam.${status}`, targetType: 'exam', targetId: id }, tx);
  });
  return getExam(ctx, actor, id);
}

export async function listExams(ctx: AppContext, actor: Actor) {
  if (!hasAnyRole(actor, ['organiser'])) throw forbidden('only organisers list exams; candidates use /api/my/exams');
  const exams = await ctx.exams.exams.listUnder(isPlatformAdmin(actor) ? null : scopeRoots(actor, ['organiser']));
  const counts = await ctx.exams.exams.counts(exams.map((e) => e.id));
  return { items: exams.map((e) => toExamView(e, counts.get(e.id))) };
}

export async function getExam(ctx: AppContext, actor: Actor, id: number) {
  const exam = await loadManagedExam(ctx, actor, id);
  const counts = await ctx.exams.exams.counts([id]);
  if (!exam) throw notFound('exam');
  return toExamView(exam, counts.get(id));
}
