import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { get, send } from './bank-helpers.ts';
import { BLUEPRINT, makePaperSet, rightResponse } from './exams-helpers.ts';

/** Mock exams (模拟考): declared per subtree over a blueprint, assembled per attempt, timed by the server, graded at submit. */
let t: TestApp;
let bankId: number;
let objectiveId: number;
let mockId: number;
const OBJECTIVE = { ...BLUEPRINT, sections: BLUEPRINT.sections.filter((s) => s.type !== 'short'), totalScore: 9 };
type Item = { itemId: string; type: string; options: { key: string; text: string }[] };
type View = { attempt: { id: number; deadline: string; resumed?: boolean; clock: { remainingMs: number } | null; submitReason: string | null; submittedAt: string | null }; paper: { totalScore: number; sections: { items: Item[] }[] } };
const itemsOf = (v: View) => v.paper.sections.flatMap((s) => s.items);

beforeAll(async () => {
  t = await createTestApp();
  ({ bankId } = await makePaperSet(t, { papers: 1 }));
  const bp = await send(t, 'org-zj', 'POST', `/api/banks/${bankId}/blueprints`, { name: '模拟考蓝图', blueprint: OBJECTIVE });
  expect(bp.statusCode, bp.body).toBe(201);
  objectiveId = bp.json().id;
});
afterAll(async () => t?.cleanup());

describe('mock exams', () => {
  it('organisers declare them for their subtree, objective blueprints only, naming the field', async () => {
    const withShort = (await send(t, 'org-zj', 'POST', `/api/banks/${bankId}/blueprints`, { name: '含简答', blueprint: BLUEPRINT })).json().id;
    const base = { organisationId: t.seed.zj.id, name: '浙江周测', bankId, blueprintId: objectiveId, durationMinutes: 20, attemptsPerDay: 2 };
    expect((await send(t, 'org-js', 'POST', '/api/practice/mock-exams', base)).statusCode).toBe(403);
    expect((await send(t, 'c-hz', 'POST', '/api/practice/mock-exams', base)).statusCode).toBe(403);
    const subjective = await send(t, 'org-zj', 'POST', '/api/practice/mock-exams', { ...base, blueprintId: withShort });
    expect([subjective.statusCode, subjective.json().field]).toEqual([400, 'blueprintId']);
    const noDuration = await send(t, 'org-zj', 'POST', '/api/practice/mock-exams', { ...base, durationMinutes: 0 });
    expect([noDuration.statusCode, noDuration.json().field]).toEqual([400, 'durationMinutes']);
    const made = await send(t, 'org-zj', 'POST', '/api/practice/mock-exams', base);
    expect(made.statusCode, made.body).toBe(201);
    mockId = made.json().id;
    expect(made.json()).toMatchObject({ name: '浙江周测', durationMinutes: 20, attemptsPerDay: 2, blueprintName: '模拟考蓝图', active: true });
    expect((await send(t, 'org-zj', 'POST', '/api/practice/mock-exams', base)).statusCode).toBe(409);
    expect((await get(t, 'org-zj', '/api/practice/mock-exams')).json().items.map((m: { id: number }) => m.id)).toEqual([mockId]);
    expect((await get(t, 'org-js', '/api/practice/mock-exams')).json().items).toEqual([]);
    expect((await send(t, 'org-js', 'PATCH', `/api/practice/mock-exams/${mockId}`, { active: false })).statusCode).toBe(403);
  });

  it('a learner outside the subtree neither sees nor starts one', async () => {
    expect((await get(t, 'c-nj', '/api/practice/mocks')).json().items).toEqual([]);
    expect((await send(t, 'c-nj', 'POST', `/api/practice/mocks/${mockId}/attempts`)).statusCode).toBe(403);
  });

  let attemptId: number;
  let view: View;
  it('starts with a paper assembled from the blueprint and resumes the same attempt and deadline', async () => {
    const list = (await get(t, 'c-hz', '/api/practice/mocks')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: mockId, attemptsLeft: 2, inProgress: null, best: null });
    const start = await send(t, 'c-hz', 'POST', `/api/practice/mocks/${mockId}/attempts`);
    expect(start.statusCode, start.body).toBe(200);
    view = start.json();
    attemptId = view.attempt.id;
    expect(view.attempt.resumed).toBe(false);
    expect(itemsOf(view).map((i) => i.type)).toEqual(['single', 'multiple', 'truefalse', 'fill']);
    expect(view.paper.totalScore).toBe(9);
    expect(view.attempt.clock!.remainingMs).toBeGreaterThan(19 * 60_000);
    expect(JSON.stringify(view)).not.toMatch(/"answer"|explanation/);
    const again = (await send(t, 'c-hz', 'POST', `/api/practice/mocks/${mockId}/attempts`)).json();
    expect(again.attempt).toMatchObject({ id: attemptId, resumed: true, deadline: view.attempt.deadline });
    expect((await get(t, 'c-hz', '/api/practice/mocks')).json().items[0].inProgress.id).toBe(attemptId);
  });

  it('two tabs pressing start at once get the one attempt', async () => {
    const [a, b] = await Promise.all([send(t, 'reviewer-zj', 'POST', `/api/practice/mocks/${mockId}/attempts`), send(t, 'reviewer-zj', 'POST', `/api/practice/mocks/${mockId}/attempts`)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().attempt.id).toBe(b.json().attempt.id);
    expect([a.json().attempt.resumed, b.json().attempt.resumed].sort()).toEqual([false, true]);
  });

  it('nobody else reads or writes a learner\'s mock attempt', async () => {
    for (const who of ['judge-zj', 'c-nj', 'org-zj']) {
      expect((await get(t, who, `/api/practice/mock-attempts/${attemptId}`)).statusCode, who).toBe(403);
      expect((await send(t, who, 'PUT', `/api/practice/mock-attempts/${attemptId}/answers`, { itemId: '1', response: null })).statusCode, who).toBe(403);
      expect((await send(t, who, 'POST', `/api/practice/mock-attempts/${attemptId}/submit`)).statusCode, who).toBe(403);
      expect((await get(t, who, `/api/practice/mock-attempts/${attemptId}/result`)).statusCode, who).toBe(403);
    }
  });

  it('saves answers with sequence numbers, grades at submit, and feeds the wrong-answer book and mastery', async () => {
    const items = itemsOf(view);
    const single = items.find((i) => i.type === 'single')!;
    const bad = await send(t, 'c-hz', 'PUT', `/api/practice/mock-attempts/${attemptId}/answers`, { itemId: '99', response: null });
    expect([bad.statusCode, bad.json().field]).toEqual([400, 'itemId']);
    const malformed = await send(t, 'c-hz', 'PUT', `/api/practice/mock-attempts/${attemptId}/answers`, { itemId: single.itemId, response: { kind: 'truefalse', value: true } });
    expect([malformed.statusCode, malformed.json().field]).toEqual([400, 'response']);
    const seqs: number[] = [];
    for (const item of items.filter((i) => i.type !== 'truefalse')) {
      const right = rightResponse(item);
      const response = item === single ? { kind: 'choice', keys: [single.options.find((o) => !o.text.startsWith('光信号中断'))!.key] } : right;
      const r = await send(t, 'c-hz', 'PUT', `/api/practice/mock-attempts/${attemptId}/answers`, { itemId: item.itemId, response });
      expect(r.statusCode, r.body).toBe(200);
      seqs.push(r.json().seq);
    }
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect((await send(t, 'c-hz', 'PUT', `/api/practice/mock-attempts/${attemptId}/flags`, { itemId: single.itemId, flagged: true })).statusCode).toBe(200);
    const reloaded = (await get(t, 'c-hz', `/api/practice/mock-attempts/${attemptId}`)).json();
    expect(reloaded.answers.find((a: { itemId: string }) => a.itemId === single.itemId)).toMatchObject({ flagged: true });
    expect((await get(t, 'c-hz', `/api/practice/mock-attempts/${attemptId}/result`)).statusCode).toBe(409);

    const result = await send(t, 'c-hz', 'POST', `/api/practice/mock-attempts/${attemptId}/submit`);
    expect(result.statusCode, result.body).toBe(200);
    // single (2) wrong, truefalse (1) unanswered; multiple 4 + fill 2 right
    expect(result.json()).toMatchObject({ score: 6, maxScore: 9, percent: 66.7 });
    const r = result.json();
    expect(r.byKnowledgePoint.find((k: { point: string }) => k.point === '宽带/故障')).toMatchObject({ score: 2, max: 4, items: 2 });
    const wrongIds = r.items.filter((i: { correct: boolean }) => !i.correct).map((i: { questionId: number }) => i.questionId).sort();
    expect(r.items.filter((i: { inWrongBook: boolean }) => i.inWrongBook).map((i: { questionId: number }) => i.questionId).sort()).toEqual(wrongIds);
    const book = (await get(t, 'c-hz', '/api/practice/wrong-book')).json().items.map((i: { questionId: number }) => i.questionId).sort();
    expect(book).toEqual(wrongIds);
    const mastery = (await get(t, 'c-hz', '/api/practice/mastery')).json().items;
    expect(mastery.find((m: { point: string }) => m.point === '携号转网')).toMatchObject({ attempts: 1, correct: 1 });
    expect((await send(t, 'c-hz', 'PUT', `/api/practice/mock-attempts/${attemptId}/answers`, { itemId: single.itemId, response: null })).statusCode).toBe(409);
    expect((await send(t, 'c-hz', 'POST', `/api/practice/mock-attempts/${attemptId}/submit`)).json().score).toBe(6);
  });

  it('submits at deadline + grace on the server\'s clock, counts attempts per day, and keeps a history', async () => {
    const second = (await send(t, 'c-hz', 'POST', `/api/practice/mocks/${mockId}/attempts`)).json() as View;
    expect(second.attempt.id).not.toBe(attemptId);
    expect(second.attempt.resumed).toBe(false);
    const realNow = t.ctx.now;
    try {
      t.ctx.now = () => new Date(Date.now() + 20 * 60_000 + 6_000);
      const late = await send(t, 'c-hz', 'PUT', `/api/practice/mock-attempts/${second.attempt.id}/answers`, { itemId: '1', response: null });
      expect(late.statusCode).toBe(409);
      const done = (await get(t, 'c-hz', `/api/practice/mock-attempts/${second.attempt.id}`)).json();
      expect(done.attempt).toMatchObject({ submitReason: 'deadline', score: 0 });
      expect(new Date(done.attempt.submittedAt).getTime()).toBe(new Date(second.attempt.deadline).getTime() + 5_000);
      const used = await send(t, 'c-hz', 'POST', `/api/practice/mocks/${mockId}/attempts`);
      expect(used.statusCode).toBe(409);
      expect((await get(t, 'c-hz', '/api/practice/mocks')).json().items[0]).toMatchObject({ attemptsLeft: 0, best: 66.7 });
      const history = (await get(t, 'c-hz', '/api/practice/mocks/history')).json().items;
      expect(history.map((h: { percent: number; bestSoFar: number }) => [h.percent, h.bestSoFar])).toEqual([[66.7, 66.7], [0, 66.7]]);
      t.ctx.now = () => new Date(Date.now() + 86_400_000);
      expect((await send(t, 'c-hz', 'POST', `/api/practice/mocks/${mockId}/attempts`)).statusCode).toBe(200);
    } finally {
      t.ctx.now = realNow;
    }
  });

  it('a closed mock exam cannot be started', async () => {
    const closed = await send(t, 'org-zj', 'PATCH', `/api/practice/mock-exams/${mockId}`, { active: false, attemptsPerDay: null });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ active: false, attemptsPerDay: null, learners: 2 });
    expect((await get(t, 'judge-zj', '/api/practice/mocks')).json().items).toEqual([]);
    expect((await send(t, 'judge-zj', 'POST', `/api/practice/mocks/${mockId}/attempts`)).statusCode).toBe(409);
  });
});
