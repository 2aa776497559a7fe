import { sql } from 'kysely';
import type { Db } from '../db/kysely.ts';

export type BankRow = {
  id: number;
  organisationId: number;
  organisationPath: string;
  organisationName: string;
  name: string;
  description: string;
  createdAt: Date;
  questionCount: number;
};

export type KnowledgePointRow = { id: number; parentId: number | null; name: string; path: string; sort: number };

function bankQuery(tx: Db) {
  return tx
    .selectFrom('bank')
    .innerJoin('organisation', 'organisation.id', 'bank.organisation_id')
    .select((eb) => [
      'bank.id',
      'bank.organisation_id as organisationId',
      'organisation.id_path as organisationPath',
      'organisation.name as organisationName',
      'bank.name',
      'bank.description',
      'bank.created_at as createdAt',
      eb.selectFrom('question').select((e) => e.fn.countAll<number>().as('n')).whereRef('question.bank_id', '=', 'bank.id').as('questionCount'),
    ])
    .where('bank.archived_at', 'is', null);
}

const toBank = (r: Omit<BankRow, 'questionCount'> & { questionCount: number | string | null }): BankRow => ({ ...r, questionCount: Number(r.questionCount ?? 0) });

/** Banks and their knowledge-point trees. */
export function createBankRepo(db: Db) {
  return {
    async get(id: number, tx: Db = db): Promise<BankRow | undefined> {
      const r = await bankQuery(tx).where('bank.id', '=', id).executeTakeFirst();
      return r && toBank(r);
    },
    async findByName(name: string, tx: Db = db): Promise<BankRow | undefined> {
      const r = await bankQuery(tx).where('bank.name', '=', name).executeTakeFirst();
      return r && toBank(r);
    },
    /** Banks owned inside one of `subtrees`, or on one of the `ancestorsOf` paths' ancestors (shared down). */
    async listVisible(opts: { subtrees: string[]; sharedTo: string[]; all?: boolean; name?: string }, tx: Db = db): Promise<BankRow[]> {
      let q = bankQuery(tx);
      if (!opts.all) {
        if (opts.subtrees.length === 0 && opts.sharedTo.length === 0) return [];
        q = q.where((eb) =>
          eb.or([
            ...opts.subtrees.map((p) => eb('organisation.id_path', 'like', `${p}%`)),
            // the bank's owner is an ancestor of (or is) a node where the actor organises
            ...opts.sharedTo.map((p) => eb(eb.val(p), 'like', sql<string>`organisation.id_path || '%'`)),
          ]),
        );
      }
      if (opts.name) q = q.where('bank.name', '=', opts.name);
      const rows = await q.orderBy('organisation.depth').orderBy('bank.name').execute();
      return rows.map(toBank);
    },
    async insert(b: { organisationId: number; name: string; description: string; createdBy: number | null }, tx: Db = db): Promise<number> {
      const r = await tx
        .insertInto('bank')
        .values({ organisation_id: b.organisationId, name: b.name, description: b.description, created_by: b.createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async update(id: number, patch: { name?: string; description?: string; organisationId?: number }, tx: Db = db): Promise<void> {
      await tx
        .updateTable('bank')
        .set({ ...(patch.name !== undefined && { name: patch.name }), ...(patch.description !== undefined && { description: patch.description }), ...(patch.organisationId !== undefined && { organisation_id: patch.organisationId }), updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    },
    async archive(id: number, tx: Db = db): Promise<void> {
      await tx.updateTable('bank').set({ archived_at: new Date() }).where('id', '=', id).execute();
    },
    async listKnowledgePoints(bankId: number, tx: Db = db): Promise<KnowledgePointRow[]> {
      return tx
        .selectFrom('knowledge_point')
        .select(['id', 'parent_id as parentId', 'name', 'path', 'sort'])
        .where('bank_id', '=', bankId)
        .orderBy('path')
        .execute();
    },
    /** Creates every missing node of the given paths (and their ancestors), parents first. */
    async ensureKnowledgePoints(bankId: number, paths: string[], tx: Db = db): Promise<number> {
      const wanted = new Set<string>();
      for (const p of paths) {
        const parts = p.split('/');
        for (let i = 1; i <= parts.length; i++) wanted.add(parts.slice(0, i).join('/'));
      }
      if (wanted.size === 0) return 0;
      const existing = await tx.selectFrom('knowledge_point').select(['id', 'path']).where('bank_id', '=', bankId).execute();
      const idByPath = new Map(existing.map((e) => [e.path, e.id]));
      const missing = [...wanted].filter((p) => !idByPath.has(p)).sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
      for (const path of missing) {
        const parts = path.split('/');
        const parentId = parts.length > 1 ? idByPath.get(parts.slice(0, -1).join('/'))! : null;
        const r = await tx.insertInto('knowledge_point').values({ bank_id: bankId, parent_id: parentId, name: parts[parts.length - 1], path }).returning('id').executeTakeFirstOrThrow();
        idByPath.set(path, r.id);
      }
      return missing.length;
    },
    async getKnowledgePoint(bankId: number, id: number, tx: Db = db): Promise<KnowledgePointRow | undefined> {
      return tx.selectFrom('knowledge_point').select(['id', 'parent_id as parentId', 'name', 'path', 'sort']).where('bank_id', '=', bankId).where('id', '=', id).executeTakeFirst();
    },
    async deleteKnowledgePoint(bankId: number, path: string, tx: Db = db): Promise<number> {
      const r = await tx.deleteFrom('knowledge_point').where('bank_id', '=', bankId).where((eb) => eb.or([eb('path', '=', path), eb('path', 'like', `${path}/%`)])).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
export type BankRepo = ReturnType<typeof createBankRepo>;
