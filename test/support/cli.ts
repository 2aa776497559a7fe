import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';

const run = promisify(execFile);

/** `servicestar` spawned as a user runs it, in local mode on the given PGlite directory. */
export async function runCli(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
  try {
    const r = await run('node', ['bin/servicestar.mjs', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** A data directory of its own for the command: a copy of the run's migrated template, opened for seeding. */
export async function openCliDataDir(prefix: string): Promise<{ dir: string; database: Database }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const template = inject('pgliteTemplate');
  if (template && fs.existsSync(template)) fs.cpSync(template, dir, { recursive: true });
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  await migrateToLatest(database.db);
  return { dir, database };
}
