import type { AppContext } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadBank } from './access.ts';
import { toAssemblyItem } from './blueprint-service.ts';
import { assemblePapers } from './engine/assemble.ts';
import type { Blueprint } from './engine/blueprint.ts';
import { checkPapers } from './engine/check.ts';
import { BLANK_PATTERN } from './engine/model.ts';
import type { PaperSetRow } from './paper-repo.ts';

const byActor = (actor: Actor): number | null => (actor.personId > 0 ? actor.personId : null);

export type AssembleInput = { name?: string; blueprintId?: number; blueprint?: Blueprint; papers: number; seed?: number };

/**
 * Builds K parallel papers (A/B/C … 卷) from the bank's active questions in one transaction:
 * a paper set with the blueprint's snapshot, its papers, and items pointing at the current
 * version of each question. When the blueprint cannot be met: 400 naming `blueprint`, with
 * every problem (which constraint, how many are needed, how many the bank has).
 */
export async function assemblePaperSet(ctx: AppContext, actor: Actor, bankId: number, input: AssembleInput) {
  await loadBank(ctx, actor, bankId, 'use');
  let blueprint = input.blueprint;
  let blueprintName = '组卷';
  if (input.blueprintId !== undefined) {
    const bp = await ctx.bank.papers.getBlueprint(input.blueprintId);
    if (!bp || bp.bankId !== bankId) throw invalid('blueprintId', `blueprint ${input.blueprintId} is not in this bank`);
    blueprint = bp.blueprint;
    blueprintName = bp.name;
  }
  if (!blueprint) throw invalid('blueprint', 'give a blueprint or a blueprintId');
  const seed = input.seed ?? ctx.now().getTime() % 2147483647;
  const name = input.name ?? `${blueprintName} ${ctx.now().toISOString().slice(0, 16).replace('T', ' ')}`;
  if (await ctx.bank.papers.findPaperSetByName(bankId, name)) throw new AppError('CONFLICT', `this bank already has a paper set named ${name}`, { field: 'name' });
  const bp = blueprint;
  const setId = await ctx.db.transaction().execute(async (tx) => {
    const records = await ctx.bank.questions.listAll({ bankId }, tx);
    const items = records.map(toAssemblyItem);
    const result = assemblePapers({ bank: items, blueprint: bp, papers: input.papers, seed });
    if (!result.ok) {
      throw new AppError('VALIDATION', result.problems.map((p) => p.message).join('; '), { field: 'blueprint', details: { problems: result.problems } });
    }
    const violations = checkPapers(result.papers, bp, items);
    if (violations.length > 0) throw new Error(`the assembler returned papers that break the blueprint: ${violations[0].message}`);
    const versionOf = new Map(records.map((r) => [String(r.id), r.versionId]));
    const id = await ctx.bank.papers.insertPaperSet({ bankId, name, blueprintId: input.blueprintId ?? null, blueprint: bp, seed, createdBy: byActor(actor) }, tx);
    for (const p of result.papers) {
      await ctx.bank.papers.insertPaper(
        {
          paperSetId: id,
          label: p.label,
          totalScore: p.totalScore,
          summary: { difficultyCounts: p.difficultyCounts, coverage: p.coverage, sections: p.sections.map((s) => ({ type: s.type, pointsEach: s.pointsEach, count: s.questionIds.length })) },
          items: p.sections.flatMap((s, k) => s.questionIds.map((qid) => ({ section: k, questionId: Number(qid), questionVersionId: versionOf.get(qid)!, points: s.pointsEach }))),
        },
        tx,
      );
    }
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'papers.assembled', targetType: 'paper_set', targetId: id, data: { bankId, papers: input.papers, seed } }, tx);
    return id;
  });
  return getPaperSet(ctx, actor, setId);
}

async function loadPaperSet(ctx: AppContext, actor: Actor, id: number): Promise<PaperSetRow> {
  const set = await ctx.bank.papers.getPaperSet(id);
  if (!set) throw notFound('paper set');
  await loadBank(ctx, actor, set.bankId, 'use');
  return set;
}

export async function listPaperSets(ctx: AppContext, actor: Actor, bankId: number) {
  await loadBank(ctx, actor, bankId, 'use');
  return { items: await ctx.bank.papers.listPaperSets(bankId) };
}

export async function getPaperSet(ctx: AppContext, actor: Actor, id: number) {
  const paperSet = await loadPaperSet(ctx, actor, id);
  const papers = await ctx.bank.papers.listPapers(id);
  return {
    paperSet,
    papers: papers.map((p) => ({ id: p.id, label: p.label, totalScore: p.totalScore, questions: p.summary.sections.reduce((a, s) => a + s.count, 0), summary: p.summary })),
  };
}

async function loadPaper(ctx: AppContext, actor: Actor, id: number) {
  const paper = await ctx.bank.papers.getPaper(id);
  if (!paper) throw notFound('paper');
  const set = await loadPaperSet(ctx, actor, paper.paperSetId);
  const items = await ctx.bank.papers.items(id);
  const versions = await ctx.bank.questions.versionsByIds(items.map((i) => i.questionVersionId));
  return { paper, set, items: items.map((i) => ({ ...i, version: versions.get(i.questionVersionId)! })) };
}

/** The paper as the candidate sees it: the versions it was built from, without answers. */
export async function getPaper(ctx: AppContext, actor: Actor, id: number) {
  const { paper, set, items } = await loadPaper(ctx, actor, id);
  return {
    id: paper.id,
    paperSetId: set.id,
    paperSetName: set.name,
    bankId: set.bankId,
    label: paper.label,
    totalScore: paper.totalScore,
    sections: set.blueprint.sections.map((s, k) => ({
      index: k,
      type: s.type,
      title: s.title ?? null,
      pointsEach: s.pointsEach,
      items: items
        .filter((i) => i.section === k)
        .map((i) => {
          const q = i.version.question;
          const blanks = q.answer.kind === 'fill' ? q.answer.blanks.length : (q.stem.match(BLANK_PATTERN) ?? []).length;
          return { position: i.position, questionId: i.questionId, questionVersionId: i.questionVersionId, versionNo: i.version.versionNo, points: i.points, type: q.type, stem: q.stem, options: q.options, attachments: q.attachments, blanks };
        }),
    })),
  };
}

/** The answer key, kept apart from the paper so that a print of the paper never carries it. */
export async function getAnswerKey(ctx: AppContext, actor: Actor, id: number) {
  const { paper, items } = await loadPaper(ctx, actor, id);
  return {
    paperId: paper.id,
    label: paper.label,
    items: items.map((i) => ({ position: i.position, questionVersionId: i.questionVersionId, type: i.version.question.type, points: i.points, answer: i.version.question.answer, explanation: i.version.question.explanation })),
  };
}
