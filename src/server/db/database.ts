import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import type { DB } from './types.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Where the embedded database lives, when it is embedded. */
  dataDir?: string;
  /** the PostgreSQL schema this handle works in, when not the default */
  schema?: string;
  close: () => Promise<void>;
};

export type OpenOptions =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'postgres'; url: string; schema?: string; maxConnections?: number };

/**
 * Opens PGlite (a real PostgreSQL compiled to WASM, one process per data directory) or a
 * PostgreSQL server. Both speak the same dialect; nothing above this file knows which.
 */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.kind === 'pglite') {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create(path.join(opts.dataDir, 'pgdata'));
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite: pg }) });
    return {
      db,
      kind: 'pglite',
      dataDir: opts.dataDir,
      close: async () => {
        await db.destroy();
        if (!pg.closed) await pg.close();
      },
    };
  }
  const pgMod = await import('pg');
  const Pool = pgMod.default.Pool;
  // bigint counts come back as strings by default; ours fit in a JS number.
  pgMod.default.types.setTypeParser(20, (v: string) => Number(v));
  const schema = opts.schema;
  const pool = new Pool({
    connectionString: opts.url,
    max: opts.maxConnections ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  if (schema) {
    const c = await pool.connect();
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    } finally {
      c.release();
    }
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  return { db, kind: 'postgres', schema, close: () => db.destroy() };
}
