import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { get, send } from './bank-helpers.ts';
import { answerAll, itemsOf, makeExam, makePaperSet, rightResponse, startAndLoad } from './exams-helpers.ts';

let t: TestApp;
let papers: Awaited<ReturnType<typeof makePaperSet>>;
beforeAll(async () => {
  t = await createTestApp();
  papers = await makePaperSet(t);
});
afterAll(async () => t?.cleanup());

describe('exams: organiser side', () => {
  it('creates an exam over a paper set, deals papers balanced, lists it', async () => {
    const examId = await makeExam(t, { paperMode: 'parallel', paperSetId: papers.paperSetId }, { candidates: { organisationIds: [t.seed.zj.id] } });
    const cands = (await get(t, 'org-zj', `/api/exams/${examId}/candidates`)).json();
    expect(cands.items.map((c: { employeeNo: string }) => c.employeeNo)).toContain('c-hz');
    expect(cands.items.every((c: { paperId: number }) => papers.paperIds.includes(c.paperId))).toBe(true);
    const list = (await get(t, 'org-zj', '/api/exams')).json();
    expect(list.items.some((e: { id: number }) => e.id === examId)).toBe(true);
    expect((await get(t, 'org-js', `/api/exams/${examId}`)).statusCode).toBe(403);
    expect((await get(t, 'org-root', `/api/exams/${examId}`)).statusCode).toBe(200);
    const outside = await send(t, 'org-zj', 'POST', `/api/exams/${examId}/candidates`, { employeeNos: ['c-nj'] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().field).toBe('employeeNos');
  });

  it('refuses a bad window and an unknown paper, naming the field', async () => {
    const now = Date.now();
    const bad = await send(t, 'org-zj', 'POST', '/api/exams', { organisationId: t.seed.zj.id, title: 'x', opensAt: new Date(now).toISOString(), closesAt: new Date(now - 1000).toISOString(), durationMinutes: 10, paperMode: 'shuffled', paperId: papers.paperIds[0] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('closesAt');
    const nopaper = await send(t, 'org-zj', 'POST', '/api/exams', { organisationId: t.seed.zj.id, title: 'x', opensAt: new Date(now).toISOString(), closesAt: new Date(now + 3600_000).toISOString(), durationMinutes: 10, paperMode: 'shuffled' });
    expect(nopaper.json().field).toBe('paperId');
    const other = await send(t, 'org-js', 'POST', '/api/exams', { organisationId: t.seed.zj.id, title: 'x', opensAt: new Date(now).toISOString(), closesAt: new Date(now + 3600_000).toISOString(), durationMinutes: 10, paperMode: 'shuffled', paperId: papers.paperIds[0] });
    expect(other.statusCode).toBe(403);
  });
});

describe('exams: sitting one', () => {
  it('starts, resumes with the same deadline, saves with sequence numbers, submits and grades', async () => {
    const examId = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[0], settings: { release: { results: 'manual', answers: 'with-results' } } }, { candidates: { employeeNos: ['c-hz'] } });
    const mine = (await get(t, 'c-hz', '/api/my/exams')).json();
    expect(mine.items.find((e: { id: number }) => e.id === examId).state).toBe('open');
    const { attemptId, start, view } = await startAndLoad(t, 'c-hz', examId);
    expect(start.resumed).toBe(false);
    expect(start.clock.remainingMs).toBeGreaterThan(29 * 60_000);
    const again = (await send(t, 'c-hz', 'POST', `/api/exams/${examId}/attempts`)).json();
    expect(again.id).toBe(attemptId);
    expect(again.resumed).toBe(true);
    expect(again.deadline).toBe(start.deadline);
    // the paper never carries the key
    expect(JSON.stringify(view.paper)).not.toMatch(/"answer"|explanation|reference/);
    const items = itemsOf(view);
    expect(items).toHaveLength(5);
    const acks: number[] = [];
    for (const item of items) {
      const r = await send(t, 'c-hz', 'PUT', `/api/attempts/${attemptId}/answers`, { itemId: item.itemId, response: rightResponse(item) });
      expect(r.statusCode, r.body).toBe(200);
      acks.push(r.json().seq);
    }
    expect(acks).toEqual([...acks].sort((a, b) => a - b));
    const flag = await send(t, 'c-hz', 'PUT', `/api/attempts/${attemptId}/flags`, { itemId: items[0].itemId, flagged: true });
    expect(flag.json().seq).toBe(acks[acks.length - 1] + 1);
    const bad = await send(t, 'c-hz', 'PUT', `/api/attempts/${attemptId}/answers`, { itemId: '999', response: null });
    expect(bad.json().field).toBe('itemId');
    const resumed = (await get(t, 'c-hz', `/api/attempts/${attemptId}`)).json();
    expect(resumed.progress).toEqual({ answered: 5, flagged: 1, total: 5 });
    expect(resumed.answers.find((a: { itemId: string }) => a.itemId === items[0].itemId).response).toEqual(rightResponse(items[0]));

    const sub = await send(t, 'c-hz', 'POST', `/api/attempts/${attemptId}/submit`);
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().status).toBe('marking');
    expect((await send(t, 'c-hz', 'PUT', `/api/attempts/${attemptId}/answers`, { itemId: items[0].itemId, response: null })).statusCode).toBe(409);
    const hidden = (await get(t, 'c-hz', `/api/attempts/${attemptId}/result`)).json();
    expect(hidden.resultsVisible).toBe(false);
    expect(hidden.score).toBeNull();
    expect(hidden.items.every((i: { answer?: unknown }) => i.answer === undefined)).toBe(true);
    // a second attempt is refused
    expect((await send(t, 'c-hz', 'POST', `/api/exams/${examId}/attempts`)).statusCode).toBe(409);
  });

  it('keeps other people out: not a candidate, another person\'s attempt, before the window', async () => {
    const examId = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[1] }, { candidates: { employeeNos: ['c-hz'] } });
    const { attemptId } = await startAndLoad(t, 'c-hz', examId);
    expect((await send(t, 'c-nj', 'POST', `/api/exams/${examId}/attempts`)).statusCode).toBe(403);
    expect((await get(t, 'c-nj', `/api/attempts/${attemptId}`)).statusCode).toBe(403);
    expect((await get(t, 'c-nj', `/api/attempts/${attemptId}/result`)).statusCode).toBe(403);
    expect((await send(t, 'c-nj', 'PUT', `/api/attempts/${attemptId}/answers`, { itemId: '1', response: null })).statusCode).toBe(403);
    expect((await get(t, 'org-zj', `/api/attempts/${attemptId}`)).statusCode).toBe(403);
    const later = Date.now() + 24 * 3600_000;
    const future = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[1], opensAt: new Date(later).toISOString(), closesAt: new Date(later + 3600_000).toISOString() }, { candidates: { employeeNos: ['c-hz'] } });
    const early = await send(t, 'c-hz', 'POST', `/api/exams/${future}/attempts`);
    expect(early.statusCode).toBe(409);
    expect((await get(t, 'c-hz', '/api/my/exams')).json().items.find((e: { id: number }) => e.id === future).state).toBe('not-open');
    const draft = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[1] }, { candidates: { employeeNos: ['c-hz'] }, publish: false });
    expect((await send(t, 'c-hz', 'POST', `/api/exams/${draft}/attempts`)).statusCode).toBe(403);
  });

  it('serves the clock alone to the candidate, and to no one else', async () => {
    const examId = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[1], durationMinutes: 20 }, { candidates: { employeeNos: ['c-hz'] } });
    const { attemptId, start } = await startAndLoad(t, 'c-hz', examId);
    const res = await get(t, 'c-hz', `/api/attempts/${attemptId}/clock`);
    expect(res.statusCode, res.body).toBe(200);
    const clock = res.json();
    expect(Object.keys(clock).sort()).toEqual(['deadline', 'remainingMs', 'serverNow', 'status', 'submittedAt']);
    expect(clock).toMatchObject({ deadline: start.deadline, status: 'in-progress', submittedAt: null });
    expect(clock.remainingMs).toBeGreaterThan(19 * 60_000);
    expect(clock.remainingMs).toBeLessThanOrEqual(20 * 60_000);
    expect(Math.abs(new Date(clock.deadline).getTime() - new Date(clock.serverNow).getTime() - clock.remainingMs)).toBeLessThan(1000);
    expect((await get(t, 'c-nj', `/api/attempts/${attemptId}/clock`)).statusCode).toBe(403);
    expect((await get(t, 'org-zj', `/api/attempts/${attemptId}/clock`)).statusCode).toBe(403);
    expect((await get(t, 'c-hz', `/api/attempts/999999/clock`)).statusCode).toBe(404);
    expect((await send(t, 'c-hz', 'POST', `/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
    const after = (await get(t, 'c-hz', `/api/attempts/${attemptId}/clock`)).json();
    expect(after.remainingMs).toBe(0);
    expect(after.submittedAt).toBeTruthy();
    expect(['graded', 'marking']).toContain(after.status);
  });

  it('submits at deadline + grace, lazily and by the sweep', async () => {
    const examId = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[0], durationMinutes: 1, settings: { graceMs: 1000, release: { results: 'immediate' } } }, { candidates: { employeeNos: ['c-hz'] } });
    const { attemptId, view } = await startAndLoad(t, 'c-hz', examId);
    const items = itemsOf(view).filter((i) => i.type !== 'short');
    await answerAll(t, 'c-hz', attemptId, items);
    const realNow = t.ctx.now;
    try {
      t.ctx.now = () => new Date(Date.now() + 60_500);
      // inside the grace: still accepted
      expect((await send(t, 'c-hz', 'PUT', `/api/attempts/${attemptId}/answers`, { itemId: items[0].itemId, response: rightResponse(items[0]) })).statusCode).toBe(200);
      t.ctx.now = () => new Date(Date.now() + 62_000);
      const late = await send(t, 'c-hz', 'PUT', `/api/attempts/${attemptId}/answers`, { itemId: items[0].itemId, response: null });
      expect(late.statusCode).toBe(409);
      const res = (await get(t, 'c-hz', `/api/attempts/${attemptId}/result`)).json();
      expect(res.status).toBe('graded');
      expect(res.resultsVisible).toBe(true);
      expect(res.score).toBe(9);
      expect(res.items.find((i: { status: string }) => i.status === 'unanswered').score).toBe(0);
    } finally {
      t.ctx.now = realNow;
    }
  });
});
