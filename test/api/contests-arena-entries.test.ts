import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addContestants, addEntries, call, createContest, definition, putScores, setStatus } from './contests-helpers.ts';

/** GET /api/contests/:id/stages/:stageKey/entrants: who is in a stage, with members, for the arena round builder. */
let t: TestApp;
let people: Record<string, number>;
let contestId: number;
let entryIds: number[];
beforeAll(async () => {
  t = await createTestApp();
  people = await addContestants(t.ctx, t.seed.hzTeam.id, ['ae-1', 'ae-2', 'ae-3', 'ae-4', 'ae-5', 'ae-6', 'ae-7', 'ae-8', 'ae-9']);
  // a 浙江 contest, owned by 浙江: its managers are the 浙江 organiser and those above
  contestId = await createContest(t, 'org-zj', definition(t.seed, { perTrack: 1 }), t.seed.zj.id);
  await setStatus(t, contestId, 'registration', 'org-zj');
  entryIds = await addEntries(t.ctx, contestId, [
    { name: '杭州一队', track: 'voice', orgId: t.seed.hzTeam.id, members: [people['ae-1'], people['ae-2'], people['ae-3']] },
    { name: '杭州二队', track: 'voice', orgId: t.seed.hzTeam.id, members: [people['ae-4'], people['ae-5'], people['ae-6']] },
  ]);
  // a registration still waiting for screening is not in the stage
  await t.ctx.contests.entries.insert({ contestId, trackKey: 'ai', kind: 'team', name: '待审队', organisationId: t.seed.hzTeam.id, captainId: people['ae-7'], status: 'submitted', details: {}, members: [people['ae-7'], people['ae-8'], people['ae-9']].map((personId, i) => ({ personId, role: i === 0 ? 'captain' : 'member' })) });
});
afterAll(() => t.cleanup());

const url = (stage: string) => `/api/contests/${contestId}/stages/${stage}/entrants`;

describe('stage entrants for the arena round builder', () => {
  it('lists the approved entries of the first stage with their members, captain first', async () => {
    const res = await call(t, 'org-zj', 'GET', url('prelim'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ contestId, contestTitle: '测试赛', stage: { id: 'prelim', name: '省级初赛' } });
    expect(body.stage.rounds.map((r: { id: string }) => r.id)).toEqual(['theory', 'lookup', 'roleplay']);
    expect(body.items.map((e: { name: string }) => e.name).sort()).toEqual(['杭州一队', '杭州二队']);
    const first = body.items.find((e: { id: number }) => e.id === entryIds[0]);
    expect(first).toMatchObject({ trackId: 'voice', trackName: '语音客服', kind: 'team', organisationId: t.seed.hzTeam.id });
    expect(first.members.map((m: { personId: number }) => m.personId)).toEqual([people['ae-1'], people['ae-2'], people['ae-3']]);
    expect(first.members[0]).toMatchObject({ role: 'captain', employeeNo: 'ae-1', name: '选手ae-1' });
  });

  it('lists, for a later stage, only the entries the previous stage advanced', async () => {
    expect((await call(t, 'org-zj', 'GET', url('semi'))).json().items).toEqual([]);
    await setStatus(t, contestId, 'running', 'org-zj');
    await putScores(t.ctx, contestId, [
      { entryId: entryIds[0], theory: 90, lookup: 80, roleplay: 85 },
      { entryId: entryIds[1], theory: 60, lookup: 50, roleplay: 55 },
    ]);
    const advanced = await call(t, 'org-zj', 'POST', `/api/contests/${contestId}/stages/prelim/advance`, { dryRun: false });
    expect(advanced.statusCode, advanced.body).toBe(200);
    const semi = (await call(t, 'org-zj', 'GET', url('semi'))).json();
    expect(semi.stage).toMatchObject({ id: 'semi', rounds: [{ id: 'pk', kind: 'live' }] });
    expect(semi.items.map((e: { id: number }) => e.id)).toEqual([entryIds[0]]);
  });

  it('is for the managers of the contest only: an organiser of another province, a contestant, are refused', async () => {
    const js = await call(t, 'org-js', 'GET', url('prelim'));
    expect(js.statusCode).toBe(403);
    expect(js.json().items).toBeUndefined();
    expect((await call(t, 'c-hz', 'GET', url('prelim'))).statusCode).toBe(403);
    expect((await call(t, null, 'GET', url('prelim'))).statusCode).toBe(401);
    expect((await call(t, 'org-root', 'GET', url('prelim'))).statusCode).toBe(200);
  });

  it('names the stages there are when the stage is unknown, and 404s an unknown contest', async () => {
    const bad = await call(t, 'org-zj', 'GET', url('nope'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('stages: prelim, semi, final');
    expect((await call(t, 'org-zj', 'GET', '/api/contests/999999/stages/prelim/entrants')).statusCode).toBe(404);
  });
});
