import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ContestsWorkflowTables } from './workflow-tables.ts';

type Json<T extends object> = JSONColumnType<T, string, string>;

export type ContestTable = {
  id: Generated<number>;
  organisation_id: number;
  title: string;
  status: Generated<string>;
  definition: Json<Record<string, unknown>>;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type ContestEntryTable = {
  id: Generated<number>;
  contest_id: number;
  track_key: string;
  kind: 'individual' | 'team';
  name: string;
  organisation_id: number;
  captain_id: number | null;
  status: Generated<string>;
  seed: number | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Generated<Date>;
};

export type ContestEntryMemberTable = { entry_id: number; person_id: number; role: Generated<string> };

export type ContestRoundScoreTable = {
  contest_id: number;
  round_key: string;
  entry_id: number;
  score: number;
  max_score: number | null;
  source: string;
  source_ref: string | null;
  violations: Generated<number>;
  finished_at: Date | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type ContestsTables = {
  contest: ContestTable;
  contest_entry: ContestEntryTable;
  contest_entry_member: ContestEntryMemberTable;
  contest_round_score: ContestRoundScoreTable;
} & ContestsWorkflowTables;
