import type { Db } from '../db/kysely.ts';
import type { Criterion } from './engine/rubric.ts';

export type RubricRow = { id: number; contestId: number; templateId: string | null; libraryId: number | null; name: string; nameZh: string; criteria: Criterion[]; updatedAt: Date };

const columns = ['id', 'contest_id as contestId', 'template_id as templateId', 'library_id as libraryId', 'name', 'name_zh as nameZh', 'criteria', 'updated_at as updatedAt'] as const;

/** Per-contest rubrics (评分细则), each a copy of an engine template or written by the organiser. */
export function createRubricRepo(db: Db) {
  return {
    async list(contestId: number, tx: Db = db): Promise<RubricRow[]> {
      return tx.selectFrom('rubric').select(columns).where('contest_id', '=', contestId).orderBy('id').execute();
    },
    async get(id: number, tx: Db = db): Promise<RubricRow | undefined> {
      return tx.selectFrom('rubric').select(columns).where('id', '=', id).executeTakeFirst();
    },
    async insert(r: { contestId: number; templateId: string | null; libraryId?: number | null; name: string; nameZh: string; criteria: Criterion[]; createdBy: number | null }, tx: Db = db): Promise<number> {
      const row = await tx
        .insertInto('rubric')
        .values({ contest_id: r.contestId, template_id: r.templateId, library_id: r.libraryId ?? null, name: r.name, name_zh: r.nameZh, criteria: JSON.stringify(r.criteria), created_by: r.createdBy, updated_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async update(id: number, r: { name: string; nameZh: string; criteria: Criterion[] }, tx: Db = db): Promise<void> {
      await tx.updateTable('rubric').set({ name: r.name, name_zh: r.nameZh, criteria: JSON.stringify(r.criteria), updated_at: new Date() }).where('id', '=', id).execute();
    },
    async delete(id: number, tx: Db = db): Promise<void> {
      await tx.deleteFrom('rubric').where('id', '=', id).execute();
    },
    /** Panels using the rubric, and how many score sheets they hold. */
    async usage(id: number, tx: Db = db): Promise<{ panels: number; sheets: number }> {
      const panels = await tx.selectFrom('panel').select((eb) => eb.fn.countAll<number>().as('n')).where('rubric_id', '=', id).executeTakeFirstOrThrow();
      const sheets = await tx
        .selectFrom('score_sheet')
        .innerJoin('panel', 'panel.id', 'score_sheet.panel_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('panel.rubric_id', '=', id)
        .executeTakeFirstOrThrow();
      return { panels: Number(panels.n), sheets: Number(sheets.n) };
    },
  };
}
export type RubricRepo = ReturnType<typeof createRubricRepo>;
