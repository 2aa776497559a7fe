import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalsOf, isOnStep, roundTo } from './numeric.ts';
import {
  COMPLAINT_HANDLING_TEMPLATE,
  PRESENTATION_TEMPLATE,
  RUBRIC_TEMPLATES,
  describeLevel,
  maxTotal,
  stepValues,
  validateRubric,
  validateScore,
  weightedTotal,
  type Rubric,
} from './rubric.ts';

const R = COMPLAINT_HANDLING_TEMPLATE;
const full = (v: number) => Object.fromEntries(R.criteria.map((c) => [c.key, v]));

describe('templates', () => {
  it('are valid rubrics with full marks 100 and carry the Chinese criterion names', () => {
    for (const t of RUBRIC_TEMPLATES) {
      expect(validateRubric(t)).toEqual({ ok: true });
      expect(maxTotal(t)).toBe(100);
    }
    expect(R.criteria.map((c) => c.nameZh)).toEqual(['业务准确性', '情绪安抚', '解决方案', '表达沟通', '服务规范']);
    expect(PRESENTATION_TEMPLATE.criteria).toHaveLength(4);
  });
  it('descriptors cover every step value of a criterion that declares them', () => {
    const c = R.criteria[0];
    for (const v of stepValues(c)) expect(describeLevel(c, v)).not.toBeNull();
    expect(describeLevel(c, 9.5)?.labelZh).toBe('业务解释完全准确');
    expect(describeLevel(R.criteria[2], 9.5)).toBeNull();
  });
});

describe('validateScore', () => {
  it('accepts on-step values in range, including the ends', () => {
    expect(validateScore(R, full(7.5)).ok).toBe(true);
    expect(validateScore(R, full(0)).ok).toBe(true);
    expect(validateScore(R, full(10)).ok).toBe(true);
  });
  it('refuses 7.3 on a 0.5 step, naming the criterion', () => {
    const r = validateScore(R, { ...full(8), emotion_handling: 7.3 });
    expect(r).toMatchObject({ ok: false, code: 'OFF_STEP', criterion: 'emotion_handling' });
    if (!r.ok) {
      expect(r.reason).toContain('emotion_handling');
      expect(r.reasonZh).toContain('情绪安抚');
    }
  });
  it('refuses out of range, missing, unknown and NaN, and lists every problem', () => {
    expect(validateScore(R, { ...full(8), solution: 10.5 })).toMatchObject({ ok: false, code: 'OUT_OF_RANGE', criterion: 'solution' });
    expect(validateScore(R, { ...full(8), solution: -0.5 })).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    const { compliance: _, ...partial } = full(8);
    expect(validateScore(R, partial)).toMatchObject({ ok: false, code: 'MISSING_CRITERION', criterion: 'compliance' });
    expect(validateScore(R, { ...full(8), charm: 5 })).toMatchObject({ ok: false, code: 'UNKNOWN_CRITERION', criterion: 'charm' });
    expect(validateScore(R, { ...full(8), expression: Number.NaN })).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
    const many = validateScore(R, { ...full(8), solution: 11, expression: 7.25 });
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.problems.map((p) => p.criterion)).toEqual(['solution', 'expression']);
  });
  it('is exact on decimal steps where float remainders are not (0.1 step, 0.3 = 0.1+0.2)', () => {
    const r: Rubric = { id: 'r', name: 'r', nameZh: 'r', criteria: [{ key: 'a', name: 'a', nameZh: 'a', weight: 1, min: 0, max: 1, step: 0.1 }] };
    expect(0.3 % 0.1).not.toBe(0); // why integer units are needed
    expect(validateScore(r, { a: 0.3 }).ok).toBe(true);
    expect(validateScore(r, { a: 0.7 }).ok).toBe(true);
    expect(validateScore(r, { a: 0.35 }).ok).toBe(false);
    expect(validateScore(r, { a: 0.1 + 0.2 }).ok).toBe(false); // 0.30000000000000004 is not a value a phone sends
  });
  it('property: every stepValue passes; value + a sub-step offset fails', () => {
    const step = fc.constantFrom(0.5, 0.25, 0.1, 1, 2, 0.2);
    fc.assert(
      fc.property(step, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (s, n, k) => {
        const max = roundTo(s * n, { decimals: 6, mode: 'half-up' });
        const r: Rubric = { id: 'r', name: 'r', nameZh: 'r', criteria: [{ key: 'a', name: 'a', nameZh: 'a', weight: 1, min: 0, max, step: s }] };
        expect(validateRubric(r).ok).toBe(true);
        const values = stepValues(r.criteria[0]);
        expect(values).toHaveLength(n + 1);
        for (const v of values) expect(validateScore(r, { a: v }).ok).toBe(true);
        const v = values[Math.min(k, n - 1)];
        const off = roundTo(v + s / 4, { decimals: 6, mode: 'half-up' });
        expect(validateScore(r, { a: off })).toMatchObject({ ok: false, code: 'OFF_STEP' });
      }),
    );
  });
});

describe('validateRubric', () => {
  const base = R.criteria[0];
  const one = (patch: object): Rubric => ({ ...R, criteria: [{ ...base, ...patch }] });
  it('refuses broken rubrics with a code', () => {
    expect(validateRubric({ ...R, criteria: [] })).toMatchObject({ ok: false, code: 'NO_CRITERIA' });
    expect(validateRubric({ ...R, criteria: [base, base] })).toMatchObject({ ok: false, code: 'DUPLICATE_KEY' });
    expect(validateRubric(one({ weight: 0 }))).toMatchObject({ ok: false, code: 'BAD_WEIGHT' });
    expect(validateRubric(one({ min: 10, max: 10 }))).toMatchObject({ ok: false, code: 'BAD_RANGE' });
    expect(validateRubric(one({ step: 3 }))).toMatchObject({ ok: false, code: 'BAD_STEP' }); // 3 does not divide 0–10
    expect(validateRubric(one({ descriptors: [{ from: 8, to: 12, label: 'x', labelZh: 'x' }] }))).toMatchObject({ ok: false, code: 'BAD_DESCRIPTOR' });
  });
});

describe('weightedTotal', () => {
  it('is Σ weight × score', () => {
    expect(weightedTotal(R, { business_accuracy: 9, emotion_handling: 8, solution: 7.5, expression: 8.5, compliance: 10 })).toBe(27 + 16 + 18.75 + 12.75 + 10);
    expect(weightedTotal(R, full(10))).toBe(maxTotal(R));
  });
  it('property: monotone in each criterion', () => {
    const v = fc.integer({ min: 0, max: 20 }).map((n) => n / 2);
    fc.assert(
      fc.property(fc.array(v, { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 4 }), (xs, i) => {
        const s = Object.fromEntries(R.criteria.map((c, j) => [c.key, xs[j]]));
        if (xs[i] === 10) return;
        const up = { ...s, [R.criteria[i].key]: xs[i] + 0.5 };
        expect(weightedTotal(R, up)).toBeGreaterThan(weightedTotal(R, s));
      }),
    );
  });
});

describe('numeric helpers', () => {
  it('decimalsOf and isOnStep handle exponent notation', () => {
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(7.25)).toBe(2);
    expect(isOnStep(1e-7, 0, 0.5)).toBe(false);
  });
  it('rounds half-up (away from zero) and half-even as declared, without float surprises', () => {
    const up = { decimals: 2, mode: 'half-up' } as const;
    expect(roundTo(1.005, up)).toBe(1.01);
    expect(roundTo(2.675, up)).toBe(2.68);
    expect(roundTo(-2.345, up)).toBe(-2.35);
    expect(roundTo((8.1 + 8.2 + 8.3) / 3, up)).toBe(8.2);
    expect(roundTo(2.125, { decimals: 2, mode: 'half-even' })).toBe(2.12);
    expect(roundTo(2.135, { decimals: 2, mode: 'half-even' })).toBe(2.14);
    expect(roundTo(-0.001, up)).toBe(0);
    expect(roundTo(1e-9, up)).toBe(0); // exponent notation does not break the decimal rounding
    expect(roundTo(9e-7, { decimals: 6, mode: 'half-up' })).toBe(0.000001);
    expect(roundTo(12.5, { decimals: 0, mode: 'half-up' })).toBe(13);
    expect(roundTo(12.5, { decimals: 0, mode: 'half-even' })).toBe(12);
    expect(Object.is(roundTo(-0.001, up), -0)).toBe(false);
  });
  it('property: rounding moves a value by at most half a unit, and rounding twice changes nothing', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 4 }), fc.constantFrom('half-up' as const, 'half-even' as const), (x, d, mode) => {
        const r = roundTo(x, { decimals: d, mode });
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9);
        expect(roundTo(r, { decimals: d, mode })).toBe(r);
        expect(decimalsOf(r)).toBeLessThanOrEqual(d);
      }),
    );
  });
});
