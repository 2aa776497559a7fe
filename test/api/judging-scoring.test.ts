import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createPanel, createRubric, flat, inviteGuest, scores, send, setupJudging, type JudgingFixture } from './judging-helpers.ts';

/**
 * The bad-input and authorisation list, and the journey: four judges (one a guest
 * from a bank, one offline for part of it) score; the organiser locks and reveals; the
 * trimmed mean equals the hand-computed value and flows into contest_round_score.
 */
let t: TestApp;
let f: JudgingFixture;
let panelId: number;
let screenToken: string;
let guest: { cookie: string; personId: number };
const sheet = (who: string | null, body: Record<string, unknown>, cookie?: string) => send(t, who, 'PUT', `/api/judging/panels/${panelId}/sheets`, body, cookie);

beforeAll(async () => {
  t = await createTestApp();
  f = await setupJudging(t);
  const rubricId = await createRubric(t, f.contestId);
  guest = await inviteGuest(t, f.contestId);
  const p = await createPanel(t, f.contestId, {
    rubricId,
    minSize: 3,
    judgeIds: [f.judges.zj, f.judges.r1, f.judges.r2, guest.personId],
    entryIds: [f.entries.nj, f.entries.hz, f.entries.js],
    aggregation: { rule: { kind: 'trimmed-mean', trim: 1, fallback: 'mean' }, level: 'judge-total', rounding: { decimals: 2, mode: 'half-up' } },
  });
  panelId = p.id;
  screenToken = p.screenToken;
});
afterAll(async () => t?.cleanup());

describe('bad input and authorisation', () => {
  it('refuses a score outside the range, naming the criterion', async () => {
    const res = await sheet('judge-zj', { judgeId: f.judges.zj, entryId: f.entries.nj, scores: scores([11, 8, 8, 8, 8]) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'scores.business_accuracy', details: { code: 'INVALID_SCORE', invalid: { code: 'OUT_OF_RANGE', criterion: 'business_accuracy' }, reasonZh: expect.stringContaining('业务准确性') } });
  });

  it('refuses a score off the step', async () => {
    const res = await sheet('judge-zj', { judgeId: f.judges.zj, entryId: f.entries.nj, scores: scores([8, 7.3, 8, 8, 8]) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'scores.emotion_handling', details: { invalid: { code: 'OFF_STEP' }, reasonZh: expect.stringContaining('步长') } });
  });

  it('refuses a score for a contestant not on the panel’s list', async () => {
    const res = await sheet('judge-zj', { judgeId: f.judges.zj, entryId: f.entries.hz2, scores: flat(8) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'entryId', details: { code: 'CONTESTANT_NOT_ON_PANEL', reasonZh: expect.stringContaining('不在本评委组') } });
  });

  it('refuses a second judge using the first judge’s session', async () => {
    const res = await sheet('judge-zj', { judgeId: f.judges.r1, entryId: f.entries.nj, scores: flat(8) });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ field: 'judgeId', details: { code: 'WRONG_JUDGE', reasonZh: expect.stringContaining('不能以评委') } });
  });

  it('refuses a judge scoring a contestant from their own organisation', async () => {
    const res = await sheet('judge-zj', { judgeId: f.judges.zj, entryId: f.entries.hz, scores: flat(8) });
    expect(res.statusCode).toBe(403);
    expect(res.json().details).toMatchObject({ code: 'CONFLICT_OF_INTEREST', reasonZh: expect.stringContaining('回避') });
  });

  it('refuses someone who is not on the panel, and a guest of the contest on a panel they do not sit on', async () => {
    const res = await sheet('judge-js', { judgeId: f.judges.js, entryId: f.entries.nj, scores: flat(8) });
    expect(res.statusCode).toBe(403);
    expect(res.json().details.code).toBe('JUDGE_NOT_ON_PANEL');
    expect((await send(t, 'c-nj', 'GET', `/api/judging/me/panels/${panelId}`)).statusCode).toBe(403);
  });
});

describe('scoring, lock, results, reveal', () => {
  // totals with weights 3, 2, 2.5, 1.5, 1 (sum 10): a flat v gives 10·v
  it('takes the judges’ scores, one of them through an offline queue sent twice', async () => {
    expect((await sheet('judge-zj', { judgeId: f.judges.zj, entryId: f.entries.nj, scores: scores([9, 8, 8.5, 9, 9]), clientId: 'zj-1' })).json().status).toBe('created'); // 86.75
    const edit = await sheet('judge-zj', { judgeId: f.judges.zj, entryId: f.entries.nj, scores: scores([9, 8, 8.5, 9, 9]), comment: '表达清晰', clientId: 'zj-2' });
    expect(edit.json()).toMatchObject({ status: 'updated', sheet: { total: 86.75, revision: 2, comment: '表达清晰' } });
    expect((await sheet('judge-r1', { judgeId: f.judges.r1, entryId: f.entries.nj, scores: flat(8), clientId: 'r1-1' })).json().status).toBe('created'); // 80
    expect((await sheet(null, { judgeId: guest.personId, entryId: f.entries.nj, scores: scores([10, 9.5, 9.5, 9, 10]), clientId: 'g-1' }, guest.cookie)).json().status).toBe('created'); // 96.25
    // r2 was offline: two scores queued on the phone
    const queue = {
      judgeId: f.judges.r2,
      items: [
        { clientId: 'r2-q1', entryId: f.entries.nj, scores: scores([8, 8.5, 8, 8, 8.5]) }, // 81.5
        { clientId: 'r2-q2', entryId: f.entries.js, scores: flat(7) },
      ],
    };
    const first = await send(t, 'judge-r2', 'POST', `/api/judging/panels/${panelId}/sheets/batch`, queue);
    expect(first.json().outcomes.map((o: { status: string }) => o.status)).toEqual(['accepted', 'accepted']);
    const auditBefore = (await send(t, 'org-root', 'GET', `/api/judging/panels/${panelId}/audit`)).json().items.length;
    const again = await send(t, 'judge-r2', 'POST', `/api/judging/panels/${panelId}/sheets/batch`, queue);
    expect(again.json().outcomes.map((o: { status: string }) => o.status)).toEqual(['duplicate', 'duplicate']);
    expect((await sheet('judge-zj', { judgeId: f.judges.zj, entryId: f.entries.nj, scores: scores([9, 8, 8.5, 9, 9]), clientId: 'zj-1' })).json().status).toBe('duplicate');
    expect((await send(t, 'org-root', 'GET', `/api/judging/panels/${panelId}/audit`)).json().items.length).toBe(auditBefore);
  });

  it('shows the organiser who has scored whom and who is missing', async () => {
    const b = (await send(t, 'org-root', 'GET', `/api/judging/panels/${panelId}/board`)).json();
    const nj = b.entries.find((e: { entryId: number }) => e.entryId === f.entries.nj);
    expect(nj.scoredBy.sort()).toEqual([f.judges.zj, f.judges.r1, f.judges.r2, guest.personId].sort());
    const hz = b.entries.find((e: { entryId: number }) => e.entryId === f.entries.hz);
    expect(hz.excluded).toEqual([f.judges.zj]);
    expect(hz.missing.sort()).toEqual([f.judges.r1, f.judges.r2, guest.personId].sort());
    expect(b.summary).toEqual({ expected: 11, scored: 5, missing: 6 });
  });

  it('computes the trimmed mean (drop the highest and the lowest) as by hand', async () => {
    const r = (await send(t, 'org-root', 'GET', `/api/judging/panels/${panelId}/results`)).json();
    const nj = r.entries.find((e: { entryId: number }) => e.entryId === f.entries.nj);
    // 96.25 and 80 dropped; (86.75 + 81.5) / 2 = 84.125 → 84.13
    expect(nj.final).toBe(84.13);
    expect(nj.channels[0].dropped.map((d: { judgeId: number; side: string }) => [d.judgeId, d.side])).toEqual([[guest.personId, 'high'], [f.judges.r1, 'low']]);
    const js = r.entries.find((e: { entryId: number }) => e.entryId === f.entries.js);
    expect(js.final).toBe(70);
    expect(js.notes[0].reasonZh).toContain('改用平均分');
  });

  it('locks: the score flows into contest_round_score, later scores and queued ones are refused', async () => {
    const lock = await send(t, 'org-root', 'POST', `/api/judging/panels/${panelId}/lock`, { entryId: f.entries.nj });
    expect(lock.json()).toMatchObject({ status: 'locked', roundScores: { written: [{ entryId: f.entries.nj, score: 84.13 }] } });
    const row = await t.ctx.db.selectFrom('contest_round_score').selectAll().where('entry_id', '=', f.entries.nj).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ contest_id: f.contestId, round_key: 'final-roleplay', score: 84.13, max_score: 100, source: 'judging', source_ref: `panel:${panelId}` });
    const late = await sheet('judge-r1', { judgeId: f.judges.r1, entryId: f.entries.nj, scores: flat(9) });
    expect(late.statusCode).toBe(409);
    expect(late.json().details).toMatchObject({ code: 'LOCKED', reasonZh: expect.stringContaining('已锁定') });
    const queued = await send(t, 'judge-r1', 'POST', `/api/judging/panels/${panelId}/sheets/batch`, { judgeId: f.judges.r1, items: [{ clientId: 'r1-late', entryId: f.entries.nj, scores: flat(9) }, { clientId: 'r1-js', entryId: f.entries.js, scores: flat(8) }] });
    expect(queued.json().outcomes).toEqual([
      expect.objectContaining({ clientId: 'r1-late', status: 'refused', code: 'LOCKED' }),
      expect.objectContaining({ clientId: 'r1-js', status: 'accepted' }),
    ]);
    const phone = (await send(t, 'judge-r1', 'GET', `/api/judging/me/panels/${panelId}`)).json();
    expect(phone.entries.find((e: { entryId: number }) => e.entryId === f.entries.nj)).toMatchObject({ locked: true, sheet: { total: 80 } });
  });

  it('reveals on the big screen: each judge, the dropped ones struck, then the final', async () => {
    const preview = (await send(t, 'org-root', 'GET', `/api/judging/panels/${panelId}/reveal/${f.entries.nj}`)).json();
    expect(preview.steps.map((s: { kind: string }) => s.kind)).toEqual(['score', 'score', 'score', 'score', 'strike', 'strike', 'final']);
    expect((await t.app.inject({ method: 'GET', url: `/api/judging/screen/${screenToken}` })).json().reveal).toBeNull();
    expect((await send(t, 'org-root', 'PUT', `/api/judging/panels/${panelId}/reveal`, { entryId: f.entries.js, step: 0 })).json().details.code).toBe('NOT_LOCKED');
    await send(t, 'org-root', 'PUT', `/api/judging/panels/${panelId}/reveal`, { entryId: f.entries.nj, step: 1 });
    const mid = (await t.app.inject({ method: 'GET', url: `/api/judging/screen/${screenToken}` })).json();
    expect(mid.reveal.screen.scores).toHaveLength(2);
    expect(mid.reveal.screen.final).toBeNull();
    await send(t, 'org-root', 'PUT', `/api/judging/panels/${panelId}/reveal`, { entryId: f.entries.nj, step: 99 });
    const end = (await t.app.inject({ method: 'GET', url: `/api/judging/screen/${screenToken}` })).json();
    expect(end.reveal.screen.final).toBe(84.13);
    expect(end.decimals).toBe(2); // the panel's declared rounding, which the screen shows every number with
    expect(end.reveal.screen.scores.filter((s: { struck: unknown[] }) => s.struck.length).map((s: { value: number }) => s.value).sort()).toEqual([80, 96.25]);
  });

  it('unlocks only with a reason; the correction is audited and the round score removed until locked again', async () => {
    const noReason = await send(t, 'org-root', 'POST', `/api/judging/panels/${panelId}/unlock`, { entryId: f.entries.nj, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const un = await send(t, 'org-root', 'POST', `/api/judging/panels/${panelId}/unlock`, { entryId: f.entries.nj, reason: '评委一录入错误' });
    expect(un.json()).toMatchObject({ status: 'unlocked', roundScores: { removed: [f.entries.nj] } });
    expect(await t.ctx.db.selectFrom('contest_round_score').selectAll().where('entry_id', '=', f.entries.nj).executeTakeFirst()).toBeUndefined();
    const noWhy = await send(t, 'org-root', 'PUT', `/api/judging/panels/${panelId}/corrections`, { judgeId: f.judges.r1, entryId: f.entries.nj, scores: flat(8.5), reason: ' ' });
    expect(noWhy.statusCode).toBe(400);
    const fix = await send(t, 'org-root', 'PUT', `/api/judging/panels/${panelId}/corrections`, { judgeId: f.judges.r1, entryId: f.entries.nj, scores: flat(8.5), reason: '评委一录入错误' });
    expect(fix.json()).toMatchObject({ status: 'updated', sheet: { total: 85 } });
    const audit = (await send(t, 'org-root', 'GET', `/api/judging/panels/${panelId}/audit`)).json().items;
    const last = audit[audit.length - 1];
    expect(last).toMatchObject({ actorKind: 'organiser', action: 'update', judgeId: f.judges.r1, reason: '评委一录入错误', old: { scores: flat(8) }, new: { scores: flat(8.5) } });
    expect(audit.some((a: { action: string; reason: string }) => a.action === 'unlock' && a.reason === '评委一录入错误')).toBe(true);
    const whole = await send(t, 'org-root', 'POST', `/api/judging/panels/${panelId}/lock`, {});
    // 96.25 and 81.5 now the extremes? totals 86.75, 85, 96.25, 81.5 → drop 96.25 and 81.5 → 85.875 → 85.88
    expect(whole.json().roundScores.written).toEqual(expect.arrayContaining([{ entryId: f.entries.nj, score: 85.88 }]));
    expect(whole.json().missing.length).toBeGreaterThan(0);
  });

  it('reports judge statistics: leniency, spread, ICC, outliers', async () => {
    const s = (await send(t, 'org-root', 'GET', `/api/judging/panels/${panelId}/statistics?maxDeviation=5`)).json();
    expect(s.judges.map((j: { judgeId: number }) => j.judgeId).sort()).toEqual([f.judges.zj, f.judges.r1, f.judges.r2, guest.personId].sort());
    expect(s.agreement).toHaveProperty('status');
    expect(s.outliers.some((o: { judgeId: number }) => o.judgeId === guest.personId)).toBe(true);
  });
});
