import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addContestants, addEntries, call, createContest, definition, putScores, setStatus } from './contests-helpers.ts';

let t: TestApp;
let people: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  people = {
    ...(await addContestants(t.ctx, t.seed.hzTeam.id, ['zj-a', 'zj-b', 'zj-c', 'zj-d', 'zj-e'])),
    ...(await addContestants(t.ctx, t.seed.nj.id, ['nj-a', 'nj-b'])),
  };
});
afterAll(() => t.cleanup());

describe('the captain’s people picker and registration material', () => {
  let id: number;
  let entryId: number;
  let uploadId: string;
  const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
  beforeAll(async () => {
    id = await createContest(t, 'org-root', definition(t.seed, { quota: 5 }));
    await setStatus(t, id, 'registration');
  });

  it('lists only people of the captain’s own organisation, not yet in an entry, with minimal fields', async () => {
    const res = await call(t, 'zj-a', 'GET', `/api/contests/${id}/eligible-people`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: number; name: string; employeeNo: string; organisationName: string }[];
    const nos = items.map((p) => p.employeeNo);
    expect(nos).toEqual(expect.arrayContaining(['zj-b', 'zj-c', 'zj-d', 'zj-e', 'c-hz']));
    expect(nos).not.toContain('zj-a');
    expect(nos.some((n) => n.startsWith('nj-') || n === 'c-nj')).toBe(false);
    expect(Object.keys(items[0]).sort()).toEqual(['employeeNo', 'id', 'name', 'organisationName']);
    const searched = (await call(t, 'zj-a', 'GET', `/api/contests/${id}/eligible-people?q=zj-d`)).json().items;
    expect(searched.map((p: { employeeNo: string }) => p.employeeNo)).toEqual(['zj-d']);
  });

  it('refuses another organisation’s people and non-contestants', async () => {
    const other = await call(t, 'zj-a', 'GET', `/api/contests/${id}/eligible-people?organisationId=${t.seed.nj.id}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain('your own organisation');
    const sibling = await call(t, 'c-nj', 'GET', `/api/contests/${id}/eligible-people?organisationId=${t.seed.zj.id}`);
    expect(sibling.statusCode).toBe(403);
    const njView = (await call(t, 'c-nj', 'GET', `/api/contests/${id}/eligible-people`)).json().items.map((p: { employeeNo: string }) => p.employeeNo);
    expect(njView).toEqual(expect.arrayContaining(['nj-a', 'nj-b']));
    expect(njView.some((n: string) => n.startsWith('zj-'))).toBe(false);
    expect((await call(t, 'org-root', 'GET', `/api/contests/${id}/eligible-people`)).statusCode).toBe(403);
  });

  it('drops people once they are in a registration', async () => {
    const up = (await call(t, 'zj-a', 'POST', '/api/uploads', { fileName: '方案.pdf', size: bytes.length, mimeType: 'text/html', kind: 'document' })).json();
    const put = await t.app.inject({ method: 'PUT', url: `/api/uploads/${up.id}/chunks/0`, headers: { cookie: await t.signIn('zj-a'), 'content-type': 'application/octet-stream' }, payload: bytes });
    expect(put.statusCode, put.body).toBe(200);
    expect((await call(t, 'zj-a', 'POST', `/api/uploads/${up.id}/complete`)).statusCode).toBe(200);
    uploadId = up.id;
    const entry = await call(t, 'zj-a', 'POST', `/api/contests/${id}/entries`, { trackId: 'voice', name: '西湖队', memberIds: [people['zj-b'], people['zj-c']], introduction: '', materials: [up.id] });
    expect(entry.statusCode, entry.body).toBe(201);
    entryId = entry.json().id;
    const left = (await call(t, 'zj-d', 'GET', `/api/contests/${id}/eligible-people`)).json().items.map((p: { employeeNo: string }) => p.employeeNo);
    expect(left).toContain('zj-e');
    expect(left).not.toContain('zj-b');
    expect(left).not.toContain('zj-a');
  });

  it('serves the material to the registrant, the reviewer and the organiser, with ranges; refuses other contestants', async () => {
    const url = `/api/contests/${id}/entries/${entryId}/materials/${uploadId}`;
    const own = await call(t, 'zj-a', 'GET', url);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(bytes)).toBe(true);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['accept-ranges']).toBe('bytes');
    const part = await t.app.inject({ method: 'GET', url, headers: { cookie: await t.signIn('zj-a'), range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${bytes.length}`);
    expect(part.rawPayload.equals(bytes.subarray(100, 200))).toBe(true);
    const tail = await t.app.inject({ method: 'GET', url, headers: { cookie: await t.signIn('zj-a'), range: 'bytes=-10' } });
    expect(tail.rawPayload.equals(bytes.subarray(bytes.length - 10))).toBe(true);
    const past = await t.app.inject({ method: 'GET', url, headers: { cookie: await t.signIn('zj-a'), range: 'bytes=5000-' } });
    expect(past.statusCode).toBe(416);
    expect((await call(t, 'reviewer-zj', 'GET', url)).statusCode).toBe(200);
    expect((await call(t, 'org-root', 'GET', url)).statusCode).toBe(200);
    const stranger = await call(t, 'zj-d', 'GET', url);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().message).toContain('registrant and the reviewers');
    expect((await call(t, 'c-nj', 'GET', url)).statusCode).toBe(403);
    expect((await call(t, 'org-js', 'GET', url)).statusCode).toBe(403);
  });
});

describe('late entries, best individual, posters and the typed responses', () => {
  let id: number;
  let teams: number[];
  let late: number;
  let another: number;
  beforeAll(async () => {
    id = await createContest(t, 'org-root', definition(t.seed, { quota: 9, perTrack: 2 }));
    const nos = Array.from({ length: 15 }, (_, i) => `q${i}`);
    const ps = Object.values(await addContestants(t.ctx, t.seed.hzTeam.id, nos));
    teams = await addEntries(t.ctx, id, [0, 1, 2].map((k) => ({ name: `语音${k + 1}队`, track: 'voice', orgId: t.seed.zj.id, members: ps.slice(k * 3, k * 3 + 3) })));
    [late, another] = await Promise.all(
      [3, 4].map((k) => t.ctx.contests.entries.insert({ contestId: id, trackKey: 'voice', kind: 'team', name: `补录${k}队`, organisationId: t.seed.zj.id, captainId: ps[k * 3], status: 'submitted', details: {}, members: ps.slice(k * 3, k * 3 + 3).map((personId, i) => ({ personId, role: i === 0 ? 'captain' : 'member' })) })),
    );
    await setStatus(t, id, 'registration');
    await setStatus(t, id, 'running');
    await putScores(t.ctx, id, teams.map((entryId, k) => ({ entryId, theory: 90 - k * 10, lookup: 80, roleplay: 80 })));
  });

  it('asks the screener to confirm a late approval, flags the entry, and advancement names it', async () => {
    const url = `/api/contests/${id}/entries/${late}/review`;
    const unconfirmed = await call(t, 'reviewer-zj', 'POST', url, { decision: 'approved' });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json()).toMatchObject({ field: 'acceptLate' });
    expect(unconfirmed.json().message).toContain('省级初赛 already has scores');
    const ok = await call(t, 'reviewer-zj', 'POST', url, { decision: 'approved', acceptLate: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().late).toMatchObject({ stageKey: 'prelim' });
    await t.ctx.contests.scores.upsert({ contestId: id, roundKey: 'theory', entryId: late, score: 66, maxScore: null, source: 'exam', sourceRef: null, violations: 0, finishedAt: null, details: {} });
    const standings = (await call(t, 'org-root', 'GET', `/api/contests/${id}/stages/prelim/standings`)).json();
    expect(standings.status).toBe('incomplete');
    const voice = standings.tracks.find((x: { trackId: string }) => x.trackId === 'voice');
    expect(voice.rows).toHaveLength(3);
    expect(voice.incomplete).toEqual([{ entryId: late, name: '补录3队', organisationName: '浙江', missingRounds: ['lookup', 'roleplay'], rounds: { theory: { raw: 66, normalised: 66, weighted: 16.5 } }, late: true }]);
    const refused = await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/prelim/advance`, { dryRun: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('late entry 补录3队 (voice), approved after the scores were in, has no score in round lookup');
    await putScores(t.ctx, id, [{ entryId: late, theory: 66, lookup: 60, roleplay: 60 }]);
    const adv = await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/prelim/advance`, { dryRun: false });
    expect(adv.statusCode, adv.body).toBe(200);
    expect(adv.json()).toMatchObject({ advancing: 2, entrants: 4 });
  });

  it('refuses a late approval outright once the next stage has scores', async () => {
    await t.ctx.contests.scores.upsert({ contestId: id, roundKey: 'pk', entryId: teams[0], score: 10, maxScore: null, source: 'arena', sourceRef: null, violations: 0, finishedAt: null, details: {} });
    const res = await call(t, 'reviewer-zj', 'POST', `/api/contests/${id}/entries/${another}/review`, { decision: 'approved', acceptLate: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('too late to approve 补录4队: 集团复赛 has started');
    const rejected = await call(t, 'reviewer-zj', 'POST', `/api/contests/${id}/entries/${another}/review`, { decision: 'rejected', reason: '报名已截止' });
    expect(rejected.statusCode).toBe(200);
  });

  it('awards a best individual from the members’ own scores, prints it and makes posters', async () => {
    const noIndividual = await call(t, 'org-root', 'POST', `/api/contests/${id}/awards/compute`, { sources: [{ kind: 'bestIndividual', stageKey: 'prelim', roundId: 'lookup' }] });
    expect(noIndividual.statusCode).toBe(400);
    expect(noIndividual.json()).toMatchObject({ field: 'sources.roundId' });
    const members = (await t.ctx.contests.entries.get(teams[1]))!.members;
    await t.ctx.contests.scores.upsert({ contestId: id, roundKey: 'theory', entryId: teams[1], score: 80, maxScore: 100, source: 'exam', sourceRef: null, violations: 0, finishedAt: null, details: { memberScores: { [members[0].personId]: 70, [members[1].personId]: 98, [members[2].personId]: 72 } } });
    const tiers = { kind: 'byCount', tiePolicy: 'tieBreak', tiers: [{ tier: { id: 'first', name: 'First prize', nameZh: '一等奖' }, count: 1 }] };
    const draft = await call(t, 'org-root', 'POST', `/api/contests/${id}/awards/compute`, { sources: [{ kind: 'tiers', stageKey: 'prelim', trackId: 'voice', rule: tiers }, { kind: 'bestIndividual', stageKey: 'prelim', roundId: 'theory' }] });
    expect(draft.statusCode, draft.body).toBe(200);
    const best = draft.json().awards.find((a: { tierId: string }) => a.tierId === 'best-individual');
    expect(best).toMatchObject({ entryId: teams[1], personId: members[1].personId, personName: members[1].name, members: [members[1].name], tierNameZh: '最佳个人', shared: false });
    await call(t, 'org-root', 'POST', `/api/contests/${id}/awards/review`);
    const pub = await call(t, 'org-root', 'POST', `/api/contests/${id}/awards/publish`);
    expect(pub.json()).toMatchObject({ version: 1, status: 'published' });
    const pdf = await call(t, 'org-root', 'GET', `/api/contests/${id}/awards/certificates?version=1`);
    expect(pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);

    const poster = await t.app.inject({ method: 'GET', url: `/api/public/contests/${id}/posters/${teams[1]}?personId=${members[1].personId}` });
    expect(poster.statusCode, poster.body).toBe(200);
    expect(poster.headers['content-type']).toContain('image/svg+xml');
    expect(poster.body).toContain('<svg');
    expect(poster.body).toContain('荣获 最佳个人');
    expect(poster.body).toContain(members[1].name);
    expect(poster.body).toContain('所在团队：语音2队');
    const first = await t.app.inject({ method: 'GET', url: `/api/public/contests/${id}/posters/${teams[0]}?download=1` });
    expect(first.body).toContain('荣获 一等奖');
    expect(first.headers['content-disposition']).toContain('attachment');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/contests/${id}/posters/${teams[2]}` })).statusCode).toBe(404);
  });

  it('documents the standings, bracket and award responses in OpenAPI', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    const schemaOf = (p: string, method = 'get', code = '200') => doc.paths[p][method].responses[code].content['application/json'].schema;
    expect(Object.keys(schemaOf('/api/contests/{id}/stages/{stageKey}/standings').properties)).toEqual(expect.arrayContaining(['status', 'missing', 'tracks']));
    expect(JSON.stringify(schemaOf('/api/contests/{id}/stages/{stageKey}/bracket'))).toContain('placements');
    expect(JSON.stringify(schemaOf('/api/contests/{id}/awards/publish', 'post'))).toContain('tierNameZh');
    expect(JSON.stringify(schemaOf('/api/public/contests/{id}/results'))).toContain('versions');
  });
});
