import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.signIn('org-root');
});
afterAll(async () => t?.cleanup());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('organisation tree', () => {
  it('creates a child with the kind its level suggests, and refuses a sibling with the same name', async () => {
    const res = await call('POST', '/api/organisations', { parentId: t.seed.hz.id, name: '客服三班' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '客服三班', kind: 'team', path: '测试集团/浙江/杭州/客服三班', depth: 3 });
    const dup = await call('POST', '/api/organisations', { parentId: t.seed.hz.id, name: '客服三班' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().field).toBe('name');
  });
  it('renames, and the paths of the subtree follow', async () => {
    const res = await call('PATCH', `/api/organisations/${t.seed.hz.id}`, { name: '杭州分公司' });
    expect(res.statusCode).toBe(200);
    const list = (await call('GET', '/api/organisations')).json().items as { id: number; path: string }[];
    expect(list.find((o) => o.id === t.seed.hzTeam.id)!.path).toBe('测试集团/浙江/杭州分公司/客服一班');
  });
  it('moves a subtree and refuses a move under its own descendant', async () => {
    const city = (await call('POST', '/api/organisations', { parentId: t.seed.zj.id, name: '温州' })).json();
    const team = (await call('POST', '/api/organisations', { parentId: city.id, name: '温州一班' })).json();
    const cycle = await call('POST', `/api/organisations/${city.id}/move`, { parentId: team.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().message).toMatch(/descendant/);
    const self = await call('POST', `/api/organisations/${city.id}/move`, { parentId: city.id });
    expect(self.statusCode).toBe(400);
    const moved = await call('POST', `/api/organisations/${city.id}/move`, { parentId: t.seed.js.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path).toBe('测试集团/江苏/温州');
    const list = (await call('GET', '/api/organisations')).json().items as { id: number; path: string; depth: number }[];
    expect(list.find((o) => o.id === team.id)).toMatchObject({ path: '测试集团/江苏/温州/温州一班', depth: 3 });
    // the organiser over 江苏 now manages the moved subtree, the one over 浙江 no longer does
    const js = await t.signIn('org-js');
    const r = await t.app.inject({ method: 'PATCH', url: `/api/organisations/${team.id}`, headers: { cookie: js }, payload: { name: '温州甲班' } });
    expect(r.statusCode).toBe(200);
    const zj = await t.signIn('org-zj');
    const r2 = await t.app.inject({ method: 'PATCH', url: `/api/organisations/${team.id}`, headers: { cookie: zj }, payload: { name: '温州乙班' } });
    expect(r2.statusCode).toBe(403);
  });
  it('refuses to archive a node with active people, archives an empty one', async () => {
    const busy = await call('POST', `/api/organisations/${t.seed.hzTeam.id}/archive`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().details.people).toBeGreaterThan(0);
    const empty = (await call('POST', '/api/organisations', { parentId: t.seed.nj.id, name: '待撤销班' })).json();
    const ok = await call('POST', `/api/organisations/${empty.id}/archive`);
    expect(ok.statusCode).toBe(200);
    const list = (await call('GET', '/api/organisations')).json().items as { id: number }[];
    expect(list.some((o) => o.id === empty.id)).toBe(false);
    const withArchived = (await call('GET', '/api/organisations?includeArchived=true')).json().items as { id: number; archived: boolean }[];
    expect(withArchived.find((o) => o.id === empty.id)?.archived).toBe(true);
  });
  it('refuses to archive the root and validates ids', async () => {
    const admin = await t.signIn('admin');
    const r = await t.app.inject({ method: 'POST', url: `/api/organisations/${t.seed.root.id}/archive`, headers: { cookie: admin } });
    expect(r.statusCode).toBe(400);
    const bad = await call('PATCH', '/api/organisations/abc', { name: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('id');
  });
});

describe('people', () => {
  it('creates a person with tracks and roles, and finds them by search, filters and pages', async () => {
    const tracks = (await call('GET', '/api/tracks')).json().items as { id: number; name: string }[];
    const voice = tracks.find((x) => x.name === '语音客服')!.id;
    for (let i = 1; i <= 25; i++) {
      const r = await call('POST', '/api/people', { employeeNo: `P${String(i).padStart(3, '0')}`, name: `测试员${i}`, gender: i % 3 ? 'F' : 'M', organisationId: t.seed.hzTeam.id, phone: `1380000${String(i).padStart(4, '0')}`, trackIds: i % 2 ? [voice] : [], roles: ['contestant'] });
      expect(r.statusCode).toBe(201);
    }
    const page2 = (await call('GET', '/api/people?q=测试员&pageSize=10&page=2')).json();
    expect(page2.total).toBe(25);
    expect(page2.items).toHaveLength(10);
    expect(page2.items[0].employeeNo).toBe('P011');
    const women = (await call('GET', '/api/people?q=测试员&gender=F&pageSize=100')).json();
    expect(women.total).toBe(17);
    const voiced = (await call('GET', `/api/people?q=测试员&trackId=${voice}&pageSize=100`)).json();
    expect(voiced.total).toBe(13);
    expect(voiced.items[0].tracks[0].name).toBe('语音客服');
    const byPhone = (await call('GET', '/api/people?q=13800000007')).json();
    expect(byPhone.items.map((p: { employeeNo: string }) => p.employeeNo)).toEqual(['P007']);
    const inNj = (await call('GET', `/api/people?organisationId=${t.seed.nj.id}`)).json();
    expect(inNj.items.map((p: { employeeNo: string }) => p.employeeNo)).toEqual(['c-nj']);
    const judges = (await call('GET', '/api/people?role=judge')).json();
    expect(judges.items.map((p: { employeeNo: string }) => p.employeeNo)).toEqual(['judge-zj']);
  });
  it('refuses a duplicate 工号, a bad phone and an unknown track with the field named', async () => {
    const dup = await call('POST', '/api/people', { employeeNo: 'c-hz', name: '重复', gender: 'F', organisationId: t.seed.hzTeam.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().field).toBe('employeeNo');
    const phone = await call('POST', '/api/people', { employeeNo: 'Q1', name: '手机错', gender: 'F', organisationId: t.seed.hzTeam.id, phone: '12345' });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().field).toBe('phone');
    const track = await call('POST', '/api/people', { employeeNo: 'Q2', name: '专业错', gender: 'F', organisationId: t.seed.hzTeam.id, trackIds: [999] });
    expect(track.statusCode).toBe(400);
    expect(track.json().field).toBe('trackIds');
    const none = await t.app.inject({ method: 'GET', url: '/api/people?pageSize=5000', headers: { cookie } });
    expect(none.statusCode).toBe(400);
    expect(none.json().field).toBe('pageSize');
  });
  it('a created person must change the initial password at first sign-in', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'P001', password: 'Init@2026' } });
    expect(r.statusCode).toBe(200);
    expect(r.json().mustChangePassword).toBe(true);
  });
  it('deactivating a person signs them out and stops sign-in', async () => {
    const c = await t.signIn('c-nj');
    const r = await call('PATCH', `/api/people/${t.seed.people['c-nj']}`, { active: false });
    expect(r.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: c } })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'c-nj', password: 'Test@1234' } });
    expect(again.statusCode).toBe(401);
  });
  it('grants and revokes a role', async () => {
    const id = t.seed.people['c-hz'];
    const granted = await call('POST', `/api/people/${id}/roles`, { role: 'host', organisationId: t.seed.zj.id });
    const g = granted.json().roles.find((x: { role: string }) => x.role === 'host');
    expect(g.organisationName).toBe('浙江');
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/people/${id}/roles/${g.id}`, headers: { cookie } });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().roles.some((x: { role: string }) => x.role === 'host')).toBe(false);
  });
});

describe('Chinese reasons on refusals', () => {
  it('a schema refusal and a generic not-found carry reasonZh at the top level; a domain reason is kept', async () => {
    const empty = await call('POST', '/api/organisations', { parentId: t.seed.hz.id, name: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: 'VALIDATION', field: 'name', reasonZh: '名称（name）：不能为空' });
    const missing = await call('GET', '/api/people/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().reasonZh).toBe('未找到人员');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'org-root', password: 'Wrong@1234' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().reasonZh).toBe('工号或密码错误');
  });
});
