import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { get, send } from './bank-helpers.ts';
import { makePaperSet } from './exams-helpers.ts';

let t: TestApp;
let papers: Awaited<ReturnType<typeof makePaperSet>>;
beforeAll(async () => {
  t = await createTestApp();
  papers = await makePaperSet(t, { papers: 2 });
});
afterAll(async () => t?.cleanup());

type Q = { questionId: number; type: string; options: { key: string; text: string }[] };
const right = (q: Q) =>
  q.type === 'single' ? { kind: 'choice', keys: ['A'] } : q.type === 'multiple' ? { kind: 'choice', keys: ['A', 'B'] } : q.type === 'truefalse' ? { kind: 'truefalse', value: true } : { kind: 'fill', blanks: ['FTTH'] };
const wrong = (q: Q) => (q.type === 'truefalse' ? { kind: 'truefalse', value: false } : q.type === 'fill' ? { kind: 'fill', blanks: ['x'] } : { kind: 'choice', keys: ['D'] });

describe('practice', () => {
  it('draws a daily set, grades answers, keeps a wrong-answer book that empties after two right answers', async () => {
    const daily = (await get(t, 'c-hz', '/api/practice/daily?count=5')).json();
    expect(daily.items).toHaveLength(5);
    expect(daily.items.every((q: Q) => q.type !== 'short')).toBe(true);
    expect(JSON.stringify(daily)).not.toMatch(/"answer"/);
    const q = daily.items[0] as Q;
    const miss = (await send(t, 'c-hz', 'POST', '/api/practice/answers', { questionId: q.questionId, response: wrong(q) })).json();
    expect(miss).toMatchObject({ correct: false, inWrongBook: true });
    expect((await get(t, 'c-hz', '/api/practice/wrong-book')).json().items.map((i: Q) => i.questionId)).toEqual([q.questionId]);
    expect((await get(t, 'c-hz', '/api/practice/daily?count=5')).json().items[0]).toMatchObject({ questionId: q.questionId, reason: 'wrong-book' });
    expect((await send(t, 'c-hz', 'POST', '/api/practice/answers', { questionId: q.questionId, response: right(q) })).json().inWrongBook).toBe(true);
    expect((await send(t, 'c-hz', 'POST', '/api/practice/answers', { questionId: q.questionId, response: right(q) })).json().inWrongBook).toBe(false);
    expect((await get(t, 'c-hz', '/api/practice/wrong-book')).json().items).toEqual([]);
    const m = (await get(t, 'c-hz', '/api/practice/mastery')).json();
    expect(m.items.length).toBeGreaterThan(0);
    const board = (await get(t, 'c-hz', '/api/practice/leaderboard')).json();
    expect(board.organisationName).toBe('浙江');
    expect(board.items[0]).toMatchObject({ rank: 1, name: '杭州选手', correct: 2 });
    expect((await get(t, 'c-hz', `/api/practice/leaderboard?organisationId=${t.seed.js.id}`)).statusCode).toBe(403);
    // c-nj is in 江苏: the 浙江 bank is not in their pool
    expect((await get(t, 'c-nj', '/api/practice/daily')).json().items).toEqual([]);
    expect((await send(t, 'c-nj', 'POST', '/api/practice/answers', { questionId: q.questionId, response: right(q) })).json().field).toBe('questionId');
  });

  it('opens levels in order with pass marks and awards badges', async () => {
    expect((await send(t, 'org-js', 'POST', '/api/practice/levels', { organisationId: t.seed.zj.id, name: 'x', order: 1, paperId: papers.paperIds[0], passMark: 5 })).statusCode).toBe(403);
    for (const [i, paperId] of papers.paperIds.entries()) {
      const r = await send(t, 'org-zj', 'POST', '/api/practice/levels', { organisationId: t.seed.zj.id, name: `第${i + 1}关`, order: i + 1, paperId, passMark: 6 });
      expect(r.statusCode, r.body).toBe(201);
    }
    const levels = (await get(t, 'c-hz', '/api/practice/levels')).json().items;
    expect(levels.map((l: { status: string }) => l.status)).toEqual(['open', 'locked']);
    expect((await get(t, 'c-hz', `/api/practice/levels/${levels[1].id}`)).statusCode).toBe(409);
    const paper = (await get(t, 'c-hz', `/api/practice/levels/${levels[0].id}`)).json();
    const failed = (await send(t, 'c-hz', 'POST', `/api/practice/levels/${levels[0].id}/submit`, { answers: [] })).json();
    expect(failed).toMatchObject({ score: 0, passed: false });
    const answers = paper.questions.filter((q: Q) => q.type !== 'short').map((q: Q) => ({ questionId: q.questionId, response: right(q) }));
    const passed = (await send(t, 'c-hz', 'POST', `/api/practice/levels/${levels[0].id}/submit`, { answers })).json();
    expect(passed).toMatchObject({ score: 9, maxScore: 14, passed: true });
    expect(passed.levels.map((l: { status: string }) => l.status)).toEqual(['passed', 'open']);
    const badges = (await get(t, 'c-hz', '/api/practice/badges')).json().items;
    expect(badges.find((b: { badgeId: string }) => b.badgeId === 'answers-10')).toMatchObject({ earned: true });
    expect((await get(t, 'c-nj', '/api/practice/levels')).json().items).toEqual([]);
  });
});
