import type { Db } from '../db/kysely.ts';

export type ScoreRow = { roundKey: string; entryId: number; score: number; maxScore: number | null; source: string; sourceRef: string | null; violations: number; finishedAt: Date | null; updatedAt: Date };

export type AdvancementRow = { stageKey: string; entryId: number; advances: boolean; rank: number; reason: Record<string, unknown>; decidedAt: Date };

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/**
 * contest_round_score (the contract other domains write into), the advancement decisions
 * per stage, and the persisted group PK / bracket state of a stage.
 */
export function createScoreRepo(db: Db) {
  return {
    async list(contestId: number, roundKeys: string[], tx: Db = db): Promise<ScoreRow[]> {
      if (roundKeys.length === 0) return [];
      return tx
        .selectFrom('contest_round_score')
        .select(['round_key as roundKey', 'entry_id as entryId', 'score', 'max_score as maxScore', 'source', 'source_ref as sourceRef', 'violations', 'finished_at as finishedAt', 'updated_at as updatedAt'])
        .where('contest_id', '=', contestId)
        .where('round_key', 'in', roundKeys)
        .orderBy('round_key')
        .orderBy('entry_id')
        .execute();
    },
    /** Score rows with their details (e.g. `memberScores` {personId: score} of a team round). */
    async listWithDetails(contestId: number, roundKeys: string[], tx: Db = db): Promise<(ScoreRow & { details: Record<string, unknown> })[]> {
      if (roundKeys.length === 0) return [];
      const rows = await tx
        .selectFrom('contest_round_score')
        .select(['round_key as roundKey', 'entry_id as entryId', 'score', 'max_score as maxScore', 'source', 'source_ref as sourceRef', 'violations', 'finished_at as finishedAt', 'updated_at as updatedAt', 'details'])
        .where('contest_id', '=', contestId)
        .where('round_key', 'in', roundKeys)
        .orderBy('round_key')
        .orderBy('entry_id')
        .execute();
      return rows.map((r) => ({ ...r, details: parse<Record<string, unknown>>(r.details) ?? {} }));
    },
    async upsert(s: { contestId: number; roundKey: string; entryId: number; score: number; maxScore: number | null; source: string; sourceRef: string | null; violations: number; finishedAt: Date | null; details: Record<string, unknown> }, tx: Db = db): Promise<void> {
      const values = { contest_id: s.contestId, round_key: s.roundKey, entry_id: s.entryId, score: s.score, max_score: s.maxScore, source: s.source, source_ref: s.sourceRef, violations: s.violations, finished_at: s.finishedAt, details: JSON.stringify(s.details), updated_at: new Date() };
      await tx
        .insertInto('contest_round_score')
        .values(values)
        .onConflict((oc) => oc.columns(['contest_id', 'round_key', 'entry_id']).doUpdateSet({ score: values.score, max_score: values.max_score, source: values.source, source_ref: values.source_ref, violations: values.violations, finished_at: values.finished_at, details: values.details, updated_at: values.updated_at }))
        .execute();
    },
    async listAdvancement(contestId: number, stageKey?: string, tx: Db = db): Promise<AdvancementRow[]> {
      let q = tx.selectFrom('contest_advancement').select(['stage_key as stageKey', 'entry_id as entryId', 'advances', 'rank', 'reason', 'decided_at as decidedAt']).where('contest_id', '=', contestId);
      if (stageKey) q = q.where('stage_key', '=', stageKey);
      const rows = await q.orderBy('stage_key').orderBy('rank').orderBy('entry_id').execute();
      return rows.map((r) => ({ ...r, reason: parse<Record<string, unknown>>(r.reason) }));
    },
    async replaceAdvancement(contestId: number, stageKey: string, rows: { entryId: number; advances: boolean; rank: number; reason: Record<string, unknown> }[], decidedBy: number | null, tx: Db = db): Promise<void> {
      await tx.deleteFrom('contest_advancement').where('contest_id', '=', contestId).where('stage_key', '=', stageKey).execute();
      if (rows.length === 0) return;
      await tx
        .insertInto('contest_advancement')
        .values(rows.map((r) => ({ contest_id: contestId, stage_key: stageKey, entry_id: r.entryId, advances: r.advances, rank: r.rank, reason: JSON.stringify(r.reason), decided_by: decidedBy && decidedBy > 0 ? decidedBy : null })))
        .execute();
    },
    async getState<T>(contestId: number, stageKey: string, kind: 'groupPk' | 'bracket', tx: Db = db): Promise<T | undefined> {
      const r = await tx.selectFrom('contest_stage_state').select('state').where('contest_id', '=', contestId).where('stage_key', '=', stageKey).where('kind', '=', kind).executeTakeFirst();
      return r ? parse<T>(r.state) : undefined;
    },
    async putState(contestId: number, stageKey: string, kind: 'groupPk' | 'bracket', state: object, tx: Db = db): Promise<void> {
      const json = JSON.stringify(state);
      await tx
        .insertInto('contest_stage_state')
        .values({ contest_id: contestId, stage_key: stageKey, kind, state: json, updated_at: new Date() })
        .onConflict((oc) => oc.columns(['contest_id', 'stage_key', 'kind']).doUpdateSet({ state: json, updated_at: new Date() }))
        .execute();
    },
  };
}
export type ScoreRepo = ReturnType<typeof createScoreRepo>;
