import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addContestants, api, choiceQ, Client, FAST_BUZZ, oralQ, stageRound, wsUrl } from './arena-helpers.ts';

let t: TestApp;
let base: string;
let ids: Record<string, number>;
let roundId: number;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  ids = { ...(await addContestants(t, ['c-hz2', 'c-hz3'])), 'c-hz': t.seed.people['c-hz'] };
  roundId = await stageRound(t, {
    teams: [['红队', ids['c-hz']], ['蓝队', ids['c-hz2']], ['绿队', ids['c-hz3']]],
    questions: [oralQ('b1'), choiceQ('r1', { format: 'risk' }), choiceQ('b2')],
    rules: FAST_BUZZ,
  });
});
afterAll(async () => t?.cleanup());

const connect = async (who: string, query = '') => Client.open(wsUrl(base, roundId, query), await t.signIn(who));

describe('live round over WebSocket (engine through the hub)', () => {
  let host: Client;
  let red: Client;
  let blue: Client;

  it('a buzzer question end to end: the host opens, two players buzz, the server decides, the host judges', async () => {
    host = await connect('host-zj', 'as=host');
    red = await connect('c-hz');
    blue = await connect('c-hz2');
    const hello = await red.until((m) => m.type === 'hello');
    expect(hello).toMatchObject({ role: 'player', playerId: `p${ids['c-hz']}`, seq: 0 });
    expect((await host.until((m) => m.type === 'hello')).role).toBe('host');
    await host.ok({ type: 'next' });
    await host.ok({ type: 'openQuestion' });
    await host.ok({ type: 'openBuzz' });
    await blue.view((v) => v.me?.canBuzz === true);
    const [a, b] = await Promise.all([red.cmd({ type: 'buzz' }), blue.cmd({ type: 'buzz' })]);
    expect([a.type, b.type]).toEqual(['ack', 'ack']);
    const resolved = await host.until((m) => m.type === 'events' && m.events.some((e: any) => e.type === 'buzzResolved'));
    const decided = resolved.events.find((e: any) => e.type === 'buzzResolved');
    expect(['t1', 't2']).toContain(decided.winner);
    // the host sees receive times and round trips; a player never does
    const playerSeen = await red.until((m) => m.type === 'events' && m.events.some((e: any) => e.type === 'buzzResolved'));
    expect(playerSeen.events.find((e: any) => e.type === 'buzzResolved').order[0].rttMs).toBeNull();
    await host.ok({ type: 'judge', verdict: 'right' });
    const v = await host.view((x) => x.leaderboard.some((r: any) => r.score === 10));
    expect(v.leaderboard.find((r: any) => r.unitId === decided.winner).score).toBe(10);
    const winnerClient = decided.winner === 't1' ? red : blue;
    expect((await winnerClient.view((x) => x.me?.score === 10)).me.place).toBe(1);
    await host.ok({ type: 'closeQuestion' });
  });

  it('a risk question: stakes picked before the question is shown, won or lost', async () => {
    await host.ok({ type: 'next' });
    await red.ok({ type: 'pickStake', stake: 30 });
    await blue.ok({ type: 'pickStake', stake: 20 });
    expect((await red.cmd({ type: 'pickStake', stake: 15 })).code).toBe('INVALID');
    await host.ok({ type: 'openQuestion' });
    await red.ok({ type: 'answer', choice: ['B'] });
    await blue.ok({ type: 'answer', choice: ['A'] });
    await host.ok({ type: 'closeQuestion' });
    const before = (await host.view((x) => x.question?.phase === 'closed' && x.question.questionId === 'r1')).leaderboard;
    const score = (u: string) => before.find((r: any) => r.unitId === u).score;
    const won = score('t1') - (score('t1') >= 30 ? 0 : 0);
    expect(won === 30 || won === 40).toBe(true); // 30 staked and won, plus 10 if red won the buzzer question
    expect([-20, -10]).toContain(score('t2'));
    expect(score('t3')).toBe(-10); // the smallest stake, lost by not answering
  });

  it('a phone that drops reconnects from its last seq into the same state', async () => {
    await new Promise((r) => setTimeout(r, 100));
    const lastSeq = red.latestView().seq;
    red.close();
    await host.ok({ type: 'next' });
    await host.ok({ type: 'openQuestion' });
    red = await connect('c-hz', `lastSeq=${lastSeq}`);
    const resync = await red.until((m) => m.type === 'resync');
    expect(resync.fromSeq).toBe(lastSeq);
    expect(resync.events.map((e: any) => e.type)).toEqual(['questionReady', 'questionOpened']);
    expect(resync.events[0].seq).toBe(lastSeq + 1);
    const hostView = await host.view((x) => x.question?.questionId === 'b2' && x.question.phase === 'open');
    const mine = (await red.view((x) => x.question?.questionId === 'b2')).me;
    expect(mine.score).toBe(hostView.leaderboard.find((r: any) => r.unitId === 't1').score);
  });

  it('malformed, oversized and too frequent messages are refused with a reason and counted; the round goes on', async () => {
    red.send('this is not json');
    expect((await red.until((m) => m.type === 'refused')).code).toBe('MALFORMED');
    red.send({ type: 'buzz', pad: 'x'.repeat(5000) });
    expect((await red.until((m) => m.type === 'refused')).code).toBe('TOO_LARGE');
    red.send({ type: 'fly' });
    expect((await red.until((m) => m.type === 'refused')).reason).toMatch(/unknown command/);
    expect((await red.cmd({ type: 'judge', verdict: 'right' })).code).toBe('FORBIDDEN');
    for (let i = 0; i < 40; i++) red.send({ type: 'answer', choice: ['Z'] });
    await red.until((m) => m.type === 'refused' && m.code === 'RATE_LIMITED');
    await new Promise((r) => setTimeout(r, 2100));
    await host.ok({ type: 'openBuzz' });
    await red.ok({ type: 'buzz' });
    const stats = (await api(t, 'host-zj', 'GET', `/api/arena/rounds/${roundId}/stats`)).json();
    expect(stats.refused.MALFORMED).toBeGreaterThanOrEqual(2);
    expect(stats.refused.TOO_LARGE).toBe(1);
    expect(stats.refused.RATE_LIMITED).toBeGreaterThan(0);
    expect(stats.refused.FORBIDDEN).toBe(1);
  });

  it('refuses a contestant not in the round, and an organiser outside the subtree', async () => {
    await expect(connect('c-nj', 'as=player')).rejects.toMatchObject({ statusCode: 403 });
    await expect(connect('org-js', 'as=host')).rejects.toMatchObject({ statusCode: 403 });
    expect((await api(t, 'org-js', 'GET', `/api/arena/rounds/${roundId}`)).statusCode).toBe(403);
    expect((await api(t, 'c-hz', 'GET', `/api/arena/rounds/${roundId}/events`)).statusCode).toBe(403);
    await expect(Client.open(wsUrl(base, roundId))).rejects.toMatchObject({ statusCode: 401 });
    await expect(Client.open(wsUrl(base, roundId, 'as=screen&token=nope'))).rejects.toMatchObject({ statusCode: 403 });
  });

  it('the big screen joins with its token and sees no host-only detail; the log exports and replays', async () => {
    const token = (await api(t, 'org-zj', 'POST', `/api/arena/rounds/${roundId}/screen-token`)).json().token;
    const screen = await Client.open(wsUrl(base, roundId, `as=screen&token=${token}`));
    const hello = await screen.until((m) => m.type === 'hello');
    expect(hello.role).toBe('screen');
    expect(hello.view.question.correct).toBeNull();
    expect((await screen.cmd({ type: 'next' })).code).toBe('READ_ONLY');
    const text = await api(t, 'host-zj', 'GET', `/api/arena/rounds/${roundId}/export`);
    expect(text.statusCode).toBe(200);
    expect(text.body).toMatch(/buzz decided/);
    const step = (await api(t, 'host-zj', 'GET', `/api/arena/rounds/${roundId}/replay/3`)).json();
    expect(step.event.seq).toBe(3);
    expect(step.view.seq).toBe(3);
    for (const c of [screen, host, red, blue]) c.close();
  });
});
