/**
 * npm run bench -- arena [clients] [questions]: 10,000 WebSocket clients (in worker
 * processes) in one mass quiz of 20 questions on a server process of its own; then the
 * same clients against a bare `ws` server doing the same fan-out (the limit).
 * Latency: from a client sending its answer to the view reflecting it (with the
 * leaderboard) reaching that client. Lost: answers the server did not count at the close.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { setupQuiz } from './_arena-setup.ts';

const CLIENTS = Number(process.argv[2] ?? 10_000);
const QUESTIONS = Number(process.argv[3] ?? 20);
const WORKERS = Math.max(1, Math.ceil(CLIENTS / 2500));
const SPREAD_MS = 2000;
const JOIN_CONCURRENCY = Number(process.env.ARENA_JOIN_CONCURRENCY ?? 200);
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : 0);

function startProcess(cmd: string, env: Record<string, string>, ready: RegExp): Promise<{ proc: ChildProcess; match: RegExpMatchArray }> {
  const proc = spawn('sh', ['-c', `ulimit -n 65535 2>/dev/null; exec ${cmd}`], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const on = (d: Buffer) => {
      out += d.toString();
      const m = out.match(ready);
      if (m) resolve({ proc, match: m });
    };
    proc.stdout!.on('data', on);
    proc.stderr!.on('data', on);
    if (process.env.ARENA_DEBUG) proc.stdout!.on('data', (d: Buffer) => process.stderr.write(d));
    if (process.env.ARENA_TRACE) proc.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
    proc.once('exit', (c) => reject(new Error(`exited ${c}: ${out.slice(-2000)}`)));
  });
}

type Worker = { proc: ChildProcess; next: (kind: string) => Promise<any> };
async function startWorkers(url: string): Promise<{ workers: Worker[]; connectSeconds: number }> {
  const workers: Worker[] = [];
  for (let w = 0; w < WORKERS; w++) {
    const proc = fork(path.resolve('bench/_arena-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    const inbox: any[] = [];
    const waiters: ((m: any) => void)[] = [];
    proc.on('message', (m: any) => (waiters.length ? waiters.shift()!(m) : inbox.push(m)));
    const next = (kind: string) => new Promise<any>((r) => { const i = inbox.findIndex((m) => m.kind === kind); if (i >= 0) r(inbox.splice(i, 1)[0]); else waiters.push(r); });
    await next('up');
    workers.push({ proc, next });
  }
  const per = Math.ceil(CLIENTS / WORKERS);
  const t0 = Date.now();
  workers.forEach((w, i) => w.proc.send({ kind: 'connect', url, count: Math.min(per, CLIENTS - i * per), offset: i * per, concurrency: JOIN_CONCURRENCY }));
  await Promise.all(workers.map((w) => w.next('connected')));
  return { workers, connectSeconds: (Date.now() - t0) / 1000 };
}

async function answerRound(workers: Worker[], q: number) {
  workers.forEach((w) => w.proc.send({ kind: 'answer', q, spreadMs: SPREAD_MS }));
  const replies = await Promise.all(workers.map((w) => w.next('answered')));
  return { latencies: replies.flatMap((r) => r.latencies as number[]), missing: replies.reduce((a, r) => a + r.missing, 0), lastSeenAt: Math.max(...replies.map((r) => r.lastSeenAt as number)), unseen: replies.reduce((a, r) => a + r.unseen, 0) };
}

function hostClient(url: string, cookie: string) {
  const ws = new WebSocket(url, { headers: { cookie } });
  const waiters: { pred: (m: any) => boolean; resolve: (m: any) => void }[] = [];
  let n = 0;
  ws.on('message', (d: Buffer) => {
    const m = JSON.parse(d.toString());
    if (m.type === 'ping') ws.send(JSON.stringify({ type: 'pong', t: m.t }));
    for (const w of [...waiters]) if (w.pred(m)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(m));
  });
  const until = (pred: (m: any) => boolean) => new Promise<any>((resolve) => waiters.push({ pred, resolve }));
  return {
    opened: new Promise((r) => ws.once('open', r)),
    until,
    async cmd(c: object) {
      const id = `h${n++}`;
      const reply = until((m) => (m.type === 'ack' || m.type === 'refused') && m.id === id);
      ws.send(JSON.stringify({ ...c, id }));
      const r = await reply;
      if (r.type !== 'ack') throw new Error(`host ${JSON.stringify(c)}: ${JSON.stringify(r)}`);
      return r;
    },
    close: () => ws.close(),
  };
}

type Host = ReturnType<typeof hostClient>;

/** The quiz as the host runs it, the same against the hub and against the bare server. */
async function runQuiz(label: string, host: Host, workers: Worker[], sample: () => Promise<void>) {
  const latencies: number[] = [];
  const reach: number[] = [];
  let lost = 0;
  for (let q = 0; q < QUESTIONS; q++) {
    await host.cmd({ type: 'next' });
    const openAt = Date.now();
    await host.cmd({ type: 'openQuestion' });
    const r = await answerRound(workers, q);
    latencies.push(...r.latencies);
    reach.push(r.lastSeenAt - openAt);
    const closed = host.until((m) => m.type === 'events' && m.events.some((e: any) => e.type === 'questionClosed'));
    await host.cmd({ type: 'closeQuestion' });
    const answered = (await closed).events.find((e: any) => e.type === 'questionClosed').answered as number;
    lost += CLIENTS - answered;
    await sample();
    console.log(`${new Date().toISOString().slice(11, 19)} ${label} question ${q + 1}: p50 ${pct(r.latencies, 50)} ms, p99 ${pct(r.latencies, 99)} ms, counted ${answered}/${CLIENTS}, no view ${r.missing}, question reached all in ${reach.at(-1)} ms${r.unseen ? ` (${r.unseen} never saw it)` : ''}`);
  }
  await host.cmd({ type: 'finish' });
  host.close();
  for (const w of workers) w.proc.send({ kind: 'close' });
  return { latencies, lost, reachMs: pct(reach, 50) };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'arena-bench-'));
  // DATABASE_URL: PostgreSQL (a schema of its own, dropped at the end) instead of PGlite
  const pg = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, schema: `arena_bench_${process.pid}` } : undefined;
  const quiz = await setupQuiz(dataDir, QUESTIONS, pg);
  console.log(`arena bench (${pg ? 'PostgreSQL' : 'PGlite'}): ${CLIENTS} clients in ${WORKERS} worker processes (joining ${JOIN_CONCURRENCY} at a time each), ${QUESTIONS} questions, answers spread over ${SPREAD_MS} ms`);
  const prof = process.env.ARENA_PROF ? `--cpu-prof --cpu-prof-dir=${process.env.ARENA_PROF} ` : '';
  const env: Record<string, string> = { ...(process.env.ARENA_TRACE ? { ARENA_TRACE: '1' } : {}), ...(pg ? { DATABASE_URL: pg.url, DATABASE_SCHEMA: pg.schema } : { DATABASE_URL: '' }), DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SERVICESTAR_DEMO: '0', LOG_LEVEL: 'warn' };
  const server = await startProcess(`${process.execPath} ${prof}--import tsx src/server/main.ts`, env, /is running at (http:\/\/[\d.]+:\d+)/);
  const base = server.match[1];
  const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeNo: quiz.employeeNo, password: quiz.password }) });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  const wsBase = `${base.replace('http', 'ws')}/api/arena/rounds/${quiz.roundId}/ws`;
  const host = hostClient(`${wsBase}?as=host`, cookie);
  await host.opened;
  const { workers, connectSeconds } = await startWorkers(`${wsBase}?code=${quiz.joinCode}`);
  console.log(`connected ${CLIENTS} clients in ${connectSeconds.toFixed(1)} s`);
  let rssMiB = 0;
  const sampleRss = async () => {
    const m = (await (await fetch(`${base}/api/arena/metrics`, { headers: { cookie } })).json()) as { rssMiB: number };
    rssMiB = Math.max(rssMiB, m.rssMiB);
  };
  const { latencies, lost, reachMs } = await runQuiz('servicestar', host, workers, sampleRss);
  server.proc.kill('SIGTERM');
  await new Promise((r) => server.proc.once('exit', r));

  let limit: number[] = [];
  let bareConnect = 0;
  let bareLost = 0;
  let bareReachMs = 0;
  if (!process.env.ARENA_SKIP_BARE) {
    const bare = await startProcess(`${process.execPath} --import tsx bench/_arena-bare.ts`, {}, /bare ws listening on (\d+)/);
    const bareHost = hostClient(`ws://127.0.0.1:${bare.match[1]}/?host=1`, '');
    await bareHost.opened;
    const b = await startWorkers(`ws://127.0.0.1:${bare.match[1]}/?bare=1`);
    bareConnect = b.connectSeconds;
    const r = await runQuiz('bare ws', bareHost, b.workers, async () => {});
    limit = r.latencies;
    bareLost = r.lost;
    bareReachMs = r.reachMs;
    bare.proc.kill('SIGTERM');
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (pg) {
    const { default: postgres } = await import('pg');
    const c = new postgres.Client({ connectionString: pg.url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${pg.schema}" CASCADE`);
    await c.end();
  }

  const p50 = pct(latencies, 50);
  const p99 = pct(latencies, 99);
  const limitP99 = pct(limit, 99);
  console.log(`servicestar: p50 ${p50} ms, p99 ${p99} ms, lost ${lost}, peak RSS ${rssMiB} MiB, a question reaches all in ${reachMs} ms (median); bare ws (same clients, same fan-out): p50 ${pct(limit, 50)} ms, p99 ${limitP99} ms, lost ${bareLost}, reaches all in ${bareReachMs} ms, connect ${bareConnect.toFixed(1)} s`);
  const out = { bench: 'arena', clients: CLIENTS, connectSeconds: Math.round(connectSeconds * 10) / 10, p50Ms: p50, p99Ms: p99, lost, rssMiB, limitP99Ms: limitP99, ratio: Math.round((p99 / Math.max(1, limitP99)) * 100) / 100 };
  console.log(JSON.stringify(out));
  process.exit(0);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
