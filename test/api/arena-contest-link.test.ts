/**
 * A live round linked to a contest round writes its scores into that contest when it finishes:
 * only the contest's organisers may link to it, only to a round the contest declares, and the
 * roster's entry ids must be entries of that contest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { api, choiceQ } from './arena-helpers.ts';

let t: TestApp;
let zjContest: number;
let jsContest: number;
let zjEntries: number[];
let jsEntry: number;

const definition = JSON.stringify({ stages: [{ key: 'final', rounds: [{ id: 'final-live' }] }] });

beforeAll(async () => {
  t = await createTestApp();
  const insert = (organisationId: number, title: string) =>
    t.ctx.db.insertInto('contest').values({ organisation_id: organisationId, title, definition, updated_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  zjContest = (await insert(t.seed.zj.id, '浙江服务之星')).id;
  jsContest = (await insert(t.seed.js.id, '江苏服务之星')).id;
  const entry = (contestId: number, organisationId: number, name: string) =>
    t.ctx.db.insertInto('contest_entry').values({ contest_id: contestId, track_key: 'voice', kind: 'team', name, organisation_id: organisationId, details: '{}' }).returning('id').executeTakeFirstOrThrow();
  zjEntries = [(await entry(zjContest, t.seed.zj.id, '红队')).id, (await entry(zjContest, t.seed.zj.id, '蓝队')).id];
  jsEntry = (await entry(jsContest, t.seed.js.id, '江苏一队')).id;
});
afterAll(async () => t?.cleanup());

const create = (who: string, contest: object | undefined) =>
  api(t, who, 'POST', '/api/arena/rounds', { title: '决赛现场', organisationId: t.seed.zj.id, format: 'buzzer', questions: [choiceQ('q1')], ...(contest ? { contest } : {}) });

describe('linking a live round to a contest round', () => {
  it('refuses an organiser linking to another province’s contest (403) and a round the contest does not declare (400 naming the field)', async () => {
    const other = await create('org-zj', { contestId: jsContest, roundKey: 'final-live' });
    expect(other.statusCode).toBe(403);
    expect(other.json().reasonZh).toContain('赛事的组织者');
    const unknownRound = await create('org-zj', { contestId: zjContest, roundKey: 'nope' });
    expect(unknownRound.statusCode).toBe(400);
    expect(unknownRound.json().field).toBe('contest.roundKey');
    const unknownContest = await create('org-zj', { contestId: 999_999, roundKey: 'final-live' });
    expect(unknownContest.statusCode).toBe(400);
    expect(unknownContest.json().field).toBe('contest.contestId');
    expect(await t.ctx.db.selectFrom('arena_round').select('id').execute()).toHaveLength(0);
  });

  it('accepts its own contest’s entries on the roster, and refuses another contest’s entry or an entry on an unlinked round, writing nothing', async () => {
    const linked = await create('org-zj', { contestId: zjContest, roundKey: 'final-live' });
    expect(linked.statusCode, linked.body).toBe(201);
    const id = linked.json().id;
    const roster = (entryIds: (number | undefined)[]) => ({ teams: entryIds.map((entryId, i) => ({ name: `队${i + 1}`, memberIds: [t.seed.people['c-hz']], ...(entryId ? { entryId } : {}) })) });
    const ok = await api(t, 'org-zj', 'PUT', `/api/arena/rounds/${id}/roster`, roster([zjEntries[0]]));
    expect(ok.statusCode, ok.body).toBe(200);
    const stranger = await api(t, 'org-zj', 'PUT', `/api/arena/rounds/${id}/roster`, roster([zjEntries[1], jsEntry]));
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json()).toMatchObject({ field: 'roster' });
    expect(stranger.json().message).toContain(String(jsEntry));
    const row = await t.ctx.arena.rounds.get(id);
    expect(row?.entryMap).toEqual({ t1: zjEntries[0] });

    const unlinked = await create('org-zj', undefined);
    const refused = await api(t, 'org-zj', 'PUT', `/api/arena/rounds/${unlinked.json().id}/roster`, roster([zjEntries[0]]));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe('roster');
  });
});
