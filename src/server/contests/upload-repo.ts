import type { Db } from '../db/kysely.ts';

export type UploadRow = { id: string; ownerId: number | null; kind: 'document' | 'video'; fileName: string; mimeType: string; size: number; chunkSize: number; status: 'open' | 'complete'; createdAt: Date };

/** Metadata of resumable uploads; the bytes live under DATA_DIR/uploads/<id>/. */
export function createUploadRepo(db: Db) {
  return {
    async get(id: string, tx: Db = db): Promise<UploadRow | undefined> {
      const r = await tx.selectFrom('contest_upload').selectAll().where('id', '=', id).executeTakeFirst();
      return r && { id: r.id, ownerId: r.owner_id, kind: r.kind, fileName: r.file_name, mimeType: r.mime_type, size: Number(r.size), chunkSize: r.chunk_size, status: r.status as UploadRow['status'], createdAt: r.created_at };
    },
    async insert(u: Omit<UploadRow, 'status' | 'createdAt'>, tx: Db = db): Promise<void> {
      await tx.insertInto('contest_upload').values({ id: u.id, owner_id: u.ownerId && u.ownerId > 0 ? u.ownerId : null, kind: u.kind, file_name: u.fileName, mime_type: u.mimeType, size: u.size, chunk_size: u.chunkSize }).execute();
    },
    async complete(id: string, tx: Db = db): Promise<void> {
      await tx.updateTable('contest_upload').set({ status: 'complete', completed_at: new Date() }).where('id', '=', id).execute();
    },
  };
}
export type UploadRepo = ReturnType<typeof createUploadRepo>;
