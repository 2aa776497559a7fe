import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { createContext } from './context.ts';
import { demoSignIns, loadDemo } from './demo/index.ts';
import { needsSetup } from './identity/setup-service.ts';
import { sweepOverdueAttempts } from './exams/attempt-service.ts';
import { openConfiguredDatabase, readCliLock, readServerLock, removeLock, serverLockPath, writeServerLock } from './runtime.ts';

const config = readConfig();
const log = pino({ level: config.logLevel });

if (!config.databaseUrl) {
  const server = readServerLock(config.dataDir);
  if (server) {
    log.fatal(`another ServiceStar server (pid ${server.pid}, ${server.url}) is using ${config.dataDir}; stop it or set DATA_DIR`);
    process.exit(1);
  }
  const cli = readCliLock(config.dataDir);
  if (cli) {
    log.fatal(`the servicestar command (pid ${cli}) has ${config.dataDir} open; wait for it to finish`);
    process.exit(1);
  }
}

const database = await openConfiguredDatabase(config);
const ctx = createContext(database, config);
log.info({ database: database.kind, dataDir: database.dataDir }, 'database ready');

const empty = await needsSetup(ctx);
if (empty && config.demo) {
  const t0 = Date.now();
  const { summary } = await loadDemo(ctx);
  log.info({ ...summary, ms: Date.now() - t0 }, 'demo data loaded');
}

const cliToken = randomBytes(24).toString('base64url');
const app = await buildApp({ ctx, logger: { level: config.logLevel }, cliToken });
// a deep accept queue: thousands of candidates open their exam within the same few seconds
// (Node's default of 511 drops the rest, and their browsers retry a second later)
await app.listen({ port: config.port, host: config.host, backlog: 4096 });
// exam attempts past deadline + grace are also submitted lazily on access; this catches the rest
const examSweep = setInterval(() => void sweepOverdueAttempts(ctx).catch((err) => log.error({ err }, 'exam sweep failed')), 15_000);
examSweep.unref();
const { port } = app.server.address() as { port: number };
const wildcard = config.host === '0.0.0.0' || config.host === '::';
const url = `http://${wildcard ? '127.0.0.1' : config.host}:${port}`;
if (!config.databaseUrl) writeServerLock(config.dataDir, { pid: process.pid, url, cliToken, startedAt: new Date().toISOString() });

const banner = [`ServiceStar 服务之星 is running at ${url}  (API docs: ${url}/api/docs)`];
if (config.demo && !(await needsSetup(ctx))) banner.push(demoSignIns());
else if (await needsSetup(ctx)) banner.push(`No accounts yet: open ${url} to create the first platform admin.`);
console.log(`\n${banner.join('\n')}\n`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping');
  if (!config.databaseUrl) removeLock(serverLockPath(config.dataDir));
  clearInterval(examSweep);
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
