import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceTopN, explainDecision, type TopNRule } from './advancement.ts';
import { PRELIMINARY } from './contest-fixture.test-support.ts';
import { computeStandings, type Entrant, type RoundScore, type StageStandings } from './standings.ts';

const stage = { ...PRELIMINARY, tieBreaks: [{ kind: 'fewerViolations' as const }] };
const standings = (list: { id: string; org: string; track?: string; total: number; violations?: number }[]): StageStandings => {
  const entrants: Entrant[] = list.map((x) => ({ id: x.id, trackId: x.track ?? 'voice', organisationId: x.org }));
  // put the whole total into the lookup round (raw, 25 %): score = total × 4
  const scores: RoundScore[] = list.flatMap((x) => [
    { entrantId: x.id, roundId: 'theory', score: 0, violations: x.violations ?? 0 },
    { entrantId: x.id, roundId: 'lookup', score: x.total * 4 },
    { entrantId: x.id, roundId: 'roleplay', score: 0 },
  ]);
  const r = computeStandings({ stage, entrants, scores });
  if (!r.ok) throw new Error(r.problems[0].message);
  return r.value;
};
const rule = (perTrack: number, extra: Partial<TopNRule> = {}): TopNRule => ({ kind: 'topN', perTrack, tieAtCut: 'refuse', ...extra });

describe('top-N advancement', () => {
  it('top 6 of each of 4 tracks → 24 finalists, each with its reason', () => {
    const list = ['voice', 'ai', 'im', 'quality'].flatMap((track) => Array.from({ length: 10 }, (_, i) => ({ id: `${track}${i}`, org: `o${i}`, track, total: 100 - i })));
    const r = advanceTopN(standings(list), rule(6));
    if (!r.ok) throw new Error('advance');
    expect(r.value.tracks.flatMap((t) => t.advancing)).toHaveLength(24);
    const voice = r.value.tracks.find((t) => t.trackId === 'voice');
    expect(explainDecision(voice!.decisions[0], rule(6))).toBe('advances: rank 1, total 100; within the top 6 of track voice');
    expect(voice?.decisions[6]).toMatchObject({ advances: false, reason: 'below-cut', rank: 7 });
    expect(explainDecision(voice!.decisions[6], rule(6), 'zh')).toBe('未晋级：第 7 名，总分 94；未进入赛道 voice 前 6 名');
  });

  it('at most 2 per organisation: the third of an organisation is passed over and the next one goes', () => {
    const list = [
      { id: 'a', org: 'zj', total: 99 },
      { id: 'b', org: 'zj', total: 98 },
      { id: 'c', org: 'zj', total: 97 },
      { id: 'd', org: 'js', total: 96 },
    ];
    const r = advanceTopN(standings(list), rule(3, { maxPerOrganisation: 2 }));
    if (!r.ok) throw new Error('advance');
    expect(r.value.tracks[0].advancing).toEqual(['a', 'b', 'd']);
    expect(r.value.tracks[0].decisions[2]).toMatchObject({ entrantId: 'c', reason: 'organisation-quota-full' });
  });

  it('the tie-break used is named; an unresolved tie at the cut is refused unless the policy includes all', () => {
    const resolved = advanceTopN(standings([{ id: 'a', org: 'x', total: 90 }, { id: 'b', org: 'y', total: 80, violations: 1 }, { id: 'c', org: 'z', total: 80 }]), rule(2));
    if (!resolved.ok) throw new Error('advance');
    expect(resolved.value.tracks[0].advancing).toEqual(['a', 'c']);
    expect(resolved.value.tracks[0].decisions[1].tieBreak).toEqual({ kind: 'fewerViolations' });
    expect(explainDecision(resolved.value.tracks[0].decisions[1], rule(2))).toBe('advances: rank 2, total 80; tie broken by fewer violations; within the top 2 of track voice');
    const tied = standings([{ id: 'a', org: 'x', total: 90 }, { id: 'b', org: 'y', total: 80 }, { id: 'c', org: 'z', total: 80 }]);
    const refused = advanceTopN(tied, rule(2));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0].message).toMatch(/unresolved tie at the cut in track voice: (b, c|c, b) share rank 2/);
    const all = advanceTopN(tied, rule(2, { tieAtCut: 'includeAll' }));
    expect(all.ok && all.value.tracks[0].advancing).toEqual(['a', 'b', 'c']);
  });

  it('refuses to advance before every score is in', () => {
    const s = standings([{ id: 'a', org: 'x', total: 1 }]);
    expect(advanceTopN({ ...s, status: 'incomplete', missing: [{ entrantId: 'z', trackId: 'voice', roundId: 'theory' }] }, rule(1)).ok).toBe(false);
  });

  it('property: never more than N per track unless includeAll, never more than the cap per organisation, everyone advancing outranks everyone passed over for the cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ org: fc.constantFrom('a', 'b', 'c', 'd'), total: fc.integer({ min: 0, max: 25 }) }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 4 }),
        (list, n, cap) => {
          const s = standings(list.map((x, i) => ({ id: `e${i}`, org: x.org, total: x.total })));
          const r = advanceTopN(s, rule(n, { maxPerOrganisation: cap, tieAtCut: 'includeAll' }));
          if (!r.ok) throw new Error('advance');
          const t = r.value.tracks[0];
          const perOrg = new Map<string, number>();
          for (const d of t.decisions.filter((x) => x.advances)) perOrg.set(d.organisationId, (perOrg.get(d.organisationId) ?? 0) + 1);
          const inTieAtCut = t.decisions.some((d) => d.reason === 'tie-at-cut-included');
          if (!inTieAtCut) {
            expect(t.advancing.length).toBeLessThanOrEqual(n);
            for (const c of perOrg.values()) expect(c).toBeLessThanOrEqual(cap);
          }
          const worstIn = Math.max(...t.decisions.filter((d) => d.advances).map((d) => d.rank), 0);
          for (const d of t.decisions.filter((x) => x.reason === 'below-cut')) expect(d.rank).toBeGreaterThanOrEqual(worstIn);
          // places left empty only when everyone else is held back by the organisation cap
          if (!inTieAtCut && t.advancing.length < n) expect(t.decisions.filter((d) => d.reason === 'below-cut')).toEqual([]);
        },
      ),
    );
  }, 60_000); // heavy (oracle / property): generous under a loaded CI
});
