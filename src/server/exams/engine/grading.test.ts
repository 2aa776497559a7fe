import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import {
  DEFAULT_GRADING, DEFAULT_NORMALISATION, gradeResponse, matchBlank, normaliseText, randomGuessScore, scoreChoice, toHalfWidth,
  type GradableQuestion, type GradingOptions, type Normalisation,
} from './grading.ts';

const opts = (keys: string) => keys.split('').map((key) => ({ key, text: `option ${key}` }));
const single: GradableQuestion = { type: 'single', options: opts('ABCD'), answer: { kind: 'choice', keys: ['B'] }, score: 2 };
const multiple: GradableQuestion = { type: 'multiple', options: opts('ABCDE'), answer: { kind: 'choice', keys: ['A', 'C', 'D'] }, score: 3 };
const tf: GradableQuestion = { type: 'truefalse', options: [], answer: { kind: 'truefalse', value: false }, score: 1 };
const fill: GradableQuestion = { type: 'fill', options: [], answer: { kind: 'fill', blanks: [['光猫', 'ONU'], ['192.168.1.1'], ['3±0.5']] }, score: 3 };
const partial: GradingOptions = { ...DEFAULT_GRADING, multiple: 'partial' };

describe('gradeResponse', () => {
  it('single choice: right, wrong, unanswered', () => {
    expect(gradeResponse(single, { kind: 'choice', keys: ['B'] })).toMatchObject({ status: 'graded', score: 2, max: 2, correct: true });
    expect(gradeResponse(single, { kind: 'choice', keys: ['A'] })).toMatchObject({ score: 0, correct: false });
    expect(gradeResponse(single, null)).toMatchObject({ score: 0, correct: false });
  });

  it('multiple: all-or-nothing needs exactly the right keys', () => {
    expect(gradeResponse(multiple, { kind: 'choice', keys: ['D', 'A', 'C'] })).toMatchObject({ score: 3, correct: true });
    expect(gradeResponse(multiple, { kind: 'choice', keys: ['A', 'C'] })).toMatchObject({ score: 0, correct: false });
    expect(gradeResponse(multiple, { kind: 'choice', keys: ['A', 'C', 'D', 'E'] })).toMatchObject({ score: 0 });
  });

  it('multiple: partial credit, each right key +1/3, each wrong key −1/3, floor 0', () => {
    expect(gradeResponse(multiple, { kind: 'choice', keys: ['A', 'C'] }, partial)).toMatchObject({ score: 2, correct: false });
    expect(gradeResponse(multiple, { kind: 'choice', keys: ['A', 'C', 'E'] }, partial)).toMatchObject({ score: 1 });
    expect(gradeResponse(multiple, { kind: 'choice', keys: ['B', 'E', 'A'] }, partial)).toMatchObject({ score: 0 });
    expect(gradeResponse(multiple, { kind: 'choice', keys: ['A', 'C', 'D'] }, partial)).toMatchObject({ score: 3, correct: true });
  });

  it('true/false', () => {
    expect(gradeResponse(tf, { kind: 'truefalse', value: false })).toMatchObject({ score: 1, correct: true });
    expect(gradeResponse(tf, { kind: 'truefalse', value: true })).toMatchObject({ score: 0, correct: false });
  });

  it('fill: per-blank credit with alternatives, full-width input and numeric tolerance', () => {
    const r = gradeResponse(fill, { kind: 'fill', blanks: ['ｏｎｕ', '１９２．１６８．１．１', '3.4'] });
    expect(r).toMatchObject({ score: 3, correct: true });
    expect(r.blanks!.map((b) => b.matched)).toEqual(['ONU', '192.168.1.1', '3±0.5']);
    const half = gradeResponse(fill, { kind: 'fill', blanks: [' 光 猫 ', 'x', '3.6'] });
    expect(half).toMatchObject({ score: 1, correct: false });
    expect(half.blanks!.map((b) => b.correct)).toEqual([true, false, false]);
    expect(gradeResponse(fill, { kind: 'fill', blanks: ['光猫'] }, { ...DEFAULT_GRADING, fill: 'all-blanks' })).toMatchObject({ score: 0 });
    expect(gradeResponse(fill, { kind: 'fill', blanks: ['光猫', '192.168.1.1', '3'] }, { ...DEFAULT_GRADING, fill: 'all-blanks' })).toMatchObject({ score: 3 });
  });

  it('subjective items need marking', () => {
    for (const type of ['short', 'case', 'scenario'] as const) {
      const q: GradableQuestion = { type, options: [], answer: { kind: 'text', reference: '安抚情绪' }, score: 10 };
      expect(gradeResponse(q, { kind: 'text', text: '先道歉' })).toEqual({ status: 'needs-marking', score: null, max: 10, correct: null, blanks: null });
    }
  });

  it('refuses malformed responses with a VALIDATION error on field "response"', () => {
    const bad = [
      () => gradeResponse(single, { kind: 'truefalse', value: true }),
      () => gradeResponse(single, { kind: 'choice', keys: ['Z'] }),
      () => gradeResponse(single, { kind: 'choice', keys: ['A', 'B'] }),
      () => gradeResponse(fill, { kind: 'fill', blanks: ['a', 'b', 'c', 'd'] }),
    ];
    for (const f of bad) {
      try { f(); expect.unreachable(); } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('VALIDATION');
        expect((e as AppError).field).toBe('response');
      }
    }
  });
});

describe('randomGuessScore (Moodle\'s definition)', () => {
  it('choice: correct keys / options; true/false 0.5; fill 0; judged null', () => {
    expect(randomGuessScore(single)).toBe(0.25);
    expect(randomGuessScore(multiple)).toBe(0.6);
    expect(randomGuessScore(tf)).toBe(0.5);
    expect(randomGuessScore(fill)).toBe(0);
    expect(randomGuessScore({ type: 'case', options: [], answer: { kind: 'text', reference: '' } })).toBeNull();
  });
});

describe('normalisation', () => {
  const none: Normalisation = { width: false, spaces: 'keep', caseInsensitive: false, punctuation: false };

  it('each declared rule can be switched off', () => {
    expect(matchBlank('ＯＮＵ', ['ONU'], none)).toBeNull();
    expect(matchBlank('ＯＮＵ', ['ONU'], { ...none, width: true })).toBe('ONU');
    expect(matchBlank('onu', ['ONU'], none)).toBeNull();
    expect(matchBlank('onu', ['ONU'], { ...none, caseInsensitive: true })).toBe('ONU');
    expect(matchBlank('光 猫', ['光猫'], none)).toBeNull();
    expect(matchBlank('光 猫', ['光猫'], { ...none, spaces: 'ignore' })).toBe('光猫');
    expect(matchBlank('先道歉，再处理', ['先道歉,再处理'], none)).toBeNull();
    expect(matchBlank('先道歉，再处理', ['先道歉,再处理'], { ...none, punctuation: true })).toBe('先道歉,再处理');
    expect(normaliseText('a   b', { ...none, spaces: 'collapse' })).toBe('a b');
  });

  it('an empty answer never matches, even an empty alternative', () => {
    expect(matchBlank('  ', ['', ' '], DEFAULT_NORMALISATION)).toBeNull();
  });

  const ascii = fc.string({ unit: fc.constantFrom(...'abcXYZ019 ,.;:?!()'.split('')), minLength: 1, maxLength: 12 });
  const full = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

  it('property: normalisation is idempotent', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => {
      const once = normaliseText(s, DEFAULT_NORMALISATION);
      expect(normaliseText(once, DEFAULT_NORMALISATION)).toBe(once);
    }));
  });

  it('property: a full-width, upper-cased, spaced copy of an alternative matches it under the defaults', () => {
    fc.assert(fc.property(ascii, (alt) => {
      fc.pre(normaliseText(alt, DEFAULT_NORMALISATION) !== '');
      expect(matchBlank(` ${full(alt.toUpperCase())} `, [alt], DEFAULT_NORMALISATION)).toBe(alt);
      expect(toHalfWidth(full(alt))).toBe(alt);
    }));
  });
});

describe('choice scoring properties', () => {
  const keys = ['A', 'B', 'C', 'D', 'E', 'F'];
  const instance = fc.record({
    correct: fc.subarray(keys, { minLength: 1 }),
    chosen: fc.subarray(keys),
    max: fc.integer({ min: 1, max: 10 }),
  });

  it('property: partial scores lie in [0, max]; all-or-nothing gives 0 or max; both give max exactly for the right keys', () => {
    fc.assert(fc.property(instance, ({ correct, chosen, max }) => {
      const p = scoreChoice(correct, chosen, max, 'partial');
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(max);
      expect([0, max]).toContain(scoreChoice(correct, chosen, max, 'all-or-nothing'));
      expect(scoreChoice(correct, correct, max, 'partial')).toBeCloseTo(max, 9);
      expect(scoreChoice(correct, correct, max, 'all-or-nothing')).toBe(max);
    }));
  });

  it('property: adding a wrong key never raises the partial score; adding a right key never lowers it', () => {
    fc.assert(fc.property(instance, fc.constantFrom(...keys), ({ correct, chosen, max }, extra) => {
      fc.pre(!chosen.includes(extra));
      const before = scoreChoice(correct, chosen, max, 'partial');
      const after = scoreChoice(correct, [...chosen, extra], max, 'partial');
      if (correct.includes(extra)) expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      else expect(after).toBeLessThanOrEqual(before + 1e-12);
    }));
  });

  it('property: the order of chosen keys does not matter', () => {
    fc.assert(fc.property(instance, ({ correct, chosen, max }) => {
      const q: GradableQuestion = { type: 'multiple', options: opts('ABCDEF'), answer: { kind: 'choice', keys: correct }, score: max };
      const a = gradeResponse(q, { kind: 'choice', keys: chosen }, partial);
      const b = gradeResponse(q, { kind: 'choice', keys: [...chosen].reverse() }, partial);
      expect(a).toEqual(b);
    }));
  });
});
