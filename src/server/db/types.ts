import type { IdentityTables } from '../identity/tables.ts';
import type { BankTables } from '../bank/tables.ts';
import type { ContestsTables } from '../contests/tables.ts';
import type { ArenaTables } from '../arena/tables.ts';
import type { JudgingTables } from '../judging/tables.ts';
import type { ExamsTables } from '../exams/tables.ts';

/** The whole database: each domain contributes the types of the tables it owns. */
export type DB = IdentityTables & BankTables & ContestsTables & ExamsTables & ArenaTables & JudgingTables;
