import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipart, type TestApp } from '../support/app.ts';

/**
 * Each role × each route family, inside and outside its subtree. The seed has organisers
 * over 浙江 (org-zj) and 江苏 (org-js), a reviewer, judge and host over 浙江, and one
 * contestant in each province.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.cleanup());

type Case = { who: string | null; method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: () => string; body?: () => unknown; expect: number };

const P = (k: string) => t.seed.people[k];
const cases: [string, Case[]][] = [
  ['organisations: read', [
    { who: null, method: 'GET', url: () => '/api/organisations', expect: 401 },
    { who: 'c-hz', method: 'GET', url: () => '/api/organisations', expect: 403 },
    { who: 'reviewer-zj', method: 'GET', url: () => '/api/organisations', expect: 200 },
    { who: 'judge-zj', method: 'GET', url: () => '/api/organisations', expect: 200 },
    { who: 'host-zj', method: 'GET', url: () => '/api/organisations', expect: 200 },
    { who: 'org-zj', method: 'GET', url: () => '/api/organisations', expect: 200 },
  ]],
  ['organisations: write', [
    { who: 'org-zj', method: 'POST', url: () => '/api/organisations', body: () => ({ parentId: t.seed.hz.id, name: '客服二班' }), expect: 201 },
    { who: 'org-zj', method: 'POST', url: () => '/api/organisations', body: () => ({ parentId: t.seed.nj.id, name: '越权班' }), expect: 403 },
    { who: 'org-js', method: 'PATCH', url: () => `/api/organisations/${t.seed.hz.id}`, body: () => ({ name: '改名' }), expect: 403 },
    { who: 'org-zj', method: 'POST', url: () => `/api/organisations/${t.seed.hz.id}/move`, body: () => ({ parentId: t.seed.js.id }), expect: 403 },
    { who: 'org-zj', method: 'PATCH', url: () => `/api/organisations/${t.seed.root.id}`, body: () => ({ name: '根' }), expect: 403 },
    { who: 'reviewer-zj', method: 'POST', url: () => '/api/organisations', body: () => ({ parentId: t.seed.hz.id, name: '审核员建的' }), expect: 403 },
    { who: 'c-hz', method: 'POST', url: () => `/api/organisations/${t.seed.hz.id}/archive`, expect: 403 },
  ]],
  ['people: read', [
    { who: null, method: 'GET', url: () => '/api/people', expect: 401 },
    { who: 'c-hz', method: 'GET', url: () => '/api/people', expect: 403 },
    { who: 'judge-zj', method: 'GET', url: () => '/api/people', expect: 403 },
    { who: 'org-zj', method: 'GET', url: () => `/api/people?organisationId=${t.seed.nj.id}`, expect: 403 },
    { who: 'org-zj', method: 'GET', url: () => `/api/people/${P('c-nj')}`, expect: 403 },
    { who: 'org-zj', method: 'GET', url: () => `/api/people/${P('c-hz')}`, expect: 200 },
    { who: 'c-hz', method: 'GET', url: () => `/api/people/${P('c-hz')}`, expect: 200 },
    { who: 'c-hz', method: 'GET', url: () => `/api/people/${P('c-nj')}`, expect: 403 },
  ]],
  ['people: write', [
    { who: 'org-zj', method: 'PATCH', url: () => `/api/people/${P('c-nj')}`, body: () => ({ name: '越权' }), expect: 403 },
    { who: 'org-zj', method: 'PATCH', url: () => `/api/people/${P('c-hz')}`, body: () => ({ organisationId: t.seed.nj.id }), expect: 403 },
    { who: 'c-hz', method: 'PATCH', url: () => `/api/people/${P('c-hz')}`, body: () => ({ name: '自己改' }), expect: 403 },
    { who: 'org-zj', method: 'POST', url: () => '/api/people', body: () => ({ employeeNo: 'X1', name: '越权', gender: 'F', organisationId: t.seed.nj.id }), expect: 403 },
    { who: 'org-zj', method: 'POST', url: () => '/api/people', body: () => ({ employeeNo: 'X2', name: '新人', gender: 'F', organisationId: t.seed.hzTeam.id }), expect: 201 },
  ]],
  ['roles and passwords', [
    { who: 'org-zj', method: 'POST', url: () => `/api/people/${P('c-hz')}/roles`, body: () => ({ role: 'platform_admin', organisationId: t.seed.zj.id }), expect: 403 },
    { who: 'org-zj', method: 'POST', url: () => `/api/people/${P('c-hz')}/roles`, body: () => ({ role: 'judge', organisationId: t.seed.js.id }), expect: 403 },
    { who: 'org-zj', method: 'POST', url: () => `/api/people/${P('c-hz')}/roles`, body: () => ({ role: 'judge', organisationId: t.seed.zj.id }), expect: 200 },
    { who: 'org-zj', method: 'POST', url: () => `/api/people/${P('c-nj')}/reset-password`, body: () => ({}), expect: 403 },
    { who: 'org-root', method: 'POST', url: () => `/api/people/${P('admin')}/reset-password`, body: () => ({}), expect: 403 },
    { who: 'reviewer-zj', method: 'POST', url: () => `/api/people/${P('c-hz')}/reset-password`, body: () => ({}), expect: 403 },
  ]],
  ['tracks', [
    { who: 'c-hz', method: 'GET', url: () => '/api/tracks', expect: 200 },
    { who: 'org-root', method: 'POST', url: () => '/api/tracks', body: () => ({ code: 'video', name: '视频客服', nameEn: 'Video service' }), expect: 403 },
    { who: 'admin', method: 'POST', url: () => '/api/tracks', body: () => ({ code: 'video', name: '视频客服', nameEn: 'Video service' }), expect: 201 },
  ]],
  ['people import', [
    { who: null, method: 'GET', url: () => '/api/people/import/template', expect: 401 },
    { who: 'org-zj', method: 'GET', url: () => '/api/people/import/template?format=csv', expect: 200 },
  ]],
];

describe.each(cases)('%s', (_family, list) => {
  it.each(list.map((c) => [`${c.who ?? 'anonymous'} ${c.method} → ${c.expect}`, c] as const))('%s', async (_name, c) => {
    const headers: Record<string, string> = c.who ? { cookie: await t.signIn(c.who) } : {};
    const res = await t.app.inject({ method: c.method, url: c.url(), headers, ...(c.body ? { payload: c.body() as object } : {}) });
    expect(res.statusCode, res.body).toBe(c.expect);
  });
});

describe('scoping of what is returned', () => {
  it('an organiser over 浙江 sees only 浙江 organisations and people', async () => {
    const cookie = await t.signIn('org-zj');
    const orgs = (await t.app.inject({ url: '/api/organisations', headers: { cookie } })).json().items as { path: string }[];
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((o) => o.path.startsWith('测试集团/浙江'))).toBe(true);
    const people = (await t.app.inject({ url: '/api/people?pageSize=200', headers: { cookie } })).json();
    const nos = people.items.map((p: { employeeNo: string }) => p.employeeNo);
    expect(nos).toContain('c-hz');
    expect(nos).not.toContain('c-nj');
    expect(nos).not.toContain('org-js');
  });
  it('an organiser cannot import into another province: the row is refused with its reason', async () => {
    const cookie = await t.signIn('org-zj');
    const csv = '工号,姓名,性别,组织,手机,专业,角色\nZ9001,浙江新人,女,测试集团/浙江/杭州,13800000001,语音客服,选手\nZ9002,江苏新人,男,测试集团/江苏/南京,13800000002,语音客服,选手\n';
    const m = multipart({}, { name: 'file', fileName: 'p.csv', content: Buffer.from(csv) });
    const res = await t.app.inject({ method: 'POST', url: '/api/people/import', headers: { cookie, ...m.headers }, payload: m.payload });
    expect(res.statusCode).toBe(200);
    expect(res.json().counts.create).toBe(1);
    expect(res.json().rejected).toEqual([expect.objectContaining({ row: 3, code: 'organisation_out_of_scope' })]);
  });
  it('a reviewer cannot import at all', async () => {
    const cookie = await t.signIn('reviewer-zj');
    const m = multipart({}, { name: 'file', fileName: 'p.csv', content: Buffer.from('工号,姓名,性别,组织\n') });
    const res = await t.app.inject({ method: 'POST', url: '/api/people/import', headers: { cookie, ...m.headers }, payload: m.payload });
    expect(res.statusCode).toBe(403);
  });
});
