import type { AppContext } from '../context.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { hasRoleAt, type Actor } from '../identity/engine/authz.ts';
import { assertOrganiser, canManageBank, loadBank, visibility } from './access.ts';
import type { BankRow } from './bank-repo.ts';
import { isUnderPath } from './engine/model.ts';
import type { Bank } from './schema.ts';

const toView = (b: BankRow, actor: Actor): Bank => ({
  id: b.id,
  name: b.name,
  description: b.description,
  organisationId: b.organisationId,
  organisationName: b.organisationName,
  questionCount: b.questionCount,
  canManage: canManageBank(actor, b),
  createdAt: b.createdAt,
});

export async function listBanks(ctx: AppContext, actor: Actor, query: { name?: string }): Promise<Bank[]> {
  assertOrganiser(actor);
  const rows = await ctx.bank.banks.listVisible({ ...visibility(actor), name: query.name });
  return rows.map((b) => toView(b, actor));
}

export async function getBank(ctx: AppContext, actor: Actor, id: number): Promise<Bank> {
  return toView(await loadBank(ctx, actor, id, 'use'), actor);
}

async function assertNameFree(ctx: AppContext, name: string, exceptId?: number): Promise<void> {
  const clash = await ctx.bank.banks.findByName(name);
  if (clash && clash.id !== exceptId) throw new AppError('CONFLICT', `a bank named ${name} already exists (owned by ${clash.organisationName})`, { field: 'name' });
}

export async function createBank(ctx: AppContext, actor: Actor, input: { name: string; organisationId: number; description: string }): Promise<Bank> {
  assertOrganiser(actor);
  const org = await ctx.identity.orgs.get(input.organisationId);
  if (!org || org.archived) throw invalid('organisationId', `organisation ${input.organisationId} does not exist`);
  if (!hasRoleAt(actor, ['organiser'], org.idPath)) throw forbidden(`you do not organise ${org.name}`);
  await assertNameFree(ctx, input.name);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const bankId = await ctx.bank.banks.insert({ organisationId: org.id, name: input.name, description: input.description, createdBy: actor.personId > 0 ? actor.personId : null }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'bank.created', targetType: 'bank', targetId: bankId, data: { name: input.name, organisationId: org.id } }, tx);
    return bankId;
  });
  return getBank(ctx, actor, id);
}

export async function updateBank(ctx: AppContext, actor: Actor, id: number, input: { name?: string; description?: string }): Promise<Bank> {
  await loadBank(ctx, actor, id, 'manage');
  if (input.name) await assertNameFree(ctx, input.name, id);
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.bank.banks.update(id, input, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'bank.updated', targetType: 'bank', targetId: id, data: input }, tx);
  });
  return getBank(ctx, actor, id);
}

/** Archiving hides the bank; its questions and papers stay for the papers already issued. */
export async function archiveBank(ctx: AppContext, actor: Actor, id: number): Promise<{ archived: true }> {
  await loadBank(ctx, actor, id, 'manage');
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.bank.banks.archive(id, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'bank.archived', targetType: 'bank', targetId: id }, tx);
  });
  return { archived: true };
}

/** The knowledge-point tree, each node with the questions on it or below it. */
export async function knowledgeTree(ctx: AppContext, actor: Actor, bankId: number) {
  await loadBank(ctx, actor, bankId, 'use');
  const nodes = await ctx.bank.banks.listKnowledgePoints(bankId);
  const questions = await ctx.bank.questions.listAll({ bankId });
  const counts = new Map<string, number>();
  for (const q of questions) {
    const covered = new Set<string>();
    for (const kp of q.question.knowledgePoints) {
      const parts = kp.split('/');
      for (let i = 1; i <= parts.length; i++) covered.add(parts.slice(0, i).join('/'));
    }
    for (const p of covered) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return { items: nodes.map((n) => ({ id: n.id, parentId: n.parentId, name: n.name, path: n.path, questionCount: counts.get(n.path) ?? 0 })) };
}

export async function createKnowledgePoint(ctx: AppContext, actor: Actor, bankId: number, input: { parentId: number | null; name: string }) {
  await loadBank(ctx, actor, bankId, 'manage');
  const parent = input.parentId === null ? null : await ctx.bank.banks.getKnowledgePoint(bankId, input.parentId);
  if (input.parentId !== null && !parent) throw invalid('parentId', `knowledge point ${input.parentId} is not in this bank`);
  const path = parent ? `${parent.path}/${input.name}` : input.name;
  const created = await ctx.db.transaction().execute((tx) => ctx.bank.banks.ensureKnowledgePoints(bankId, [path], tx));
  if (created === 0) throw new AppError('CONFLICT', `knowledge point ${path} already exists`, { field: 'name' });
  return knowledgeTree(ctx, actor, bankId);
}

/** A node (and its subtree) can go only when no current question is on it. */
export async function deleteKnowledgePoint(ctx: AppContext, actor: Actor, bankId: number, kpId: number) {
  await loadBank(ctx, actor, bankId, 'manage');
  const node = await ctx.bank.banks.getKnowledgePoint(bankId, kpId);
  if (!node) throw notFound('knowledge point');
  const used = (await ctx.bank.questions.listAll({ bankId, knowledgePoint: node.path })).filter((q) => q.question.knowledgePoints.some((kp) => isUnderPath(kp, node.path)));
  if (used.length > 0) throw new AppError('CONFLICT', `${used.length} questions are on ${node.path} or below: move them first`, { details: { questions: used.length } });
  await ctx.db.transaction().execute((tx) => ctx.bank.banks.deleteKnowledgePoint(bankId, node.path, tx));
  return knowledgeTree(ctx, actor, bankId);
}
