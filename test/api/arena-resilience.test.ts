import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addContestants, api, choiceQ, Client, FAST_BUZZ, oralQ, stageRound, wsUrl } from './arena-helpers.ts';

let t: TestApp;
let base: string;
let ids: Record<string, number>;
const listen = async (app: TestApp['app']) => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
};

beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t.app);
  ids = { ...(await addContestants(t, ['c-hz2'])), 'c-hz': t.seed.people['c-hz'] };
});
afterAll(async () => t?.cleanup());

describe('restart and contest scores', () => {
  it('a restarted server resumes the round with no acknowledged event lost, and the final scores flow into the contest round', async () => {
    const contest = await t.ctx.db.insertInto('contest').values({ organisation_id: t.seed.zj.id, title: '浙江服务之星', definition: JSON.stringify({ stages: [{ key: 'final', rounds: [{ id: 'final' }] }] }), updated_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    const entries = await t.ctx.db
      .insertInto('contest_entry')
      .values(['红队', '蓝队'].map((name) => ({ contest_id: contest.id, track_key: 'voice', kind: 'team' as const, name, organisation_id: t.seed.zj.id, details: '{}' })))
      .returning('id')
      .execute();
    const roundId = await stageRound(t, {
      teams: [['红队', ids['c-hz']], ['蓝队', ids['c-hz2']]],
      questions: [oralQ('o1'), choiceQ('c1')],
      rules: FAST_BUZZ,
      contest: { contestId: contest.id, roundKey: 'final' },
      entryIds: entries.map((e) => e.id),
    });
    const host = await Client.open(wsUrl(base, roundId, 'as=host'), await t.signIn('host-zj'));
    const red = await Client.open(wsUrl(base, roundId), await t.signIn('c-hz'));
    await host.ok({ type: 'next' });
    await host.ok({ type: 'openQuestion' });
    await host.ok({ type: 'openBuzz' });
    await red.ok({ type: 'buzz' });
    const judged = await host.ok({ type: 'judge', verdict: 'right' });
    await t.app.close(); // the server goes away mid-round
    expect(red.closed || (await red.until(() => false, 1000).catch(() => true))).toBe(true);

    const app2 = await buildApp({ ctx: t.ctx, serveWeb: false });
    const base2 = await listen(app2);
    try {
      const host2 = await Client.open(wsUrl(base2, roundId, 'as=host'), await t.signIn('host-zj'));
      const hello = await host2.until((m) => m.type === 'hello');
      expect(hello.seq).toBe(judged.seq);
      expect(hello.view.leaderboard.find((r: any) => r.unitId === 't1').score).toBe(10);
      await host2.ok({ type: 'closeQuestion' });
      await host2.ok({ type: 'next' });
      await host2.ok({ type: 'openQuestion' });
      await host2.ok({ type: 'closeQuestion' });
      const fin = await app2.inject({ method: 'POST', url: `/api/arena/rounds/${roundId}/finish`, headers: { cookie: await t.signIn('host-zj') } });
      expect(fin.statusCode, fin.body).toBe(200);
      expect(fin.json().status).toBe('finished');
      const scores = await t.ctx.db.selectFrom('contest_round_score').selectAll().where('contest_id', '=', contest.id).orderBy('entry_id').execute();
      expect(scores.map((s) => [s.entry_id, s.score, s.source, s.round_key])).toEqual([
        [entries[0].id, 10, 'arena', 'final'],
        [entries[1].id, 0, 'arena', 'final'],
      ]);
      const log = (await app2.inject({ method: 'GET', url: `/api/arena/rounds/${roundId}/events`, headers: { cookie: await t.signIn('host-zj') } })).json();
      expect(log.events.map((e: any) => e.seq)).toEqual(Array.from({ length: log.lastSeq }, (_, i) => i + 1));
      expect(log.events.at(-1).type).toBe('finished');
      host2.close();
    } finally {
      await app2.close();
    }
  });
});

describe('mass quiz with a join code (大规模在线答题)', () => {
  it('guests join with the code and a nickname, answer, and keep their score when they rejoin', async () => {
    // the first app was closed by the restart test: serve this one afresh
    const app = await buildApp({ ctx: t.ctx, serveWeb: false });
    const url = await listen(app);
    try {
      const cookie = await t.signIn('org-zj');
      const created = await app.inject({ method: 'POST', url: '/api/arena/rounds', headers: { cookie }, payload: { title: '全省在线答题', organisationId: t.seed.zj.id, format: 'mass-quiz', questions: [choiceQ('m1'), choiceQ('m2', { answer: ['A'] })] } });
      expect(created.statusCode, created.body).toBe(201);
      const { id, joinCode } = created.json();
      expect(joinCode).toMatch(/^\d{6}$/);
      expect((await app.inject({ method: 'POST', url: `/api/arena/rounds/${id}/start`, headers: { cookie } })).statusCode).toBe(200);
      const joined = await app.inject({ method: 'POST', url: '/api/arena/join', payload: { code: joinCode, name: '小王' } });
      expect(joined.statusCode, joined.body).toBe(200);
      const wang = await Client.open(`${url.replace('http', 'ws')}${joined.json().wsPath}`);
      const li = await Client.open(wsUrl(url, id, `code=${joinCode}&name=${encodeURIComponent('小李')}`));
      const liHello = await li.until((m) => m.type === 'hello');
      expect(liHello.guestToken).toBeTruthy();
      await expect(Client.open(wsUrl(url, id, 'code=000000&name=x'))).rejects.toMatchObject({ statusCode: 403 });
      const host = await Client.open(wsUrl(url, id, 'as=host'), await t.signIn('host-zj'));
      await host.view((v) => v.leaderboard.length === 2);
      await host.ok({ type: 'next' });
      await host.ok({ type: 'openQuestion' });
      await wang.ok({ type: 'answer', choice: ['B'] });
      await li.ok({ type: 'answer', choice: ['C'] });
      expect((await li.cmd({ type: 'answer', choice: ['B'] })).code).toBe('DUPLICATE');
      await host.ok({ type: 'closeQuestion' });
      const wangView = await wang.view((v) => v.me?.score > 0);
      expect(wangView.me.place).toBe(1);
      li.close();
      const back = await Client.open(wsUrl(url, id, `guest=${encodeURIComponent(liHello.guestToken)}`));
      const again = await back.until((m) => m.type === 'hello');
      expect(again.playerId).toBe(liHello.playerId);
      expect(again.view.me).toMatchObject({ score: 0, place: 2 });
      for (const c of [wang, back, host]) c.close();
    } finally {
      await app.close();
    }
  });
});
