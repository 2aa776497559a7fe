import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { AggregationSpec } from './engine/aggregation.ts';
import type { ConflictPolicy } from './engine/conflicts.ts';
import type { Criterion, CriterionScores } from './engine/rubric.ts';
import type { ScoreSnapshot } from './engine/score-ledger.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T extends object> = JSONColumnType<T, string, string>;
type NullableJson<T extends object> = ColumnType<T | null, string | null, string | null>;

export type RubricTable = {
  id: Generated<number>;
  contest_id: number;
  template_id: string | null;
  /** the library rubric it was copied from, if any */
  library_id: Generated<number | null>;
  name: string;
  name_zh: string;
  criteria: Json<Criterion[]>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
};

export type RubricLibraryTable = {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  name_zh: string;
  criteria: Json<Criterion[]>;
  archived: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
};

export type PanelTable = {
  id: Generated<number>;
  contest_id: number;
  round_key: string;
  track_key: string | null;
  group_key: string | null;
  name: string;
  rubric_id: number;
  min_size: number;
  aggregation: Json<AggregationSpec>;
  conflict_policy: Json<ConflictPolicy>;
  status: Generated<'open' | 'locked'>;
  on_stage_entry_id: number | null;
  screen_token: string;
  reveal_entry_id: number | null;
  reveal_step: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
};

export type PanelJudgeTable = { panel_id: number; person_id: number; seat: number };
export type PanelEntryTable = { panel_id: number; entry_id: number; position: number; locked: Generated<boolean> };

export type ScoreSheetTable = {
  panel_id: number;
  judge_id: number;
  entry_id: number;
  scores: Json<CriterionScores>;
  comment: string | null;
  revision: number;
  client_id: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
};

export type ScoreAuditTable = {
  id: Generated<number>;
  panel_id: number;
  at: Timestamp;
  actor_id: number | null;
  actor_kind: 'judge' | 'organiser';
  action: 'create' | 'update' | 'lock' | 'unlock';
  judge_id: number | null;
  entry_id: number | null;
  old: NullableJson<ScoreSnapshot>;
  new: NullableJson<ScoreSnapshot>;
  reason: string | null;
  client_id: string | null;
  via: string | null;
};

export type JudgeInvitationTable = {
  id: Generated<number>;
  code: string;
  contest_id: number;
  name: string;
  affiliation: string;
  expires_at: Timestamp;
  person_id: number | null;
  redeemed_at: Date | null;
  revoked_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
};

export type JudgingTables = {
  rubric: RubricTable;
  rubric_library: RubricLibraryTable;
  panel: PanelTable;
  panel_judge: PanelJudgeTable;
  panel_entry: PanelEntryTable;
  score_sheet: ScoreSheetTable;
  score_audit: ScoreAuditTable;
  judge_invitation: JudgeInvitationTable;
};
