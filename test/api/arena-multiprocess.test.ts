import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addContestants, Client, FAST_BUZZ, oralQ, stageRound, wsUrl, type Msg } from './arena-helpers.ts';

/**
 * Several server processes serve one round over PostgreSQL and Redis: one writer holds the
 * round's lease, the others forward commands and fan out; when the writer dies another
 * takes over from the database. Runs only against a real PostgreSQL (db-postgres project).
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function startServer(schema: string): Promise<{ proc: ChildProcess; base: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_URL, PORT: '0', HOST: '127.0.0.1', SERVICESTAR_DEMO: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/is running at (http:\/\/[\d.]+:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, base: m[1] });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/** Retries while the round has no writer yet (a lease changing hands). */
async function okEventually(c: Client, command: Msg): Promise<Msg> {
  for (let i = 0; i < 40; i++) {
    const r = await c.cmd(command);
    if (r.type === 'ack') return r;
    if (r.code !== 'UNAVAILABLE') throw new Error(JSON.stringify(r));
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error('no writer took over');
}

describe.skipIf(process.env.TEST_BACKEND !== 'postgres')('one round served by several processes (PostgreSQL + Redis)', () => {
  let t: TestApp;
  const servers: { proc: ChildProcess; base: string }[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < 3; i++) servers.push(await startServer(t.database.schema!));
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) if (s.proc.exitCode === null) s.proc.kill('SIGTERM');
    await t?.cleanup();
  });

  it('clients on different processes see the same round; the writer dies and another takes over with nothing lost', async () => {
    const ids: Record<string, number> = { ...(await addContestants(t, ['c-hz2'])), 'c-hz': t.seed.people['c-hz'] };
    const roundId = await stageRound(t, { teams: [['红队', ids['c-hz']], ['蓝队', ids['c-hz2']]], questions: [oralQ('o1'), oralQ('o2')], rules: FAST_BUZZ });
    const [p1, p2, p3] = servers.map((s) => s.base);
    let host = await Client.open(wsUrl(p1, roundId, 'as=host'), await t.signIn('host-zj'));
    await host.until((m) => m.type === 'hello'); // p1 opens the round first: it becomes the writer
    const red = await Client.open(wsUrl(p2, roundId), await t.signIn('c-hz'));
    const blue = await Client.open(wsUrl(p3, roundId), await t.signIn('c-hz2'));
    const spectator = await Client.open(wsUrl(p3, roundId, 'as=spectator'), await t.signIn('org-zj'));

    await okEventually(host, { type: 'next' });
    await host.ok({ type: 'openQuestion' });
    await host.ok({ type: 'openBuzz' });
    await blue.view((v) => v.me?.canBuzz === true);
    await blue.ok({ type: 'buzz' }); // from p3, forwarded to the writer on p1
    expect((await red.until((m) => m.type === 'events' && m.events.some((e: Msg) => e.type === 'buzzResolved'))).events.find((e: Msg) => e.type === 'buzzResolved').winner).toBe('t2');
    const judged = await host.ok({ type: 'judge', verdict: 'right' });
    await host.ok({ type: 'closeQuestion' });

    servers[0].proc.kill('SIGKILL'); // the writer dies mid-round
    host = await Client.open(wsUrl(p2, roundId, 'as=host'), await t.signIn('host-zj'));
    expect((await host.until((m) => m.type === 'hello')).seq).toBeGreaterThan(judged.seq);
    await okEventually(host, { type: 'next' });
    await host.ok({ type: 'openQuestion' });
    await host.ok({ type: 'openBuzz' });
    await red.view((v) => v.me?.canBuzz === true);
    await red.ok({ type: 'buzz' });
    await host.ok({ type: 'judge', verdict: 'wrong' });
    await host.ok({ type: 'closeQuestion' });
    const fin = await host.ok({ type: 'finish' });

    const finals = await Promise.all([host, red, blue, spectator].map((c) => c.view((v) => v.status === 'finished' && v.seq === fin.seq)));
    const boards = finals.map((v) => v.leaderboard.map((r: Msg) => [r.unitId, r.score, r.place]));
    expect(boards[0]).toEqual([['t2', 10, 1], ['t1', -10, 2]]);
    for (const b of boards) expect(b).toEqual(boards[0]);
    const log = await t.ctx.arena.events.list(roundId);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: fin.seq }, (_, i) => i + 1));
    for (const c of [host, red, blue, spectator]) c.close();
  }, 90_000);

  it('a screen token revoked through one process is refused at once by the others, and their screens are closed', async () => {
    const ids: Record<string, number> = { ...(await addContestants(t, ['c-hz3'])), 'c-hz': t.seed.people['c-hz'] };
    const roundId = await stageRound(t, { teams: [['红队', ids['c-hz']], ['蓝队', ids['c-hz3']]], questions: [oralQ('o1')], rules: FAST_BUZZ });
    const [, p2, p3] = servers.map((s) => s.base);
    const cookie = await t.signIn('host-zj');
    const http = (base: string, method: string) => fetch(`${base}/api/arena/rounds/${roundId}/screen-token`, { method, headers: { cookie } });
    const host = await Client.open(wsUrl(p2, roundId, 'as=host'), cookie);
    await host.until((m) => m.type === 'hello');
    const { token } = (await (await http(p2, 'POST')).json()) as { token: string };
    // the screen is on p3, which loads the round (and the token) before the revocation
    const screen = await Client.open(wsUrl(p3, roundId, `as=screen&token=${token}`));
    await screen.until((m) => m.type === 'hello');
    const closed = new Promise<number>((resolve) => screen.ws.once('close', (code: number) => resolve(code)));
    expect((await http(p2, 'DELETE')).status).toBe(200);
    expect(await closed).toBe(4003);
    await expect(Client.open(wsUrl(p3, roundId, `as=screen&token=${token}`))).rejects.toMatchObject({ statusCode: 403 });
    // a new token issued on p2 is accepted on p3
    const fresh = (await (await http(p2, 'POST')).json()) as { token: string };
    await expect.poll(async () => {
      const c = await Client.open(wsUrl(p3, roundId, `as=screen&token=${fresh.token}`)).catch(() => null);
      c?.close();
      return c !== null;
    }).toBe(true);
    host.close();
  }, 60_000);
});
