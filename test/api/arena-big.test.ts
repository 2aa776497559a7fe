import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { api, choiceQ, Client, wsUrl, type Msg } from './arena-helpers.ts';

/**
 * A big mass quiz (more than 300 sockets): a question's opening and closing reach the
 * players in slices (round-runner.ts, the sweep), while answers keep coming in. Every
 * player must still get the events before the view they belong to, every view must be at
 * least as new as the one before it, and no answer may be lost.
 */
const PLAYERS = 1100;

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  // slices of 50 sockets: a sweep takes 22 turns, so the question opened right after it was
  // readied finds the first sweep under way and takes it over
  t.ctx.config.arenaSweepSlice = 50;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(async () => t?.cleanup());

const openIndex = (v: Msg) => (v.question && v.question.phase === 'open' ? v.question.index : -1);

describe('a mass quiz of 1,100 players', () => {
  it('sends each player the question’s events before its view, never an older view after a newer one, and counts every answer', async () => {
    const created = await api(t, 'org-zj', 'POST', '/api/arena/rounds', { title: '千人在线答题', organisationId: t.seed.zj.id, format: 'mass-quiz', questions: [choiceQ('b1'), choiceQ('b2', { answer: ['A'] })] });
    expect(created.statusCode, created.body).toBe(201);
    const { id, joinCode } = created.json();
    expect((await api(t, 'org-zj', 'POST', `/api/arena/rounds/${id}/start`)).statusCode).toBe(200);
    const players: Client[] = [];
    for (let i = 0; i < PLAYERS; i += 100) {
      players.push(...(await Promise.all(Array.from({ length: Math.min(100, PLAYERS - i) }, (_, k) => Client.open(wsUrl(base, id, `code=${joinCode}&name=p${i + k}`))))));
    }
    await Promise.all(players.map((p) => p.until((m) => m.type === 'hello')));
    const host = await Client.open(wsUrl(base, id, 'as=host'), await t.signIn('host-zj'));
    await host.view((v) => v.leaderboard.length === 50, 10_000);

    for (const [q, right] of [[0, 'B'], [1, 'A']] as const) {
      await host.ok({ type: 'next' });
      await host.ok({ type: 'openQuestion' });
      // each player answers as soon as its own view shows the question open: the first
      // slices' answers arrive while later slices are still being sent
      const answers = players.map(async (p, i) => {
        await p.view((v) => openIndex(v) === q, 20_000);
        const r = await p.cmd({ type: 'answer', choice: [i % 3 === 0 ? 'C' : right] });
        expect(r.type, JSON.stringify(r)).toBe('ack');
      });
      await Promise.all(answers);
      const closed = host.until((m) => m.type === 'events' && m.events.some((e: Msg) => e.type === 'questionClosed'), 20_000);
      await host.ok({ type: 'closeQuestion' });
      const close = (await closed).events.find((e: Msg) => e.type === 'questionClosed');
      expect(close.answered).toBe(PLAYERS);
      await Promise.all(players.map((p) => p.view((v) => v.question?.index === q && v.question.phase !== 'open', 20_000)));
    }

    for (const [i, p] of players.entries()) {
      // the events that opened each question came before the first view showing it open
      for (const q of [0, 1]) {
        const opened = p.msgs.findIndex((m) => m.type === 'events' && m.events.some((e: Msg) => e.type === 'questionOpened' && e.questionId === `b${q + 1}`));
        const shown = p.msgs.findIndex((m) => (m.type === 'view' || m.type === 'hello') && openIndex(m.view) === q);
        const readied = p.msgs.findIndex((m) => m.type === 'events' && m.events.some((e: Msg) => e.type === 'questionReady' && e.index === q));
        expect(readied, `player ${i} question ${q}`).toBeGreaterThanOrEqual(0);
        expect(opened, `player ${i} question ${q}`).toBeGreaterThan(readied);
        expect(shown, `player ${i} question ${q}`).toBeGreaterThan(opened);
      }
      // views never go back in time, events never repeat or go back
      const viewSeqs = p.msgs.filter((m) => m.type === 'view').map((m) => m.view.seq as number);
      expect(viewSeqs, `player ${i}`).toEqual([...viewSeqs].sort((a, b) => a - b));
      const eventSeqs = p.msgs.filter((m) => m.type === 'events').flatMap((m) => m.events.map((e: Msg) => e.seq as number));
      expect(new Set(eventSeqs).size, `player ${i}`).toBe(eventSeqs.length);
      expect(eventSeqs, `player ${i}`).toEqual([...eventSeqs].sort((a, b) => a - b));
      // the score the player's last view shows: 10 points per right answer at most, none for a wrong one
      const me = p.latestView().me;
      expect(me.score > 0, `player ${i}`).toBe(i % 3 !== 0);
    }
    for (const p of [...players, host]) p.close();
  }, 120_000);
});
