import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { get, send } from './bank-helpers.ts';
import { BLUEPRINT, makePaperSet, rightResponse } from './exams-helpers.ts';
import { weekOfDay } from '../../src/server/exams/engine/mock-week.ts';

/** Weekly quizzes (每周小测): a mock exam with cadence weekly — one paper a week for everyone, one attempt per learner and week, a leaderboard per week. */
let t: TestApp;
let bankId: number;
let blueprintId: number;
let weeklyId: number;
let freeId: number;
const OBJECTIVE = { ...BLUEPRINT, sections: BLUEPRINT.sections.filter((s) => s.type !== 'short'), totalScore: 9 };
type Item = { itemId: string; type: string; stem: string; options: { key: string; text: string }[] };
type View = { attempt: { id: number; week: string | null; resumed?: boolean }; paper: { sections: { items: Item[] }[] } };
const itemsOf = (v: View) => v.paper.sections.flatMap((s) => s.items);
const realNow = Date.now();
// Wednesday 10:00 China time of the current week, so "the same week" holds for every step
const week = weekOfDay(new Date(realNow + 8 * 3600_000).toISOString().slice(0, 10));
let T0: number;

const at = (ms: number) => {
  t.ctx.now = () => new Date(ms);
};

beforeAll(async () => {
  t = await createTestApp();
  ({ bankId } = await makePaperSet(t, { papers: 1 }));
  const bp = await send(t, 'org-zj', 'POST', `/api/banks/${bankId}/blueprints`, { name: '小测蓝图', blueprint: OBJECTIVE });
  expect(bp.statusCode, bp.body).toBe(201);
  blueprintId = bp.json().id;
  const free = await send(t, 'org-zj', 'POST', '/api/practice/mock-exams', { organisationId: t.seed.zj.id, name: '浙江模拟考', bankId, blueprintId, durationMinutes: 20 });
  expect([free.statusCode, free.json().cadence]).toEqual([201, 'free']);
  freeId = free.json().id;
  // the week's Monday 00:00 China time + 2 days 10 h, but never in the future of the sessions
  const monday = new Date(`${new Date(realNow + 8 * 3600_000).toISOString().slice(0, 10)}T00:00:00+08:00`).getTime() - ((new Date(realNow + 8 * 3600_000).getUTCDay() + 6) % 7) * 86_400_000;
  T0 = Math.min(realNow, monday + 2 * 86_400_000 + 10 * 3600_000);
  T0 = Math.max(T0, monday + 60_000);
});
afterAll(async () => t?.cleanup());

async function sit(who: string, right: (i: Item) => boolean, startAt: number, submitAt: number) {
  at(startAt);
  const start = await send(t, who, 'POST', `/api/practice/mocks/${weeklyId}/attempts`);
  expect(start.statusCode, start.body).toBe(200);
  const view = start.json() as View;
  for (const item of itemsOf(view)) {
    const r = await send(t, who, 'PUT', `/api/practice/mock-attempts/${view.attempt.id}/answers`, { itemId: item.itemId, response: right(item) ? rightResponse(item) : null });
    expect(r.statusCode, r.body).toBe(200);
  }
  at(submitAt);
  const done = await send(t, who, 'POST', `/api/practice/mock-attempts/${view.attempt.id}/submit`);
  expect(done.statusCode, done.body).toBe(200);
  return { view, result: done.json() };
}

describe('weekly quizzes', () => {
  it('an organiser declares one with cadence weekly; attempts per day do not apply', async () => {
    const made = await send(t, 'org-zj', 'POST', '/api/practice/mock-exams', { organisationId: t.seed.zj.id, name: '浙江每周小测', bankId, blueprintId, durationMinutes: 10, attemptsPerDay: 3, cadence: 'weekly' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ cadence: 'weekly', attemptsPerDay: null, durationMinutes: 10 });
    weeklyId = made.json().id;
    const bad = await send(t, 'org-zj', 'PATCH', `/api/practice/mock-exams/${weeklyId}`, { attemptsPerDay: 2 });
    expect([bad.statusCode, bad.json().field]).toEqual([400, 'attemptsPerDay']);
    const wrong = await send(t, 'org-zj', 'POST', '/api/practice/mock-exams', { organisationId: t.seed.zj.id, name: 'x', bankId, blueprintId, durationMinutes: 10, cadence: 'daily' });
    expect(wrong.statusCode).toBe(400);
    const mine = (await get(t, 'c-hz', '/api/practice/mocks')).json().items.find((m: { id: number }) => m.id === weeklyId);
    expect(mine).toMatchObject({ cadence: 'weekly', attemptsLeft: 1, weekly: { week, done: false, attempt: null } });
    expect((await get(t, 'c-hz', '/api/practice/mocks')).json().items.find((m: { id: number }) => m.id === freeId).weekly).toBeNull();
  });

  let first: { view: View; result: { score: number; items: { questionId: number }[] } };
  it('everyone gets the same paper that week; a second start resumes, and after submitting is refused with 409 in Chinese', async () => {
    at(T0);
    const start = (await send(t, 'c-hz', 'POST', `/api/practice/mocks/${weeklyId}/attempts`)).json() as View;
    expect(start.attempt).toMatchObject({ week, resumed: false });
    const again = (await send(t, 'c-hz', 'POST', `/api/practice/mocks/${weeklyId}/attempts`)).json() as View;
    expect(again.attempt).toMatchObject({ id: start.attempt.id, resumed: true });
    first = await sit('c-hz', () => true, T0, T0 + 61_500);
    expect(first.view.attempt.id).toBe(start.attempt.id);
    expect(first.result.score).toBe(9);
    const refused = await send(t, 'c-hz', 'POST', `/api/practice/mocks/${weeklyId}/attempts`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/本周.*每周小测.*已提交/);
    expect((await get(t, 'c-hz', '/api/practice/mocks')).json().items.find((m: { id: number }) => m.id === weeklyId)).toMatchObject({ attemptsLeft: 0, weekly: { week, done: true } });

    const second = await sit('reviewer-zj', () => true, T0 + 5_000, T0 + 5_000 + 61_200);
    const third = await sit('judge-zj', (i) => i.type !== 'multiple', T0 + 9_000, T0 + 9_000 + 30_000);
    const stems = (v: View) => itemsOf(v).map((i) => i.stem);
    expect(stems(second.view)).toEqual(stems(first.view));
    expect(stems(third.view)).toEqual(stems(first.view));
    expect(second.result.items.map((i: { questionId: number }) => i.questionId)).toEqual(first.result.items.map((i) => i.questionId));
  });

  it('the leaderboard ranks by score then time, ties share a place, with my place', async () => {
    at(T0 + 120_000);
    const board = await get(t, 'c-hz', `/api/practice/mocks/${weeklyId}/weeks/${week}/leaderboard`);
    expect(board.statusCode, board.body).toBe(200);
    expect(board.json()).toMatchObject({ week, current: true, participants: 3, me: { name: '杭州选手', place: 1, seconds: 61 } });
    expect(board.json().top.map((e: { name: string; place: number; score: number }) => [e.name, e.place, e.score])).toEqual([['浙江审核员', 1, 9], ['杭州选手', 1, 9], ['浙江评委', 3, 5]]); // a shared place lists by person id
    const current = (await get(t, 'judge-zj', `/api/practice/mocks/${weeklyId}/leaderboard?limit=1`)).json();
    expect(current).toMatchObject({ week, participants: 3, me: { place: 3 } });
    expect(current.top).toHaveLength(1);
    expect((await get(t, 'judge-zj', `/api/practice/mocks/${weeklyId}/weeks/current/leaderboard`)).json().week).toBe(week);
    const organiser = await get(t, 'org-zj', `/api/practice/mocks/${weeklyId}/weeks/${week}/leaderboard`);
    expect([organiser.statusCode, organiser.json().me, organiser.json().participants]).toEqual([200, null, 3]);
    expect((await get(t, 'org-root', `/api/practice/mocks/${weeklyId}/leaderboard`)).statusCode).toBe(200);
  });

  it('refuses learners and organisers outside the subtree (403), a free mock exam (409) and a malformed week (400)', async () => {
    const outsider = await get(t, 'c-nj', `/api/practice/mocks/${weeklyId}/weeks/${week}/leaderboard`);
    expect(outsider.statusCode).toBe(403);
    const otherOrganiser = await get(t, 'org-js', `/api/practice/mocks/${weeklyId}/weeks/${week}/leaderboard`);
    expect(otherOrganiser.statusCode).toBe(403);
    expect((await get(t, 'org-js', `/api/practice/mocks/${weeklyId}/leaderboard`)).statusCode).toBe(403);
    expect((await get(t, 'c-nj', `/api/practice/mocks/${weeklyId}/weeks`)).statusCode).toBe(403);
    expect((await get(t, 'c-hz', `/api/practice/mocks/${freeId}/weeks/${week}/leaderboard`)).statusCode).toBe(409);
    expect((await get(t, 'c-hz', `/api/practice/mocks/${weeklyId}/weeks/2026-48/leaderboard`)).statusCode).toBe(400);
    const noSuchWeek = await get(t, 'c-hz', `/api/practice/mocks/${weeklyId}/weeks/2025-W53/leaderboard`);
    expect([noSuchWeek.statusCode, noSuchWeek.json().field]).toEqual([400, 'week']);
    expect((await get(t, 'c-hz', `/api/practice/mocks/999999/weeks/${week}/leaderboard`)).statusCode).toBe(404);
  });

  it('the routes are in the OpenAPI document', async () => {
    const paths = Object.keys((await t.app.inject({ url: '/api/docs/json' })).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/practice/mocks/{id}/weeks/{week}/leaderboard', '/api/practice/mocks/{id}/leaderboard', '/api/practice/mocks/{id}/weeks']));
  });

  it('next week is a new paper and a new attempt; an attempt left open is closed by the clock before ranking; my weekly trend', async () => {
    const next = T0 + 7 * 86_400_000;
    at(next);
    const start = await send(t, 'c-hz', 'POST', `/api/practice/mocks/${weeklyId}/attempts`);
    expect(start.statusCode, start.body).toBe(200);
    const nextWeek = (start.json() as View).attempt.week!;
    expect(nextWeek).not.toBe(week);
    // the learner walks away: 10 minutes + grace later the board closes the attempt as it stands
    at(next + 11 * 60_000);
    const board = (await get(t, 'reviewer-zj', `/api/practice/mocks/${weeklyId}/leaderboard`)).json();
    expect(board).toMatchObject({ week: nextWeek, participants: 1, me: null, top: [{ name: '杭州选手', place: 1, score: 0, seconds: 600 }] });
    const last = (await get(t, 'c-hz', `/api/practice/mocks/${weeklyId}/weeks/${week}/leaderboard`)).json();
    expect(last).toMatchObject({ week, current: false, participants: 3 });
    const trend = await get(t, 'c-hz', `/api/practice/mocks/${weeklyId}/weeks`);
    expect(trend.statusCode, trend.body).toBe(200);
    expect(trend.json().items.map((w: { week: string; score: number; place: number; participants: number }) => [w.week, w.score, w.place, w.participants])).toEqual([[week, 9, 1, 3], [nextWeek, 0, 1, 1]]);
    t.ctx.now = () => new Date();
  });
});
