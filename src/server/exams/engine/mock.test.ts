import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Blueprint } from '../../bank/engine/blueprint.ts';
import type { Response } from './grading.ts';
import { attemptsLeft, gradeMock, mockClock, mockSeed, mockTrend, MOCK_GRACE_MS, validateMockBlueprint, type MockItem } from './mock.ts';
import { fieldOf } from './test-support.ts';

const single = (position: number, points: number, kp: string[] = ['宽带']): MockItem => ({
  position, points, question: { type: 'single', options: [{ key: 'A', text: 'a' }, { key: 'B', text: 'b' }], answer: { kind: 'choice', keys: ['A'] }, score: points, knowledgePoints: kp },
});
const tf = (position: number, points: number, kp: string[] = []): MockItem => ({ position, points, question: { type: 'truefalse', options: [], answer: { kind: 'truefalse', value: true }, score: points, knowledgePoints: kp } });
const fill = (position: number, points: number): MockItem => ({ position, points, question: { type: 'fill', options: [], answer: { kind: 'fill', blanks: [['FTTH'], ['ONU']] }, score: points, knowledgePoints: ['宽带/基础'] } });


describe('mock exam rules', () => {
  it('accepts objective blueprints only, naming blueprintId', () => {
    const ok: Blueprint = { sections: [{ type: 'single', count: 2, pointsEach: 1 }, { type: 'fill', count: 1, pointsEach: 2 }], totalScore: 4 };
    expect(fieldOf(() => validateMockBlueprint(ok))).toBeUndefined();
    expect(fieldOf(() => validateMockBlueprint({ ...ok, sections: [...ok.sections, { type: 'short', count: 1, pointsEach: 5, title: '五、简答' }] }))).toBe('blueprintId');
    expect(fieldOf(() => validateMockBlueprint({ sections: [], totalScore: 0 }))).toBe('blueprintId');
  });

  it('seeds differ per attempt and are stable', () => {
    expect(mockSeed(1, 2, 1)).toBe(mockSeed(1, 2, 1));
    expect(mockSeed(1, 2, 1)).not.toBe(mockSeed(1, 2, 2));
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.nat(), (a, b, c) => {
      const s = mockSeed(a, b, c);
      expect(Number.isInteger(s) && s >= 1 && s <= 2147483646).toBe(true);
    }));
  });

  it('counts attempts left today; null is unlimited', () => {
    expect(attemptsLeft(null, 99)).toBeNull();
    expect(attemptsLeft(3, 1)).toBe(2);
    expect(attemptsLeft(3, 5)).toBe(0);
    expect(fieldOf(() => attemptsLeft(0, 0))).toBe('attemptsPerDay');
  });

  it('the clock runs from the start only; saves until deadline + grace, then auto-submit is due', () => {
    const start = Date.UTC(2026, 10, 24, 2);
    const d = 30 * 60_000;
    expect(mockClock({ startedAt: start, durationMs: d, now: start + 60_000 })).toMatchObject({ deadline: start + d, remainingMs: d - 60_000, acceptsSaves: true, autoSubmitDue: false });
    const late = mockClock({ startedAt: start, durationMs: d, now: start + d + MOCK_GRACE_MS - 1 });
    expect(late).toMatchObject({ remainingMs: 0, acceptsSaves: true, autoSubmitDue: false });
    expect(mockClock({ startedAt: start, durationMs: d, now: start + d + MOCK_GRACE_MS })).toMatchObject({ acceptsSaves: false, autoSubmitDue: true, autoSubmitAt: start + d + MOCK_GRACE_MS });
  });
});

describe('gradeMock', () => {
  it('grades each item, totals, and reports by knowledge point', () => {
    const items = [single(1, 2, ['宽带/故障']), single(2, 2, ['宽带/故障', '服务规范']), tf(3, 1), fill(4, 4)];
    const responses = new Map<number, Response | null>([
      [1, { kind: 'choice', keys: ['A'] }],
      [2, { kind: 'choice', keys: ['B'] }],
      [4, { kind: 'fill', blanks: ['ｆｔｔｈ', 'x'] }],
    ]);
    const g = gradeMock(items, responses);
    expect(g).toMatchObject({ score: 4, maxScore: 9, percent: 44.4 });
    expect(g.itemScores).toEqual({ 1: { s: 2, m: 2, c: true }, 2: { s: 0, m: 2, c: false }, 3: { s: 0, m: 1, c: false }, 4: { s: 2, m: 4, c: false } });
    expect(g.byKnowledgePoint).toEqual([
      { point: '宽带/基础', score: 2, max: 4, items: 1, percent: 50 },
      { point: '宽带/故障', score: 2, max: 4, items: 2, percent: 50 },
      { point: '服务规范', score: 0, max: 2, items: 1, percent: 0 },
      { point: '（未标注）', score: 0, max: 1, items: 1, percent: 0 },
    ]);
  });

  it('refuses a malformed response or a subjective item', () => {
    expect(fieldOf(() => gradeMock([single(1, 2)], new Map([[1, { kind: 'truefalse', value: true }]])))).toBe('response');
    const short: MockItem = { position: 1, points: 5, question: { type: 'short', options: [], answer: { kind: 'text', reference: 'x' }, score: 5, knowledgePoints: [] } };
    expect(fieldOf(() => gradeMock([short], new Map()))).toBe('paper');
  });

  it('property: 0 ≤ score ≤ max = Σ points; all right gives the max; the points partition the items', () => {
    const spec = fc.array(fc.record({ kind: fc.constantFrom('single', 'tf'), points: fc.integer({ min: 1, max: 5 }), answer: fc.constantFrom('right', 'wrong', 'none') }), { minLength: 1, maxLength: 30 });
    fc.assert(fc.property(spec, (s) => {
      const items = s.map((x, i) => (x.kind === 'single' ? single(i + 1, x.points, [`p${i % 3}`]) : tf(i + 1, x.points, [`p${i % 3}`])));
      const resp = (x: (typeof s)[number], right: boolean): Response => (x.kind === 'single' ? { kind: 'choice', keys: [right ? 'A' : 'B'] } : { kind: 'truefalse', value: right });
      const given = new Map<number, Response | null>(s.map((x, i) => [i + 1, x.answer === 'none' ? null : resp(x, x.answer === 'right')]));
      const g = gradeMock(items, given);
      const max = s.reduce((a, x) => a + x.points, 0);
      expect(g.maxScore).toBe(max);
      expect(g.score).toBeGreaterThanOrEqual(0);
      expect(g.score).toBeLessThanOrEqual(max);
      expect(g.score).toBe(s.filter((x) => x.answer === 'right').reduce((a, x) => a + x.points, 0));
      expect(g.byKnowledgePoint.reduce((a, k) => a + k.max, 0)).toBe(max);
      const all = gradeMock(items, new Map(s.map((x, i) => [i + 1, resp(x, true)])));
      expect(all.score).toBe(max);
      expect(all.percent).toBe(100);
    }));
  });
});

describe('mockTrend', () => {
  it('orders by time and keeps each mock exam\'s best so far', () => {
    const t = mockTrend([
      { attemptId: 3, mockId: 1, submittedAt: 300, score: 30, maxScore: 60 },
      { attemptId: 1, mockId: 1, submittedAt: 100, score: 45, maxScore: 60 },
      { attemptId: 2, mockId: 2, submittedAt: 200, score: 7, maxScore: 10 },
    ]);
    expect(t.map((x) => [x.attemptId, x.percent, x.bestSoFar])).toEqual([[1, 75, 75], [2, 70, 70], [3, 50, 75]]);
  });
});
