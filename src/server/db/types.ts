import type { IdentityTables } from '../identity/tables.ts';

/** The whole database: each domain contributes the types of the tables it owns. */
export type DB = IdentityTables;
