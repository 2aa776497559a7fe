#!/usr/bin/env node
// npm run test:e2e → the browser journeys in e2e/*.e2e.ts against a real server.
//
//  1. finds Chromium (CHROMIUM_PATH or /usr/bin/chromium); without it, says how to install it and
//     exits 0 (1 when E2E_REQUIRED=1);
//  2. builds the web app when dist/web is missing or older than src/web;
//  3. starts the server on a free port with a fresh temporary DATA_DIR (demo data loads on the empty DB);
//  4. runs each journey as `node --import tsx e2e/NAME.e2e.ts` with BASE_URL, CHROMIUM_PATH, SCREENSHOT_DIR;
//  5. stops the server and exits non-zero when a journey failed.
//
// `node scripts/e2e.mjs contestant` runs only the journeys whose file name contains "contestant".
// E2E_BASE_URL=http://127.0.0.1:5173 runs the journeys against a server you started yourself.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(repo);
const required = process.env.E2E_REQUIRED === '1';
const filters = process.argv.slice(2);

/** CHROMIUM_PATH when set (and nothing else), otherwise the Debian/Ubuntu locations. */
function findChromium() {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => fs.existsSync(p));
}

function newestMtime(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function buildWebIfStale() {
  const built = path.join(repo, 'dist/web/index.html');
  const sources = Math.max(newestMtime(path.join(repo, 'src/web')), newestMtime(path.join(repo, 'vite.config.ts')));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  console.log('e2e: building the web app (npx vite build)');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: repo });
  if (r.status !== 0) throw new Error('vite build failed');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

function stopServer(server) {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    const killer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

function journeys() {
  const dir = path.join(repo, 'e2e');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.e2e.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort()
    .map((f) => path.join('e2e', f));
}

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    console.log('e2e: Chromium not found; install it with: apt-get install -y --no-install-recommends chromium fonts-wqy-microhei');
    return required ? 1 : 0;
  }

  const files = journeys();
  if (files.length === 0) {
    console.log(`e2e: no journeys match ${filters.join(' ')}`);
    return 1;
  }

  let baseUrl = process.env.E2E_BASE_URL?.replace(/\/$/, '');
  let server;
  let dataDir;
  let logFile;
  if (!baseUrl) {
    buildWebIfStale();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servicestar-e2e-'));
    logFile = path.join(dataDir, 'server.log');
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const log = fs.openSync(logFile, 'a');
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: repo,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: path.join(dataDir, 'data'),
        WEB_DIR: path.join(repo, 'dist/web'),
        SERVICESTAR_DEMO: '1',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        DATABASE_URL: '',
        REDIS_URL: '',
      },
      stdio: ['ignore', log, log],
    });
    console.log(`e2e: server starting at ${baseUrl} (DATA_DIR ${path.join(dataDir, 'data')})`);
  }

  let failed = 0;
  try {
    if (server) await waitForHealth(baseUrl, server, 120_000);
    for (const file of files) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', file], {
        cwd: repo,
        stdio: 'inherit',
        env: { ...process.env, BASE_URL: baseUrl, CHROMIUM_PATH: chromium, SCREENSHOT_DIR: path.join(repo, 'screenshots') },
        timeout: 5 * 60_000,
      });
      if (r.status !== 0) {
        failed += 1;
        console.log(`e2e: ${file} failed${r.signal ? ` (${r.signal})` : ''}`);
      }
    }
  } catch (e) {
    failed += 1;
    console.error(`e2e: ${e.message}`);
  } finally {
    if (server) await stopServer(server);
    if (failed > 0 && logFile && fs.existsSync(logFile)) {
      const lines = fs.readFileSync(logFile, 'utf8').split('\n');
      // the error itself first (a crash prints its message, then what it was doing: a query's
      // parameters can fill the tail), then the last lines
      const at = lines.findIndex((l) => /\b(error|Error)\b/.test(l));
      if (at >= 0) console.log(`e2e: first error in the server log (line ${at + 1}):\n${lines.slice(at, at + 12).map((l) => l.slice(0, 400)).join('\n')}`);
      const tail = lines.slice(-40).map((l) => l.slice(0, 400)).join('\n');
      if (tail.trim()) console.log(`e2e: last lines of the server log:\n${tail}`);
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(failed === 0 ? `e2e: ${files.length} journeys passed` : `e2e: ${failed} of ${files.length} journeys failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`e2e: ${e.stack ?? e}`);
    process.exit(1);
  },
);
