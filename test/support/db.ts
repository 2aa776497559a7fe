import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { readConfig, type Config } from '../../src/server/config.ts';
import { openDatabase, type Database } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { createContext, type AppContext } from '../../src/server/context.ts';

export type TestDb = { database: Database; ctx: AppContext; config: Config; cleanup: () => Promise<void> };

/**
 * A database of its own for one test file: a copy of the migrated PGlite template, or a
 * fresh schema on the PostgreSQL server named by TEST_DATABASE_URL.
 */
export async function createTestDb(overrides: Partial<Config> = {}): Promise<TestDb> {
  const config = { ...readConfig({}), initialPassword: 'Init@2026', ...overrides };
  if (process.env.TEST_BACKEND === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_BACKEND=postgres needs TEST_DATABASE_URL');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const database = await openDatabase({ kind: 'postgres', url, schema, maxConnections: 4 });
    await migrateRacingDrops(database, schema);
    return {
      database,
      config,
      ctx: createContext(database, config),
      cleanup: async () => {
        await sql.raw(`drop schema if exists "${schema}" cascade`).execute(database.db);
        await database.close();
      },
    };
  }
  const template = inject('pgliteTemplate');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servicestar-test-'));
  if (template && fs.existsSync(template)) fs.cpSync(template, dir, { recursive: true });
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  await migrateToLatest(database.db);
  return {
    database,
    config: { ...config, dataDir: dir },
    ctx: createContext(database, { ...config, dataDir: dir }),
    cleanup: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Kysely's migrator looks for its table by listing the tables of every schema; when another
 * test file drops its schema during that scan, PostgreSQL answers "schema t_… does not exist"
 * (3F000) naming the other file's schema. Only that race is retried: an error about our own
 * schema, or any other error, is thrown.
 */
async function migrateRacingDrops(database: Database, schema: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(database.db, { schema });
      return;
    } catch (e) {
      const err = e as { code?: string; message?: string };
      const otherSchemaDropped = err.code === '3F000' && !String(err.message).includes(schema);
      if (!otherSchemaDropped || attempt >= 5) throw e;
    }
  }
}
