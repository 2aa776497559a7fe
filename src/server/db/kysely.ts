import type { Kysely, Transaction } from 'kysely';
import type { DB } from './types.ts';

/** A database handle or a transaction: every repo function accepts either. */
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

/** Splits rows into chunks small enough for one multi-row statement (PostgreSQL allows 65535 parameters). */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
