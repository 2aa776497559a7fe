import type { Db } from '../db/kysely.ts';
import type { CriterionScores } from './engine/rubric.ts';
import type { AuditEntry, ScoreSnapshot } from './engine/score-ledger.ts';

export type SheetRow = { judgeId: number; entryId: number; scores: CriterionScores; comment: string | null; revision: number; clientId: string | null; updatedAt: Date };
export type AuditRow = {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  actorKind: 'judge' | 'organiser';
  action: 'create' | 'update' | 'lock' | 'unlock';
  judgeId: number | null;
  entryId: number | null;
  old: ScoreSnapshot | null;
  new: ScoreSnapshot | null;
  reason: string | null;
  clientId: string | null;
  via: string | null;
};

/** Score sheets (one per judge × entry of a panel) and the audit trail of every change. */
export function createSheetRepo(db: Db) {
  return {
    async list(panelId: number, tx: Db = db): Promise<SheetRow[]> {
      return tx
        .selectFrom('score_sheet')
        .select(['judge_id as judgeId', 'entry_id as entryId', 'scores', 'comment', 'revision', 'client_id as clientId', 'updated_at as updatedAt'])
        .where('panel_id', '=', panelId)
        .orderBy('entry_id')
        .orderBy('judge_id')
        .execute();
    },
    /** Every client id already applied on the panel: a re-send of one is a duplicate. */
    async appliedClientIds(panelId: number, tx: Db = db): Promise<string[]> {
      const a = await tx.selectFrom('score_audit').select('client_id').where('panel_id', '=', panelId).where('client_id', 'is not', null).execute();
      const s = await tx.selectFrom('score_sheet').select('client_id').where('panel_id', '=', panelId).where('client_id', 'is not', null).execute();
      return [...new Set([...a, ...s].map((r) => r.client_id!))];
    },
    async upsert(panelId: number, s: { judgeId: number; entryId: number; scores: CriterionScores; comment: string | null; revision: number; clientId: string | null; at: Date }, tx: Db = db): Promise<void> {
      await tx
        .insertInto('score_sheet')
        .values({ panel_id: panelId, judge_id: s.judgeId, entry_id: s.entryId, scores: JSON.stringify(s.scores), comment: s.comment, revision: s.revision, client_id: s.clientId, created_at: s.at, updated_at: s.at })
        .onConflict((oc) =>
          oc.columns(['panel_id', 'judge_id', 'entry_id']).doUpdateSet({ scores: JSON.stringify(s.scores), comment: s.comment, revision: s.revision, client_id: s.clientId, updated_at: s.at }),
        )
        .execute();
    },
    async setClientId(panelId: number, judgeId: number, entryId: number, clientId: string, tx: Db = db): Promise<void> {
      await tx.updateTable('score_sheet').set({ client_id: clientId }).where('panel_id', '=', panelId).where('judge_id', '=', judgeId).where('entry_id', '=', entryId).execute();
    },
    async insertAudit(panelId: number, entries: AuditEntry[], tx: Db = db): Promise<void> {
      if (entries.length === 0) return;
      await tx
        .insertInto('score_audit')
        .values(
          entries.map((e) => ({
            panel_id: panelId,
            at: e.at,
            actor_id: e.actor.kind === 'judge' ? Number(e.actor.judgeId) : Number(e.actor.personId) || null,
            actor_kind: e.actor.kind,
            action: e.action,
            judge_id: e.judgeId === null ? null : Number(e.judgeId),
            entry_id: e.contestantId === null ? null : Number(e.contestantId),
            old: e.old ? JSON.stringify(e.old) : null,
            new: e.new ? JSON.stringify(e.new) : null,
            reason: e.reason,
            client_id: e.clientId,
            via: e.via,
          })),
        )
        .execute();
    },
    async audit(panelId: number, tx: Db = db): Promise<AuditRow[]> {
      return tx
        .selectFrom('score_audit')
        .leftJoin('person', 'person.id', 'score_audit.actor_id')
        .select([
          'score_audit.id',
          'score_audit.at',
          'score_audit.actor_id as actorId',
          'person.name as actorName',
          'score_audit.actor_kind as actorKind',
          'score_audit.action',
          'score_audit.judge_id as judgeId',
          'score_audit.entry_id as entryId',
          'score_audit.old',
          'score_audit.new',
          'score_audit.reason',
          'score_audit.client_id as clientId',
          'score_audit.via',
        ])
        .where('score_audit.panel_id', '=', panelId)
        .orderBy('score_audit.id')
        .execute();
    },
  };
}
export type SheetRepo = ReturnType<typeof createSheetRepo>;
