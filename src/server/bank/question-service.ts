import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { AppError, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { canManageBank, loadBank } from './access.ts';
import { contentHash } from './engine/fingerprint.ts';
import type { Question, QuestionStatus } from './engine/model.ts';
import type { QuestionFilter, QuestionRecord } from './question-repo.ts';
import { prepareWrite } from './question-write.ts';
import type { QuestionInput, QuestionView } from './schema.ts';

const byActor = (actor: Actor): number | null => (actor.personId > 0 ? actor.personId : null);

export const toQuestionView = (r: QuestionRecord): QuestionView => ({
  ...r.question,
  id: r.id,
  bankId: r.bankId,
  versionId: r.versionId,
  versionNo: r.versionNo,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export async function listQuestions(ctx: AppContext, actor: Actor, bankId: number, query: Omit<QuestionFilter, 'bankId'> & { page: number; pageSize: number }) {
  await loadBank(ctx, actor, bankId, 'use');
  const { page, pageSize, ...filter } = query;
  const { items, total } = await ctx.bank.questions.list({ ...filter, bankId }, { offset: (page - 1) * pageSize, limit: pageSize });
  return { items: items.map(toQuestionView), total, page, pageSize };
}

/** Counts by type, status and difficulty under the list's filters, for the browser's charts. */
export async function questionStats(ctx: AppContext, actor: Actor, bankId: number, filter: Omit<QuestionFilter, 'bankId'>) {
  await loadBank(ctx, actor, bankId, 'use');
  return ctx.bank.questions.stats({ ...filter, bankId });
}

/** A question the actor may see (use) or change (manage), with its bank. */
async function loadQuestion(ctx: AppContext, actor: Actor, id: number, need: 'use' | 'manage', tx: Db = ctx.db) {
  const record = await ctx.bank.questions.get(id, tx);
  if (!record) throw notFound('question');
  const bank = await loadBank(ctx, actor, record.bankId, need, tx).catch((e: unknown) => {
    // a question in a bank that does not exist any more (archived) is not found
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw notFound('question');
    throw e;
  });
  return { record, bank };
}

export async function getQuestion(ctx: AppContext, actor: Actor, id: number) {
  const { record, bank } = await loadQuestion(ctx, actor, id, 'use');
  const versions = await ctx.bank.questions.versions(id);
  return {
    question: toQuestionView(record),
    versions: versions.map((v) => ({ id: v.id, versionNo: v.versionNo, createdAt: v.createdAt, createdBy: v.createdBy, usedByPaperItems: v.paperItems, question: v.question })),
    canManage: canManageBank(actor, bank),
  };
}

async function assertIdentityFree(ctx: AppContext, bankId: number, identityKey: string, exceptId: number | null, tx: Db): Promise<void> {
  const clash = await ctx.bank.questions.findByIdentity(bankId, identityKey, tx);
  if (clash !== undefined && clash !== exceptId) {
    throw new AppError('CONFLICT', `question ${clash} in this bank has the same type, stem and options (or the same external key)`, { field: 'stem', details: { questionId: clash } });
  }
}

export async function createQuestion(ctx: AppContext, actor: Actor, bankId: number, input: QuestionInput): Promise<QuestionView> {
  await loadBank(ctx, actor, bankId, 'manage');
  const write = prepareWrite(input as Question);
  const id = await ctx.db.transaction().execute(async (tx) => {
    await assertIdentityFree(ctx, bankId, write.identityKey, null, tx);
    const [newId] = await ctx.bank.questions.insertMany(bankId, [write], byActor(actor), tx);
    await ctx.bank.banks.ensureKnowledgePoints(bankId, write.question.knowledgePoints, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'question.created', targetType: 'question', targetId: newId, data: { bankId } }, tx);
    return newId;
  });
  return toQuestionView((await ctx.bank.questions.get(id))!);
}

/**
 * Versions are immutable: a change of content makes a new version that becomes current;
 * papers keep pointing at the version they were built from. A change of status alone
 * (draft → active → retired) is not a new version. Saving the same content changes nothing.
 */
export async function updateQuestion(ctx: AppContext, actor: Actor, id: number, input: QuestionInput): Promise<{ question: QuestionView; newVersion: boolean }> {
  const { record } = await loadQuestion(ctx, actor, id, 'manage');
  const write = prepareWrite(input as Question);
  const contentOf = (q: Question) => contentHash({ ...q, status: 'active' });
  const newVersion = await ctx.db.transaction().execute(async (tx) => {
    if (contentOf(write.question) === contentOf(record.question)) {
      if (write.question.status !== record.question.status) await ctx.bank.questions.setStatus(id, write.question.status, write.contentHash, tx);
      return false;
    }
    await assertIdentityFree(ctx, record.bankId, write.identityKey, id, tx);
    await ctx.bank.questions.addVersion(id, write, byActor(actor), tx);
    await ctx.bank.banks.ensureKnowledgePoints(record.bankId, write.question.knowledgePoints, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'question.edited', targetType: 'question', targetId: id, data: { fromVersion: record.versionNo } }, tx);
    return true;
  });
  return { question: toQuestionView((await ctx.bank.questions.get(id))!), newVersion };
}

export async function setQuestionStatus(ctx: AppContext, actor: Actor, id: number, status: QuestionStatus): Promise<QuestionView> {
  const { record } = await loadQuestion(ctx, actor, id, 'manage');
  if (record.question.status !== status) {
    await ctx.db.transaction().execute(async (tx) => {
      await ctx.bank.questions.setStatus(id, status, contentHash({ ...record.question, status }), tx);
      await ctx.identity.misc.audit({ actorId: actor.personId, action: `question.${status}`, targetType: 'question', targetId: id }, tx);
    });
  }
  return toQuestionView((await ctx.bank.questions.get(id))!);
}

