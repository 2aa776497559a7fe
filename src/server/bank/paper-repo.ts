import type { Db } from '../db/kysely.ts';
import type { Blueprint, Paper } from './engine/blueprint.ts';

export type BlueprintRow = { id: number; bankId: number; name: string; blueprint: Blueprint; createdAt: Date; updatedAt: Date };
export type PaperSetRow = { id: number; bankId: number; name: string; blueprintId: number | null; blueprint: Blueprint; seed: number; createdAt: Date; papers: number };
export type PaperSummary = Pick<Paper, 'difficultyCounts' | 'coverage'> & { sections: { type: string; pointsEach: number; count: number }[] };
export type PaperRow = { id: number; paperSetId: number; label: string; totalScore: number; summary: PaperSummary };
export type PaperItemRow = { position: number; section: number; questionId: number; questionVersionId: number; points: number };

/** Saved blueprints, assembled paper sets, their papers and items. */
export function createPaperRepo(db: Db) {
  const blueprintCols = ['id', 'bank_id as bankId', 'name', 'data', 'created_at as createdAt', 'updated_at as updatedAt'] as const;
  const toBlueprint = (r: { id: number; bankId: number; name: string; data: unknown; createdAt: Date; updatedAt: Date }): BlueprintRow => ({
    id: r.id, bankId: r.bankId, name: r.name, blueprint: r.data as Blueprint, createdAt: r.createdAt, updatedAt: r.updatedAt,
  });
  const setQuery = (tx: Db) =>
    tx.selectFrom('paper_set').select((eb) => [
      'paper_set.id', 'paper_set.bank_id as bankId', 'paper_set.name', 'paper_set.blueprint_id as blueprintId', 'paper_set.blueprint', 'paper_set.seed', 'paper_set.created_at as createdAt',
      eb.selectFrom('paper').select((e) => e.fn.countAll<number>().as('n')).whereRef('paper.paper_set_id', '=', 'paper_set.id').as('papers'),
    ]);
  const toSet = (r: { id: number; bankId: number; name: string; blueprintId: number | null; blueprint: unknown; seed: number; createdAt: Date; papers: number | string | null }): PaperSetRow => ({
    ...r, blueprint: r.blueprint as Blueprint, papers: Number(r.papers ?? 0),
  });

  return {
    async listBlueprints(bankId: number, tx: Db = db): Promise<BlueprintRow[]> {
      return (await tx.selectFrom('blueprint').select(blueprintCols).where('bank_id', '=', bankId).orderBy('name').execute()).map(toBlueprint);
    },
    async getBlueprint(id: number, tx: Db = db): Promise<BlueprintRow | undefined> {
      const r = await tx.selectFrom('blueprint').select(blueprintCols).where('id', '=', id).executeTakeFirst();
      return r && toBlueprint(r);
    },
    async findBlueprintByName(bankId: number, name: string, tx: Db = db): Promise<BlueprintRow | undefined> {
      const r = await tx.selectFrom('blueprint').select(blueprintCols).where('bank_id', '=', bankId).where('name', '=', name).executeTakeFirst();
      return r && toBlueprint(r);
    },
    async insertBlueprint(b: { bankId: number; name: string; blueprint: Blueprint; createdBy: number | null }, tx: Db = db): Promise<number> {
      const r = await tx.insertInto('blueprint').values({ bank_id: b.bankId, name: b.name, data: JSON.stringify(b.blueprint), created_by: b.createdBy }).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },
    async updateBlueprint(id: number, patch: { name?: string; blueprint?: Blueprint }, tx: Db = db): Promise<void> {
      await tx
        .updateTable('blueprint')
        .set({ ...(patch.name !== undefined && { name: patch.name }), ...(patch.blueprint !== undefined && { data: JSON.stringify(patch.blueprint) }), updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    },
    async deleteBlueprint(id: number, tx: Db = db): Promise<void> {
      await tx.deleteFrom('blueprint').where('id', '=', id).execute();
    },
    async listPaperSets(bankId: number, tx: Db = db): Promise<PaperSetRow[]> {
      return (await setQuery(tx).where('paper_set.bank_id', '=', bankId).orderBy('paper_set.id', 'desc').execute()).map(toSet);
    },
    async getPaperSet(id: number, tx: Db = db): Promise<PaperSetRow | undefined> {
      const r = await setQuery(tx).where('paper_set.id', '=', id).executeTakeFirst();
      return r && toSet(r);
    },
    async findPaperSetByName(bankId: number, name: string, tx: Db = db): Promise<PaperSetRow | undefined> {
      const r = await setQuery(tx).where('paper_set.bank_id', '=', bankId).where('paper_set.name', '=', name).executeTakeFirst();
      return r && toSet(r);
    },
    async insertPaperSet(s: { bankId: number; name: string; blueprintId: number | null; blueprint: Blueprint; seed: number; createdBy: number | null }, tx: Db = db): Promise<number> {
      const r = await tx
        .insertInto('paper_set')
        .values({ bank_id: s.bankId, name: s.name, blueprint_id: s.blueprintId, blueprint: JSON.stringify(s.blueprint), seed: s.seed, created_by: s.createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async insertPaper(p: { paperSetId: number; label: string; totalScore: number; summary: PaperSummary; items: Omit<PaperItemRow, 'position'>[] }, tx: Db = db): Promise<number> {
      const r = await tx.insertInto('paper').values({ paper_set_id: p.paperSetId, label: p.label, total_score: p.totalScore, summary: JSON.stringify(p.summary) }).returning('id').executeTakeFirstOrThrow();
      if (p.items.length > 0) {
        await tx
          .insertInto('paper_item')
          .values(p.items.map((it, i) => ({ paper_id: r.id, position: i + 1, section: it.section, question_id: it.questionId, question_version_id: it.questionVersionId, points: it.points })))
          .execute();
      }
      return r.id;
    },
    async listPapers(paperSetId: number, tx: Db = db): Promise<PaperRow[]> {
      const rows = await tx.selectFrom('paper').select(['id', 'paper_set_id as paperSetId', 'label', 'total_score as totalScore', 'summary']).where('paper_set_id', '=', paperSetId).orderBy('id').execute();
      return rows.map((r) => ({ ...r, summary: r.summary as PaperSummary }));
    },
    async getPaper(id: number, tx: Db = db): Promise<PaperRow | undefined> {
      const r = await tx.selectFrom('paper').select(['id', 'paper_set_id as paperSetId', 'label', 'total_score as totalScore', 'summary']).where('id', '=', id).executeTakeFirst();
      return r && { ...r, summary: r.summary as PaperSummary };
    },
    async items(paperId: number, tx: Db = db): Promise<PaperItemRow[]> {
      return tx
        .selectFrom('paper_item')
        .select(['position', 'section', 'question_id as questionId', 'question_version_id as questionVersionId', 'points'])
        .where('paper_id', '=', paperId)
        .orderBy('position')
        .execute();
    },
    /** How many papers use each question (any version), for exposure across paper sets. */
    async usageCounts(bankId: number, tx: Db = db): Promise<Map<number, number>> {
      const rows = await tx
        .selectFrom('paper_item')
        .innerJoin('question', 'question.id', 'paper_item.question_id')
        .select((eb) => ['paper_item.question_id as id', eb.fn.count<number>('paper_item.paper_id').distinct().as('n')])
        .where('question.bank_id', '=', bankId)
        .groupBy('paper_item.question_id')
        .execute();
      return new Map(rows.map((r) => [r.id, Number(r.n)]));
    },
  };
}
export type PaperRepo = ReturnType<typeof createPaperRepo>;
