import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeExam, makePaperSet, startAndLoad } from './exams-helpers.ts';

/**
 * The exams routes × roles, inside and outside the subtree: an exam owned by 浙江 with c-hz as
 * its candidate (attempt started); org-js (江苏) and c-nj are the outsiders.
 */
let t: TestApp;
let examId: number;
let attemptId: number;
beforeAll(async () => {
  t = await createTestApp();
  const papers = await makePaperSet(t, { papers: 1 });
  examId = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[0] }, { candidates: { employeeNos: ['c-hz'] } });
  attemptId = (await startAndLoad(t, 'c-hz', examId)).attemptId;
});
afterAll(async () => t?.cleanup());

type Case = { who: string | null; method: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: () => string; body?: () => object; expect: number };
const E = () => `/api/exams/${examId}`;
const A = () => `/api/attempts/${attemptId}`;
const manage: [string, 'GET' | 'POST' | 'PATCH', (() => object) | undefined][] = [
  ['', 'GET', undefined], ['', 'PATCH', () => ({ instructions: '请独立作答' })], ['/candidates', 'GET', undefined], ['/candidates', 'POST', () => ({ employeeNos: ['c-hz'] })],
  ['/proctor', 'GET', undefined], ['/messages', 'POST', () => ({ body: 'hi' })], ['/results', 'GET', undefined], ['/rankings', 'GET', undefined],
  ['/item-analysis', 'GET', undefined], ['/export', 'GET', undefined], ['/appeals', 'GET', undefined],
];
const cases: [string, Case[]][] = [
  ['organiser routes', manage.flatMap(([suffix, method, body]) => [
    { who: null, method, url: () => `${E()}${suffix}`, body, expect: 401 },
    { who: 'c-hz', method, url: () => `${E()}${suffix}`, body, expect: 403 },
    { who: 'judge-zj', method, url: () => `${E()}${suffix}`, body, expect: 403 },
    { who: 'org-js', method, url: () => `${E()}${suffix}`, body, expect: 403 },
    { who: 'org-zj', method, url: () => `${E()}${suffix}`, body, expect: method === 'POST' && suffix === '/messages' ? 201 : 200 },
    { who: 'org-root', method, url: () => `${E()}${suffix}`, body, expect: method === 'POST' && suffix === '/messages' ? 201 : 200 },
  ])],
  ['marking', [
    { who: 'judge-zj', method: 'GET', url: () => `${E()}/marking`, expect: 200 },
    { who: 'org-zj', method: 'GET', url: () => `${E()}/marking`, expect: 200 },
    { who: 'org-js', method: 'GET', url: () => `${E()}/marking`, expect: 403 },
    { who: 'c-hz', method: 'GET', url: () => `${E()}/marking`, expect: 403 },
  ]],
  ['create and list', [
    { who: 'c-hz', method: 'GET', url: () => '/api/exams', expect: 403 },
    { who: 'org-js', method: 'GET', url: () => '/api/exams', expect: 200 },
    { who: 'c-hz', method: 'GET', url: () => '/api/my/exams', expect: 200 },
    { who: null, method: 'GET', url: () => '/api/my/exams', expect: 401 },
  ]],
  ['the candidate\'s attempt', [
    { who: 'c-hz', method: 'GET', url: A, expect: 200 },
    { who: 'c-nj', method: 'GET', url: A, expect: 403 },
    { who: 'org-zj', method: 'GET', url: A, expect: 403 },
    { who: 'admin', method: 'GET', url: A, expect: 403 },
    { who: 'c-nj', method: 'PUT', url: () => `${A()}/answers`, body: () => ({ itemId: '1', response: null }), expect: 403 },
    { who: 'c-nj', method: 'PUT', url: () => `${A()}/flags`, body: () => ({ itemId: '1', flagged: true }), expect: 403 },
    { who: 'c-nj', method: 'POST', url: () => `${A()}/events`, body: () => ({ events: [{ kind: 'tab-switch' }] }), expect: 403 },
    { who: 'c-nj', method: 'GET', url: () => `${A()}/messages`, expect: 403 },
    { who: 'c-nj', method: 'GET', url: () => `${A()}/result`, expect: 403 },
    { who: 'c-nj', method: 'POST', url: () => `${A()}/submit`, expect: 403 },
    { who: 'c-nj', method: 'POST', url: () => `/api/exams/${examId}/attempts`, expect: 403 },
    { who: 'org-js', method: 'GET', url: () => `/api/exams/attempts/${attemptId}/log`, expect: 403 },
    { who: 'org-js', method: 'GET', url: () => `/api/exams/attempts/${attemptId}/report`, expect: 403 },
    { who: 'org-zj', method: 'GET', url: () => `/api/exams/attempts/${attemptId}/log`, expect: 200 },
    { who: 'c-hz', method: 'GET', url: () => `/api/exams/attempts/${attemptId}/report`, expect: 403 },
  ]],
];

describe.each(cases)('%s', (_family, list) => {
  it.each(list.map((c) => [`${c.who ?? 'anonymous'} ${c.method} ${c.url().replace(/\d+/g, ':id')} → ${c.expect}`, c] as const))('%s', async (_name, c) => {
    const headers: Record<string, string> = c.who ? { cookie: await t.signIn(c.who) } : {};
    const res = await t.app.inject({ method: c.method, url: c.url(), headers, ...(c.body ? { payload: c.body() } : {}) });
    expect(res.statusCode, res.body).toBe(c.expect);
  });
});
