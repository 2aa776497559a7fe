import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bracket, MatchResult } from './bracket.ts';
import { playEngine, playOracle, saltedDecide } from './bracket-oracle.test-support.ts';
import { createDoubleElimination, doubleEliminationPlacements } from './double-elimination.ts';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `e${String(i + 1).padStart(2, '0')}`);
const unwrap = (r: ReturnType<typeof createDoubleElimination>): Bracket => {
  if (!r.ok) throw new Error(r.problems[0].message);
  return r.value;
};

describe('double elimination', () => {
  it('refuses 0 or 1 entrant', () => {
    expect(createDoubleElimination([], { grandFinal: 'simple' }).ok).toBe(false);
    expect(createDoubleElimination(['a'], { grandFinal: 'simple' }).ok).toBe(false);
  });

  it('8 entrants: 7 winners-bracket matches, 6 losers-bracket matches in 4 rounds, a grand final and its reset', () => {
    const b = unwrap(createDoubleElimination(ids(8), { grandFinal: 'double' }));
    const count = (side: string) => b.matches.filter((m) => m.side === side).length;
    expect([count('winners'), count('losers'), count('final')]).toEqual([7, 6, 2]);
    expect(Math.max(...b.matches.filter((m) => m.side === 'losers').map((m) => m.round))).toBe(4);
  });

  it('the reset is played only when the losers-bracket champion wins the first final', () => {
    const b = unwrap(createDoubleElimination(['a', 'b'].concat(['c', 'd']), { grandFinal: 'double' }));
    // a beats d, b beats c, a beats b; losers: d v c → c; c v b → c; final a v c.
    const base: MatchResult[] = [
      { matchId: 'W1-1', winnerId: 'a' },
      { matchId: 'W1-2', winnerId: 'b' },
      { matchId: 'W2-1', winnerId: 'a' },
      { matchId: 'L1-1', winnerId: 'c' },
      { matchId: 'L2-1', winnerId: 'c' },
    ];
    const wbWins = doubleEliminationPlacements(b, [...base, { matchId: 'F1-1', winnerId: 'a' }]);
    expect(wbWins).toEqual({ ok: true, value: { finished: true, champion: 'a', runnerUp: 'c', third: 'b' } });
    const lbWins = doubleEliminationPlacements(b, [...base, { matchId: 'F1-1', winnerId: 'c' }]);
    expect(lbWins.ok && lbWins.value.finished).toBe(false);
    const reset = doubleEliminationPlacements(b, [...base, { matchId: 'F1-1', winnerId: 'c' }, { matchId: 'F2-1', winnerId: 'c' }]);
    expect(reset).toEqual({ ok: true, value: { finished: true, champion: 'c', runnerUp: 'a', third: 'b' } });
  });

  it('property: everyone but the champion loses twice at most and leaves after the second loss', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 64 }), fc.integer(), fc.constantFrom('simple' as const, 'double' as const), (n, salt, grandFinal) => {
        const played = playEngine(unwrap(createDoubleElimination(ids(n), { grandFinal })), saltedDecide(salt));
        const matches = Object.values(played.pairings).flat().length;
        // n − 1 first losses + (n − 2) second losses in the losers' bracket + the final (+ a reset)
        const expected = n === 2 ? 1 : 2 * n - 2;
        expect(matches === expected || (grandFinal === 'double' && matches === expected + 1)).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 60_000); // heavy (oracle / property): generous under a loaded CI

  it('oracle: brackets-manager pairs the same entrants in every round for 2–64 entrants and random results', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 64 }), fc.integer(), fc.constantFrom('simple' as const, 'double' as const), async (n, salt, grandFinal) => {
        const decide = saltedDecide(salt);
        const mine = playEngine(unwrap(createDoubleElimination(ids(n), { grandFinal })), decide);
        const theirs = await playOracle(ids(n), { type: 'double_elimination', grandFinal }, decide);
        expect(Object.values(theirs.pairings).flat().length).toBeGreaterThanOrEqual(n === 2 ? 1 : 2 * n - 2); // the oracle really played
        expect(mine.pairings).toEqual(theirs.pairings);
        expect(mine.champion).toBe(theirs.champion);
      }),
      { numRuns: 120 },
    );
  }, 60_000); // heavy (oracle / property): generous under a loaded CI

  it('oracle: every count from 2 to 64, higher seed wins, and lower seed wins', async () => {
    for (let n = 2; n <= 64; n++) {
      for (const decide of [(a: string, b: string) => (a < b ? a : b), (a: string, b: string) => (a < b ? b : a)]) {
        const mine = playEngine(unwrap(createDoubleElimination(ids(n), { grandFinal: 'double' })), decide);
        const theirs = await playOracle(ids(n), { type: 'double_elimination', grandFinal: 'double' }, decide);
        expect(mine.pairings, `n=${n}`).toEqual(theirs.pairings);
      }
    }
  }, 60_000); // heavy (oracle / property): generous under a loaded CI
});
