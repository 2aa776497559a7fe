import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemblePapers } from './assemble.ts';
import { coversRule, isEligible, sectionScore, typeDemand, type Blueprint, type CoverageRule } from './blueprint.ts';
import { checkPapers } from './check.ts';
import type { QuestionType } from './model.ts';
import { SYNTHETIC_AREAS, SYNTHETIC_TRACKS, syntheticBank } from './synthetic-bank.ts';

const TYPES: QuestionType[] = ['single', 'multiple', 'truefalse', 'fill', 'short'];
const PATHS = [...Object.keys(SYNTHETIC_AREAS), '宽带/故障', '套餐/资费', '投诉处理/情绪安抚'];

const instance = fc.record({
  bankSize: fc.integer({ min: 10, max: 250 }),
  bankSeed: fc.integer(),
  sections: fc.uniqueArray(fc.record({ type: fc.constantFrom(...TYPES), count: fc.integer({ min: 1, max: 8 }), pointsEach: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 3, selector: (s) => s.type }),
  scoreOff: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 1),
  weights: fc.option(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }).filter((w) => w.some((x) => x > 0)), { nil: null }),
  tolerance: fc.constantFrom(0, 0, 1),
  coverage: fc.array(fc.record({ path: fc.constantFrom(...PATHS), min: fc.integer({ min: 0, max: 3 }), type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }) }), { maxLength: 3 }),
  tracks: fc.option(fc.subarray(SYNTHETIC_TRACKS, { minLength: 1 }), { nil: null }),
  exposureCap: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  maxOverlap: fc.option(fc.constantFrom(0, 0.2, 0.5, 0.8), { nil: null }),
  papers: fc.integer({ min: 1, max: 8 }),
  seed: fc.integer(),
});

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

function build(x: Instance) {
  const bank = syntheticBank({ size: x.bankSize, seed: x.bankSeed });
  const types = new Set(x.sections.map((s) => s.type));
  const coverage: CoverageRule[] = x.coverage.map((c) => (c.type && types.has(c.type) ? c : { path: c.path, min: c.min }));
  const total = x.sections.reduce((a, s) => a + s.count * s.pointsEach, 0);
  const blueprint: Blueprint = {
    sections: x.sections,
    totalScore: total + x.scoreOff,
    difficulty: x.weights ? Object.fromEntries(x.weights.map((w, i) => [String(i + 1), w / x.weights!.reduce((a, v) => a + v, 0)])) : null,
    difficultyTolerance: x.tolerance,
    coverage,
    tracks: x.tracks,
    exposureCap: x.exposureCap,
    maxOverlap: x.maxOverlap,
  };
  return { bank, blueprint };
}

describe('assemblePapers (property)', () => {
  it('every paper it returns passes the independent checker; every counted shortage it reports is real', () => {
    let solved = 0;
    let refused = 0;
    fc.assert(
      fc.property(instance, (x) => {
        const { bank, blueprint } = build(x);
        const r = assemblePapers({ bank, blueprint, papers: x.papers, seed: x.seed });
        if (r.ok) {
          solved++;
          expect(r.papers).toHaveLength(x.papers);
          expect(checkPapers(r.papers, blueprint, bank)).toEqual([]);
          return;
        }
        refused++;
        expect(r.problems.length).toBeGreaterThan(0);
        const eligible = bank.filter((q) => isEligible(q, blueprint));
        for (const p of r.problems) {
          expect(p.message).not.toBe('');
          expect(p.messageZh).not.toBe('');
          if (p.constraint === 'totalScore') expect([p.needed, p.available]).toEqual([blueprint.totalScore, sectionScore(blueprint)]);
          if (p.constraint === 'section') {
            const match = [...typeDemand(blueprint)].some(([t, n]) => n === p.needed && eligible.filter((q) => q.type === t).length === p.available);
            expect(match).toBe(true);
          }
          if (p.constraint === 'coverage' && p.message.endsWith(`the bank has ${p.available}`)) {
            const match = (blueprint.coverage ?? []).some((rule) => rule.min === p.needed && eligible.filter((q) => coversRule(q, rule)).length === p.available);
            expect(match).toBe(true);
          }
          if (p.constraint !== 'search' && p.constraint !== 'blueprint') expect(p.needed).toBeGreaterThan(p.available);
        }
      }),
      { numRuns: 400 },
    );
    // Both outcomes must actually be exercised.
    expect(solved).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(40);
  });

  it('without coverage, exposure or overlap caps, a blueprint that passes the counting checks is always solved', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const { bank, blueprint } = build({ ...x, coverage: [], exposureCap: null, maxOverlap: null, scoreOff: 0 });
        const r = assemblePapers({ bank, blueprint, papers: x.papers, seed: x.seed });
        if (!r.ok) expect(r.problems.map((p) => p.constraint)).not.toContain('search');
      }),
      { numRuns: 300 },
    );
  });
});
