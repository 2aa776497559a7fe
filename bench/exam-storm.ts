// npm run bench -- exam-storm
// 3,000 simulated candidates over HTTP on loopback against a server in its own process
// (src/server/main.ts), all sitting at once, each saving 50 answers, then all submitting within
// the same 5 seconds. By default every candidate saves its answers one request per answer, each
// as soon as the last was acknowledged (closed loop: the server's capacity, not an offered pace,
// sets answers/s, as it does for the limit). ANSWER_MS=1000 PAGE_BATCH=20 instead paces them
// like the exam page with a very fast human (use-answer-sync.ts: one request at a time; a lone
// answer as PUT, the answers queued while a request was out, up to 20, as one POST); that mode
// offers at most CANDIDATES answers a second, so its ratio is capped by the pace. Measures the database DATABASE_URL
// names (PostgreSQL, in a schema of its own that is dropped afterwards), PGlite without it.
// Setup goes through the services (people, bank, paper, exam, candidates); sign-in is not
// measured: the simulated candidates' sessions are written straight into the session table
// (argon2 for 3,000 people would cost a minute and is not what this measures).
// Limit, same run, same database: bare single-row INSERTs of the same rows into a copy of
// exam_answer (one statement and one commit per row, no batching), with the same client
// concurrency (every candidate at once; the server's pool and this one both have 10 connections).
// Env: CANDIDATES, ANSWERS, ANSWER_MS, PAGE_BATCH (1 = one request per answer), CONCURRENCY
// (only for starting the attempts, not measured), PROFILE (a directory: the server's CPU profile).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { readConfig } from '../src/server/config.ts';
import { createContext, type AppContext } from '../src/server/context.ts';
import { openDatabase, type Database } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { newQuestion, type ParseResult } from '../src/server/bank/engine/model.ts';
import { writeImport } from '../src/server/bank/question-import-service.ts';
import { assemblePaperSet } from '../src/server/bank/paper-service.ts';
import { addCandidates } from '../src/server/exams/candidate-service.ts';
import { createExam, setExamStatus } from '../src/server/exams/exam-service.ts';
import { systemActor } from '../src/server/identity/system-actor.ts';

const CANDIDATES = Number(process.env.CANDIDATES ?? 3000);
const ANSWERS = Number(process.env.ANSWERS ?? 50);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 64);
/** a candidate's time between two answers */
const ANSWER_MS = Number(process.env.ANSWER_MS ?? 0);
/** the page's most queued answers in one request (src/web/exams/use-answer-sync.ts MAX_BATCH) */
const PAGE_BATCH = Number(process.env.PAGE_BATCH ?? 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SUBMIT_WINDOW_MS = 5000;
const pgUrl = process.env.DATABASE_URL || undefined;
const kind = pgUrl ? 'postgres' : 'pglite';
const schema = `bench_exam_${randomBytes(4).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servicestar-exam-storm-'));
const serverUrl = pgUrl ? `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` : undefined;
const log = (...a: unknown[]) => console.log(...a);

async function open(): Promise<Database> {
  const database = pgUrl ? await openDatabase({ kind: 'postgres', url: pgUrl, schema, maxConnections: 10 }) : await openDatabase({ kind: 'pglite', dataDir });
  await migrateToLatest(database.db, pgUrl ? { schema } : {});
  return database;
}

async function setup(ctx: AppContext) {
  const root = await ctx.identity.orgs.insert({ parent: null, name: '压测集团', kind: 'group' });
  const prov = await ctx.identity.orgs.insert({ parent: root, name: '压测省', kind: 'province' });
  const teams: Awaited<ReturnType<typeof ctx.identity.orgs.insert>>[] = [];
  for (let i = 0; i < 30; i++) teams.push(await ctx.identity.orgs.insert({ parent: prov, name: `班组${i + 1}`, kind: 'team' }));
  const ids = await ctx.identity.people.insertMany(
    Array.from({ length: CANDIDATES }, (_, i) => ({ employeeNo: `S${String(i + 1).padStart(5, '0')}`, name: `考生${i + 1}`, gender: null, organisationId: teams[i % teams.length].id, phone: null, passwordHash: null, mustChangePassword: false })),
  );
  const system = await systemActor(ctx);
  await ctx.bank.banks.insert({ organisationId: prov.id, name: '压测题库', description: '', createdBy: null });
  const bank = (await ctx.bank.banks.findByName('压测题库'))!;
  const parsed: ParseResult = {
    skipped: [],
    questions: Array.from({ length: ANSWERS }, (_, i) => ({
      ...newQuestion('single', `压测单选题 ${i + 1}`, { options: ['A', 'B', 'C', 'D'].map((k) => ({ key: k, text: `选项 ${k}${i}` })), answer: { kind: 'choice', keys: ['A'] }, score: 2, knowledgePoints: [`知识点${i % 5}`] }),
      line: i + 2,
    })),
  };
  await ctx.db.transaction().execute((tx) => writeImport(ctx, system, bank.id, parsed, tx));
  const set = await assemblePaperSet(ctx, system, bank.id, { name: '压测卷', blueprint: { sections: [{ type: 'single', count: ANSWERS, pointsEach: 2 }], totalScore: 2 * ANSWERS }, papers: 1, seed: 1 });
  const now = Date.now();
  const exam = await createExam(ctx, system, { organisationId: prov.id, title: '压测笔试', instructions: '', opensAt: new Date(now - 60_000), closesAt: new Date(now + 4 * 3600_000), durationMinutes: 180, attemptsAllowed: 1, paperMode: 'shuffled', paperId: set.papers[0].id, settings: {} });
  await addCandidates(ctx, system, exam.id, { organisationIds: [prov.id], tracks: [], personIds: [], employeeNos: [], replace: false });
  await setExamStatus(ctx, system, exam.id, 'published');
  const tokens: string[] = [];
  const expiresAt = new Date(now + 6 * 3600_000);
  const rows = [...ids.values()].map((personId) => {
    const token = randomBytes(32).toString('base64url');
    tokens.push(token);
    return { id: createHash('sha256').update(token).digest('hex'), person_id: personId, expires_at: expiresAt, ip: null, user_agent: 'exam-storm' };
  });
  for (let i = 0; i < rows.length; i += 1000) await ctx.db.insertInto('session').values(rows.slice(i, i + 1000)).execute();
  return { examId: exam.id, tokens };
}

function startServer(): Promise<{ proc: ChildProcess; url: string }> {
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', SERVICESTAR_DEMO: '0', LOG_LEVEL: 'warn', DATA_DIR: dataDir, DATABASE_URL: serverUrl ?? '' };
  // PROFILE=dir writes the server's CPU profile there (node --cpu-prof), to see where a save's time goes
  const prof = process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE}`] : [];
  const proc = spawn(process.execPath, [...prof, '--import', 'tsx', 'src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve({ proc, url: m[1] });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.stderr!.on('data', (b: Buffer) => { if (b.toString().includes('save batches')) log(b.toString().trim()); });
    proc.on('exit', (code) => { if (code) log(`server exited ${code}: ${out.slice(-2000)}`); });
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

async function pool<T>(items: T[], n: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  }));
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : 0;
};

async function main() {
  log(`exam-storm: ${CANDIDATES} candidates × ${ANSWERS} answers on ${kind}, client concurrency ${CONCURRENCY}`);
  let t0 = Date.now();
  let database = await open();
  const { examId, tokens } = await setup(createContext(database, readConfig({ ...process.env, DATA_DIR: dataDir })));
  await database.close();
  log(`setup (people, bank, paper, exam, candidates, sessions): ${Date.now() - t0} ms`);

  const server = await startServer();
  // the simulated browsers: node:http over keep-alive connections (one per concurrent candidate),
  // much cheaper per request than fetch, so the client takes less of the CPU the server needs
  // idle connections are dropped after 30 s, before the server's keep-alive and header timeouts
  const agent = new http.Agent({ keepAlive: true, maxSockets: CANDIDATES, timeout: 30_000 });
  const target = new URL(server.url);
  // A request lost to the network (a connection reset under this load) is sent again after a
  // second, as the page does with a failed save (use-answer-sync.ts: it stays queued and is
  // retried); only the acknowledgement of the retry counts. HTTP errors are not retried.
  let netRetries = 0;
  const call = async (token: string, method: string, p: string, body?: unknown): Promise<any> => {
    for (let tries = 0; ; tries++) {
      try {
        return await call1(token, method, p, body);
      } catch (e) {
        if (tries < 5 && (e as { network?: boolean }).network) {
          netRetries++;
          if (!(e as { reused?: boolean }).reused) await sleep(1000);
          continue;
        }
        throw e;
      }
    }
  };
  const call1 = (token: string, method: string, p: string, body?: unknown) =>
    new Promise<any>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        { agent, host: target.hostname, port: target.port, method, path: `/api${p}`, headers: { cookie: `ss_session=${token}`, ...(payload !== undefined && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            // 408: the server timed the connection out before reading the request; the page retries it too
            if (res.statusCode === 408) reject(Object.assign(new Error(`${method} ${p}: 408`), { network: true }));
            else if (res.statusCode !== 200) reject(new Error(`${method} ${p}: ${res.statusCode} ${text}`));
            else resolve(JSON.parse(text));
          });
          res.on('error', reject);
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => reject(Object.assign(e, { network: true, reused: req.reusedSocket })));
      req.end(payload);
    });
  type Cand = { token: string; attemptId: number; items: { itemId: string; keys: string[] }[] };
  const cands: Cand[] = [];
  t0 = Date.now();
  await pool(tokens, CONCURRENCY, async (token) => {
    const a = await call(token, 'POST', `/exams/${examId}/attempts`);
    const v = await call(token, 'GET', `/attempts/${a.id}`);
    cands.push({ token, attemptId: a.id, items: v.paper.sections.flatMap((s: any) => s.items).map((i: any) => ({ itemId: i.itemId, keys: i.options.map((o: any) => o.key) })) });
  });
  log(`start + load paper: ${Date.now() - t0} ms`);

  // The save storm: every candidate's page at once. A candidate gives an answer every ANSWER_MS
  // (0: the next as soon as possible; else the first at a random moment of the first interval), and the page does
  // what src/web/exams/use-answer-sync.ts does: one request at a time, a lone queued answer as
  // PUT …/answers, several queued while a request was out (up to PAGE_BATCH) as one POST
  // …/answers; an answer counts once the server has acknowledged it.
  const acked: { attemptId: number; position: number; seq: number }[] = [];
  let failures = 0;
  let requests = 0;
  t0 = Date.now();
  await Promise.all(cands.map(async (c, ci) => {
    const queue: { itemId: string; response: unknown }[] = [];
    let given = 0;
    const waiter: { wake: (() => void) | null } = { wake: null };
    const answering = (async () => {
      await sleep(((ci * 7919) % CANDIDATES) * (ANSWER_MS / CANDIDATES));
      for (const [k, item] of c.items.entries()) {
        queue.push({ itemId: item.itemId, response: { kind: 'choice', keys: [item.keys[(ci + k) % item.keys.length]] } });
        given++;
        waiter.wake?.();
        if (k < c.items.length - 1) await sleep(ANSWER_MS);
      }
    })();
    while (given < c.items.length || queue.length > 0) {
      if (queue.length === 0) {
        await new Promise<void>((r) => (waiter.wake = r));
        waiter.wake = null;
        continue;
      }
      const batch = queue.splice(0, PAGE_BATCH);
      requests++;
      try {
        if (batch.length === 1) {
          const r = await call(c.token, 'PUT', `/attempts/${c.attemptId}/answers`, { ...batch[0], tabId: 'storm' });
          acked.push({ attemptId: c.attemptId, position: Number(batch[0].itemId), seq: r.seq });
        } else {
          const r = await call(c.token, 'POST', `/attempts/${c.attemptId}/answers`, { answers: batch, tabId: 'storm' });
          for (const a of r.acks) acked.push({ attemptId: c.attemptId, position: Number(a.itemId), seq: a.seq });
        }
      } catch {
        failures += batch.length;
      }
    }
    await answering;
  }));
  const saveMs = Date.now() - t0;
  const answersPerSec = Math.round(acked.length / (saveMs / 1000));
  log(`saves: ${acked.length} acknowledged, ${failures} failed, ${saveMs} ms → ${answersPerSec} answers/s (${requests} requests, ${(acked.length / requests).toFixed(1)} answers each; ${ANSWER_MS > 0 ? `offered ${Math.round((CANDIDATES * 1000) / ANSWER_MS)} answers/s` : 'closed loop'})`);

  // every candidate submits at a random moment of the same 5 seconds
  const latencies: number[] = [];
  const t1 = Date.now();
  const order = cands.map((c, i) => ({ c, at: t1 + ((i * 7919) % CANDIDATES) * (SUBMIT_WINDOW_MS / CANDIDATES) })).sort((a, b) => a.at - b.at);
  await pool(order, CANDIDATES, async ({ c, at }) => {
    const wait = at - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const s = performance.now();
    await call(c.token, 'POST', `/attempts/${c.attemptId}/submit`);
    latencies.push(performance.now() - s);
  });
  log(`network retries: ${netRetries}`);
  log(`submits: ${latencies.length} in ${Date.now() - t1} ms, p50 ${Math.round(pct(latencies, 50))} ms, p99 ${Math.round(pct(latencies, 99))} ms`);
  agent.destroy();
  server.proc.kill('SIGTERM');
  await new Promise((r) => server.proc.once('exit', r));

  database = await open();
  const db = database.db;
  const stored = await sql<{ attempt_id: number; position: number; answer_seq: number }>`select attempt_id, position, answer_seq from exam_answer`.execute(db);
  const have = new Map(stored.rows.map((r) => [`${r.attempt_id}|${r.position}`, Number(r.answer_seq)]));
  const lost = acked.filter((a) => have.get(`${a.attemptId}|${a.position}`) !== a.seq).length;
  const submitted = await sql<{ n: number }>`select count(*)::int as n from exam_attempt where submitted_at is not null`.execute(db);
  log(`check: ${stored.rows.length} answer rows, ${acked.length - lost} of ${acked.length} acknowledged answers present (lost ${lost}); ${submitted.rows[0].n} attempts submitted`);

  // the limit: the same rows, bare single-row INSERTs, same concurrency, same database
  await sql`create table bench_answer_copy (like exam_answer including defaults)`.execute(db);
  await sql`alter table bench_answer_copy add primary key (attempt_id, position)`.execute(db);
  const t2 = Date.now();
  await pool(acked, CANDIDATES, async (a) => {
    await sql`insert into bench_answer_copy (attempt_id, position, response, answer_seq, answered_at) values (${a.attemptId}, ${a.position}, ${JSON.stringify({ kind: 'choice', keys: ['A'] })}::jsonb, ${a.seq}, now())`.execute(db);
  });
  const limitAnswersPerSec = Math.round(acked.length / ((Date.now() - t2) / 1000));
  log(`limit: bare INSERTs ${limitAnswersPerSec} rows/s`);
  if (pgUrl) await sql.raw(`drop schema if exists "${schema}" cascade`).execute(db);
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const ratio = Math.round((answersPerSec / limitAnswersPerSec) * 1000) / 1000;
  log(JSON.stringify({ bench: 'exam-storm', database: kind, candidates: CANDIDATES, answersPerSec, submitP50Ms: Math.round(pct(latencies, 50)), submitP99Ms: Math.round(pct(latencies, 99)), lost: lost + failures, limitAnswersPerSec, ratio }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
