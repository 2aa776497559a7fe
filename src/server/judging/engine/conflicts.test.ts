import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignPanel, findConflict, truncatePath, type ContestantRef, type JudgeRef } from './conflicts.ts';

// group 1; provinces 4 (浙江) and 5 (江苏); cities 17 (杭州), 18 (宁波) under 4; 30 (南京) under 5
const J = (id: string, organisationPath: string | null, affiliations?: string[]): JudgeRef => ({ id, organisationPath, affiliations });
const C = J as (id: string, p: string | null, a?: string[]) => ContestantRef;

describe('truncatePath', () => {
  it('keeps the root plus `depth` levels', () => {
    expect(truncatePath('/1/4/17/99/', 0)).toBe('/1/');
    expect(truncatePath('/1/4/17/99/', 1)).toBe('/1/4/');
    expect(truncatePath('/1/4/17/99/', 2)).toBe('/1/4/17/');
    expect(truncatePath('/1/4/', 3)).toBe('/1/4/');
  });
});

describe('findConflict', () => {
  const hangzhouJudge = J('j1', '/1/4/17/');
  it('depth 1 = same province: Hangzhou judge vs Ningbo contestant conflict; vs Nanjing not', () => {
    expect(findConflict(hangzhouJudge, C('c1', '/1/4/18/201/'), { depth: 1 })).toMatchObject({ kind: 'organisation' });
    expect(findConflict(hangzhouJudge, C('c2', '/1/5/30/'), { depth: 1 })).toBeNull();
  });
  it('depth 2 = same city only', () => {
    expect(findConflict(hangzhouJudge, C('c1', '/1/4/18/201/'), { depth: 2 })).toBeNull();
    expect(findConflict(hangzhouJudge, C('c3', '/1/4/17/300/'), { depth: 2 })).toMatchObject({ kind: 'organisation', reasonZh: expect.stringContaining('/1/4/17/') });
  });
  it('a headquarters judge above the depth is exempt by default, or conflicts with the whole subtree when declared', () => {
    const hq = J('hq', '/1/');
    expect(findConflict(hq, C('c1', '/1/4/18/'), { depth: 1 })).toBeNull();
    expect(findConflict(hq, C('c0', '/1/'), { depth: 1 })).toMatchObject({ kind: 'organisation' }); // both at HQ
    expect(findConflict(hq, C('c1', '/1/4/18/'), { depth: 1, judgesAboveDepth: 'whole-subtree' })).toMatchObject({ kind: 'organisation' });
  });
  it('a guest judge has no conflict unless an affiliation is shared or a pair declared', () => {
    const guest = J('g', null, ['bank:icbc']);
    expect(findConflict(guest, C('c1', '/1/4/18/'), { depth: 0 })).toBeNull();
    expect(findConflict(guest, C('c1', '/1/4/18/', ['bank:icbc']), { depth: 1 })).toMatchObject({ kind: 'affiliation' });
    expect(
      findConflict(guest, C('c1', '/1/4/18/'), { depth: 1, declared: [{ judgeId: 'g', contestantId: 'c1', reason: 'former manager', reasonZh: '曾任直属上级' }] }),
    ).toMatchObject({ kind: 'declared', reasonZh: '曾任直属上级' });
  });
  it('property: organisation conflict iff the truncated paths coincide (judges at or below depth)', () => {
    const path = fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 4 }).map((xs) => `/1/${xs.join('/')}/`);
    fc.assert(
      fc.property(path, path, fc.integer({ min: 0, max: 3 }), (jp, cp, depth) => {
        const judgeDeep = jp.split('/').filter(Boolean).length >= depth + 1;
        const contestantDeep = cp.split('/').filter(Boolean).length >= depth + 1;
        const got = findConflict(J('j', jp), C('c', cp), { depth }) !== null;
        if (judgeDeep && contestantDeep) expect(got).toBe(truncatePath(jp, depth) === truncatePath(cp, depth));
        // conflict is never found between different provinces
        if (jp.split('/')[2] !== cp.split('/')[2] && depth >= 1) expect(got).toBe(false);
      }),
    );
  });
});

describe('assignPanel', () => {
  const judges = [J('a', '/1/4/17/'), J('b', '/1/4/18/'), J('c', '/1/5/30/'), J('g', null)];
  const contestants = [C('x', '/1/4/17/1/'), C('y', '/1/5/30/2/'), C('z', '/1/6/')];
  it('excludes conflicts and reports shortfalls with the count of eligible judges', () => {
    const r = assignPanel({ panel: { id: 'p', judgeIds: ['a', 'b', 'c', 'g', 'ghost'], contestantIds: ['x', 'y', 'z'], minSize: 3 }, judges, contestants, policy: { depth: 1 } });
    expect(r.eligible).toEqual({ x: ['c', 'g'], y: ['a', 'b', 'g'], z: ['a', 'b', 'c', 'g'] });
    expect(r.conflicts.map((c) => `${c.judgeId}-${c.contestantId}`)).toEqual(['a-x', 'b-x', 'c-y']);
    expect(r.shortfalls).toEqual([expect.objectContaining({ contestantId: 'x', eligible: 2, minSize: 3, excludedJudgeIds: ['a', 'b'] })]);
    expect(r.unknownJudgeIds).toEqual(['ghost']);
  });
  it('no shortfall when the minimum is met at depth 2', () => {
    const r = assignPanel({ panel: { id: 'p', judgeIds: ['a', 'b', 'c', 'g'], contestantIds: ['x', 'y', 'z', 'nobody'], minSize: 3 }, judges, contestants, policy: { depth: 2 } });
    expect(r.shortfalls).toEqual([]);
    expect(r.eligible.x).toEqual(['b', 'c', 'g']);
    expect(r.unknownContestantIds).toEqual(['nobody']);
  });
});
