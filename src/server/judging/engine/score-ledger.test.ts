import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPLAINT_HANDLING_TEMPLATE as R } from './rubric.ts';
import {
  createLedger,
  lockScores,
  mergeOfflineQueue,
  missingScores,
  scoringProgress,
  sheetsOf,
  submitScore,
  unlockScores,
  type Actor,
  type Ledger,
  type QueuedScore,
} from './score-ledger.ts';

const scores = (v: number) => Object.fromEntries(R.criteria.map((c) => [c.key, v]));
const judge = (judgeId: string): Actor => ({ kind: 'judge', judgeId });
const ORG: Actor = { kind: 'organiser', personId: 'org1' };
const T = (n: number) => `2026-11-23T10:${String(n).padStart(2, '0')}:00Z`;
const fresh = () =>
  createLedger({
    itemId: 'final-roleplay',
    rubric: R,
    judgeIds: ['a', 'b', 'c'],
    contestantIds: ['x', 'y'],
    exclusions: [{ judgeId: 'c', contestantId: 'y', reason: 'same province', reasonZh: '同省回避' }],
  });
const ok = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
};
const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
};

describe('submitScore', () => {
  it('creates, then updates with an audit entry carrying who, when, old, new, reason', () => {
    const l0 = deepFreeze(fresh());
    const r1 = ok(submitScore(l0, { actor: judge('a'), judgeId: 'a', contestantId: 'x', scores: scores(8), at: T(1) }));
    expect(r1.status).toBe('created');
    const r2 = ok(submitScore(r1.ledger, { actor: judge('a'), judgeId: 'a', contestantId: 'x', scores: scores(8.5), comment: '语速偏快', reason: '重看录像', at: T(2) }));
    expect(r2.status).toBe('updated');
    expect(r2.entry).toMatchObject({ revision: 2, comment: '语速偏快', updatedAt: T(2) });
    expect(r2.ledger.audit).toEqual([
      expect.objectContaining({ seq: 0, action: 'create', at: T(1), old: null, new: { scores: scores(8), comment: null } }),
      expect.objectContaining({ seq: 1, action: 'update', at: T(2), actor: judge('a'), old: { scores: scores(8), comment: null }, new: { scores: scores(8.5), comment: '语速偏快' }, reason: '重看录像' }),
    ]);
    expect(l0.entries).toEqual([]); // the input ledger is untouched
  });
  it('an identical re-submit is unchanged and adds no audit entry', () => {
    const l = ok(submitScore(fresh(), { actor: judge('a'), judgeId: 'a', contestantId: 'x', scores: scores(8), at: T(1) })).ledger;
    const r = ok(submitScore(l, { actor: judge('a'), judgeId: 'a', contestantId: 'x', scores: scores(8), at: T(2) }));
    expect(r.status).toBe('unchanged');
    expect(r.ledger.audit).toHaveLength(1);
  });
  it('refuses each bad input with a code and a Chinese reason', () => {
    const l = fresh();
    const base = { actor: judge('a'), judgeId: 'a', contestantId: 'x', scores: scores(8), at: T(1) };
    expect(submitScore(l, { ...base, actor: judge('b') })).toMatchObject({ ok: false, code: 'WRONG_JUDGE' }); // second judge on the first's session
    expect(submitScore(l, { ...base, actor: judge('z'), judgeId: 'z' })).toMatchObject({ ok: false, code: 'JUDGE_NOT_ON_PANEL' });
    expect(submitScore(l, { ...base, contestantId: 'w' })).toMatchObject({ ok: false, code: 'CONTESTANT_NOT_ON_PANEL' });
    expect(submitScore(l, { ...base, actor: judge('c'), judgeId: 'c', contestantId: 'y' })).toMatchObject({ ok: false, code: 'CONFLICT_OF_INTEREST', reasonZh: expect.stringContaining('同省回避') });
    const off = submitScore(l, { ...base, scores: { ...scores(8), solution: 7.3 } });
    expect(off).toMatchObject({ ok: false, code: 'INVALID_SCORE', invalid: { code: 'OFF_STEP', criterion: 'solution' } });
    expect(submitScore(l, { ...base, scores: { ...scores(8), solution: 11 } })).toMatchObject({ ok: false, code: 'INVALID_SCORE', invalid: { code: 'OUT_OF_RANGE' } });
    expect(submitScore(l, { ...base, actor: ORG })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(ok(submitScore(l, { ...base, actor: ORG, reason: '评委口头报分，代为录入' })).ledger.audit[0]).toMatchObject({ actor: ORG, reason: '评委口头报分，代为录入' });
  });
  it('refuses scoring after lock, per contestant and for the whole item', () => {
    let l = ok(submitScore(fresh(), { actor: judge('a'), judgeId: 'a', contestantId: 'x', scores: scores(8), at: T(1) })).ledger;
    l = ok(lockScores(l, { actor: ORG, at: T(2), contestantId: 'x' })).ledger;
    expect(submitScore(l, { actor: judge('a'), judgeId: 'a', contestantId: 'x', scores: scores(9), at: T(3) })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(submitScore(l, { actor: judge('a'), judgeId: 'a', contestantId: 'y', scores: scores(9), at: T(3) }).ok).toBe(true);
    l = ok(lockScores(l, { actor: ORG, at: T(4) })).ledger;
    expect(submitScore(l, { actor: ORG, reason: 'fix', judgeId: 'a', contestantId: 'y', scores: scores(9), at: T(5) })).toMatchObject({ ok: false, code: 'LOCKED' });
  });
});

describe('lock and unlock', () => {
  it('only the organiser locks; unlocking needs a reason and is audited; lock reports missing scores', () => {
    const l = fresh();
    expect(lockScores(l, { actor: judge('a'), at: T(1) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const locked = ok(lockScores(l, { actor: ORG, at: T(1) }));
    expect(locked.missing).toHaveLength(5); // 3 judges × 2 contestants − 1 exclusion
    expect(ok(lockScores(locked.ledger, { actor: ORG, at: T(2) })).status).toBe('unchanged');
    expect(unlockScores(locked.ledger, { actor: ORG, at: T(2), reason: ' ' })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    const un = ok(unlockScores(locked.ledger, { actor: ORG, at: T(3), contestantId: 'y', reason: '评委 b 漏评' }));
    expect(un.ledger.lock).toEqual({ all: false, contestantIds: ['x'] });
    expect(un.ledger.audit.map((a) => `${a.action}:${a.contestantId}:${a.reason}`)).toEqual(['lock:null:null', 'unlock:y:评委 b 漏评']);
    expect(unlockScores(fresh(), { actor: ORG, at: T(1), reason: 'r' })).toMatchObject({ ok: false, code: 'NOT_LOCKED' });
  });
});

describe('mergeOfflineQueue', () => {
  const q = (clientId: string, contestantId: string, v: number, at = T(1)): QueuedScore => ({ clientId, actor: judge('b'), judgeId: 'b', contestantId, scores: scores(v), at });
  it('accepts queued scores for unlocked items, refuses locked ones with LOCKED, a re-send changes nothing', () => {
    let l: Ledger = ok(lockScores(fresh(), { actor: ORG, at: T(0), contestantId: 'y' })).ledger;
    const first = mergeOfflineQueue(l, [q('p1', 'x', 7), q('p2', 'y', 8)]);
    expect(first.outcomes).toEqual([
      { clientId: 'p1', status: 'accepted' },
      { clientId: 'p2', status: 'refused', code: 'LOCKED', reason: expect.any(String), reasonZh: expect.stringContaining('已锁定') },
    ]);
    expect(first.ledger.audit.at(-1)).toMatchObject({ via: 'offline', clientId: 'p1' });
    l = first.ledger;
    // the phone did not hear back and sends the same queue again, after the organiser locked x too
    l = ok(lockScores(l, { actor: ORG, at: T(5), contestantId: 'x' })).ledger;
    const again = mergeOfflineQueue(l, [q('p1', 'x', 7), q('p2', 'y', 8)]);
    expect(again.outcomes.map((o) => o.status)).toEqual(['duplicate', 'refused']);
    expect(again.ledger).toBe(l);
  });
  it('a later queued edit of the same sheet wins, in the phone’s order', () => {
    const r = mergeOfflineQueue(fresh(), [q('p1', 'x', 7), q('p2', 'x', 7.5)]);
    expect(sheetsOf(r.ledger)).toEqual([{ judgeId: 'b', contestantId: 'x', scores: scores(7.5) }]);
    expect(r.ledger.audit.map((a) => a.action)).toEqual(['create', 'update']);
  });
  it('property: merging a queue twice equals merging it once (idempotent by client id)', () => {
    const item = fc.record({ id: fc.integer({ min: 0, max: 5 }), contestant: fc.constantFrom('x', 'y'), v: fc.integer({ min: 0, max: 20 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 10 }), fc.boolean(), (items, lockY) => {
        let l = fresh();
        if (lockY) l = ok(lockScores(l, { actor: ORG, at: T(0), contestantId: 'y' })).ledger;
        const queue = items.map((i) => q(`c${i.id}`, i.contestant, i.v / 2));
        const once = mergeOfflineQueue(l, queue).ledger;
        const twice = mergeOfflineQueue(once, queue);
        expect(twice.ledger).toEqual(once);
        expect(twice.outcomes.every((o) => o.status === 'duplicate' || (o.status === 'refused' && o.code === 'LOCKED'))).toBe(true);
      }),
    );
  });
});

describe('scoringProgress', () => {
  it('shows who has scored whom, who is missing, who is excluded', () => {
    let l = fresh();
    l = ok(submitScore(l, { actor: judge('a'), judgeId: 'a', contestantId: 'x', scores: scores(8), at: T(1) })).ledger;
    l = ok(submitScore(l, { actor: judge('c'), judgeId: 'c', contestantId: 'x', scores: scores(9), at: T(1) })).ledger;
    expect(scoringProgress(l)).toEqual([
      { contestantId: 'x', scoredBy: ['a', 'c'], missing: ['b'], excluded: [], locked: false },
      { contestantId: 'y', scoredBy: [], missing: ['a', 'b'], excluded: ['c'], locked: false },
    ]);
    expect(missingScores(l, 'x')).toEqual([{ judgeId: 'b', contestantId: 'x' }]);
  });
});
