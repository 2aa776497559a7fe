import { sql } from 'kysely';
import { chunks, type Db } from '../db/kysely.ts';
import type { ExistingQuestion } from './engine/import-plan.ts';
import type { Question, QuestionStatus } from './engine/model.ts';
import { queryTokens } from './search-tokens.ts';

/** A question as stored: its current version, whole. */
export type QuestionRecord = {
  id: number;
  bankId: number;
  versionId: number;
  versionNo: number;
  question: Question;
  createdAt: Date;
  updatedAt: Date;
};

/** What a write needs besides the question: the keys the engine computed and the search words. */
export type QuestionWrite = { question: Question; identityKey: string; fingerprint: string; contentHash: string; tokens: string };

export type QuestionFilter = {
  bankId: number;
  type?: string;
  track?: string;
  difficulty?: number;
  status?: QuestionStatus;
  /** a knowledge-point path: questions on it or anywhere under it */
  knowledgePoint?: string;
  q?: string;
  ids?: number[];
};

const columns = ['question.id', 'question.bank_id', 'question.current_version_id', 'question.version_no', 'question.status', 'question_version.data', 'question.created_at', 'question.updated_at'] as const;
type Raw = { id: number; bank_id: number; current_version_id: number | null; version_no: number; status: QuestionStatus; data: unknown; created_at: Date; updated_at: Date };
const toRecord = (r: Raw): QuestionRecord => ({
  id: r.id,
  bankId: r.bank_id,
  versionId: r.current_version_id!,
  versionNo: r.version_no,
  question: { ...(r.data as Question), status: r.status },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const rowOf = (w: QuestionWrite) => ({
  type: w.question.type,
  status: w.question.status,
  track: w.question.track,
  difficulty: w.question.difficulty,
  knowledge_points: JSON.stringify(w.question.knowledgePoints),
  stem: w.question.stem,
  tokens: w.tokens,
  identity_key: w.identityKey,
  fingerprint: w.fingerprint,
  content_hash: w.contentHash,
});

export function createQuestionRepo(db: Db) {
  const base = (tx: Db) => tx.selectFrom('question').innerJoin('question_version', 'question_version.id', 'question.current_version_id');

  function filtered(tx: Db, f: QuestionFilter) {
    let q = base(tx).where('question.bank_id', '=', f.bankId);
    if (f.type) q = q.where('question.type', '=', f.type);
    if (f.track) q = q.where('question.track', '=', f.track);
    if (f.difficulty) q = q.where('question.difficulty', '=', f.difficulty);
    if (f.status) q = q.where('question.status', '=', f.status);
    if (f.ids) q = q.where('question.id', 'in', f.ids.length ? f.ids : [-1]);
    if (f.knowledgePoint) {
      const p = f.knowledgePoint;
      q = q.where(sql<boolean>`exists (select 1 from jsonb_array_elements_text(question.knowledge_points) kp where kp = ${p} or kp like ${`${p}/%`})`);
    }
    if (f.q && f.q.trim() !== '') {
      const words = queryTokens(f.q);
      const like = `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([
          ...(words ? [sql<boolean>`to_tsvector('simple', question.tokens) @@ plainto_tsquery('simple', ${words})`] : []),
          eb('question.stem', 'ilike', like),
        ]),
      );
    }
    return q;
  }

  return {
    async list(f: QuestionFilter, page: { offset: number; limit: number }, tx: Db = db): Promise<{ items: QuestionRecord[]; total: number }> {
      const total = await filtered(tx, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await filtered(tx, f).select(columns).orderBy('question.id').offset(page.offset).limit(page.limit).execute();
      return { items: rows.map(toRecord), total: Number(total.n) };
    },
    /** counts by type, status and difficulty under the same filters as list(), in one query */
    async stats(f: QuestionFilter, tx: Db = db) {
      const rows = await filtered(tx, f)
        .select(['question.type', 'question.status', 'question.difficulty', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['question.type', 'question.status', 'question.difficulty'])
        .execute();
      const out = { byType: {} as Record<string, number>, byStatus: {} as Record<string, number>, byDifficulty: {} as Record<string, number> };
      for (const r of rows) {
        const n = Number(r.n);
        out.byType[r.type] = (out.byType[r.type] ?? 0) + n;
        out.byStatus[r.status] = (out.byStatus[r.status] ?? 0) + n;
        out.byDifficulty[String(r.difficulty)] = (out.byDifficulty[String(r.difficulty)] ?? 0) + n;
      }
      return out;
    },
    async listAll(f: QuestionFilter, tx: Db = db): Promise<QuestionRecord[]> {
      const rows = await filtered(tx, f).select(columns).orderBy('question.id').execute();
      return rows.map(toRecord);
    },
    async get(id: number, tx: Db = db): Promise<QuestionRecord | undefined> {
      const r = await base(tx).select(columns).where('question.id', '=', id).executeTakeFirst();
      return r && toRecord(r);
    },
    async existingKeys(bankId: number, tx: Db = db): Promise<ExistingQuestion[]> {
      const rows = await tx.selectFrom('question').select(['id', 'identity_key', 'fingerprint', 'content_hash']).where('bank_id', '=', bankId).execute();
      return rows.map((r) => ({ id: String(r.id), identityKey: r.identity_key, fingerprint: r.fingerprint, contentHash: r.content_hash }));
    },
    /** Inserts new questions with their first version, in a few multi-row statements. */
    async insertMany(bankId: number, writes: QuestionWrite[], createdBy: number | null, tx: Db = db): Promise<number[]> {
      const ids: number[] = [];
      for (const part of chunks(writes, 500)) {
        const qs = await tx.insertInto('question').values(part.map((w) => ({ bank_id: bankId, ...rowOf(w) }))).returning('id').execute();
        const vs = await tx
          .insertInto('question_version')
          .values(part.map((w, i) => ({ question_id: qs[i].id, version_no: 1, data: JSON.stringify(w.question), content_hash: w.contentHash, created_by: createdBy })))
          .returning(['id', 'question_id'])
          .execute();
        await linkCurrent(tx, vs.map((v) => v.question_id));
        ids.push(...qs.map((q) => q.id));
      }
      return ids;
    },
    /** A new immutable version becomes the current one; earlier versions (and papers using them) stay as they were. */
    async addVersion(id: number, w: QuestionWrite, createdBy: number | null, tx: Db = db): Promise<number> {
      const cur = await tx.selectFrom('question').select('version_no').where('id', '=', id).executeTakeFirstOrThrow();
      const versionNo = cur.version_no + 1;
      const v = await tx
        .insertInto('question_version')
        .values({ question_id: id, version_no: versionNo, data: JSON.stringify(w.question), content_hash: w.contentHash, created_by: createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.updateTable('question').set({ ...rowOf(w), version_no: versionNo, current_version_id: v.id, updated_at: new Date() }).where('id', '=', id).execute();
      return v.id;
    },
    async setStatus(id: number, status: QuestionStatus, contentHash: string, tx: Db = db): Promise<void> {
      await tx.updateTable('question').set({ status, content_hash: contentHash, updated_at: new Date() }).where('id', '=', id).execute();
    },
    async versions(id: number, tx: Db = db) {
      const rows = await tx
        .selectFrom('question_version')
        .select((eb) => [
          'id',
          'version_no as versionNo',
          'data',
          'created_at as createdAt',
          'created_by as createdBy',
          eb.selectFrom('paper_item').select((e) => e.fn.countAll<number>().as('n')).whereRef('paper_item.question_version_id', '=', 'question_version.id').as('paperItems'),
        ])
        .where('question_id', '=', id)
        .orderBy('version_no', 'desc')
        .execute();
      return rows.map((r) => ({ ...r, question: r.data as Question, paperItems: Number(r.paperItems ?? 0) }));
    },
    async versionsByIds(ids: number[], tx: Db = db): Promise<Map<number, { questionId: number; versionNo: number; question: Question }>> {
      if (ids.length === 0) return new Map();
      const rows = await tx.selectFrom('question_version').select(['id', 'question_id', 'version_no', 'data']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, { questionId: r.question_id, versionNo: r.version_no, question: r.data as Question }]));
    },
    async isVersionUsed(versionId: number, tx: Db = db): Promise<boolean> {
      const r = await tx.selectFrom('paper_item').select('paper_id').where('question_version_id', '=', versionId).limit(1).executeTakeFirst();
      return r !== undefined;
    },
    async findByIdentity(bankId: number, identityKey: string, tx: Db = db): Promise<number | undefined> {
      const r = await tx.selectFrom('question').select('id').where('bank_id', '=', bankId).where('identity_key', '=', identityKey).executeTakeFirst();
      return r?.id;
    },
    async countByType(bankId: number, tx: Db = db): Promise<Record<string, number>> {
      const rows = await tx.selectFrom('question').select((eb) => ['type', eb.fn.countAll<number>().as('n')]).where('bank_id', '=', bankId).groupBy('type').execute();
      return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
    },
  };
}

async function linkCurrent(tx: Db, questionIds: number[]): Promise<void> {
  if (questionIds.length === 0) return;
  await sql`update question set current_version_id = v.id from question_version v where v.question_id = question.id and v.version_no = question.version_no and question.id in (${sql.join(questionIds)})`.execute(tx);
}

export type QuestionRepo = ReturnType<typeof createQuestionRepo>;
