import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newQuestion, type ParseResult } from '../../src/server/bank/engine/model.ts';
import { assemblePaperSet } from '../../src/server/bank/paper-service.ts';
import { writeImport } from '../../src/server/bank/question-import-service.ts';
import { readConfig } from '../../src/server/config.ts';
import { createContext } from '../../src/server/context.ts';
import { addCandidates } from '../../src/server/exams/candidate-service.ts';
import { createExam, setExamStatus } from '../../src/server/exams/exam-service.ts';
import { systemActor } from '../../src/server/identity/system-actor.ts';
import { openCliDataDir } from '../support/cli.ts';
import { PASSWORD, seedBasic } from '../support/seed.ts';

/**
 * The server is killed with SIGKILL in the middle of an exam and started again on the same
 * data directory (PGlite): every acknowledged answer is there, the attempt and its deadline
 * are the same, and the candidate carries on. PGlite only: it is the embedded database whose
 * durability is in question; PostgreSQL's is its own. The data directory is prepared before the
 * first start (the run's migrated template, a few people, one 30-question exam) rather than by
 * loading the whole demo, which took most of this test's two minutes.
 */
let dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servicestar-kill-'));
let server: ChildProcess | undefined;

async function prepare(): Promise<string> {
  const { dir, database } = await openCliDataDir('servicestar-kill-');
  const ctx = createContext(database, readConfig({ ...process.env, DATA_DIR: dir }));
  const seed = await seedBasic(ctx);
  const system = await systemActor(ctx);
  await ctx.bank.banks.insert({ organisationId: seed.zj.id, name: '断电题库', description: '', createdBy: null });
  const bank = (await ctx.bank.banks.findByName('断电题库'))!;
  const parsed: ParseResult = {
    skipped: [],
    questions: Array.from({ length: 30 }, (_, i) => ({
      ...newQuestion('single', `断电单选题 ${i + 1}`, { options: ['A', 'B', 'C', 'D'].map((k) => ({ key: k, text: `选项 ${k}${i}` })), answer: { kind: 'choice', keys: ['A'] }, score: 1, knowledgePoints: ['断电'] }),
      line: i + 2,
    })),
  };
  await ctx.db.transaction().execute((tx) => writeImport(ctx, system, bank.id, parsed, tx));
  const set = await assemblePaperSet(ctx, system, bank.id, { name: '断电卷', blueprint: { sections: [{ type: 'single', count: 30, pointsEach: 1 }], totalScore: 30 }, papers: 1, seed: 1 });
  const now = Date.now();
  const exam = await createExam(ctx, system, { organisationId: seed.zj.id, title: '浙江初赛理论笔试', instructions: '', opensAt: new Date(now - 60_000), closesAt: new Date(now + 3600_000), durationMinutes: 60, attemptsAllowed: 1, paperMode: 'shuffled', paperId: set.papers[0].id, settings: {} });
  await addCandidates(ctx, system, exam.id, { organisationIds: [], tracks: [], personIds: [], employeeNos: ['c-hz'], replace: false });
  await setExamStatus(ctx, system, exam.id, 'published');
  await database.close();
  return dir;
}

function startServer(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SERVICESTAR_DEMO: '0', LOG_LEVEL: 'warn', DATABASE_URL: '', TEST_BACKEND: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 240_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/** Resolves when the process has ended, also when it ended before this was called (an 'exit' already emitted is not emitted again). */
function exited(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((r) => proc.once('exit', () => r()));
}

async function call(url: string, cookie: string, method: string, p: string, body?: unknown) {
  const res = await fetch(`${url}/api${p}`, { signal: AbortSignal.timeout(120_000), method, headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as any };
}

afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(process.env.TEST_BACKEND === 'postgres')('exam survives SIGKILL', () => {
  it('keeps every acknowledged answer and the same attempt and deadline', { timeout: 600_000 }, async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    dataDir = await prepare();
    let s = await startServer();
    server = s.proc;
    const signIn = await fetch(`${s.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeNo: 'c-hz', password: PASSWORD }) });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const mine = await call(s.url, cookie, 'GET', '/my/exams');
    const exam = mine.json.items.find((e: { title: string }) => e.title === '浙江初赛理论笔试');
    const start = await call(s.url, cookie, 'POST', `/exams/${exam.id}/attempts`);
    expect(start.status).toBe(200);
    const view = (await call(s.url, cookie, 'GET', `/attempts/${start.json.id}`)).json;
    const items = view.paper.sections.flatMap((x: { items: unknown[] }) => x.items) as { itemId: string; type: string; options: { key: string }[] }[];
    const response = (i: (typeof items)[number], k: number) => (i.type === 'truefalse' ? { kind: 'truefalse', value: k % 2 === 0 } : { kind: 'choice', keys: [i.options[k % i.options.length].key] });
    const acked = new Map<string, { seq: number; response: unknown }>();
    // fire saves without waiting, kill the server while some are in flight: only the acknowledged ones count
    const inFlight = items.slice(0, 20).map(async (i, k) => {
      const r = await call(s.url, cookie, 'PUT', `/attempts/${start.json.id}/answers`, { itemId: i.itemId, response: response(i, k) }).catch(() => null);
      if (r?.status === 200) acked.set(i.itemId, { seq: r.json.seq, response: response(i, k) });
    });
    await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, 400))]);
    s.proc.kill('SIGKILL');
    await Promise.allSettled(inFlight);
    await exited(s.proc);
    expect(acked.size).toBeGreaterThan(0);

    s = await startServer();
    server = s.proc;
    const again = await call(s.url, cookie, 'POST', `/exams/${exam.id}/attempts`);
    expect(again.json).toMatchObject({ id: start.json.id, resumed: true, deadline: start.json.deadline });
    const after = (await call(s.url, cookie, 'GET', `/attempts/${start.json.id}`)).json;
    for (const [itemId, a] of acked) expect(after.answers.find((x: { itemId: string }) => x.itemId === itemId)?.response, itemId).toEqual(a.response);
    // and carries on
    const rest = items.slice(20);
    for (const [k, i] of rest.entries()) expect((await call(s.url, cookie, 'PUT', `/attempts/${start.json.id}/answers`, { itemId: i.itemId, response: response(i, k) })).status).toBe(200);
    const sub = await call(s.url, cookie, 'POST', `/attempts/${start.json.id}/submit`);
    expect(sub.json.submittedAt).toBeTruthy();
    s.proc.kill('SIGTERM');
    const stop = setTimeout(() => s.proc.kill('SIGKILL'), 30_000);
    await exited(s.proc);
    clearTimeout(stop);
  });
});
