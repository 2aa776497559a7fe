import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { PASSWORD } from '../support/seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.cleanup());

describe('health and docs', () => {
  it('answers health with the database kind and version', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite', version: expect.any(String) });
  });
  it('serves an OpenAPI document that lists the routes', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/people', '/api/people/import', '/api/organisations/{id}/move']));
  });
});

describe('sign-in', () => {
  it('signs in with 工号 and password and sets an httpOnly cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'org-zj', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'ss_session')!;
    expect(c.httpOnly).toBe(true);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `ss_session=${c.value}` } });
    expect(me.json().person.employeeNo).toBe('org-zj');
    expect(me.json().roles.map((r: { role: string }) => r.role)).toEqual(['organiser']);
  });
  it('refuses a wrong password and an unknown 工号 with the same 401', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'org-js', password: 'nope-nope' } });
    const b = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'nobody', password: 'nope-nope' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().message).toBe(b.json().message);
  });
  it('names the missing field when the body is incomplete', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('password');
  });
  it('locks an account for 15 minutes after 5 failed attempts, even with the right password', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'host-zj', password: 'wrong-pass' } });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'host-zj', password: 'wrong-pass' } });
    expect(fifth.statusCode).toBe(423);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'host-zj', password: PASSWORD } });
    expect(right.statusCode).toBe(423);
    const until = new Date(right.json().details.lockedUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  });
  it('signs out: the cookie no longer works', async () => {
    const cookie = await t.signIn('reviewer-zj');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('forces a change on first sign-in after an admin reset, then lets the person in', async () => {
    const admin = await t.signIn('org-zj');
    const reset = await t.app.inject({ method: 'POST', url: `/api/people/${t.seed.people['c-hz']}/reset-password`, headers: { cookie: admin }, payload: {} });
    expect(reset.statusCode).toBe(200);
    const temp = reset.json().temporaryPassword as string;
    const si = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'c-hz', password: temp } });
    expect(si.json().mustChangePassword).toBe(true);
    const cookie = `ss_session=${si.cookies.find((c) => c.name === 'ss_session')!.value}`;
    const blocked = await t.app.inject({ url: '/api/tracks', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/change-password', headers: { cookie }, payload: { currentPassword: temp, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('newPassword');
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/change-password', headers: { cookie }, payload: { currentPassword: temp, newPassword: 'Better#2026' } });
    expect(ok.statusCode).toBe(204);
    const tracks = await t.app.inject({ url: '/api/tracks', headers: { cookie } });
    expect(tracks.statusCode).toBe(200);
    expect(tracks.json().items.map((x: { name: string }) => x.name)).toEqual(['语音客服', '智能客服', '互联网融合客服', '质差修复客服']);
  });
  it('refuses a change with the wrong current password', async () => {
    const cookie = await t.signIn('judge-zj');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/change-password', headers: { cookie }, payload: { currentPassword: 'not-it-1', newPassword: 'Another#2026' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('currentPassword');
  });
});
