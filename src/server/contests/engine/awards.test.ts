import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignAwards, bestIndividual, podiumAwards, type AwardRule, type Rankable } from './awards.ts';
import { rankCandidates } from './ranking.ts';

const tier = (id: string) => ({ id, name: id, nameZh: id });
const FIRST = tier('first');
const SECOND = tier('second');
const THIRD = tier('third');
const byCount = (tiePolicy: 'shareHigher' | 'tieBreak'): AwardRule => ({
  kind: 'byCount',
  tiers: [{ tier: FIRST, count: 5 }, { tier: SECOND, count: 8 }, { tier: THIRD, count: 12 }],
  tiePolicy,
});
const rows = (totals: number[]): Rankable[] =>
  rankCandidates(totals.map((t, i) => ({ id: `p${String(i).padStart(2, '0')}`, total: t, facts: { roundScores: {}, violations: 0, finishedAt: {} } })), []).ranked;

describe('awards', () => {
  it('5 first, 8 second, 12 third prizes from 30 distinct totals', () => {
    const r = assignAwards(rows(Array.from({ length: 30 }, (_, i) => 100 - i)), byCount('shareHigher'));
    if (!r.ok) throw new Error('awards');
    const count = (id: string) => r.value.filter((a) => a.tier.id === id).length;
    expect([count('first'), count('second'), count('third')]).toEqual([5, 8, 12]);
    expect(r.value).toHaveLength(25);
  });

  it('shareHigher: a tie across the first-prize boundary all get first; second prizes shrink', () => {
    const totals = [100, 99, 98, 97, 96, 96, ...Array.from({ length: 24 }, (_, i) => 90 - i)];
    const r = assignAwards(rows(totals), byCount('shareHigher'));
    if (!r.ok) throw new Error('awards');
    const firsts = r.value.filter((a) => a.tier.id === 'first');
    expect(firsts).toHaveLength(6);
    expect(firsts.filter((a) => a.shared).map((a) => a.place)).toEqual([5, 5]);
    expect(r.value.filter((a) => a.tier.id === 'second')).toHaveLength(7);
    expect(r.value).toHaveLength(25);
  });

  it('tieBreak: an unresolved tie across a boundary is refused, naming the tied', () => {
    const totals = [100, 99, 98, 97, 96, 96, 95];
    const r = assignAwards(rows(totals), byCount('tieBreak'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/p04, p05 share place 5/);
  });

  it('property (shareHigher): tiers never skip a better total, tied totals get the same tier, at least the declared count is awarded', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 }), (totals) => {
        const rs = rows(totals);
        const r = assignAwards(rs, byCount('shareHigher'));
        if (!r.ok) throw new Error('awards');
        const tierIndex = (id: string) => ['first', 'second', 'third'].indexOf(r.value.find((a) => a.entrantId === id)?.tier.id ?? 'none');
        const level = (id: string) => (tierIndex(id) < 0 ? 3 : tierIndex(id));
        for (const a of rs) for (const b of rs) {
          if (a.total > b.total) expect(level(a.id)).toBeLessThanOrEqual(level(b.id));
          if (a.total === b.total) expect(level(a.id)).toBe(level(b.id));
        }
        expect(r.value.length).toBeGreaterThanOrEqual(Math.min(25, totals.length));
      }),
    );
  });

  it('byRank tiers and bad tiers', () => {
    const rule: AwardRule = { kind: 'byRank', tiers: [{ tier: FIRST, toRank: 1 }, { tier: SECOND, toRank: 3 }], tiePolicy: 'shareHigher' };
    const r = assignAwards(rows([5, 4, 3, 2]), rule);
    expect(r.ok && r.value.map((a) => a.tier.id)).toEqual(['first', 'second', 'second']);
    expect(assignAwards(rows([1]), { ...rule, tiers: [{ tier: FIRST, toRank: 3 }, { tier: SECOND, toRank: 2 }] }).ok).toBe(false);
    expect(assignAwards(rows([1]), { kind: 'byCount', tiers: [{ tier: FIRST, count: -1 }], tiePolicy: 'tieBreak' }).ok).toBe(false);
  });

  it('podium from a bracket, refused before the final; best individual shared when unresolved', () => {
    expect(podiumAwards({ finished: false, third: [] }).ok).toBe(false);
    const p = podiumAwards({ finished: true, champion: 'a', runnerUp: 'b', third: ['c'] });
    expect(p.ok && p.value.map((a) => [a.entrantId, a.tier.id])).toEqual([['a', 'champion'], ['b', 'runner-up'], ['c', 'third']]);
    const facts = { roundScores: {}, violations: 0, finishedAt: {} };
    const best = bestIndividual([{ id: 'x', total: 9, facts }, { id: 'y', total: 9, facts }, { id: 'z', total: 1, facts }], []);
    expect(best.ok && best.value.map((a) => [a.entrantId, a.shared])).toEqual([['x', true], ['y', true]]);
  });
});
