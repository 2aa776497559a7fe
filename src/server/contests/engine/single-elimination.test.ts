import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveBracket, standardOrder, type Bracket } from './bracket.ts';
import { playEngine, playOracle, saltedDecide } from './bracket-oracle.test-support.ts';
import { createSingleElimination, singleEliminationPlacements } from './single-elimination.ts';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `e${String(i + 1).padStart(2, '0')}`);
const unwrap = (r: ReturnType<typeof createSingleElimination>): Bracket => {
  if (!r.ok) throw new Error(r.problems[0].message);
  return r.value;
};

describe('single elimination', () => {
  it('refuses 0 or 1 entrant, naming the problem', () => {
    for (const n of [0, 1]) {
      const r = createSingleElimination(ids(n), { thirdPlace: false });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]).toMatchObject({ field: 'entrants', message: expect.stringContaining(`at least 2 entrants, it has ${n}`) });
    }
  });

  it('refuses a duplicated entrant', () => {
    expect(createSingleElimination(['a', 'b', 'a'], { thirdPlace: false }).ok).toBe(false);
  });

  it('places 8 seeds in the standard order 1–8, 4–5, 2–7, 3–6', () => {
    expect(standardOrder(8)).toEqual([1, 8, 4, 5, 2, 7, 3, 6]);
    const b = unwrap(createSingleElimination(ids(8), { thirdPlace: false }));
    const first = b.matches.filter((m) => m.round === 1).map((m) => m.slots.map((s) => (s.kind === 'seed' ? s.seed : 0)));
    expect(first).toEqual([[1, 8], [4, 5], [2, 7], [3, 6]]);
  });

  it('gives the byes to the top seeds (6 entrants: seeds 1 and 2 skip round 1)', () => {
    const b = unwrap(createSingleElimination(ids(6), { thirdPlace: false }));
    const r = resolveBracket(b, []);
    if (!r.ok) throw new Error('resolve');
    const byes = r.value.filter((s) => s.status === 'bye').map((s) => s.winner);
    expect(byes).toEqual(['e01', 'e02']);
    expect(r.value.filter((s) => s.status === 'ready').map((s) => s.opponents)).toEqual([['e04', 'e05'], ['e03', 'e06']]);
  });

  it('plays 8 → 4 → 2 with a third-place match and reports the placements', () => {
    const b = unwrap(createSingleElimination(ids(8), { thirdPlace: true }));
    const higherSeedWins = (a: string, c: string) => (a < c ? a : c);
    const played = playEngine(b, higherSeedWins);
    expect(played.champion).toBe('e01');
    expect(played.pairings['third:1']).toEqual(['e03|e04']);
  });

  it('refuses a result for a match that is not ready, or a winner who is not playing', () => {
    const b = unwrap(createSingleElimination(ids(4), { thirdPlace: false }));
    expect(resolveBracket(b, [{ matchId: 'W2-1', winnerId: 'e01' }]).ok).toBe(false);
    expect(resolveBracket(b, [{ matchId: 'W1-1', winnerId: 'e02' }]).ok).toBe(false);
    expect(resolveBracket(b, [{ matchId: 'W9-9', winnerId: 'e01' }]).ok).toBe(false);
  });

  it('placements: champion, runner-up, third and fourth', () => {
    const b = unwrap(createSingleElimination(ids(4), { thirdPlace: true }));
    const r = singleEliminationPlacements(b, [
      { matchId: 'W1-1', winnerId: 'e04' },
      { matchId: 'W1-2', winnerId: 'e02' },
      { matchId: 'W2-1', winnerId: 'e02' },
      { matchId: 'T1-1', winnerId: 'e01' },
    ]);
    expect(r).toEqual({ ok: true, value: { finished: true, champion: 'e02', runnerUp: 'e04', third: ['e01'], fourth: 'e03' } });
  });

  it('property: every entrant but the champion loses exactly once; matches played = n − 1 (+ third place)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 64 }), fc.integer(), fc.boolean(), (n, salt, thirdPlace) => {
        const b = unwrap(createSingleElimination(ids(n), { thirdPlace }));
        const played = playEngine(b, saltedDecide(salt));
        const all = Object.entries(played.pairings).filter(([k]) => k.startsWith('winners')).flatMap(([, v]) => v);
        expect(all).toHaveLength(n - 1);
        const thirds = played.pairings['third:1'] ?? [];
        expect(thirds.length).toBe(thirdPlace && n >= 4 ? 1 : 0);
      }),
      { numRuns: 150 },
    );
  }, 60_000); // heavy (oracle / property): generous under a loaded CI

  it('oracle: brackets-manager pairs the same entrants in every round for 2–64 entrants and random results', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 64 }), fc.integer(), fc.boolean(), async (n, salt, thirdPlace) => {
        const entrants = ids(n);
        const decide = saltedDecide(salt);
        const mine = playEngine(unwrap(createSingleElimination(entrants, { thirdPlace })), decide);
        const theirs = await playOracle(entrants, { type: 'single_elimination', consolationFinal: thirdPlace }, decide);
        expect(Object.values(theirs.pairings).flat().length).toBeGreaterThanOrEqual(n - 1); // the oracle really played
        expect(mine.pairings).toEqual(theirs.pairings);
        expect(mine.champion).toBe(theirs.champion);
      }),
      { numRuns: 120 },
    );
  }, 60_000); // heavy (oracle / property): generous under a loaded CI

  it('oracle: every count from 2 to 64 with the higher seed always winning', async () => {
    for (let n = 2; n <= 64; n++) {
      const decide = (a: string, b: string) => (a < b ? a : b);
      const mine = playEngine(unwrap(createSingleElimination(ids(n), { thirdPlace: true })), decide);
      const theirs = await playOracle(ids(n), { type: 'single_elimination', consolationFinal: true }, decide);
      expect(mine.pairings, `n=${n}`).toEqual(theirs.pairings);
    }
  }, 60_000); // heavy (oracle / property): generous under a loaded CI
});
