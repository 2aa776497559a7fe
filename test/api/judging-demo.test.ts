import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadContestsDemo } from '../../src/server/demo/contests-demo.ts';
import { DEMO_PASSWORD, loadIdentityDemo } from '../../src/server/demo/identity-demo.ts';
import { DEMO_GUEST_CODE, DEMO_JUDGED_ROUND, loadJudgingDemo } from '../../src/server/demo/judging-demo.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDb();
  // only the demos judging builds on (identity → contests → judging), so another domain's demo cannot break this test
  await loadIdentityDemo(t.ctx);
  await loadContestsDemo(t.ctx);
  await loadJudgingDemo(t.ctx);
  app = await buildApp({ ctx: t.ctx, serveWeb: false });
  await app.ready();
}, 600_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

const cookieOf = async (employeeNo: string) => {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo, password: DEMO_PASSWORD } });
  return `ss_session=${res.cookies.find((c) => c.name === 'ss_session')!.value}`;
};

describe('judging demo', () => {
  it('gives the demo judge a panel with a team on stage they have not scored yet, and a rubric to score', async () => {
    const cookie = await cookieOf('judge');
    const panels = (await app.inject({ method: 'GET', url: '/api/judging/me/panels', headers: { cookie } })).json().items;
    expect(panels).toHaveLength(1);
    expect(panels[0]).toMatchObject({ roundKey: DEMO_JUDGED_ROUND, onStage: expect.any(String) });
    const phone = (await app.inject({ method: 'GET', url: `/api/judging/me/panels/${panels[0].id}`, headers: { cookie } })).json();
    expect(phone.rubric.nameZh).toBe('投诉处理');
    const onStage = phone.entries.find((e: { entryId: number }) => e.entryId === phone.onStageEntryId);
    expect(onStage).toMatchObject({ sheet: null, locked: false, conflict: null });
    expect(phone.entries).toHaveLength(6);
  });

  it('has one team locked with its reveal on the big screen, others in progress, and the score in the contest round', async () => {
    const cookie = await cookieOf('organiser');
    const panel = (await t.ctx.judging.panels.listByContest((await t.ctx.db.selectFrom('panel').select('contest_id').executeTakeFirstOrThrow()).contest_id))[0];
    const board = (await app.inject({ method: 'GET', url: `/api/judging/panels/${panel.id}/board`, headers: { cookie } })).json();
    expect(board.judges).toHaveLength(5);
    expect(board.judges.filter((j: { guest: boolean }) => j.guest)).toHaveLength(1);
    expect(board.entries[0]).toMatchObject({ locked: true, missing: [] });
    expect(board.summary.scored).toBeGreaterThan(board.entries[0].scoredBy.length);
    expect(board.summary.missing).toBeGreaterThan(0);
    const screen = (await app.inject({ method: 'GET', url: `/api/judging/screen/${panel.screenToken}` })).json();
    expect(screen.reveal.screen.done).toBe(true);
    const row = await t.ctx.db.selectFrom('contest_round_score').selectAll().where('round_key', '=', DEMO_JUDGED_ROUND).where('entry_id', '=', board.entries[0].entryId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'judging', score: screen.reveal.screen.final });
    const guest = await app.inject({ method: 'POST', url: '/api/judging/invitations/redeem', payload: { code: DEMO_GUEST_CODE } });
    expect(guest.json().name).toContain('特邀评委');
  });

  it('loading it again changes nothing', async () => {
    expect(await loadJudgingDemo(t.ctx)).toEqual({ sheets: 0 });
  });
});
