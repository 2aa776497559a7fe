import type { Db } from '../db/kysely.ts';

export type NewAttachment = { bankId: number; name: string; mime: string; kind: string; data: Buffer; sha256: string; createdBy: number | null };

export function createAttachmentRepo(db: Db) {
  return {
    /** stores the bytes once per bank: the same file uploaded again returns the first copy */
    async insert(a: NewAttachment, tx: Db = db): Promise<{ id: number; name: string; kind: string; size: number }> {
      const existing = await tx.selectFrom('bank_attachment').select(['id', 'name', 'kind', 'size']).where('bank_id', '=', a.bankId).where('sha256', '=', a.sha256).executeTakeFirst();
      if (existing) return existing;
      return tx
        .insertInto('bank_attachment')
        .values({ bank_id: a.bankId, name: a.name, mime: a.mime, kind: a.kind, size: a.data.length, sha256: a.sha256, data: a.data, created_by: a.createdBy })
        .returning(['id', 'name', 'kind', 'size'])
        .executeTakeFirstOrThrow();
    },
    async get(id: number, tx: Db = db) {
      return tx.selectFrom('bank_attachment').select(['id', 'bank_id', 'name', 'mime', 'kind', 'size', 'sha256', 'data']).where('id', '=', id).executeTakeFirst();
    },
  };
}
