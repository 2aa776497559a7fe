import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createPanel, createRubric, inviteGuest, send, setupJudging, type JudgingFixture } from './judging-helpers.ts';

let t: TestApp;
let f: JudgingFixture;
let rubricId: number;
beforeAll(async () => {
  t = await createTestApp();
  f = await setupJudging(t);
  rubricId = await createRubric(t, f.contestId);
});
afterAll(async () => t?.cleanup());

describe('rubrics', () => {
  it('lists the templates and copies the complaint-handling one into the contest', async () => {
    const tpl = await send(t, 'org-root', 'GET', '/api/judging/rubric-templates');
    expect(tpl.json().items.map((x: { id: string }) => x.id)).toContain('template-complaint-handling');
    const r = await send(t, 'org-root', 'GET', `/api/judging/rubrics/${rubricId}`);
    expect(r.json()).toMatchObject({ nameZh: '投诉处理', maxTotal: 100, templateId: 'template-complaint-handling' });
  });

  it('refuses a rubric whose step does not divide the range, naming the criterion', async () => {
    const res = await send(t, 'org-root', 'POST', `/api/judging/contests/${f.contestId}/rubrics`, {
      name: 'Bad', nameZh: '错误细则', criteria: [{ key: 'tone', name: 'Tone', nameZh: '语气', weight: 1, min: 0, max: 10, step: 3 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'criteria.tone', details: { code: 'BAD_STEP', reasonZh: expect.stringContaining('步长') } });
  });

  it('refuses an organiser outside the contest organisation’s subtree', async () => {
    for (const who of ['org-zj', 'org-js', 'judge-zj']) {
      const res = await send(t, who, 'GET', `/api/judging/contests/${f.contestId}/rubrics`);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().details.reasonZh).toBeTruthy();
    }
    expect((await send(t, 'org-js', 'POST', `/api/judging/contests/${f.contestId}/panels`, { roundKey: 'r', name: 'x', rubricId })).statusCode).toBe(403);
  });
});

describe('panels and conflicts of interest', () => {
  it('refuses a judge without the judge role and an entry of another contest', async () => {
    const notJudge = await send(t, 'org-root', 'POST', `/api/judging/contests/${f.contestId}/panels`, { roundKey: 'r', name: 'x', rubricId, judgeIds: [t.seed.people['c-hz']] });
    expect(notJudge.statusCode).toBe(400);
    expect(notJudge.json()).toMatchObject({ field: 'judgeIds', details: { reasonZh: expect.stringContaining('没有评委角色') } });
    const foreign = await send(t, 'org-root', 'POST', `/api/judging/contests/${f.contestId}/panels`, { roundKey: 'r', name: 'x', rubricId, entryIds: [f.otherEntry] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().field).toBe('entryIds');
  });

  it('excludes a judge from their own province’s entries and shows where the panel falls below its minimum', async () => {
    const p = await createPanel(t, f.contestId, { rubricId, minSize: 3, judgeIds: [f.judges.zj, f.judges.r1, f.judges.r2], entryIds: [f.entries.hz, f.entries.nj, f.entries.hz2], conflictPolicy: { depth: 1 } });
    const a = (await send(t, 'org-root', 'GET', `/api/judging/panels/${p.id}/assignment`)).json();
    expect(a.conflicts.map((c: { judgeId: number; entryId: number }) => [c.judgeId, c.entryId])).toEqual([[f.judges.zj, f.entries.hz], [f.judges.zj, f.entries.hz2]]);
    expect(a.shortfalls.map((s: { entryId: number }) => s.entryId)).toEqual([f.entries.hz, f.entries.hz2]);
    expect(a.shortfalls[0]).toMatchObject({ eligible: 2, minSize: 3, reasonZh: expect.stringContaining('少于最少 3 人') });
    // adding a 江苏 judge fills the shortfall
    const patched = await send(t, 'org-root', 'PATCH', `/api/judging/panels/${p.id}`, { judgeIds: [f.judges.zj, f.judges.r1, f.judges.r2, f.judges.js] });
    expect(patched.statusCode).toBe(200);
    expect((await send(t, 'org-root', 'GET', `/api/judging/panels/${p.id}/assignment`)).json().shortfalls).toEqual([]);
    const deep = await send(t, 'org-root', 'PATCH', `/api/judging/panels/${p.id}`, { conflictPolicy: { depth: 2 } });
    expect(deep.json().conflictPolicy).toEqual({ depth: 2 });
    const a2 = (await send(t, 'org-root', 'GET', `/api/judging/panels/${p.id}/assignment`)).json();
    // at city depth, the 浙江 judge sits above the depth and is exempt by default: no conflicts
    expect(a2.conflicts).toEqual([]);
  });
});

describe('guest judges', () => {
  it('redeems an invitation into a session that sees only their contest’s panels', async () => {
    const guest = await inviteGuest(t, f.contestId);
    const mine = await createPanel(t, f.contestId, { name: '嘉宾评委组', rubricId, judgeIds: [f.judges.r1, guest.personId], entryIds: [f.entries.nj] });
    const other = await createPanel(t, f.otherContestId, { rubricId: await createRubric(t, f.otherContestId), judgeIds: [f.judges.r1], entryIds: [f.otherEntry] });
    // a guest of this contest cannot be seated in another contest
    const refused = await send(t, 'org-root', 'PATCH', `/api/judging/panels/${other.id}`, { judgeIds: [f.judges.r1, guest.personId] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.reasonZh).toContain('其他赛事');
    const list = await send(t, null, 'GET', '/api/judging/me/panels', undefined, guest.cookie);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: number }) => p.id)).toEqual([mine.id]);
    expect((await send(t, null, 'GET', `/api/judging/me/panels/${other.id}`, undefined, guest.cookie)).statusCode).toBe(404);
    expect((await send(t, null, 'GET', `/api/judging/me/panels/${mine.id}`, undefined, guest.cookie)).json().rubric.criteria[0].values).toContain(7.5);
    // no role anywhere else: organiser routes refuse the guest
    expect((await send(t, null, 'GET', `/api/judging/contests/${f.contestId}/panels`, undefined, guest.cookie)).statusCode).toBe(403);
    expect((await send(t, null, 'GET', '/api/banks', undefined, guest.cookie)).statusCode).toBe(403);
    // the organiser sees the guest on the panel, marked as such
    const view = (await send(t, 'org-root', 'GET', `/api/judging/panels/${mine.id}`)).json();
    expect(view.judges.find((j: { personId: number }) => j.personId === guest.personId)).toMatchObject({ guest: true, affiliation: '工商银行客服中心' });
  });

  it('refuses an unknown, revoked or expired code, and a revoked guest loses their session', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/judging/invitations/redeem', payload: { code: 'NOPE1234' } })).statusCode).toBe(404);
    const guest = await inviteGuest(t, f.contestId, '李主任', '12345政务热线');
    const inv = (await send(t, 'org-root', 'GET', `/api/judging/contests/${f.contestId}/invitations`)).json().items.find((i: { code: string }) => i.code === guest.code);
    expect(inv.status).toBe('redeemed');
    const revoked = await send(t, 'org-root', 'DELETE', `/api/judging/invitations/${inv.id}`);
    expect(revoked.json().status).toBe('revoked');
    expect((await send(t, null, 'GET', '/api/judging/me/panels', undefined, guest.cookie)).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/judging/invitations/redeem', payload: { code: guest.code } });
    expect(again.statusCode).toBe(403);
    expect(again.json().details).toMatchObject({ code: 'INVITATION_REVOKED', reasonZh: '该评委邀请已被撤销' });
    const past = await send(t, 'org-root', 'POST', `/api/judging/contests/${f.contestId}/invitations`, { name: 'x', affiliation: 'y', expiresAt: '2001-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
  });
});
