import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { replay, viewFor } from '../../src/server/arena/engine/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { choiceQ, Client, wsUrl } from './arena-helpers.ts';

let t: TestApp;
const listen = async (app: TestApp['app']) => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
};
const hostView = async (roundId: number, upTo?: number) => {
  const row = (await t.ctx.arena.rounds.get(roundId))!;
  const events = await t.ctx.arena.events.list(roundId);
  return JSON.parse(JSON.stringify(viewFor(replay(row.config, upTo === undefined ? events : events.slice(0, upTo)), { role: 'host' })));
};

beforeAll(async () => {
  t = await createTestApp();
  t.ctx.config.arenaSnapshotEvery = 5;
});
afterAll(async () => t?.cleanup());

describe('periodic snapshots (arena_snapshot)', () => {
  it('the writer snapshots every K events; a restarted server resumes from the latest snapshot and ends in the same state as a full fold', async () => {
    let app = await buildApp({ ctx: t.ctx, serveWeb: false });
    let url = await listen(app);
    const cookie = await t.signIn('org-zj');
    const created = await app.inject({ method: 'POST', url: '/api/arena/rounds', headers: { cookie }, payload: { title: '快照答题', organisationId: t.seed.zj.id, format: 'mass-quiz', questions: [choiceQ('s1'), choiceQ('s2', { answer: ['A'] }), choiceQ('s3')] } });
    expect(created.statusCode, created.body).toBe(201);
    const { id, joinCode } = created.json();
    expect((await app.inject({ method: 'POST', url: `/api/arena/rounds/${id}/start`, headers: { cookie } })).statusCode).toBe(200);
    const names = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'];
    const players = await Promise.all(names.map((n) => Client.open(wsUrl(url, id, `code=${joinCode}&name=${encodeURIComponent(n)}`))));
    const tokens = await Promise.all(players.map(async (p) => (await p.until((m) => m.type === 'hello')).guestToken as string));
    let host = await Client.open(wsUrl(url, id, 'as=host'), await t.signIn('host-zj'));
    await host.view((v) => v.leaderboard.length === names.length);
    await host.ok({ type: 'next' });
    await host.ok({ type: 'openQuestion' });
    for (const [i, p] of players.entries()) await p.ok({ type: 'answer', choice: [i % 3 ? 'B' : 'C'] });
    await host.ok({ type: 'closeQuestion' });
    await host.ok({ type: 'next' });
    await host.ok({ type: 'openQuestion' });
    for (const p of players.slice(0, 5)) await p.ok({ type: 'answer', choice: ['A'] });

    const seqBefore = (await host.ok({ type: 'pause' })).seq as number;
    expect(seqBefore).toBeGreaterThan(20);
    let snaps: { seq: number }[] = [];
    for (let i = 0; i < 100 && snaps.length === 0; i++) {
      snaps = await t.ctx.db.selectFrom('arena_snapshot').select('seq').where('round_id', '=', id).orderBy('seq').execute();
      if (!snaps.length) await new Promise((r) => setTimeout(r, 20));
    }
    expect(snaps.length).toBeGreaterThan(0);
    expect(snaps.length).toBeLessThanOrEqual(5); // only the latest few are kept
    expect(snaps.every((s, i) => i === 0 || s.seq - snaps[i - 1].seq >= 5)).toBe(true);
    // replay from the snapshot reaches the same view as the fold of every event, at a step after a snapshot
    const step = snaps.at(-1)!.seq + 1;
    const replayed = await app.inject({ method: 'GET', url: `/api/arena/rounds/${id}/replay/${step}`, headers: { cookie: await t.signIn('host-zj') } });
    expect(replayed.statusCode, replayed.body).toBe(200);
    expect(replayed.json().view).toEqual(await hostView(id, step));
    for (const c of [host, ...players]) c.close();
    await app.close(); // the server goes away mid-question

    app = await buildApp({ ctx: t.ctx, serveWeb: false });
    url = await listen(app);
    try {
      host = await Client.open(wsUrl(url, id, 'as=host'), await t.signIn('host-zj'));
      const hello = await host.until((m) => m.type === 'hello');
      expect(hello.seq).toBe(seqBefore);
      const stats = (await app.inject({ method: 'GET', url: `/api/arena/rounds/${id}/stats`, headers: { cookie: await t.signIn('host-zj') } })).json();
      expect(stats.loadedFrom).toBe(snaps.at(-1)!.seq); // loaded from the latest snapshot, not from event 1
      expect(stats.loadedFrom).toBeLessThan(seqBefore);
      expect(hello.view).toEqual(await hostView(id));

      // the round goes on after the restart; players rejoin with their tokens and keep their place
      const back = await Promise.all(tokens.map((g) => Client.open(wsUrl(url, id, `guest=${encodeURIComponent(g)}`))));
      await host.ok({ type: 'resume' });
      for (const p of back.slice(5)) await p.ok({ type: 'answer', choice: ['B'] });
      await host.ok({ type: 'closeQuestion' });
      await host.ok({ type: 'next' });
      await host.ok({ type: 'openQuestion' });
      for (const p of back) await p.ok({ type: 'answer', choice: ['B'] });
      await host.ok({ type: 'closeQuestion' });
      await host.ok({ type: 'finish' });
      const final = await host.view((v) => v.status === 'finished');
      const full = await hostView(id);
      expect(final.leaderboard).toEqual(full.leaderboard);
      expect(final.podium).toEqual(full.podium);
      expect(full.leaderboard[0].score).toBeGreaterThan(0);
      for (const c of [host, ...back]) c.close();
    } finally {
      await app.close();
    }
  });
});
