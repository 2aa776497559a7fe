import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealGroups, playGroupPkRound, startGroupPk, type GroupPkState, type PkScore } from './group-pk.ts';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `t${String(i + 1).padStart(3, '0')}`);
const must = <T>(r: { ok: true; value: T } | { ok: false; problems: { message: string }[] }): T => {
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
};

/** Plays to the end with scores from `scoreOf`; returns the final state. */
function playOut(state: GroupPkState, scoreOf: (id: string, round: number) => PkScore): GroupPkState {
  let s = state;
  while (s.status === 'running') {
    const scores = Object.fromEntries(s.alive.map((id) => [id, scoreOf(id, s.round)]));
    s = must(playGroupPkRound(s, scores));
  }
  return s;
}

describe('group PK', () => {
  it('deals 12 teams into 3 groups of 4 by snake seeding', () => {
    expect(must(dealGroups(ids(12), 4))).toEqual([
      ['t001', 't006', 't007', 't012'],
      ['t002', 't005', 't008', 't011'],
      ['t003', 't004', 't009', 't010'],
    ]);
  });

  it('property: groups are 3–5, sizes differ by at most one, everyone dealt once, group k holds seed k', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 200 }), fc.integer({ min: 3, max: 5 }), (n, size) => {
        const groups = must(dealGroups(ids(n), size));
        const sizes = groups.map((g) => g.length);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(3);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(groups.flat().sort()).toEqual(ids(n));
        groups.forEach((g, k) => expect(g[0]).toBe(ids(n)[k]));
      }),
    );
  }, 60_000); // heavy (oracle / property): generous under a loaded CI

  it('24 teams, groups of 4, lowest one out each round, until 8 remain (the reference rule)', () => {
    const strength = (id: string) => 100 - Number(id.slice(1));
    const end = playOut(must(startGroupPk(ids(24), { groupSize: 4, outPerGroup: 1, remain: 8 }, [])), (id) => ({ score: strength(id) }));
    expect(end.status).toBe('finished');
    expect(end.alive).toEqual(ids(8));
    expect(end.history.map((h) => h.eliminated.length)).toEqual([6, 5, 4, 1]);
  });

  it('property: ends with exactly M, each round removes only the lowest of a group, same input same result', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 60 }),
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 2, max: 10 }),
        fc.integer(),
        (n, groupSize, outPerGroup, remain, salt) => {
          fc.pre(remain < n);
          const score = (id: string, round: number) => ({ score: (Math.imul(salt ^ (Number(id.slice(1)) * 7919 + round * 104729), 2654435761) >>> 0) % 1_000_003 });
          const start = must(startGroupPk(ids(n), { groupSize, outPerGroup, remain }, []));
          const end = playOut(start, score);
          expect(end).toEqual(playOut(start, score));
          if (end.status === 'unresolved') return; // equal hashes: rare, and reported
          expect(end.alive).toHaveLength(remain);
          for (const h of end.history) {
            for (const g of h.groups) {
              const out = g.ids.filter((id) => h.eliminated.includes(id));
              const stay = g.ids.filter((id) => !h.eliminated.includes(id));
              expect(out.length).toBeLessThanOrEqual(outPerGroup);
              for (const o of out) for (const s of stay) expect(score(o, h.round).score).toBeLessThan(score(s, h.round).score);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000); // heavy (oracle / property): generous under a loaded CI

  it('a tie at the cut goes to the chain (fewer violations), else stops as unresolved naming the tied', () => {
    const rule = { groupSize: 3, outPerGroup: 1, remain: 2 };
    const scores = { a: { score: 9 }, b: { score: 5, violations: 2 }, c: { score: 5, violations: 0 } };
    const byChain = must(playGroupPkRound(must(startGroupPk(['a', 'b', 'c'], rule, [{ kind: 'fewerViolations' }])), scores));
    expect(byChain.status).toBe('finished');
    expect(byChain.alive).toEqual(['a', 'c']);
    const noChain = must(playGroupPkRound(must(startGroupPk(['a', 'b', 'c'], rule, [])), scores));
    expect(noChain.status).toBe('unresolved');
    expect(noChain.unresolved?.ids.sort()).toEqual(['b', 'c']);
    expect(noChain.alive).toEqual(['a', 'b', 'c']);
    const decided = must(playGroupPkRound(must(startGroupPk(['a', 'b', 'c'], rule, [{ kind: 'decider', roundId: 'd' }])), { ...scores, b: { score: 5, decider: 3 }, c: { score: 5, decider: 1 } }));
    expect(decided.alive).toEqual(['a', 'b']);
  });

  it('refuses bad rules and missing scores', () => {
    expect(startGroupPk(ids(10), { groupSize: 6, outPerGroup: 1, remain: 4 }, []).ok).toBe(false);
    expect(startGroupPk(ids(10), { groupSize: 4, outPerGroup: 3, remain: 4 }, []).ok).toBe(false);
    expect(startGroupPk(ids(4), { groupSize: 4, outPerGroup: 1, remain: 4 }, []).ok).toBe(false);
    const s = must(startGroupPk(ids(6), { groupSize: 3, outPerGroup: 1, remain: 2 }, []));
    const r = playGroupPkRound(s, { t001: { score: 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toContain('scores.t006');
  });
});
