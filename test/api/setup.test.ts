import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/** SERVICESTAR_DEMO=0: an empty database asks for its first platform admin, once. */
let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDb({ demo: false });
  app = await buildApp({ ctx: t.ctx, serveWeb: false });
});
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('first-admin setup', () => {
  it('says setup is needed, creates the root and the admin, signs them in, and never runs twice', async () => {
    expect((await app.inject({ url: '/api/setup' })).json()).toEqual({ needsSetup: true, demo: false });
    const weak = await app.inject({ method: 'POST', url: '/api/setup', payload: { organisationName: '示例集团', employeeNo: 'boss', name: '首位管理员', password: 'abcdefgh' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('password');
    const res = await app.inject({ method: 'POST', url: '/api/setup', payload: { organisationName: '示例集团', employeeNo: 'boss', name: '首位管理员', password: 'First#Admin1' } });
    expect(res.statusCode).toBe(200);
    const cookie = `ss_session=${res.cookies.find((c) => c.name === 'ss_session')!.value}`;
    const me = (await app.inject({ url: '/api/auth/me', headers: { cookie } })).json();
    expect(me.roles).toEqual([expect.objectContaining({ role: 'platform_admin', organisationName: '示例集团' })]);
    expect(me.mustChangePassword).toBe(false);
    expect((await app.inject({ url: '/api/setup' })).json().needsSetup).toBe(false);
    const again = await app.inject({ method: 'POST', url: '/api/setup', payload: { organisationName: '另一个', employeeNo: 'thief', name: '第二个', password: 'Second#Admin1' } });
    expect(again.statusCode).toBe(409);
    const orgs = (await app.inject({ url: '/api/organisations', headers: { cookie } })).json().items;
    expect(orgs.map((o: { name: string }) => o.name)).toEqual(['示例集团']);
  });
});
