import type { Db } from '../db/kysely.ts';
import type { AggregationSpec } from './engine/aggregation.ts';
import type { ConflictPolicy } from './engine/conflicts.ts';

export type PanelRow = {
  id: number;
  contestId: number;
  roundKey: string;
  trackKey: string | null;
  groupKey: string | null;
  name: string;
  rubricId: number;
  minSize: number;
  aggregation: AggregationSpec;
  conflictPolicy: ConflictPolicy;
  status: 'open' | 'locked';
  onStageEntryId: number | null;
  screenToken: string;
  revealEntryId: number | null;
  revealStep: number;
};
export type PanelJudgeRow = { personId: number; seat: number; name: string; employeeNo: string; organisationPath: string; organisationName: string; guestAffiliation: string | null };
export type PanelEntryRow = { entryId: number; position: number; locked: boolean; name: string; trackKey: string; kind: string; organisationId: number; organisationPath: string; organisationName: string };
export type PanelInput = Omit<PanelRow, 'id' | 'status' | 'onStageEntryId' | 'screenToken' | 'revealEntryId' | 'revealStep'>;

const columns = [
  'panel.id',
  'panel.contest_id as contestId',
  'panel.round_key as roundKey',
  'panel.track_key as trackKey',
  'panel.group_key as groupKey',
  'panel.name',
  'panel.rubric_id as rubricId',
  'panel.min_size as minSize',
  'panel.aggregation',
  'panel.conflict_policy as conflictPolicy',
  'panel.status',
  'panel.on_stage_entry_id as onStageEntryId',
  'panel.screen_token as screenToken',
  'panel.reveal_entry_id as revealEntryId',
  'panel.reveal_step as revealStep',
] as const;

/** Panels (评委组) of a judged round, their judges (with seats) and entries (in stage order). */
export function createPanelRepo(db: Db) {
  return {
    async get(id: number, tx: Db = db, opts: { forUpdate?: boolean } = {}): Promise<PanelRow | undefined> {
      let q = tx.selectFrom('panel').select(columns).where('panel.id', '=', id);
      // serialises scoring against a lock on PostgreSQL (PGlite has one connection anyway)
      if (opts.forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },
    async findByScreenToken(token: string, tx: Db = db): Promise<PanelRow | undefined> {
      return tx.selectFrom('panel').select(columns).where('panel.screen_token', '=', token).executeTakeFirst();
    },
    async listByContest(contestId: number, tx: Db = db): Promise<PanelRow[]> {
      return tx.selectFrom('panel').select(columns).where('panel.contest_id', '=', contestId).orderBy('panel.round_key').orderBy('panel.id').execute();
    },
    /** Panels a person sits on, optionally only those of one contest (a guest judge). */
    async listForJudge(personId: number, contestId: number | null, tx: Db = db): Promise<PanelRow[]> {
      let q = tx.selectFrom('panel').innerJoin('panel_judge', 'panel_judge.panel_id', 'panel.id').select(columns).where('panel_judge.person_id', '=', personId);
      if (contestId !== null) q = q.where('panel.contest_id', '=', contestId);
      return q.orderBy('panel.id').execute();
    },
    async insert(p: PanelInput & { screenToken: string; createdBy: number | null }, tx: Db = db): Promise<number> {
      const row = await tx
        .insertInto('panel')
        .values({
          contest_id: p.contestId,
          round_key: p.roundKey,
          track_key: p.trackKey,
          group_key: p.groupKey,
          name: p.name,
          rubric_id: p.rubricId,
          min_size: p.minSize,
          aggregation: JSON.stringify(p.aggregation),
          conflict_policy: JSON.stringify(p.conflictPolicy),
          screen_token: p.screenToken,
          created_by: p.createdBy,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async update(id: number, p: Partial<Pick<PanelInput, 'name' | 'rubricId' | 'minSize' | 'aggregation' | 'conflictPolicy' | 'trackKey' | 'groupKey'>>, tx: Db = db): Promise<void> {
      await tx
        .updateTable('panel')
        .set({
          ...(p.name !== undefined && { name: p.name }),
          ...(p.rubricId !== undefined && { rubric_id: p.rubricId }),
          ...(p.minSize !== undefined && { min_size: p.minSize }),
          ...(p.trackKey !== undefined && { track_key: p.trackKey }),
          ...(p.groupKey !== undefined && { group_key: p.groupKey }),
          ...(p.aggregation !== undefined && { aggregation: JSON.stringify(p.aggregation) }),
          ...(p.conflictPolicy !== undefined && { conflict_policy: JSON.stringify(p.conflictPolicy) }),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
    },
    async delete(id: number, tx: Db = db): Promise<void> {
      await tx.deleteFrom('panel').where('id', '=', id).execute();
    },
    async setStatus(id: number, status: 'open' | 'locked', tx: Db = db): Promise<void> {
      await tx.updateTable('panel').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
    },
    async setOnStage(id: number, entryId: number | null, tx: Db = db): Promise<void> {
      await tx.updateTable('panel').set({ on_stage_entry_id: entryId, updated_at: new Date() }).where('id', '=', id).execute();
    },
    async setReveal(id: number, entryId: number | null, step: number, tx: Db = db): Promise<void> {
      await tx.updateTable('panel').set({ reveal_entry_id: entryId, reveal_step: step }).where('id', '=', id).execute();
    },
    async judges(panelId: number, tx: Db = db): Promise<PanelJudgeRow[]> {
      return tx
        .selectFrom('panel_judge')
        .innerJoin('person', 'person.id', 'panel_judge.person_id')
        .innerJoin('organisation', 'organisation.id', 'person.organisation_id')
        .leftJoin('judge_invitation', 'judge_invitation.person_id', 'person.id')
        .select(['panel_judge.person_id as personId', 'panel_judge.seat', 'person.name', 'person.employee_no as employeeNo', 'organisation.id_path as organisationPath', 'organisation.name as organisationName', 'judge_invitation.affiliation as guestAffiliation'])
        .where('panel_judge.panel_id', '=', panelId)
        .orderBy('panel_judge.seat')
        .execute();
    },
    async setJudges(panelId: number, personIds: number[], tx: Db = db): Promise<void> {
      await tx.deleteFrom('panel_judge').where('panel_id', '=', panelId).execute();
      if (personIds.length) await tx.insertInto('panel_judge').values(personIds.map((person_id, seat) => ({ panel_id: panelId, person_id, seat }))).execute();
    },
    async entries(panelId: number, tx: Db = db): Promise<PanelEntryRow[]> {
      return tx
        .selectFrom('panel_entry')
        .innerJoin('contest_entry', 'contest_entry.id', 'panel_entry.entry_id')
        .innerJoin('organisation', 'organisation.id', 'contest_entry.organisation_id')
        .select([
          'panel_entry.entry_id as entryId',
          'panel_entry.position',
          'panel_entry.locked',
          'contest_entry.name',
          'contest_entry.track_key as trackKey',
          'contest_entry.kind',
          'contest_entry.organisation_id as organisationId',
          'organisation.id_path as organisationPath',
          'organisation.name as organisationName',
        ])
        .where('panel_entry.panel_id', '=', panelId)
        .orderBy('panel_entry.position')
        .execute();
    },
    /** Replaces the entry list in stage order, keeping the lock of entries that stay. */
    async setEntries(panelId: number, entryIds: number[], tx: Db = db): Promise<void> {
      const locked = new Set((await tx.selectFrom('panel_entry').select('entry_id').where('panel_id', '=', panelId).where('locked', '=', true).execute()).map((r) => r.entry_id));
      await tx.deleteFrom('panel_entry').where('panel_id', '=', panelId).execute();
      if (entryIds.length) await tx.insertInto('panel_entry').values(entryIds.map((entry_id, position) => ({ panel_id: panelId, entry_id, position, locked: locked.has(entry_id) }))).execute();
    },
    async setEntryLocks(panelId: number, lockedEntryIds: number[], tx: Db = db): Promise<void> {
      await tx.updateTable('panel_entry').set({ locked: false }).where('panel_id', '=', panelId).execute();
      if (lockedEntryIds.length) await tx.updateTable('panel_entry').set({ locked: true }).where('panel_id', '=', panelId).where('entry_id', 'in', lockedEntryIds).execute();
    },
  };
}
export type PanelRepo = ReturnType<typeof createPanelRepo>;
