import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = JSONColumnType<T & object, string, string>;

export type ExamTable = {
  id: Generated<number>;
  organisation_id: number;
  title: string;
  instructions: Generated<string>;
  status: Generated<'draft' | 'published' | 'archived'>;
  opens_at: Timestamp;
  closes_at: Timestamp;
  duration_ms: number;
  attempts_allowed: Generated<number>;
  paper_mode: 'shuffled' | 'parallel';
  paper_id: number | null;
  paper_set_id: number | null;
  seed: number;
  settings: Json<object>;
  contest_id: number | null;
  round_key: string | null;
  results_released_at: Timestamp | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type ExamCandidateTable = { exam_id: number; person_id: number; paper_id: number | null; extra_ms: Generated<number>; added_at: Generated<Date> };

export type ExamAttemptTable = {
  id: Generated<number>;
  exam_id: number;
  person_id: number;
  attempt_no: number;
  paper_id: number;
  started_at: Timestamp;
  deadline: Timestamp;
  last_seq: Generated<number>;
  last_seen_at: Timestamp | null;
  submitted_at: Timestamp | null;
  submit_reason: string | null;
  status: Generated<string>;
  score: number | null;
  max_score: number | null;
  item_scores: ColumnType<unknown, string | null, string | null> | null;
  ip: string | null;
  user_agent: string | null;
};

export type ExamAnswerTable = {
  attempt_id: number;
  position: number;
  response: ColumnType<unknown, string | null, string | null> | null;
  answer_seq: Generated<number>;
  answered_at: Timestamp | null;
  flagged: Generated<boolean>;
  flag_seq: Generated<number>;
};

export type ExamProctorEventTable = { id: Generated<string>; attempt_id: number; kind: string; at: Timestamp; client_at: Timestamp | null; ip: string | null; user_agent: string | null };
export type ExamSnapshotTable = { id: Generated<number>; attempt_id: number; taken_at: Timestamp; mime: string; bytes: Buffer };
export type ExamMessageTable = { id: Generated<number>; exam_id: number; person_id: number | null; from_id: number | null; body: string; sent_at: Generated<Date> };
export type ExamMarkTable = { attempt_id: number; position: number; marker_id: number; mark: number; comment: Generated<string>; at: Generated<Date> };
export type ExamAppealTable = {
  id: Generated<number>;
  attempt_id: number;
  position: number | null;
  person_id: number;
  reason: string;
  original_mark: number;
  final_mark: number | null;
  status: string;
  trail: Json<unknown[]>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type PracticeLevelTable = { id: Generated<number>; organisation_id: number; name: string; sort: number; paper_id: number; pass_mark: number; created_at: Generated<Date> };
export type PracticeAnswerTable = {
  id: Generated<string>;
  person_id: number;
  question_id: number;
  question_version_id: number;
  knowledge_points: Json<string[]>;
  correct: boolean;
  score: number;
  max_score: number;
  mode: string;
  level_id: number | null;
  at: Timestamp;
};
export type PracticeLevelResultTable = { id: Generated<number>; person_id: number; level_id: number; score: number; at: Timestamp };

export type MockExamTable = {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  bank_id: number;
  blueprint_id: number | null;
  duration_ms: number;
  attempts_per_day: number | null;
  cadence: Generated<'free' | 'weekly'>;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Date>;
};
export type MockAttemptTable = {
  id: Generated<number>;
  mock_exam_id: number;
  person_id: number;
  attempt_no: number;
  day: string;
  seed: number;
  paper: Json<object>;
  started_at: Timestamp;
  deadline: Timestamp;
  last_seq: Generated<number>;
  submitted_at: Timestamp | null;
  submit_reason: string | null;
  score: number | null;
  max_score: number | null;
  item_scores: ColumnType<unknown, string | null, string | null> | null;
  week: string | null;
};
export type MockWeekPaperTable = { mock_exam_id: number; week: string; seed: number; paper: Json<object>; created_at: Generated<Date> };
export type MockAnswerTable = {
  attempt_id: number;
  position: number;
  response: ColumnType<unknown, string | null, string | null> | null;
  answer_seq: Generated<number>;
  answered_at: Timestamp | null;
  flagged: Generated<boolean>;
  flag_seq: Generated<number>;
};

export type ExamsTables = {
  exam: ExamTable;
  exam_candidate: ExamCandidateTable;
  exam_attempt: ExamAttemptTable;
  exam_answer: ExamAnswerTable;
  exam_proctor_event: ExamProctorEventTable;
  exam_snapshot: ExamSnapshotTable;
  exam_message: ExamMessageTable;
  exam_mark: ExamMarkTable;
  exam_appeal: ExamAppealTable;
  practice_level: PracticeLevelTable;
  practice_answer: PracticeAnswerTable;
  practice_level_result: PracticeLevelResultTable;
  mock_exam: MockExamTable;
  mock_attempt: MockAttemptTable;
  mock_answer: MockAnswerTable;
  mock_week_paper: MockWeekPaperTable;
};
