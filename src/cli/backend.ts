import fs from 'node:fs';
import type { Config } from '../server/config.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { CLI_TOKEN_HEADER } from '../server/plugins/auth.ts';
import { cliLockPath, openConfiguredDatabase, readCliLock, readServerLock, removeLock } from '../server/runtime.ts';

/**
 * Where the CLI's work happens. PGlite allows one process per data directory, so when a
 * server holds it the CLI works through that server's API (authenticated by the token the
 * server left in its data directory); otherwise it opens the database itself, holding
 * DATA_DIR/cli.lock so that a server started meanwhile refuses plainly. With DATABASE_URL
 * (PostgreSQL) any number of processes may connect, and the CLI always works directly.
 */
export type Backend =
  | { mode: 'local'; ctx: AppContext; close: () => Promise<void> }
  | { mode: 'remote'; url: string; call: (method: string, path: string, body?: BodyInit | object, headers?: Record<string, string>) => Promise<Response> };

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export async function openBackend(config: Config): Promise<Backend> {
  if (!config.databaseUrl) {
    const server = readServerLock(config.dataDir);
    if (server) {
      const call = async (method: string, path: string, body?: BodyInit | object, headers: Record<string, string> = {}) => {
        const isRaw = body instanceof FormData || typeof body === 'string' || body instanceof Uint8Array;
        const init: RequestInit = {
          method,
          headers: { [CLI_TOKEN_HEADER]: server.cliToken, ...(body && !isRaw ? { 'content-type': 'application/json' } : {}), ...headers },
          body: body === undefined ? undefined : isRaw ? (body as BodyInit) : JSON.stringify(body),
        };
        try {
          return await fetch(`${server.url}${path}`, init);
        } catch (e) {
          throw new CliError(`a ServiceStar server (pid ${server.pid}) holds ${config.dataDir} but does not answer at ${server.url}: ${(e as Error).message}`);
        }
      };
      return { mode: 'remote', url: server.url, call };
    }
    const other = readCliLock(config.dataDir);
    if (other) throw new CliError(`another servicestar command (pid ${other}) has ${config.dataDir} open; wait for it to finish`);
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(cliLockPath(config.dataDir), String(process.pid));
  }
  try {
    const database = await openConfiguredDatabase(config);
    const ctx = createContext(database, config);
    return {
      mode: 'local',
      ctx,
      close: async () => {
        await database.close();
        if (!config.databaseUrl) removeLock(cliLockPath(config.dataDir));
      },
    };
  } catch (e) {
    if (!config.databaseUrl) removeLock(cliLockPath(config.dataDir));
    throw e;
  }
}

/** Reads an API answer, turning an error body into a CliError with the server's message. */
export async function expectOk<T>(res: Response): Promise<T> {
  const text = await res.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = new CliError(body?.message ?? `server answered ${res.status}`) as CliError & { body?: unknown; status?: number };
    err.body = body;
    err.status = res.status;
    throw err;
  }
  return body as T;
}
