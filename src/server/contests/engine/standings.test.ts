import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRELIMINARY } from './contest-fixture.test-support.ts';
import type { StageDef } from './contest-model.ts';
import { computeStandings, explainRow, requireComplete, type Entrant, type RoundScore } from './standings.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; problems: { message: string }[] }): T => {
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
};
const entrant = (id: string, trackId = 'voice', organisationId = 'o1'): Entrant => ({ id, trackId, organisationId });
const three = (entrantId: string, theory: number, lookup: number, roleplay: number, extra: Partial<RoundScore> = {}): RoundScore[] => [
  { entrantId, roundId: 'theory', score: theory, ...extra },
  { entrantId, roundId: 'lookup', score: lookup },
  { entrantId, roundId: 'roleplay', score: roleplay },
];

describe('standings', () => {
  it('normalises (theory out of 150 → %), weights 25/25/50 and totals', () => {
    const s = must(computeStandings({ stage: PRELIMINARY, entrants: [entrant('a')], scores: three('a', 120, 90, 80) }));
    const row = s.tracks[0].rows[0];
    expect(row.rounds.theory).toEqual({ raw: 120, normalised: 80, weighted: 20 });
    expect(row.total).toBe(20 + 22.5 + 40);
    expect(s.status).toBe('complete');
  });

  it('a missing score makes the standings incomplete; advancing is refused naming who and which round', () => {
    const scores = [...three('a', 100, 80, 70), { entrantId: 'b', roundId: 'theory', score: 90 }];
    const s = must(computeStandings({ stage: PRELIMINARY, entrants: [entrant('a'), { ...entrant('b'), name: '李四' }], scores }));
    expect(s.status).toBe('incomplete');
    expect(s.tracks[0].incomplete).toEqual([{ id: 'b', trackId: 'voice', organisationId: 'o1', name: '李四', missingRounds: ['lookup', 'roleplay'], rounds: { theory: { raw: 90, normalised: 60, weighted: 15 } } }]);
    const r = requireComplete(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.field)).toEqual(['scores.b.lookup', 'scores.b.roleplay']);
      expect(r.problems[0].message).toContain('李四 (voice) has no score in round lookup');
    }
  });

  it('a late entrant missing scores is named as late; the rounds it has are shown', () => {
    const scores = [...three('a', 100, 80, 70), { entrantId: 'z', roundId: 'theory', score: 75 }];
    const s = must(computeStandings({ stage: PRELIMINARY, entrants: [entrant('a'), { ...entrant('z'), name: '补录队', late: true }], scores }));
    expect(s.tracks[0].incomplete[0]).toMatchObject({ id: 'z', late: true, missingRounds: ['lookup', 'roleplay'], rounds: { theory: { raw: 75, normalised: 50, weighted: 12.5 } } });
    expect(s.missing.every((m) => m.late)).toBe(true);
    const r = requireComplete(s);
    expect(!r.ok && r.problems[0].message).toContain('late entry 补录队 (voice), approved after the scores were in, has no score in round lookup');
    expect(!r.ok && r.problems[0].messageZh).toContain('补录报名 补录队');
  });

  it('refuses scores for unknown entrants or rounds, above the maximum, or given twice', () => {
    const base = { stage: PRELIMINARY, entrants: [entrant('a')] };
    expect(computeStandings({ ...base, scores: [{ entrantId: 'x', roundId: 'theory', score: 1 }] }).ok).toBe(false);
    expect(computeStandings({ ...base, scores: [{ entrantId: 'a', roundId: 'nope', score: 1 }] }).ok).toBe(false);
    expect(computeStandings({ ...base, scores: [{ entrantId: 'a', roundId: 'theory', score: 151 }] }).ok).toBe(false);
    expect(computeStandings({ ...base, scores: [...three('a', 1, 1, 1), { entrantId: 'a', roundId: 'theory', score: 2 }] }).ok).toBe(false);
  });

  it('ties on the total are broken by the chain in order and each decision explains itself', () => {
    // a and b tie on the total (20 + 20 + 40 = 80); b has the higher role-play score.
    // c and d tie on everything but violations; e and f tie on everything: unresolved.
    const scores = [
      ...three('a', 120, 80, 80),
      ...three('b', 90, 85, 87.5),
      ...three('c', 60, 50, 50, { violations: 2 }),
      ...three('d', 60, 50, 50, { violations: 1 }),
      ...three('e', 30, 10, 10),
      ...three('f', 30, 10, 10),
    ];
    const s = must(computeStandings({ stage: PRELIMINARY, entrants: ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => entrant(x)), scores }));
    const rows = s.tracks[0].rows;
    expect(rows.map((r) => [r.id, r.rank, r.scoreRank])).toEqual([['b', 1, 1], ['a', 2, 1], ['d', 3, 3], ['c', 4, 3], ['e', 5, 5], ['f', 5, 5]]);
    expect(rows[0].tieBreaks[0]).toMatchObject({ rule: { kind: 'roundScore', roundId: 'roleplay' }, value: 87.5, among: ['a', 'b'] });
    expect(rows[2].tieBreaks.map((t) => t.rule.kind)).toEqual(['fewerViolations']);
    expect(rows[4].unresolvedWith).toEqual(['f']);
    expect(explainRow(rows[0])).toBe('rank 1, total 80; tied with a, separated by higher score in round roleplay (87.5)');
    expect(explainRow(rows[5], 'zh')).toContain('与 e 并列');
    const decision = s.tracks[0].decisions.find((d) => d.among.includes('e'));
    expect(decision?.steps.map((x) => x.outcome)).toEqual(['equal', 'equal', 'not-applicable', 'not-applicable']);
  });

  it('a decider round result separates what the chain could not', () => {
    const scores = [...three('e', 30, 10, 10), ...three('f', 30, 10, 10), { entrantId: 'e', roundId: 'decider', score: 3 }, { entrantId: 'f', roundId: 'decider', score: 5 }];
    const s = must(computeStandings({ stage: PRELIMINARY, entrants: [entrant('e'), entrant('f')], scores }));
    expect(s.tracks[0].rows.map((r) => [r.id, r.rank])).toEqual([['f', 1], ['e', 2]]);
  });

  it('property: ranks are sorted, equal totals share scoreRank, a higher total never ranks below a lower one, and an unresolved tie shares its rank', () => {
    const stage: StageDef = { ...PRELIMINARY, tieBreaks: [{ kind: 'fewerViolations' }] };
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 3 }), l: fc.integer({ min: 0, max: 3 }), r: fc.integer({ min: 0, max: 3 }), v: fc.integer({ min: 0, max: 2 }), track: fc.constantFrom('voice', 'ai') }), { minLength: 1, maxLength: 60 }),
        (list) => {
          const entrants = list.map((x, i) => entrant(`e${i}`, x.track));
          const scores = list.flatMap((x, i) => three(`e${i}`, x.t * 50, x.l * 30, x.r * 25, { violations: x.v }));
          const s = must(computeStandings({ stage, entrants, scores }));
          for (const track of s.tracks) {
            const rows = track.rows;
            rows.forEach((row, k) => {
              expect(row.trackId).toBe(track.trackId);
              if (k === 0) return expect(row.rank).toBe(1);
              const prev = rows[k - 1];
              expect(row.total).toBeLessThanOrEqual(prev.total);
              expect(row.rank).toBeGreaterThanOrEqual(prev.rank);
              if (row.total < prev.total) expect(row.scoreRank).toBe(k + 1);
              else expect(row.scoreRank).toBe(prev.scoreRank);
              if (row.rank === prev.rank) expect(row.unresolvedWith).toContain(prev.id);
              else expect(row.rank).toBe(k + 1);
            });
          }
          expect(s.tracks.reduce((n, t) => n + t.rows.length, 0)).toBe(list.length);
        },
      ),
    );
  }, 60_000); // heavy (oracle / property): generous under a loaded CI
});
