import type { ColumnType, Generated } from 'kysely';

/** Tables of migration 2026-11-24T1000-contests-workflow (uploads, advancement, PK/bracket state, venues, awards). */
type JsonCol<T> = ColumnType<T, string, string>;

export type ContestUploadTable = {
  id: string;
  owner_id: number | null;
  kind: 'document' | 'video';
  file_name: string;
  mime_type: string;
  size: ColumnType<string | number, number, number>;
  chunk_size: number;
  status: Generated<string>;
  created_at: Generated<Date>;
  completed_at: Date | null;
};

export type ContestAdvancementTable = {
  contest_id: number;
  stage_key: string;
  entry_id: number;
  advances: boolean;
  rank: number;
  reason: JsonCol<Record<string, unknown>>;
  decided_by: number | null;
  decided_at: Generated<Date>;
};

export type ContestStageStateTable = {
  contest_id: number;
  stage_key: string;
  kind: 'groupPk' | 'bracket';
  state: JsonCol<Record<string, unknown>>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type ContestVenueTable = {
  id: Generated<number>;
  contest_id: number;
  stage_key: string;
  name: string;
  role: 'main' | 'branch';
  mode: 'online' | 'onsite' | 'hybrid';
  organisation_id: number | null;
  address: Generated<string>;
  round_keys: JsonCol<string[]>;
};

export type ContestVenuePersonTable = { venue_id: number; person_id: number; role: string };

export type ContestAwardSetTable = {
  id: Generated<number>;
  contest_id: number;
  version: number | null;
  status: 'draft' | 'reviewed' | 'published';
  awards: JsonCol<unknown[]>;
  sources: JsonCol<unknown[]>;
  computed_by: number | null;
  computed_at: Generated<Date>;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  published_by: number | null;
  published_at: Date | null;
};

export type ContestsWorkflowTables = {
  contest_upload: ContestUploadTable;
  contest_advancement: ContestAdvancementTable;
  contest_stage_state: ContestStageStateTable;
  contest_venue: ContestVenueTable;
  contest_venue_person: ContestVenuePersonTable;
  contest_award_set: ContestAwardSetTable;
};
