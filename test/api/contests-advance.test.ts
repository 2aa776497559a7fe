import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addContestants, addEntries, call, createContest, definition, putScores, setStatus } from './contests-helpers.ts';

/** 8 teams in each of 2 tracks; in voice, 第6队 and 第7队 tie on 70 and the role-play score separates them. */
let t: TestApp;
let id: number;
let voice: number[];
let ai: number[];
beforeAll(async () => {
  t = await createTestApp();
  id = await createContest(t);
  const nos = Array.from({ length: 48 }, (_, i) => `p${i}`);
  const zjPeople = await addContestants(t.ctx, t.seed.hzTeam.id, nos.slice(0, 24));
  const njPeople = await addContestants(t.ctx, t.seed.nj.id, nos.slice(24));
  const team = (ps: Record<string, number>, k: number) => Object.values(ps).slice(k * 3, k * 3 + 3);
  voice = await addEntries(t.ctx, id, Array.from({ length: 8 }, (_, k) => ({ name: `语音第${k + 1}队`, track: 'voice', orgId: t.seed.zj.id, members: team(zjPeople, k) })));
  ai = await addEntries(t.ctx, id, Array.from({ length: 8 }, (_, k) => ({ name: `智能第${k + 1}队`, track: 'ai', orgId: t.seed.js.id, members: team(njPeople, k) })));
  await setStatus(t, id, 'registration');
  await setStatus(t, id, 'running');
});
afterAll(() => t.cleanup());

describe('advancement', () => {
  it('refuses to advance before every score is in, naming who', async () => {
    await putScores(t.ctx, id, voice.map((entryId, k) => ({ entryId, theory: 95 - k * 4, lookup: 95 - k * 4, roleplay: 95 - k * 4 })));
    const res = await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/prelim/advance`, { dryRun: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('cannot advance yet: 智能第1队 (ai) has no score in round theory');
    expect(res.json().details).toHaveLength(24);
    const standings = (await call(t, 'org-root', 'GET', `/api/contests/${id}/stages/prelim/standings`)).json();
    expect(standings.status).toBe('incomplete');
    expect(standings.missing).toHaveLength(24);
  });

  it('advances the top 6 per track, the tie broken by the chain; a dry run writes nothing', async () => {
    await putScores(t.ctx, id, ai.map((entryId, k) => ({ entryId, theory: 80 - k, lookup: 80 - k, roleplay: 80 - k })));
    // voice 第6队: 20 + 20 + 30 = 70; 第7队: 15 + 15 + 40 = 70 → 第7队 wins on role-play
    await putScores(t.ctx, id, [
      { entryId: voice[5], theory: 80, lookup: 80, roleplay: 60 },
      { entryId: voice[6], theory: 60, lookup: 60, roleplay: 80 },
    ]);
    expect((await call(t, 'org-js', 'POST', `/api/contests/${id}/stages/prelim/advance`, { dryRun: true })).statusCode).toBe(403);
    const dry = await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/prelim/advance`, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, written: false, advancing: 12, entrants: 16 });
    expect((await t.ctx.contests.scores.listAdvancement(id, 'prelim')).length).toBe(0);
    const res = await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/prelim/advance`, { dryRun: false });
    const report = res.json();
    expect(report.written).toBe(true);
    const voiceLines = report.tracks.find((x: { trackId: string }) => x.trackId === 'voice').lines;
    const seventh = voiceLines.find((l: { name: string }) => l.name === '语音第7队');
    const sixth = voiceLines.find((l: { name: string }) => l.name === '语音第6队');
    expect(seventh).toMatchObject({ advances: true, rank: 6, total: 70, tieBreak: { text: 'higher score in round roleplay' } });
    expect(sixth).toMatchObject({ advances: false, rank: 7, total: 70, reason: 'below-cut' });
    expect(seventh.explanation).toContain('tie broken by higher score in round roleplay');
    const written = await t.ctx.contests.scores.listAdvancement(id, 'prelim');
    expect(written.filter((r) => r.advances)).toHaveLength(12);
    const semi = (await call(t, 'org-root', 'GET', `/api/contests/${id}/stages/semi/standings`)).json();
    expect(semi.missing).toHaveLength(12);
  });

  it('plays a group PK until 8 remain, then refuses a bracket of one and builds 8→4→2 with a third-place match', async () => {
    const start = await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/semi/pk`, {});
    expect(start.statusCode, start.body).toBe(201);
    let state = start.json();
    expect(state.groups.map((g: { ids: string[] }) => g.ids.length)).toEqual([4, 4, 4]);
    while (state.status === 'running') {
      const scores = state.alive.map((eid: string, i: number) => ({ entryId: Number(eid), score: 100 - i }));
      state = (await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/semi/pk/rounds`, { scores })).json();
    }
    expect(state.status).toBe('finished');
    expect(state.alive).toHaveLength(8);
    const adv = await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/semi/advance`, {});
    expect(adv.json()).toMatchObject({ advancing: 8, entrants: 12 });
    const finalist = await call(t, 'org-root', 'GET', `/api/contests/${id}/finalists/${state.alive[0]}/poster`);
    expect(finalist.statusCode, finalist.body).toBe(200);
    expect(finalist.headers['content-type']).toContain('image/svg+xml');
    expect(finalist.body).toContain('入围集团决赛');
    const out = (await t.ctx.contests.scores.listAdvancement(id, 'semi')).find((r) => !r.advances)!;
    expect((await call(t, 'org-root', 'GET', `/api/contests/${id}/finalists/${out.entryId}/poster`)).statusCode).toBe(404);
    const lonely = await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/final/bracket`, { entryIds: [Number(state.alive[0])] });
    expect(lonely.statusCode).toBe(400);
    expect(lonely.json().message).toContain('a bracket needs at least 2 entrants, it has 1');
    const none = await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/final/bracket`, { entryIds: [] });
    expect(none.json().details[0].messageZh).toContain('至少需要 2 名');
    const b = await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/final/bracket`, {});
    expect(b.statusCode, b.body).toBe(201);
    let view = b.json();
    expect(view.bracket.matches.map((m: { id: string }) => m.id)).toEqual(['W1-1', 'W1-2', 'W1-3', 'W1-4', 'W2-1', 'W2-2', 'W3-1', 'T1-1']);
    for (let guard = 0; guard < 10 && !view.placements.finished; guard++) {
      const ready = view.matches.find((m: { status: string }) => m.status === 'ready');
      view = (await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/final/bracket/results`, { matchId: ready.id, winnerId: Number(ready.opponents[0]) })).json();
    }
    expect(view.placements).toMatchObject({ finished: true, champion: state.alive[0] });
  });
});

describe('awards, certificates, funnel and venues', () => {
  const tiers = { kind: 'byCount', tiePolicy: 'tieBreak', tiers: [{ tier: { id: 'first', name: 'First prize', nameZh: '一等奖' }, count: 1 }, { tier: { id: 'second', name: 'Second prize', nameZh: '二等奖' }, count: 2 }] };

  it('computes, reviews and publishes twice: two versions, both kept, the public page shows the newest', async () => {
    const unreviewed = await call(t, 'org-root', 'POST', `/api/contests/${id}/awards/publish`);
    expect(unreviewed.statusCode).toBe(409);
    const draft = await call(t, 'org-root', 'POST', `/api/contests/${id}/awards/compute`, { sources: [{ kind: 'podium', stageKey: 'final' }] });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().awards.map((a: { tierNameZh: string }) => a.tierNameZh)).toEqual(['冠军', '亚军', '季军']);
    expect((await call(t, 'org-root', 'POST', `/api/contests/${id}/awards/publish`)).statusCode).toBe(409);
    await call(t, 'org-root', 'POST', `/api/contests/${id}/awards/review`);
    expect((await call(t, 'org-root', 'POST', `/api/contests/${id}/awards/publish`)).json()).toMatchObject({ version: 1, status: 'published' });
    await call(t, 'org-root', 'POST', `/api/contests/${id}/awards/compute`, { sources: [{ kind: 'podium', stageKey: 'final' }, { kind: 'tiers', stageKey: 'prelim', rule: tiers }] });
    await call(t, 'org-root', 'POST', `/api/contests/${id}/awards/review`);
    expect((await call(t, 'org-root', 'POST', `/api/contests/${id}/awards/publish`)).json()).toMatchObject({ version: 2 });
    const versions = (await call(t, 'org-root', 'GET', `/api/contests/${id}/awards/versions`)).json().items;
    expect(versions.map((v: { version: number; awards: unknown[] }) => [v.version, v.awards.length])).toEqual([[1, 3], [2, 9]]);
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/contests/${id}/results` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ version: 2, current: true, versions: [{ version: 1, awards: 3 }, { version: 2, awards: 9 }] });
    const v1 = await t.app.inject({ method: 'GET', url: `/api/public/contests/${id}/results?version=1` });
    expect(v1.json()).toMatchObject({ version: 1, current: false });
    expect(v1.json().awards).toHaveLength(3);
    const roll = await t.app.inject({ method: 'GET', url: '/api/public/honour-roll' });
    expect(roll.json().items[0]).toMatchObject({ contestId: id, version: 2 });
  });

  it('prints certificates as PDF with an embedded CJK font, one page per awardee', async () => {
    const res = await call(t, 'org-root', 'GET', `/api/contests/${id}/awards/certificates?version=1`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+WenQuanYi/);
    expect(text).toContain('/FontFile2');
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(3);
    const one = await call(t, 'org-root', 'GET', `/api/contests/${id}/awards/certificates?version=1&entryId=${voice[0]}`);
    expect(one.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('reports the funnel by gender and organisation', async () => {
    const f = (await call(t, 'org-root', 'GET', `/api/contests/${id}/funnel`)).json();
    expect(f.steps.map((s: { step: string; count: number }) => [s.step, s.count])).toEqual([['registered', 48], ['sat', 48], ['advanced', 36], ['finalist', 24]]);
    expect(Object.keys(f.steps[0].byOrganisation).sort()).toEqual(['江苏', '浙江']);
    expect(f.steps[0].byGender).toEqual({ F: 24, M: 24 });
  });

  it('runs a stage in a main venue and branch venues, one venue per person', async () => {
    const main = await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/final/venues`, { name: '集团主会场', role: 'main', mode: 'onsite', roundKeys: ['duel'] });
    expect(main.statusCode, main.body).toBe(201);
    const branch = await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/final/venues`, { name: '浙江分会场', role: 'branch', mode: 'online', organisationId: t.seed.zj.id });
    expect((await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/final/venues`, { name: '第二主会场', role: 'main', mode: 'onsite' })).statusCode).toBe(409);
    expect((await call(t, 'org-root', 'POST', `/api/contests/${id}/stages/final/venues`, { name: 'x', role: 'branch', mode: 'onsite', roundKeys: ['nope'] })).statusCode).toBe(400);
    await call(t, 'org-root', 'PUT', `/api/contests/${id}/venues/${main.json().id}/people`, { people: [{ personId: t.seed.people['judge-zj'], role: 'judge' }, { personId: t.seed.people['host-zj'], role: 'host' }] });
    const clash = await call(t, 'org-root', 'PUT', `/api/contests/${id}/venues/${branch.json().id}/people`, { people: [{ personId: t.seed.people['judge-zj'], role: 'judge' }] });
    expect(clash.statusCode).toBe(409);
    const all = (await call(t, 'org-root', 'GET', `/api/contests/${id}/venues?stage=final`)).json();
    expect(all.items.map((v: { name: string; people: unknown[] }) => [v.name, v.people.length])).toEqual([['集团主会场', 2], ['浙江分会场', 0]]);
    expect((await call(t, 'org-zj', 'GET', `/api/contests/${id}/venues`)).statusCode).toBe(403);
  });
});
