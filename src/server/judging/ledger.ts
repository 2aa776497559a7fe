import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { assignPanel, type PanelAssignment } from './engine/conflicts.ts';
import type { Rubric } from './engine/rubric.ts';
import { createLedger, type Ledger } from './engine/score-ledger.ts';
import type { PanelEntryRow, PanelJudgeRow, PanelRow } from './panel-repo.ts';
import type { RubricRow } from './rubric-repo.ts';

/**
 * The bridge between the tables and the pure score ledger: everything about one panel,
 * loaded inside the caller's transaction, as the engine's plain data (ids as strings).
 */
export type PanelState = {
  panel: PanelRow;
  rubricRow: RubricRow;
  rubric: Rubric;
  judges: PanelJudgeRow[];
  entries: PanelEntryRow[];
  assignment: PanelAssignment;
  ledger: Ledger;
};

export const toRubric = (r: RubricRow): Rubric => ({ id: String(r.id), name: r.name, nameZh: r.nameZh, criteria: r.criteria });

export async function loadPanelState(ctx: AppContext, panel: PanelRow, tx: Db): Promise<PanelState> {
  const { panels, rubrics, sheets } = ctx.judging;
  const rubricRow = (await rubrics.get(panel.rubricId, tx))!;
  const rubric = toRubric(rubricRow);
  const judges = await panels.judges(panel.id, tx);
  const entries = await panels.entries(panel.id, tx);
  const judgeIds = judges.map((j) => String(j.personId));
  const contestantIds = entries.map((e) => String(e.entryId));
  const assignment = assignPanel({
    panel: { id: String(panel.id), judgeIds, contestantIds, minSize: panel.minSize },
    // a guest from outside the group has no organisation of their own here: only a declared pair excludes them
    judges: judges.map((j) => ({ id: String(j.personId), organisationPath: j.guestAffiliation === null ? j.organisationPath : null, affiliations: j.guestAffiliation ? [`guest:${j.guestAffiliation}`] : [] })),
    contestants: entries.map((e) => ({ id: String(e.entryId), organisationPath: e.organisationPath })),
    policy: panel.conflictPolicy,
  });
  const ledger = createLedger({ itemId: String(panel.id), rubric, judgeIds, contestantIds, exclusions: assignment.conflicts });
  const rows = (await sheets.list(panel.id, tx)).filter((s) => judgeIds.includes(String(s.judgeId)) && contestantIds.includes(String(s.entryId)));
  ledger.entries = rows.map((s) => ({ judgeId: String(s.judgeId), contestantId: String(s.entryId), scores: s.scores, comment: s.comment, revision: s.revision, updatedAt: s.updatedAt.toISOString() }));
  ledger.lock = { all: panel.status === 'locked', contestantIds: entries.filter((e) => e.locked).map((e) => String(e.entryId)) };
  ledger.appliedClientIds = await sheets.appliedClientIds(panel.id, tx);
  return { panel, rubricRow, rubric, judges, entries, assignment, ledger };
}
