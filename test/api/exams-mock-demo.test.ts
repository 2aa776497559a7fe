import { describe, expect, it } from 'vitest';
import { loadIdentityDemo } from '../../src/server/demo/identity-demo.ts';
import { loadBankDemo } from '../../src/server/demo/bank-demo.ts';
import { DEMO_FINISHED_EXAM, loadExamsDemo } from '../../src/server/demo/exams-demo.ts';
import { DEMO_MOCK, DEMO_WEEKLY } from '../../src/server/demo/exams-mock-demo.ts';
import { systemActor } from '../../src/server/identity/system-actor.ts';
import { listMyExams } from '../../src/server/exams/attempt-service.ts';
import { listAppeals, myAppeals } from '../../src/server/exams/appeal-service.ts';
import { mockResult, myMockHistory, myMocks, myWeeks, weekLeaderboard } from '../../src/server/exams/mock-service.ts';
import { useDemoApp } from '../support/demo.ts';

const d = useDemoApp([loadIdentityDemo, loadBankDemo, loadExamsDemo]);

describe('mock exam and appeals demo', () => {
  it('declares a mock exam, gives the contestant a mock history and two appeals (one decided, one waiting); a second load adds nothing', async () => {
    expect(d.loaded).toMatchObject({ mocks: 2, mockAttempts: 2, appeals: 2 });
    const actor = await d.actor('contestant');
    const mock = (await myMocks(d.ctx, actor)).items.find((m) => m.name === DEMO_MOCK)!;
    expect(mock).toMatchObject({ durationMinutes: 30, attemptsPerDay: 3, attemptsLeft: 3, inProgress: null, available: true });
    const history = (await myMockHistory(d.ctx, actor)).items.filter((h) => h.mockName === DEMO_MOCK);
    expect(history).toHaveLength(2);
    expect(history[1].percent).toBeGreaterThan(0);
    const result = await mockResult(d.ctx, actor, history[0].attemptId);
    expect(result.items).toHaveLength(30);
    expect(result.items.some((i) => !i.correct && i.inWrongBook)).toBe(true);
    // 30 items × 2 mock attempts, 10 × 2 weekly quizzes of the weeks before
    expect((await d.ctx.exams.practice.history(actor.personId)).filter((h) => h.mode === 'mock')).toHaveLength(80);

    const sat = (await listMyExams(d.ctx, actor)).items.find((e) => e.title === DEMO_FINISHED_EXAM)!;
    const mine = (await myAppeals(d.ctx, actor, sat.attempts[0].id)).items;
    expect(mine.map((a) => a.status).sort()).toEqual(['filed', 'upheld']);
    const upheld = mine.find((a) => a.status === 'upheld')!;
    expect(upheld.trail.map((e) => [e.to, e.actorName])).toEqual([['filed', actor.name], ['under-review', null], ['upheld', null]]);
    const finished = (await d.ctx.exams.exams.listUnder(null)).find((e) => e.title === DEMO_FINISHED_EXAM)!;
    const queue = (await listAppeals(d.ctx, await systemActor(d.ctx), finished.id)).items;
    expect(queue.find((a) => a.status === 'upheld')!.trail.at(-1)!.actorName).toBe('周雅琴');
    expect(await loadExamsDemo(d.ctx)).toMatchObject({ attempts: 0, levels: 0, mocks: 0, mockAttempts: 0, weeklyAttempts: 0, appeals: 0 });
  });

  it('has a weekly quiz the contestant has not taken this week, with a non-empty leaderboard this week and their two weeks before', async () => {
    const actor = await d.actor('contestant');
    const weekly = (await myMocks(d.ctx, actor)).items.find((m) => m.name === DEMO_WEEKLY)!;
    expect(weekly).toMatchObject({ cadence: 'weekly', durationMinutes: 10, attemptsLeft: 1, inProgress: null, weekly: { done: false, attempt: null } });
    const board = await weekLeaderboard(d.ctx, actor, weekly.id, null);
    expect(board).toMatchObject({ current: true, week: weekly.weekly!.week, me: null });
    expect(board.participants).toBeGreaterThanOrEqual(3);
    expect(board.top[0].place).toBe(1);
    expect(board.top.every((e, i) => i === 0 || e.place >= board.top[i - 1].place)).toBe(true);
    const trend = (await myWeeks(d.ctx, actor, weekly.id)).items;
    expect(trend).toHaveLength(2);
    expect(trend.every((w) => w.week < weekly.weekly!.week && w.participants === 9 && w.maxScore === 100)).toBe(true);
  });
});
