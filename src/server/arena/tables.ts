import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T extends object> = JSONColumnType<T, string, string>;

export type ArenaRoundTable = {
  id: Generated<number>;
  organisation_id: number;
  title: string;
  status: Generated<'draft' | 'live' | 'finished'>;
  config: Json<Record<string, unknown>>;
  host_ids: ColumnType<number[], string | undefined, string>;
  is_public: Generated<boolean>;
  contest_id: number | null;
  contest_round_key: string | null;
  entry_map: ColumnType<Record<string, number>, string | undefined, string>;
  screen_token: string | null;
  join_code: string | null;
  secret: string;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
};

export type ArenaEventTable = { round_id: number; seq: number; type: string; body: Json<Record<string, unknown>>; at: Timestamp };

export type ArenaSnapshotTable = { round_id: number; seq: number; data: Json<Record<string, unknown>>; taken_at: Generated<Date> };

export type ArenaTables = { arena_round: ArenaRoundTable; arena_event: ArenaEventTable; arena_snapshot: ArenaSnapshotTable };
