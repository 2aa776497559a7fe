import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type OrganisationTable = {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  kind: string;
  id_path: Generated<string>;
  depth: Generated<number>;
  sort: Generated<number>;
  archived_at: Date | null;
  created_at: Generated<Date>;
};

export type TrackTable = {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  sort: Generated<number>;
  active: Generated<boolean>;
};

export type PersonTable = {
  id: Generated<number>;
  employee_no: string;
  name: string;
  gender: 'M' | 'F' | null;
  organisation_id: number;
  phone: string | null;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type PersonTrackTable = { person_id: number; track_id: number };

export type RoleGrantTable = {
  id: Generated<number>;
  person_id: number;
  role: string;
  organisation_id: number;
  created_at: Generated<Date>;
};

export type SessionTable = {
  id: string;
  person_id: number;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
};

export type ImportJobTable = {
  id: string;
  kind: string;
  created_by: number | null;
  file_name: string;
  status: Generated<string>;
  options: JSONColumnType<Record<string, unknown>, string, string>;
  rows: JSONColumnType<unknown[], string, string>;
  result: JSONColumnType<Record<string, unknown>, string | null, string | null> | null;
  created_at: Generated<Date>;
};

export type AuditLogTable = {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: number | null;
  action: string;
  target_type: string;
  target_id: string | null;
  data: JSONColumnType<Record<string, unknown>, string | null, string | null> | null;
};

export type SettingTable = { key: string; value: ColumnType<unknown, string, string> };

export type IdentityTables = {
  organisation: OrganisationTable;
  track: TrackTable;
  person: PersonTable;
  person_track: PersonTrackTable;
  role_grant: RoleGrantTable;
  session: SessionTable;
  import_job: ImportJobTable;
  audit_log: AuditLogTable;
  setting: SettingTable;
};
