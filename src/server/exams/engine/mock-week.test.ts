import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWeek, rankWeek, secondsTaken, shiftWeek, weekOfDay, weekRange, weekSeed, type WeekEntry } from './mock-week.ts';
import { fieldOf } from './test-support.ts';

const chinaDay = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

describe('weekly quiz weeks', () => {
  it('names ISO weeks with the ISO year at the year boundaries', () => {
    expect(weekOfDay('2026-11-23')).toBe('2026-W48'); // a Monday
    expect(weekOfDay('2026-11-29')).toBe('2026-W48'); // its Sunday
    expect(weekOfDay('2026-11-30')).toBe('2026-W49');
    expect(weekOfDay('2026-12-31')).toBe('2026-W53');
    expect(weekOfDay('2027-01-03')).toBe('2026-W53');
    expect(weekOfDay('2027-01-04')).toBe('2027-W01');
    expect(weekOfDay('2024-12-30')).toBe('2025-W01');
    expect(weekOfDay('2021-01-03')).toBe('2020-W53');
  });

  it('a week starts on Monday 00:00 China time (Sunday 16:00 UTC)', () => {
    const r = weekRange('2026-W48');
    expect(r.start.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(r.end.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect([r.firstDay, r.lastDay]).toEqual(['2026-11-23', '2026-11-29']);
    expect(weekOfDay(chinaDay(r.start.getTime() - 1))).toBe('2026-W47');
    expect(weekOfDay(chinaDay(r.start.getTime()))).toBe('2026-W48');
    expect(shiftWeek('2026-W48', -1)).toBe('2026-W47');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
  });

  it('every instant lies in the range of its own week', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), (t) => {
      const key = weekOfDay(chinaDay(t));
      const r = weekRange(key);
      return r.start.getTime() <= t && t < r.end.getTime() && parseWeek(key).week >= 1;
    }));
  });

  it('refuses malformed and non-existent weeks, naming the field', () => {
    for (const bad of ['2026-48', '2026-W0', '2026-W00', '2026-W54', '2025-W53', 'W48']) expect(fieldOf(() => weekRange(bad)), bad).toBe('week');
    expect(fieldOf(() => weekRange('2026-W53'))).toBeUndefined();
  });

  it('the seed depends on the mock and the week only', () => {
    expect(weekSeed(7, '2026-W48')).toBe(weekSeed(7, '2026-W48'));
    expect(weekSeed(7, '2026-W48')).not.toBe(weekSeed(7, '2026-W49'));
    expect(weekSeed(7, '2026-W48')).not.toBe(weekSeed(8, '2026-W48'));
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 53 }), (id, w) => {
      const s = weekSeed(id, `2026-W${String(w).padStart(2, '0')}`);
      return Number.isInteger(s) && s >= 1 && s < 2 ** 31;
    }));
  });
});

describe('weekly leaderboard', () => {
  const e = (personId: number, score: number, seconds: number): WeekEntry => ({ personId, score, maxScore: 10, startedAt: 1_000_000, submittedAt: 1_000_000 + seconds * 1000 + 400 });

  it('ranks by score, then time taken; equal score and time share a place and the next place skips', () => {
    const r = rankWeek([e(1, 8, 300), e(2, 9, 500), e(3, 8, 200), e(4, 8, 300), e(5, 6, 100)], 600_000);
    expect(r.map((x) => [x.personId, x.place])).toEqual([[2, 1], [3, 2], [1, 3], [4, 3], [5, 5]]);
  });

  it('counts whole seconds, capped at the duration (a paper submitted by the clock took the full time)', () => {
    expect(secondsTaken({ startedAt: 0, submittedAt: 61_999 }, 600_000)).toBe(61);
    expect(secondsTaken({ startedAt: 0, submittedAt: 605_000 }, 600_000)).toBe(600);
    const r = rankWeek([{ personId: 1, score: 5, maxScore: 10, startedAt: 0, submittedAt: 605_000 }, { personId: 2, score: 5, maxScore: 10, startedAt: 0, submittedAt: 600_100 }], 600_000);
    expect(r.map((x) => x.place)).toEqual([1, 1]);
  });

  const entries = fc.uniqueArray(
    fc.record({ personId: fc.integer({ min: 1, max: 10_000 }), score: fc.integer({ min: 0, max: 10 }), seconds: fc.integer({ min: 0, max: 20 }) }),
    { selector: (x) => x.personId, maxLength: 40 },
  ).map((xs) => xs.map((x) => e(x.personId, x.score, x.seconds)));

  it('the result does not depend on the order of the input', () => {
    fc.assert(fc.property(entries, fc.integer(), (xs, k) => {
      const shuffled = [...xs].sort((a, b) => ((a.personId * 7919 + k) % 101) - ((b.personId * 7919 + k) % 101));
      expect(rankWeek(shuffled, 600_000)).toEqual(rankWeek(xs, 600_000));
    }));
  });

  it('shares a place exactly when score and time are equal; a place is 1 + the number strictly ahead', () => {
    fc.assert(fc.property(entries, (xs) => {
      const r = rankWeek(xs, 600_000);
      for (const x of r) {
        const ahead = r.filter((y) => y.score > x.score || (y.score === x.score && y.seconds < x.seconds)).length;
        expect(x.place).toBe(ahead + 1);
      }
      for (let i = 1; i < r.length; i++) expect(r[i].place === r[i - 1].place).toBe(r[i].score === r[i - 1].score && r[i].seconds === r[i - 1].seconds);
    }));
  });
});
