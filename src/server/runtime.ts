import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';

/**
 * PGlite allows one process per data directory. The server records itself in
 * DATA_DIR/server.json (with a token the CLI uses to work through it); the CLI records
 * itself in DATA_DIR/cli.lock while it has the database open. Neither opens a directory
 * the other holds.
 */
export type ServerLock = { pid: number; url: string; cliToken: string; startedAt: string };

export const serverLockPath = (dataDir: string) => path.join(dataDir, 'server.json');
export const cliLockPath = (dataDir: string) => path.join(dataDir, 'cli.lock');

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readServerLock(dataDir: string): ServerLock | undefined {
  try {
    const lock = JSON.parse(fs.readFileSync(serverLockPath(dataDir), 'utf8')) as ServerLock;
    return isAlive(lock.pid) && lock.pid !== process.pid ? lock : undefined;
  } catch {
    return undefined;
  }
}

export function readCliLock(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(cliLockPath(dataDir), 'utf8').trim());
    return pid && isAlive(pid) && pid !== process.pid ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function writeServerLock(dataDir: string, lock: ServerLock) {
  fs.writeFileSync(serverLockPath(dataDir), JSON.stringify(lock, null, 2), { mode: 0o600 });
}

export function removeLock(file: string) {
  try {
    fs.unlinkSync(file);
  } catch {
    /* already gone */
  }
}

/** Opens the configured database and brings its schema up to date. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, schema: config.databaseSchema })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  await migrateToLatest(database.db, { schema: config.databaseSchema });
  return database;
}
