import type { Db } from '../db/kysely.ts';

/** Tracks, settings, import jobs and the audit log. */
export function createMiscRepo(db: Db) {
  return {
    async listTracks(tx: Db = db) {
      return tx.selectFrom('track').select(['id', 'code', 'name', 'name_en as nameEn', 'sort', 'active']).orderBy('sort').orderBy('id').execute();
    },
    async insertTrack(t: { code: string; name: string; nameEn: string; sort: number }, tx: Db = db) {
      return tx.insertInto('track').values({ code: t.code, name: t.name, name_en: t.nameEn, sort: t.sort }).returning('id').executeTakeFirstOrThrow();
    },
    async getSetting<T>(key: string, tx: Db = db): Promise<T | undefined> {
      const r = await tx.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
      return r?.value as T | undefined;
    },
    async putSetting(key: string, value: unknown, tx: Db = db) {
      await tx
        .insertInto('setting')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    },
    async insertImportJob(j: { id: string; kind: string; createdBy: number | null; fileName: string; options: Record<string, unknown>; rows: unknown[] }, tx: Db = db) {
      await tx
        .insertInto('import_job')
        .values({ id: j.id, kind: j.kind, created_by: j.createdBy, file_name: j.fileName, options: JSON.stringify(j.options), rows: JSON.stringify(j.rows) })
        .execute();
    },
    async getImportJob(id: string, tx: Db = db) {
      return tx.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async finishImportJob(id: string, result: Record<string, unknown>, tx: Db = db) {
      await tx.updateTable('import_job').set({ status: 'committed', result: JSON.stringify(result), rows: '[]' }).where('id', '=', id).execute();
    },
    async audit(e: { actorId: number | null; action: string; targetType: string; targetId?: string | number | null; data?: Record<string, unknown> }, tx: Db = db) {
      await tx
        .insertInto('audit_log')
        .values({ actor_id: e.actorId && e.actorId > 0 ? e.actorId : null, action: e.action, target_type: e.targetType, target_id: e.targetId == null ? null : String(e.targetId), data: e.data ? JSON.stringify(e.data) : null })
        .execute();
    },
  };
}
export type MiscRepo = ReturnType<typeof createMiscRepo>;
