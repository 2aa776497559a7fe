import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { canAttemptLevel, evaluateBadges, levelProgress, longestDayStreak, type Badge, type Level } from './practice-rewards.ts';

const levels: Level[] = [1, 2, 3].map((order) => ({ levelId: `L${order}`, order, passMark: 6, maxScore: 10 }));

describe('levels', () => {
  it('open one at a time; a pass opens the next; the best score is kept', () => {
    expect(levelProgress(levels, []).map((l) => l.status)).toEqual(['open', 'locked', 'locked']);
    const p = levelProgress(levels, [{ levelId: 'L1', score: 4, at: 1 }, { levelId: 'L1', score: 7, at: 2 }, { levelId: 'L2', score: 5, at: 3 }]);
    expect(p.map((l) => [l.status, l.bestScore])).toEqual([['passed', 7], ['open', 5], ['locked', null]]);
    expect(canAttemptLevel(levels, [], 'L2')).toBe(false);
    expect(() => canAttemptLevel(levels, [], 'L9')).toThrow(AppError);
  });

  it('a result on a level that was still locked does not count', () => {
    const p = levelProgress(levels, [{ levelId: 'L2', score: 10, at: 1 }, { levelId: 'L1', score: 10, at: 2 }]);
    expect(p.map((l) => l.status)).toEqual(['passed', 'open', 'locked']);
  });

  it('refuses a pass mark above the maximum or duplicate orders', () => {
    expect(() => levelProgress([{ levelId: 'x', order: 1, passMark: 11, maxScore: 10 }], [])).toThrow(AppError);
    expect(() => levelProgress([levels[0], { ...levels[1], order: 1 }], [])).toThrow(AppError);
  });

  it('property: passed levels form a prefix, exactly one level is open unless all are passed', () => {
    const results = fc.array(fc.record({ levelId: fc.constantFrom('L1', 'L2', 'L3'), score: fc.integer({ min: 0, max: 10 }), at: fc.nat(1000) }), { maxLength: 20 });
    fc.assert(fc.property(results, (rs) => {
      const statuses = levelProgress(levels, rs).map((l) => l.status);
      const passed = statuses.filter((s) => s === 'passed').length;
      expect(statuses.slice(0, passed).every((s) => s === 'passed')).toBe(true);
      expect(statuses.filter((s) => s === 'open').length).toBe(passed < 3 ? 1 : 0);
      if (passed < 3) expect(statuses[passed]).toBe('open');
    }));
  });
});

describe('badges', () => {
  const badges: Badge[] = [
    { badgeId: 'first-100', name: '百题达人', criterion: { kind: 'answers', count: 100 } },
    { badgeId: 'ten-right', name: '十连对', criterion: { kind: 'correct-streak', count: 10 } },
    { badgeId: 'week', name: '坚持一周', criterion: { kind: 'days-streak', days: 7 } },
    { badgeId: 'sharp', name: '神准', criterion: { kind: 'accuracy', min: 0.9, minAnswers: 20 } },
    { badgeId: 'climber', name: '闯关能手', criterion: { kind: 'levels-passed', count: 1 } },
    { badgeId: 'broadband', name: '宽带专家', criterion: { kind: 'mastery', point: '宽带', min: 0.8 } },
  ];

  it('evaluates each declared criterion', () => {
    const start = Date.UTC(2026, 10, 1, 2); // 10:00 Beijing
    const history = Array.from({ length: 21 }, (_, i) => ({ correct: i !== 3, at: start + Math.floor(i / 3) * 86_400_000 + i }));
    const result = evaluateBadges(badges, {
      history,
      levels: levelProgress(levels, [{ levelId: 'L1', score: 6, at: 1 }]),
      mastery: [{ point: '宽带', mastery: 0.85, attempts: 10, correct: 9, evidence: 9, lastAt: 1 }],
    });
    expect(Object.fromEntries(result.map((b) => [b.badgeId, b.earned]))).toEqual({
      'first-100': false, 'ten-right': true, week: true, sharp: true, climber: true, broadband: true,
    });
    expect(result[0]).toMatchObject({ current: 21, target: 100 });
  });

  it('days are calendar days at the given offset (23:30 and 00:30 Beijing are two days)', () => {
    const t = Date.UTC(2026, 10, 1, 15, 30); // 23:30 +08:00
    expect(longestDayStreak([t, t + 3_600_000])).toBe(2);
    expect(longestDayStreak([t, t + 3_600_000], 0)).toBe(1);
  });

  it('property: the day streak is between 1 and the number of distinct times, and 0 for none', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1e11 }), { maxLength: 30 }), (ts) => {
      const s = longestDayStreak(ts);
      if (ts.length === 0) expect(s).toBe(0);
      else {
        expect(s).toBeGreaterThanOrEqual(1);
        expect(s).toBeLessThanOrEqual(new Set(ts).size);
      }
    }));
  });
});
