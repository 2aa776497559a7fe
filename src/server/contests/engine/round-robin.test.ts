import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundRobinSchedule, roundRobinStandings } from './round-robin.ts';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `t${i + 1}`);

describe('round robin', () => {
  it('refuses fewer than 2 entrants', () => {
    expect(roundRobinSchedule(['a']).ok).toBe(false);
  });

  it('property: everyone meets everyone exactly once, at most once per round, one rests per round when odd', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), (n) => {
        const r = roundRobinSchedule(ids(n));
        if (!r.ok) throw new Error('schedule');
        expect(r.value).toHaveLength(n % 2 === 0 ? n - 1 : n);
        const met = new Set<string>();
        for (const round of r.value) {
          const busy = round.matches.flat();
          expect(new Set(busy).size).toBe(busy.length);
          expect(round.resting !== undefined).toBe(n % 2 === 1);
          for (const [a, b] of round.matches) met.add(a < b ? `${a}|${b}` : `${b}|${a}`);
          expect(busy.length + (round.resting ? 1 : 0)).toBe(n);
        }
        expect(met.size).toBe((n * (n - 1)) / 2);
      }),
    );
  }, 60_000); // heavy (oracle / property): generous under a loaded CI

  it('standings: points, then score difference; an exact tie stays unresolved and shares the place', () => {
    const r = roundRobinStandings(['a', 'b', 'c'], [
      { home: 'a', away: 'b', homeScore: 3, awayScore: 1 },
      { home: 'b', away: 'c', homeScore: 2, awayScore: 0 },
      { home: 'c', away: 'a', homeScore: 1, awayScore: 0 },
    ]);
    if (!r.ok) throw new Error('standings');
    // each has 3 points; differences a +1, b 0, c −1
    expect(r.value.map((x) => [x.id, x.rank, x.points])).toEqual([['a', 1, 3], ['b', 2, 3], ['c', 3, 3]]);
    expect(r.value[0].tieBreaks[0].rule).toEqual({ kind: 'roundScore', roundId: 'scoreDifference' });
    const tied = roundRobinStandings(['a', 'b'], [{ home: 'a', away: 'b', homeScore: 1, awayScore: 1 }]);
    if (!tied.ok) throw new Error('standings');
    expect(tied.value.map((x) => x.rank)).toEqual([1, 1]);
    expect(tied.value[0].unresolvedWith).toEqual(['b']);
  });

  it('refuses a result between strangers or a second result for the same pair', () => {
    expect(roundRobinStandings(['a', 'b'], [{ home: 'a', away: 'z', homeScore: 1, awayScore: 0 }]).ok).toBe(false);
    const twice = roundRobinStandings(['a', 'b'], [
      { home: 'a', away: 'b', homeScore: 1, awayScore: 0 },
      { home: 'b', away: 'a', homeScore: 1, awayScore: 0 },
    ]);
    expect(twice.ok).toBe(false);
  });
});
