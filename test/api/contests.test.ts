import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addContestants, call, createContest, definition, setStatus } from './contests-helpers.ts';

let t: TestApp;
let people: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  people = { ...(await addContestants(t.ctx, t.seed.hzTeam.id, ['zj-a', 'zj-b', 'zj-c', 'zj-d', 'zj-e'])), ...(await addContestants(t.ctx, t.seed.nj.id, ['nj-a', 'nj-b'])) };
});
afterAll(() => t.cleanup());

describe('contest definitions', () => {
  it('refuses bad definitions, naming the field, in English and Chinese', async () => {
    const bad = (patch: (d: ReturnType<typeof definition>) => void) => {
      const d = definition(t.seed);
      patch(d);
      return call(t, 'org-root', 'POST', '/api/contests', { title: '坏赛事', organisationId: t.seed.root.id, definition: d });
    };
    const weights = await bad((d) => (d.stages[0].rounds[2].weightPercent = 40));
    expect(weights.statusCode).toBe(400);
    expect(weights.json()).toMatchObject({ error: 'VALIDATION', field: 'stages[0].rounds.weightPercent' });
    expect(weights.json().message).toContain('sum to 90 %, not 100 %');
    expect(weights.json().details[0].messageZh).toContain('权重合计 90%');
    const team = await bad((d) => (d.entrants = { kind: 'team', size: 1 }));
    expect(team.json()).toMatchObject({ field: 'entrants.size' });
    const half = await bad((d) => (d.entrants = { kind: 'team', size: 2.5 }));
    expect(half.json().details[0].messageZh).toContain('团队人数 2.5');
    const quota = await bad((d) => (d.quotas[0].max = -1));
    expect(quota.statusCode).toBe(400);
    expect(quota.json()).toMatchObject({ field: 'quotas[0].max' });
    expect(quota.json().message).toContain('must be a whole number ≥ 0');
  });

  it('lets an organiser create in their subtree only, and moves the status forward', async () => {
    const outside = await call(t, 'org-zj', 'POST', '/api/contests', { title: 'x', organisationId: t.seed.root.id, definition: definition(t.seed) });
    expect(outside.statusCode).toBe(403);
    const id = await createContest(t, 'org-zj', definition(t.seed), t.seed.zj.id);
    expect((await call(t, 'org-js', 'PATCH', `/api/contests/${id}`, { title: '改名' })).statusCode).toBe(403);
    expect((await call(t, 'org-js', 'GET', `/api/contests/${id}`)).statusCode).toBe(403);
    expect((await call(t, 'org-root', 'PATCH', `/api/contests/${id}`, { title: '浙江赛' })).json().title).toBe('浙江赛');
    const jump = await call(t, 'org-zj', 'POST', `/api/contests/${id}/status`, { status: 'finished' });
    expect(jump.statusCode).toBe(409);
    await setStatus(t, id, 'registration', 'org-zj');
    const got = await call(t, 'c-hz', 'GET', `/api/contests/${id}`);
    expect(got.json()).toMatchObject({ status: 'registration', canManage: false });
    expect((await call(t, 'c-nj', 'GET', `/api/contests/${id}`)).statusCode).toBe(403);
  });
});

describe('registration, uploads and screening', () => {
  let id: number;
  beforeAll(async () => {
    id = await createContest(t);
    await setStatus(t, id, 'registration');
  });

  it('uploads a video in chunks, resumes, and completes', async () => {
    const size = 150 * 1024;
    const bytes = Buffer.alloc(size, 7);
    const created = await call(t, 'zj-a', 'POST', '/api/uploads', { fileName: '队伍介绍.mp4', size, mimeType: 'video/mp4', kind: 'video', chunkSize: 64 * 1024 });
    expect(created.statusCode, created.body).toBe(201);
    const up = created.json();
    expect(up.chunkCount).toBe(3);
    const put = async (i: number) =>
      t.app.inject({ method: 'PUT', url: `/api/uploads/${up.id}/chunks/${i}`, headers: { cookie: await t.signIn('zj-a'), 'content-type': 'application/octet-stream' }, payload: bytes.subarray(i * 65536, Math.min(size, (i + 1) * 65536)) });
    expect((await put(0)).statusCode).toBe(200);
    expect((await put(2)).statusCode).toBe(200);
    const status = (await call(t, 'zj-a', 'GET', `/api/uploads/${up.id}`)).json();
    expect(status).toMatchObject({ receivedChunks: [0, 2], receivedBytes: 65536 + (size - 2 * 65536) });
    const early = await call(t, 'zj-a', 'POST', `/api/uploads/${up.id}/complete`);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('missing chunks 1');
    expect((await call(t, 'c-nj', 'GET', `/api/uploads/${up.id}`)).statusCode).toBe(403);
    expect((await put(1)).statusCode).toBe(200);
    const done = await call(t, 'zj-a', 'POST', `/api/uploads/${up.id}/complete`);
    expect(done.json()).toMatchObject({ status: 'complete', receivedBytes: size });
    expect(fs.statSync(path.join(t.config.dataDir, 'uploads', up.id, 'file')).size).toBe(size);
    const big = await call(t, 'zj-a', 'POST', '/api/uploads', { fileName: 'x.mp4', size: 600 * 1024 * 1024, mimeType: 'video/mp4', kind: 'video' });
    expect(big.statusCode).toBe(413);

    const entry = await call(t, 'zj-a', 'POST', `/api/contests/${id}/entries`, { trackId: 'voice', name: '西湖队', memberIds: [people['zj-b'], people['zj-c']], organisationId: t.seed.zj.id, introduction: '我们来自杭州', materials: [up.id] });
    expect(entry.statusCode, entry.body).toBe(201);
    expect(entry.json()).toMatchObject({ status: 'submitted', kind: 'team', organisationName: '浙江', materials: [{ kind: 'video', fileName: '队伍介绍.mp4' }] });
    expect(entry.json().members.map((m: { role: string }) => m.role)).toEqual(['captain', 'member', 'member']);
  });

  it('refuses a wrong team size, a member from elsewhere, another org’s quota, and a full quota', async () => {
    const size = await call(t, 'zj-d', 'POST', `/api/contests/${id}/entries`, { trackId: 'ai', name: '二人队', memberIds: [people['zj-e']] });
    expect(size.statusCode).toBe(400);
    expect(size.json()).toMatchObject({ field: 'memberIds' });
    expect(size.json().message).toContain('exactly 3 members');
    const stranger = await call(t, 'zj-d', 'POST', `/api/contests/${id}/entries`, { trackId: 'ai', name: '混编队', memberIds: [people['zj-e'], people['nj-a']] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().message).toContain("captain's own organisation");
    const otherOrg = await call(t, 'c-nj', 'POST', `/api/contests/${id}/entries`, { trackId: 'voice', name: '冒名队', memberIds: [people['nj-a'], people['nj-b']], organisationId: t.seed.zj.id });
    expect(otherOrg.statusCode).toBe(403);
    expect(otherOrg.json().message).toContain("your own organisation's quota");
    const full = await call(t, 'zj-d', 'POST', `/api/contests/${id}/entries`, { trackId: 'voice', name: '钱塘队', memberIds: [people['zj-e'], t.seed.people['c-hz']], organisationId: t.seed.zj.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().message).toContain('浙江 has used its quota in 语音客服: 1 of 1');
    const again = await call(t, 'zj-b', 'POST', `/api/contests/${id}/entries`, { trackId: 'ai', name: '重复队', memberIds: [people['zj-d'], people['zj-e']] });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('already registered');
    const nj = await call(t, 'c-nj', 'POST', `/api/contests/${id}/entries`, { trackId: 'voice', name: '金陵队', memberIds: [people['nj-a'], people['nj-b']] });
    expect(nj.statusCode, nj.body).toBe(201);
  });

  it('screens within the reviewer’s scope, with reasons the registrant sees', async () => {
    const queue = await call(t, 'reviewer-zj', 'GET', `/api/contests/${id}/entries?status=submitted`);
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().items.map((e: { name: string }) => e.name)).toEqual(['西湖队']);
    const all = await call(t, 'org-root', 'GET', `/api/contests/${id}/entries`);
    expect(all.json().items).toHaveLength(2);
    const njEntry = all.json().items.find((e: { name: string }) => e.name === '金陵队');
    const outside = await call(t, 'reviewer-zj', 'POST', `/api/contests/${id}/entries/${njEntry.id}/review`, { decision: 'approved' });
    expect(outside.statusCode).toBe(403);
    const zjEntry = queue.json().items[0];
    const noReason = await call(t, 'reviewer-zj', 'POST', `/api/contests/${id}/entries/${zjEntry.id}/review`, { decision: 'rejected' });
    expect(noReason.statusCode).toBe(400);
    const rejected = await call(t, 'reviewer-zj', 'POST', `/api/contests/${id}/entries/${zjEntry.id}/review`, { decision: 'rejected', reason: '介绍视频超过 5 分钟' });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    const mine = await call(t, 'zj-b', 'GET', `/api/contests/${id}/my-entries`);
    expect(mine.json().items[0]).toMatchObject({ name: '西湖队', status: 'rejected', review: { decision: 'rejected', reason: '介绍视频超过 5 分钟' } });
    expect((await call(t, 'c-nj', 'GET', `/api/contests/${id}/entries`)).statusCode).toBe(403);
  });
});
