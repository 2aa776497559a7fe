/**
 * 通关 (level passing) in a mass quiz: a declared pass mark and reward, each phone's progress
 * towards it, the count on the host's and the screen's views, and the 通关名单 the organiser
 * exports to hand out the reward.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addContestants, api, choiceQ, Client, wsUrl } from './arena-helpers.ts';

let t: TestApp;
let base: string;
let ids: Record<string, number>;

const massRules = (pass: object | null) => ({ massQuiz: { formula: 'correctness-first', streakBonus: { perAnswer: 100, max: 500 }, allowLateJoin: true, pass } });
const PASS = { minCorrect: 2, reward: '1GB 省内流量包' };

async function massQuiz(rules: object, questions = 3) {
  const created = await api(t, 'org-zj', 'POST', '/api/arena/rounds', { title: '全省在线答题', organisationId: t.seed.zj.id, format: 'mass-quiz', questions: Array.from({ length: questions }, (_, i) => choiceQ(`q${i + 1}`)), rules });
  return created;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  ids = { ...(await addContestants(t, ['c-hz2', 'c-hz3'])), 'c-hz': t.seed.people['c-hz'] };
});
afterAll(async () => t?.cleanup());

describe('a mass quiz with a pass mark (通关)', () => {
  let roundId: number;

  it('is declared with the round: a bad pass mark is refused naming the field, and one above the question count is refused at the start', async () => {
    const zero = await massQuiz(massRules({ minCorrect: 0, reward: 'x' }));
    expect(zero.statusCode).toBe(400);
    expect(zero.body).toContain('minCorrect');
    const noReward = await massQuiz(massRules({ minCorrect: 1, reward: '  ' }));
    expect(noReward.statusCode).toBe(400);
    expect(noReward.body).toContain('reward');

    const tooHigh = await massQuiz(massRules({ minCorrect: 4, reward: '流量包' }));
    expect(tooHigh.statusCode, tooHigh.body).toBe(201);
    const start = await api(t, 'org-zj', 'POST', `/api/arena/rounds/${tooHigh.json().id}/start`);
    expect(start.statusCode).toBe(400);
    expect(start.json().field).toBe('massQuiz.pass.minCorrect');
    expect(start.json().reasonZh).toBe('通关线（答对 4 题）超过了本场的全员答题题目数（3 题）：请添加题目或降低通关线。');

    const ok = await massQuiz(massRules(PASS));
    expect(ok.statusCode, ok.body).toBe(201);
    roundId = ok.json().id;
    expect((await api(t, 'org-zj', 'POST', `/api/arena/rounds/${roundId}/start`)).statusCode).toBe(200);
  });

  it('each phone sees its correct answers against the mark, the host and the screen how many have passed', async () => {
    const host = await Client.open(wsUrl(base, roundId, 'as=host'), await t.signIn('host-zj'));
    const players = {
      all: await Client.open(wsUrl(base, roundId, 'as=player'), await t.signIn('c-hz')),
      two: await Client.open(wsUrl(base, roundId, 'as=player'), await t.signIn('c-hz2')),
      one: await Client.open(wsUrl(base, roundId, 'as=player'), await t.signIn('c-hz3')),
    };
    // right (B) on questions 1..n, wrong (A) after: all three, two, one
    const rightUpTo = { all: 3, two: 2, one: 1 };
    for (const p of Object.values(players)) await p.view((v) => v.me !== null);
    const hostView = await host.view((v) => v.pass?.units === 3); // everyone has joined
    expect(hostView.pass).toEqual({ minCorrect: 2, reward: PASS.reward, passed: 0, units: 3 });
    for (let q = 1; q <= 3; q++) {
      await host.ok({ type: 'next' });
      await host.ok({ type: 'openQuestion' });
      for (const [k, p] of Object.entries(players)) {
        await p.view((v) => v.question?.phase === 'open');
        await p.ok({ type: 'answer', choice: [q <= rightUpTo[k as keyof typeof rightUpTo] ? 'B' : 'A'] });
      }
      await host.ok({ type: 'closeQuestion' });
      const passedNow = Object.values(rightUpTo).filter((n) => Math.min(n, q) >= 2).length;
      await host.view((v) => v.question?.phase === 'closed' && v.question.index === q - 1 && v.pass.passed === passedNow);
      for (const [k, p] of Object.entries(players)) {
        const correct = Math.min(rightUpTo[k as keyof typeof rightUpTo], q);
        const v = await p.view((x) => x.question?.phase === 'closed' && x.question.index === q - 1);
        expect(v.me, `${k} after question ${q}`).toMatchObject({ correct, passed: correct >= 2 });
      }
    }
    await host.ok({ type: 'finish' });
    const final = await host.view((v) => v.status === 'finished');
    expect(final.pass).toMatchObject({ passed: 2, units: 3 });
    const token = (await api(t, 'org-zj', 'POST', `/api/arena/rounds/${roundId}/screen-token`)).json().token;
    const screen = await Client.open(wsUrl(base, roundId, `as=screen&token=${token}`));
    expect((await screen.view((v) => v.status === 'finished')).pass).toMatchObject({ passed: 2, reward: PASS.reward });
    for (const c of [host, screen, ...Object.values(players)]) c.close();
  });

  it('gives the organiser the 通关名单 with 工号 and organisation, in leaderboard order, as json and as a spreadsheet', async () => {
    const res = await api(t, 'org-zj', 'GET', `/api/arena/rounds/${roundId}/passed`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list).toMatchObject({ minCorrect: 2, reward: PASS.reward, players: 3, passed: 2, status: 'finished' });
    expect(list.rows.map((r: { employeeNo: string }) => r.employeeNo)).toEqual(['c-hz', 'c-hz2']);
    expect(list.rows[0]).toMatchObject({ place: 1, correct: 3 });
    expect(list.rows[1]).toMatchObject({ place: 2, correct: 2 });
    expect(list.rows[0].organisation).toBeTruthy();

    const xlsx = await api(t, 'host-zj', 'GET', `/api/arena/rounds/${roundId}/passed?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('通关名单')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(3).value).toBe('c-hz');
    expect(sheet.getRow(3).getCell(7).value).toBe(PASS.reward);
  });

  it('refuses a contestant (even one on the list) and an organiser of another province; a round without a pass mark has no list', async () => {
    expect((await api(t, 'c-hz', 'GET', `/api/arena/rounds/${roundId}/passed`)).statusCode).toBe(403);
    expect((await api(t, 'org-js', 'GET', `/api/arena/rounds/${roundId}/passed`)).statusCode).toBe(403);
    expect((await api(t, 'org-js', 'GET', `/api/arena/rounds/${roundId}/passed?format=xlsx`)).statusCode).toBe(403);
    const plain = await massQuiz(massRules(null));
    const none = await api(t, 'org-zj', 'GET', `/api/arena/rounds/${plain.json().id}/passed`);
    expect(none.statusCode).toBe(400);
    expect(none.json().field).toBe('massQuiz.pass');
  });
});
