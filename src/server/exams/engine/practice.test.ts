import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import {
  buildWrongBook, drawDailyPractice, estimateMastery, MASTERY_HALF_LIFE_MS, updateWrongBook,
  type PoolQuestion, type PracticeAnswer, type WrongBook,
} from './practice.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23);

describe('estimateMastery', () => {
  it('is the prior with no evidence, rises with right answers and falls with wrong ones', () => {
    const [none] = estimateMastery([], NOW, { points: ['宽带/故障'] });
    expect(none).toMatchObject({ point: '宽带/故障', mastery: 0.5, attempts: 0 });
    const right = Array.from({ length: 4 }, (_, i): PracticeAnswer => ({ questionId: `q${i}`, knowledgePoints: ['套餐'], correct: true, at: NOW }));
    expect(estimateMastery(right, NOW)[0].mastery).toBeCloseTo((4 + 1) / (4 + 2), 12);
    expect(estimateMastery(right.map((r) => ({ ...r, correct: false })), NOW)[0].mastery).toBeCloseTo(1 / 6, 12);
  });

  it('old answers weigh half per half-life', () => {
    const old: PracticeAnswer = { questionId: 'q', knowledgePoints: ['套餐'], correct: true, at: NOW - MASTERY_HALF_LIFE_MS };
    const [m] = estimateMastery([old], NOW);
    expect(m.evidence).toBeCloseTo(0.5, 12);
    expect(m.mastery).toBeCloseTo((0.5 + 1) / (0.5 + 2), 12);
  });

  it('rolls up to ancestor points when asked', () => {
    const h: PracticeAnswer[] = [{ questionId: 'q', knowledgePoints: ['宽带/故障/光猫'], correct: true, at: NOW }];
    expect(estimateMastery(h, NOW).map((m) => m.point)).toEqual(['宽带/故障/光猫']);
    expect(estimateMastery(h, NOW, { rollUp: true }).map((m) => m.point)).toEqual(['宽带', '宽带/故障', '宽带/故障/光猫']);
  });

  it('property: mastery stays in (0,1); one more right answer never lowers it, one more wrong never raises it', () => {
    const hist = fc.array(fc.record({ correct: fc.boolean(), age: fc.integer({ min: 0, max: 60 * DAY }) }), { maxLength: 30 });
    fc.assert(fc.property(hist, fc.boolean(), (h, extra) => {
      const history = h.map((x, i): PracticeAnswer => ({ questionId: `q${i}`, knowledgePoints: ['p'], correct: x.correct, at: NOW - x.age }));
      const m0 = estimateMastery(history, NOW, { points: ['p'] })[0].mastery;
      const m1 = estimateMastery([...history, { questionId: 'x', knowledgePoints: ['p'], correct: extra, at: NOW }], NOW)[0].mastery;
      expect(m0).toBeGreaterThan(0);
      expect(m0).toBeLessThan(1);
      if (extra) expect(m1).toBeGreaterThanOrEqual(m0 - 1e-12);
      else expect(m1).toBeLessThanOrEqual(m0 + 1e-12);
    }));
  });
});

describe('wrong-answer book', () => {
  it('an item leaves after two right answers in a row; a wrong one in between resets the streak', () => {
    let book: WrongBook = {};
    book = updateWrongBook(book, { questionId: 'q1', correct: false, at: 1 });
    book = updateWrongBook(book, { questionId: 'q1', correct: true, at: 2 });
    expect(book.q1).toMatchObject({ rightStreak: 1, wrongCount: 1 });
    book = updateWrongBook(book, { questionId: 'q1', correct: false, at: 3 });
    book = updateWrongBook(book, { questionId: 'q1', correct: true, at: 4 });
    expect(book.q1).toMatchObject({ rightStreak: 1, wrongCount: 2, addedAt: 1 });
    book = updateWrongBook(book, { questionId: 'q1', correct: true, at: 5 });
    expect(book.q1).toBeUndefined();
    expect(updateWrongBook({}, { questionId: 'q2', correct: true, at: 1 })).toEqual({});
  });

  it('property: a question is in the book iff it was answered wrong and not since answered right twice in a row', () => {
    const hist = fc.array(fc.record({ questionId: fc.constantFrom('a', 'b', 'c'), correct: fc.boolean() }), { maxLength: 30 });
    fc.assert(fc.property(hist, (h) => {
      const book = buildWrongBook(h.map((x, i) => ({ ...x, at: i })));
      for (const id of ['a', 'b', 'c']) {
        const seq = h.filter((x) => x.questionId === id).map((x) => x.correct);
        const lastWrong = seq.lastIndexOf(false);
        const rightsAfter = lastWrong < 0 ? 0 : seq.length - 1 - lastWrong;
        // after the last wrong answer: 0 or 1 right → still in; 2 → out (and any later rights find it gone)
        expect(id in book).toBe(lastWrong >= 0 && rightsAfter < 2);
      }
    }));
  });
});

describe('drawDailyPractice', () => {
  const pool: PoolQuestion[] = [
    ...['w1', 'w2', 'w3'].map((questionId) => ({ questionId, knowledgePoints: ['投诉处理'] })),
    ...['s1', 's2', 's3'].map((questionId) => ({ questionId, knowledgePoints: ['套餐'] })),
    ...['m1', 'm2'].map((questionId) => ({ questionId, knowledgePoints: ['宽带'] })),
  ];
  const mastery = [
    { point: '投诉处理', mastery: 0.2, attempts: 5, correct: 1, evidence: 5, lastAt: NOW },
    { point: '套餐', mastery: 0.9, attempts: 9, correct: 9, evidence: 9, lastAt: NOW },
    { point: '宽带', mastery: 0.5, attempts: 0, correct: 0, evidence: 0, lastAt: null },
  ];
  const base = { pool, mastery, book: {}, count: 4, seed: 's', learnerId: 'u1', day: '2026-11-23' };

  it('starts with the weakest point and is the same all day', () => {
    const set = drawDailyPractice(base);
    expect(set).toHaveLength(4);
    expect(set[0].point).toBe('投诉处理');
    expect(set.map((s) => s.point)).toEqual(['投诉处理', '宽带', '套餐', '投诉处理']);
    expect(drawDailyPractice(base)).toEqual(set);
  });

  it('puts wrong-book questions first, at most half the set', () => {
    const book = buildWrongBook(['s1', 's2', 's3'].map((questionId, i) => ({ questionId, correct: false, at: i })));
    const set = drawDailyPractice({ ...base, book });
    expect(set.filter((s) => s.reason === 'wrong-book')).toHaveLength(2);
    expect(set.slice(0, 2).every((s) => s.reason === 'wrong-book')).toBe(true);
  });

  it('refuses a count below 1', () => {
    expect(() => drawDailyPractice({ ...base, count: 0 })).toThrow(AppError);
  });

  it('property: no question twice, never more than asked or than the pool has', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.string(), fc.subarray(pool.map((q) => q.questionId)), (count, day, wrong) => {
      const book = buildWrongBook(wrong.map((questionId, i) => ({ questionId, correct: false, at: i })));
      const set = drawDailyPractice({ ...base, count, day, book });
      const ids = set.map((s) => s.questionId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(Math.min(count, pool.length));
    }));
  });
});
