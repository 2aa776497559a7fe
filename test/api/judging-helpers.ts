import { hashPassword } from '../../src/server/identity/passwords.ts';
import { PASSWORD } from '../support/seed.ts';
import type { TestApp } from '../support/app.ts';

/** Shared set-up for the judging API tests: a contest owned by the root, entries, judges. */
export type JudgingFixture = {
  contestId: number;
  otherContestId: number;
  entries: { hz: number; nj: number; js: number; hz2: number };
  otherEntry: number;
  judges: Record<'zj' | 'js' | 'r1' | 'r2', number>;
};

/** Five criteria weights 3, 2, 2.5, 1.5, 1 (the complaint-handling template): v → scores. */
export const KEYS = ['business_accuracy', 'emotion_handling', 'solution', 'expression', 'compliance'];
export const scores = (v: number[]) => Object.fromEntries(KEYS.map((k, i) => [k, v[i]]));
export const flat = (x: number) => scores([x, x, x, x, x]);

export async function send(t: TestApp, who: string | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, cookie?: string) {
  const c = cookie ?? (who ? await t.signIn(who) : undefined);
  return t.app.inject({ method, url, payload: payload as object | undefined, headers: c ? { cookie: c } : {} });
}

export async function setupJudging(t: TestApp): Promise<JudgingFixture> {
  const { db } = t.ctx;
  const { seed } = t;
  const hash = await hashPassword(PASSWORD);
  const ids = await t.ctx.identity.people.insertMany(
    [
      ['judge-js', '江苏评委', seed.js.id],
      ['judge-r1', '集团评委一', seed.root.id],
      ['judge-r2', '集团评委二', seed.root.id],
    ].map(([employeeNo, name, organisationId]) => ({ employeeNo: employeeNo as string, name: name as string, gender: 'M' as const, organisationId: organisationId as number, phone: null, passwordHash: hash, mustChangePassword: false })),
  );
  await t.ctx.identity.people.insertGrants([
    { personId: ids.get('judge-js')!, role: 'judge', organisationId: seed.js.id },
    { personId: ids.get('judge-r1')!, role: 'judge', organisationId: seed.root.id },
    { personId: ids.get('judge-r2')!, role: 'judge', organisationId: seed.root.id },
  ]);
  const contest = async (title: string) =>
    (await db.insertInto('contest').values({ organisation_id: seed.root.id, title, definition: JSON.stringify({}), updated_at: new Date() }).returning('id').executeTakeFirstOrThrow()).id;
  const contestId = await contest('2026 测试竞赛');
  const otherContestId = await contest('另一场竞赛');
  const entry = async (cid: number, name: string, organisationId: number) =>
    (await db.insertInto('contest_entry').values({ contest_id: cid, track_key: 'voice', kind: 'team', name, organisation_id: organisationId, captain_id: null, seed: null }).returning('id').executeTakeFirstOrThrow()).id;
  const entries = {
    hz: await entry(contestId, '杭州队', seed.hzTeam.id),
    nj: await entry(contestId, '南京队', seed.nj.id),
    js: await entry(contestId, '江苏队', seed.js.id),
    hz2: await entry(contestId, '杭州二队', seed.hz.id),
  };
  const otherEntry = await entry(otherContestId, '南京二队', seed.nj.id);
  return { contestId, otherContestId, entries, otherEntry, judges: { zj: seed.people['judge-zj'], js: ids.get('judge-js')!, r1: ids.get('judge-r1')!, r2: ids.get('judge-r2')! } };
}

export async function createRubric(t: TestApp, contestId: number): Promise<number> {
  const res = await send(t, 'org-root', 'POST', `/api/judging/contests/${contestId}/rubrics`, { templateId: 'template-complaint-handling' });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

export async function createPanel(t: TestApp, contestId: number, body: Record<string, unknown>): Promise<{ id: number; screenToken: string }> {
  const res = await send(t, 'org-root', 'POST', `/api/judging/contests/${contestId}/panels`, { roundKey: 'final-roleplay', name: '决赛评委组', ...body });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}

export async function inviteGuest(t: TestApp, contestId: number, name = '王行长', affiliation = '工商银行客服中心'): Promise<{ code: string; cookie: string; personId: number }> {
  const inv = await send(t, 'org-root', 'POST', `/api/judging/contests/${contestId}/invitations`, { name, affiliation });
  if (inv.statusCode !== 201) throw new Error(inv.body);
  const code = inv.json().code as string;
  const res = await t.app.inject({ method: 'POST', url: '/api/judging/invitations/redeem', payload: { code } });
  if (res.statusCode !== 200) throw new Error(res.body);
  const c = res.cookies.find((x) => x.name === 'ss_session')!;
  return { code, cookie: `ss_session=${c.value}`, personId: res.json().personId };
}
