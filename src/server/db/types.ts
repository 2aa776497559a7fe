import type { IdentityTables } from '../identity/tables.ts';
import type { BankTables } from '../bank/tables.ts';
import type { ContestsTables } from '../contests/tables.ts';

/** The whole database: each domain contributes the types of the tables it owns. */
export type DB = IdentityTables & BankTables & ContestsTables;
