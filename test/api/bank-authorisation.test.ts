import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createBank, importFile, sheetXlsx } from './bank-helpers.ts';

/**
 * The bank routes × roles. A bank owned by 浙江 is managed by org-zj and org-root (an
 * ancestor), invisible to org-js; the group bank (owned by the root) is shared down: org-zj
 * and org-js may read and use it but not change it. Contestants, judges, reviewers and
 * hosts get 403 everywhere.
 */
let t: TestApp;
let zjBank: number;
let groupBank: number;
let questionId: number;
let paperId: number;
let blueprintId: number;
const blueprint = { sections: [{ type: 'single', count: 1, pointsEach: 1 }], totalScore: 1 };

beforeAll(async () => {
  t = await createTestApp();
  zjBank = await createBank(t, 'org-zj', '浙江库', t.seed.zj.id);
  groupBank = await createBank(t, 'org-root', '集团库', t.seed.root.id);
  await importFile(t, 'org-zj', zjBank, 'q.xlsx', await sheetXlsx());
  await importFile(t, 'org-root', groupBank, 'q.xlsx', await sheetXlsx());
  const cookie = await t.signIn('org-zj');
  questionId = (await t.app.inject({ method: 'GET', url: `/api/banks/${zjBank}/questions`, headers: { cookie } })).json().items[0].id;
  blueprintId = (await t.app.inject({ method: 'POST', url: `/api/banks/${zjBank}/blueprints`, headers: { cookie }, payload: { name: '一题', blueprint } })).json().id;
  paperId = (await t.app.inject({ method: 'POST', url: `/api/banks/${zjBank}/assemble`, headers: { cookie }, payload: { blueprint, papers: 1, name: 'A 卷' } })).json().papers[0].id;
});
afterAll(async () => t?.cleanup());

type Case = { who: string | null; method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: () => string; body?: () => object; expect: number };
const question = () => ({ type: 'truefalse', stem: `权限测试题 ${Math.random()}`, answer: { kind: 'truefalse', value: true }, score: 1 });

const cases: [string, Case[]][] = [
  ['banks: who may see them', [
    { who: null, method: 'GET', url: () => '/api/banks', expect: 401 },
    ...['c-hz', 'judge-zj', 'reviewer-zj', 'host-zj'].map((who): Case => ({ who, method: 'GET', url: () => '/api/banks', expect: 403 })),
    ...['c-hz', 'judge-zj', 'reviewer-zj', 'host-zj'].map((who): Case => ({ who, method: 'GET', url: () => `/api/banks/${zjBank}/questions`, expect: 403 })),
    { who: 'org-zj', method: 'GET', url: () => `/api/banks/${zjBank}`, expect: 200 },
    { who: 'org-root', method: 'GET', url: () => `/api/banks/${zjBank}`, expect: 200 },
    { who: 'org-js', method: 'GET', url: () => `/api/banks/${zjBank}`, expect: 403 },
    { who: 'org-js', method: 'GET', url: () => `/api/banks/${zjBank}/questions`, expect: 403 },
    { who: 'org-js', method: 'GET', url: () => `/api/questions/${questionId}`, expect: 403 },
    { who: 'org-js', method: 'GET', url: () => `/api/banks/${zjBank}/export?format=xlsx`, expect: 403 },
    { who: 'org-js', method: 'GET', url: () => `/api/papers/${paperId}`, expect: 403 },
    { who: 'org-js', method: 'GET', url: () => `/api/papers/${paperId}/answer-key`, expect: 403 },
    { who: 'org-js', method: 'GET', url: () => `/api/blueprints/${blueprintId}`, expect: 403 },
    { who: 'org-js', method: 'GET', url: () => `/api/banks/${groupBank}/questions`, expect: 200 },
    { who: 'org-zj', method: 'GET', url: () => `/api/banks/${groupBank}/export?format=moodle`, expect: 200 },
  ]],
  ['banks: who may change them', [
    { who: 'org-zj', method: 'POST', url: () => '/api/banks', body: () => ({ name: '越权库', organisationId: t.seed.js.id }), expect: 403 },
    { who: 'org-zj', method: 'POST', url: () => '/api/banks', body: () => ({ name: '杭州库', organisationId: t.seed.hz.id }), expect: 201 },
    { who: 'c-hz', method: 'POST', url: () => '/api/banks', body: () => ({ name: '选手库', organisationId: t.seed.hzTeam.id }), expect: 403 },
    { who: 'org-js', method: 'PATCH', url: () => `/api/banks/${zjBank}`, body: () => ({ description: '改' }), expect: 403 },
    { who: 'org-zj', method: 'PATCH', url: () => `/api/banks/${groupBank}`, body: () => ({ description: '改' }), expect: 403 },
    { who: 'org-root', method: 'PATCH', url: () => `/api/banks/${zjBank}`, body: () => ({ description: '集团改' }), expect: 200 },
    { who: 'org-js', method: 'POST', url: () => `/api/banks/${zjBank}/questions`, body: question, expect: 403 },
    { who: 'org-zj', method: 'POST', url: () => `/api/banks/${groupBank}/questions`, body: question, expect: 403 },
    { who: 'org-zj', method: 'POST', url: () => `/api/banks/${zjBank}/questions`, body: question, expect: 201 },
    { who: 'org-js', method: 'POST', url: () => `/api/questions/${questionId}/retire`, expect: 403 },
    { who: 'judge-zj', method: 'POST', url: () => `/api/questions/${questionId}/retire`, expect: 403 },
    { who: 'org-js', method: 'POST', url: () => `/api/banks/${zjBank}/knowledge-points`, body: () => ({ name: '越权' }), expect: 403 },
    { who: 'org-zj', method: 'POST', url: () => `/api/banks/${zjBank}/knowledge-points`, body: () => ({ name: '营销' }), expect: 201 },
    { who: 'org-js', method: 'POST', url: () => `/api/banks/${zjBank}/blueprints`, body: () => ({ name: '越权', blueprint }), expect: 403 },
    { who: 'org-js', method: 'DELETE', url: () => `/api/blueprints/${blueprintId}`, expect: 403 },
    { who: 'org-js', method: 'DELETE', url: () => `/api/banks/${zjBank}`, expect: 403 },
  ]],
  ['banks: who may use them', [
    { who: 'org-js', method: 'POST', url: () => `/api/banks/${zjBank}/feasibility`, body: () => ({ blueprint, papers: 1 }), expect: 403 },
    { who: 'org-js', method: 'POST', url: () => `/api/banks/${zjBank}/assemble`, body: () => ({ blueprint, papers: 1 }), expect: 403 },
    { who: 'c-hz', method: 'POST', url: () => `/api/banks/${zjBank}/assemble`, body: () => ({ blueprint, papers: 1 }), expect: 403 },
    { who: 'org-js', method: 'POST', url: () => `/api/banks/${groupBank}/feasibility`, body: () => ({ blueprint, papers: 1 }), expect: 200 },
    { who: 'org-js', method: 'POST', url: () => `/api/banks/${groupBank}/assemble`, body: () => ({ blueprint, papers: 1, name: '江苏用集团库' }), expect: 201 },
    { who: 'judge-zj', method: 'GET', url: () => `/api/papers/${paperId}`, expect: 403 },
    { who: 'c-hz', method: 'GET', url: () => `/api/papers/${paperId}/answer-key`, expect: 403 },
    { who: 'org-root', method: 'GET', url: () => `/api/papers/${paperId}/answer-key`, expect: 200 },
    { who: null, method: 'GET', url: () => '/api/banks/import/template', expect: 401 },
  ]],
];

describe.each(cases)('%s', (_family, list) => {
  it.each(list.map((c) => [`${c.who ?? 'anonymous'} ${c.method} → ${c.expect}`, c] as const))('%s', async (_name, c) => {
    const headers: Record<string, string> = c.who ? { cookie: await t.signIn(c.who) } : {};
    const res = await t.app.inject({ method: c.method, url: c.url(), headers, ...(c.body ? { payload: c.body() } : {}) });
    expect(res.statusCode, res.body).toBe(c.expect);
  });
});

describe('what each organiser is shown', () => {
  it('lists the banks of my subtree and those shared down to me, with whether I may change them', async () => {
    const list = async (who: string) => (await t.app.inject({ method: 'GET', url: '/api/banks', headers: { cookie: await t.signIn(who) } })).json().items as { id: number; canManage: boolean }[];
    const js = await list('org-js');
    expect(js.map((b) => b.id)).toContain(groupBank);
    expect(js.map((b) => b.id)).not.toContain(zjBank);
    expect(js.find((b) => b.id === groupBank)!.canManage).toBe(false);
    const zj = await list('org-zj');
    expect(zj.find((b) => b.id === zjBank)!.canManage).toBe(true);
    const root = await list('org-root');
    expect(root.map((b) => b.id)).toEqual(expect.arrayContaining([zjBank, groupBank]));
  });
});
