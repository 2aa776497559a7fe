import { expect } from 'vitest';
import type { AppContext } from '../../src/server/context.ts';
import type { TestApp } from '../support/app.ts';
import type { Seed } from '../support/seed.ts';
import { hashPassword } from '../../src/server/identity/passwords.ts';
import { PASSWORD } from '../support/seed.ts';

/** Prelim (25/25/50, top 6 per track, ties by the role-play score) → semi (group PK) → final (bracket). */
export const definition = (seed: Seed, opts: { quota?: number; perTrack?: number } = {}) => ({
  tracks: [
    { id: 'voice', name: '语音客服' },
    { id: 'ai', name: '智能客服' },
  ],
  entrants: { kind: 'team', size: 3 },
  quotas: [{ organisationId: String(seed.zj.id), trackId: 'voice', max: opts.quota ?? 1 }],
  stages: [
    {
      id: 'prelim',
      name: '省级初赛',
      kind: 'preliminary',
      rounds: [
        { id: 'theory', name: '理论', kind: 'written', role: 'scored', normalisation: { kind: 'percentOfMax', maxScore: 100 }, weightPercent: 25, source: 'exam:1' },
        { id: 'lookup', name: '知识查找', kind: 'lookup', role: 'scored', normalisation: { kind: 'raw' }, weightPercent: 25 },
        { id: 'roleplay', name: '投诉处理', kind: 'judged', role: 'scored', normalisation: { kind: 'percentOfMax', maxScore: 100 }, weightPercent: 50, source: 'panel:7' },
      ],
      tieBreaks: [{ kind: 'roundScore', roundId: 'roleplay' }, { kind: 'fewerViolations' }],
      advancement: { kind: 'topN', perTrack: opts.perTrack ?? 6, tieAtCut: 'refuse' },
    },
    {
      id: 'semi',
      name: '集团复赛',
      kind: 'semifinal',
      rounds: [{ id: 'pk', name: '小组 PK', kind: 'live', role: 'scored', normalisation: { kind: 'raw' }, weightPercent: 100 }],
      tieBreaks: [{ kind: 'fewerViolations' }],
      advancement: { kind: 'groupPk', groupSize: 4, outPerGroup: 1, remain: 8 },
    },
    {
      id: 'final',
      name: '集团决赛',
      kind: 'final',
      rounds: [{ id: 'duel', name: '淘汰赛', kind: 'live', role: 'scored', normalisation: { kind: 'raw' }, weightPercent: 100 }],
      tieBreaks: [],
      advancement: { kind: 'singleElimination', thirdPlace: true },
    },
  ],
});

export async function call(t: TestApp, who: string | null, method: string, url: string, payload?: unknown) {
  const headers = who ? { cookie: await t.signIn(who) } : {};
  return t.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined && { payload: payload as object }) });
}

export async function createContest(t: TestApp, who = 'org-root', def = definition(t.seed), organisationId = t.seed.root.id, settings = {}): Promise<number> {
  const res = await call(t, who, 'POST', '/api/contests', { title: '测试赛', organisationId, definition: def, settings });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

export async function setStatus(t: TestApp, id: number, status: string, who = 'org-root') {
  const res = await call(t, who, 'POST', `/api/contests/${id}/status`, { status });
  expect(res.statusCode, res.body).toBe(200);
}

/** Contestants with a password, in `orgId`: returns their ids by employee number. */
export async function addContestants(ctx: AppContext, orgId: number, nos: string[]): Promise<Record<string, number>> {
  const hash = await hashPassword(PASSWORD);
  const ids = await ctx.identity.people.insertMany(nos.map((no, i) => ({ employeeNo: no, name: `选手${no}`, gender: i % 2 ? 'M' : 'F', organisationId: orgId, phone: null, passwordHash: hash, mustChangePassword: false })));
  await ctx.identity.people.insertGrants(nos.map((no) => ({ personId: ids.get(no)!, role: 'contestant' as const, organisationId: orgId })));
  return Object.fromEntries(ids);
}

/** Approved team entries inserted directly (registration itself is tested through the API). */
export async function addEntries(ctx: AppContext, contestId: number, specs: { name: string; track: string; orgId: number; members: number[] }[]): Promise<number[]> {
  const out: number[] = [];
  for (const s of specs) {
    out.push(await ctx.contests.entries.insert({ contestId, trackKey: s.track, kind: 'team', name: s.name, organisationId: s.orgId, captainId: s.members[0] ?? null, status: 'approved', details: {}, members: s.members.map((personId, i) => ({ personId, role: i === 0 ? 'captain' : 'member' })) }));
  }
  return out;
}

export async function putScores(ctx: AppContext, contestId: number, rows: { entryId: number; theory: number; lookup: number; roleplay: number }[]) {
  for (const r of rows) {
    for (const round of ['theory', 'lookup', 'roleplay'] as const) {
      await ctx.contests.scores.upsert({ contestId, roundKey: round, entryId: r.entryId, score: r[round], maxScore: null, source: 'exam', sourceRef: null, violations: 0, finishedAt: null, details: {} });
    }
  }
}
