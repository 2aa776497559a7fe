import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

export type BankTable = {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  description: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  archived_at: Date | null;
};

export type KnowledgePointTable = {
  id: Generated<number>;
  bank_id: number;
  parent_id: number | null;
  name: string;
  path: string;
  sort: Generated<number>;
};

export type QuestionTable = {
  id: Generated<number>;
  bank_id: number;
  current_version_id: number | null;
  version_no: Generated<number>;
  type: string;
  status: 'draft' | 'active' | 'retired';
  track: string | null;
  difficulty: number;
  knowledge_points: Json<string[]>;
  stem: string;
  tokens: Generated<string>;
  identity_key: string;
  fingerprint: string;
  content_hash: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
};

export type QuestionVersionTable = {
  id: Generated<number>;
  question_id: number;
  version_no: number;
  data: Json<object>;
  content_hash: string;
  created_by: number | null;
  created_at: Generated<Date>;
};

export type BlueprintTable = {
  id: Generated<number>;
  bank_id: number;
  name: string;
  data: Json<object>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
};

export type PaperSetTable = {
  id: Generated<number>;
  bank_id: number;
  name: string;
  blueprint_id: number | null;
  blueprint: Json<object>;
  seed: number;
  created_by: number | null;
  created_at: Generated<Date>;
};

export type PaperTable = {
  id: Generated<number>;
  paper_set_id: number;
  label: string;
  total_score: number;
  summary: Json<object>;
};

export type PaperItemTable = {
  paper_id: number;
  position: number;
  section: number;
  question_id: number;
  question_version_id: number;
  points: number;
};

export type BankAttachmentTable = {
  id: Generated<number>;
  bank_id: number;
  name: string;
  mime: string;
  kind: string;
  size: number;
  sha256: string;
  data: Uint8Array;
  created_by: number | null;
  created_at: Generated<Date>;
};

export type BankTables = {
  bank_attachment: BankAttachmentTable;
  bank: BankTable;
  knowledge_point: KnowledgePointTable;
  question: QuestionTable;
  question_version: QuestionVersionTable;
  blueprint: BlueprintTable;
  paper_set: PaperSetTable;
  paper: PaperTable;
  paper_item: PaperItemTable;
};
