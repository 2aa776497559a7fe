import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadBank } from './access.ts';
import { paperSize, type AssemblyItem, type Blueprint } from './engine/blueprint.ts';
import { checkFeasibility, indexBank } from './engine/feasibility.ts';
import type { QuestionRecord } from './question-repo.ts';
import type { BlueprintRow } from './paper-repo.ts';

export const toAssemblyItem = (r: QuestionRecord): AssemblyItem => ({
  id: String(r.id),
  type: r.question.type,
  difficulty: r.question.difficulty,
  knowledgePoints: r.question.knowledgePoints,
  track: r.question.track,
  status: r.question.status,
});

const byActor = (actor: Actor): number | null => (actor.personId > 0 ? actor.personId : null);

export async function listBlueprints(ctx: AppContext, actor: Actor, bankId: number): Promise<{ items: BlueprintRow[] }> {
  await loadBank(ctx, actor, bankId, 'use');
  return { items: await ctx.bank.papers.listBlueprints(bankId) };
}

/** A blueprint the actor may read (use) or change (manage). */
export async function loadBlueprint(ctx: AppContext, actor: Actor, id: number, need: 'use' | 'manage'): Promise<BlueprintRow> {
  const bp = await ctx.bank.papers.getBlueprint(id);
  if (!bp) throw notFound('blueprint');
  await loadBank(ctx, actor, bp.bankId, need);
  return bp;
}

async function assertNameFree(ctx: AppContext, bankId: number, name: string, exceptId?: number): Promise<void> {
  const clash = await ctx.bank.papers.findBlueprintByName(bankId, name);
  if (clash && clash.id !== exceptId) throw new AppError('CONFLICT', `this bank already has a blueprint named ${name}`, { field: 'name' });
}

export async function createBlueprint(ctx: AppContext, actor: Actor, bankId: number, input: { name: string; blueprint: Blueprint }): Promise<BlueprintRow> {
  await loadBank(ctx, actor, bankId, 'manage');
  await assertNameFree(ctx, bankId, input.name);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const newId = await ctx.bank.papers.insertBlueprint({ bankId, name: input.name, blueprint: input.blueprint, createdBy: byActor(actor) }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'blueprint.created', targetType: 'blueprint', targetId: newId, data: { bankId, name: input.name } }, tx);
    return newId;
  });
  return (await ctx.bank.papers.getBlueprint(id))!;
}

export async function updateBlueprint(ctx: AppContext, actor: Actor, id: number, input: { name?: string; blueprint?: Blueprint }): Promise<BlueprintRow> {
  const bp = await loadBlueprint(ctx, actor, id, 'manage');
  if (input.name) await assertNameFree(ctx, bp.bankId, input.name, id);
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.bank.papers.updateBlueprint(id, input, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'blueprint.updated', targetType: 'blueprint', targetId: id }, tx);
  });
  return (await ctx.bank.papers.getBlueprint(id))!;
}

/** Paper sets built from a blueprint keep their own snapshot of it. */
export async function deleteBlueprint(ctx: AppContext, actor: Actor, id: number): Promise<{ deleted: true }> {
  await loadBlueprint(ctx, actor, id, 'manage');
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.bank.papers.deleteBlueprint(id, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'blueprint.deleted', targetType: 'blueprint', targetId: id }, tx);
  });
  return { deleted: true };
}

/** The live check of the blueprint editor: every counting problem, or ok with what the bank holds per type. */
export async function checkBlueprint(ctx: AppContext, actor: Actor, bankId: number, input: { blueprint: Blueprint; papers: number }) {
  await loadBank(ctx, actor, bankId, 'use');
  const items = (await ctx.bank.questions.listAll({ bankId })).map(toAssemblyItem);
  const problems = checkFeasibility(items, input.blueprint, input.papers);
  const idx = indexBank(items, input.blueprint);
  return {
    ok: problems.length === 0,
    problems,
    counts: {
      eligible: idx.items.length,
      perPaper: paperSize(input.blueprint),
      totalScore: input.blueprint.sections.reduce((a, s) => a + s.count * s.pointsEach, 0),
      byType: idx.types.map((type, i) => ({ type, demand: idx.demand[i], supply: idx.supply[i].reduce((a, b) => a + b, 0), byDifficulty: idx.supply[i] })),
    },
  };
}
