/**
 * Levels (闯关) and badges (徽章) of practice.
 *
 * Declared rules:
 * - levels are passed in order: level 1 is open, level k+1 opens once level k is passed;
 *   a result counts only if its level was open when it was achieved (results are replayed in
 *   time order); a level is passed by a score ≥ its pass mark; the best score is kept;
 * - badges are earned by declared criteria over the practice history (days are calendar
 *   days at a given UTC offset, +08:00 by default):
 *   `answers` (total answered), `correct-streak` (answers right in a row), `days-streak`
 *   (consecutive days with practice), `accuracy` (share right, over at least `minAnswers`),
 *   `levels-passed`, `mastery` (a knowledge point's mastery at or above `min`).
 */
import { invalid } from '../../errors.ts';
import type { Mastery } from './practice.ts';

export type Level = { levelId: string; order: number; passMark: number; maxScore: number };
export type LevelResult = { levelId: string; score: number; at: number };
export type LevelStatus = 'locked' | 'open' | 'passed';
export type LevelProgress = { levelId: string; order: number; status: LevelStatus; bestScore: number | null; passedAt: number | null };

export function validateLevels(levels: Level[]): void {
  const orders = new Set<number>();
  for (const l of levels) {
    if (orders.has(l.order)) throw invalid('levels', `two levels have order ${l.order}`);
    orders.add(l.order);
    if (!(l.maxScore > 0) || !(l.passMark >= 0) || l.passMark > l.maxScore) throw invalid('levels', `level ${l.levelId}: the pass mark must lie between 0 and the maximum`);
  }
}

/** Status of every level after the learner's results. */
export function levelProgress(levels: Level[], results: LevelResult[]): LevelProgress[] {
  validateLevels(levels);
  const sorted = [...levels].sort((a, b) => a.order - b.order);
  const state = new Map(sorted.map((l, i) => [l.levelId, { level: l, index: i, best: null as number | null, passedAt: null as number | null }]));
  let openUpTo = 0;
  for (const r of [...results].sort((a, b) => a.at - b.at)) {
    const s = state.get(r.levelId);
    if (!s || s.index > openUpTo) continue;
    s.best = s.best === null ? r.score : Math.max(s.best, r.score);
    if (s.passedAt === null && r.score >= s.level.passMark) {
      s.passedAt = r.at;
      while (openUpTo < sorted.length && state.get(sorted[openUpTo].levelId)!.passedAt !== null) openUpTo++;
    }
  }
  return sorted.map((l, i) => {
    const s = state.get(l.levelId)!;
    return { levelId: l.levelId, order: l.order, status: s.passedAt !== null ? 'passed' : i <= openUpTo ? 'open' : 'locked', bestScore: s.best, passedAt: s.passedAt };
  });
}

/** May the learner attempt this level now? */
export function canAttemptLevel(levels: Level[], results: LevelResult[], levelId: string): boolean {
  const p = levelProgress(levels, results).find((l) => l.levelId === levelId);
  if (!p) throw invalid('levelId', `no level ${levelId}`);
  return p.status !== 'locked';
}

export type BadgeCriterion =
  | { kind: 'answers'; count: number }
  | { kind: 'correct-streak'; count: number }
  | { kind: 'days-streak'; days: number }
  | { kind: 'accuracy'; min: number; minAnswers: number }
  | { kind: 'levels-passed'; count: number }
  | { kind: 'mastery'; point: string; min: number };

export type Badge = { badgeId: string; name: string; criterion: BadgeCriterion };
export type BadgeProgress = { badgeId: string; earned: boolean; current: number; target: number };

export type BadgeFacts = {
  history: { correct: boolean; at: number }[];
  levels: LevelProgress[];
  mastery: Mastery[];
  utcOffsetMinutes?: number;
};

const DAY_MS = 86_400_000;

/** The longest run of consecutive calendar days with at least one answer. */
export function longestDayStreak(times: number[], utcOffsetMinutes = 480): number {
  const days = [...new Set(times.map((t) => Math.floor((t + utcOffsetMinutes * 60_000) / DAY_MS)))].sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  days.forEach((d, i) => {
    run = i > 0 && d === days[i - 1] + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
}

function longestCorrectStreak(history: { correct: boolean; at: number }[]): number {
  let best = 0;
  let run = 0;
  for (const h of [...history].sort((a, b) => a.at - b.at)) {
    run = h.correct ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** Progress towards every badge; `earned` when current ≥ target. */
export function evaluateBadges(badges: Badge[], facts: BadgeFacts): BadgeProgress[] {
  const answered = facts.history.length;
  const right = facts.history.filter((h) => h.correct).length;
  return badges.map(({ badgeId, criterion: c }) => {
    let current: number;
    let target: number;
    switch (c.kind) {
      case 'answers': [current, target] = [answered, c.count]; break;
      case 'correct-streak': [current, target] = [longestCorrectStreak(facts.history), c.count]; break;
      case 'days-streak': [current, target] = [longestDayStreak(facts.history.map((h) => h.at), facts.utcOffsetMinutes), c.days]; break;
      case 'levels-passed': [current, target] = [facts.levels.filter((l) => l.status === 'passed').length, c.count]; break;
      case 'accuracy': [current, target] = [answered >= c.minAnswers && answered > 0 ? right / answered : 0, c.min]; break;
      case 'mastery': [current, target] = [facts.mastery.find((m) => m.point === c.point)?.mastery ?? 0, c.min]; break;
    }
    return { badgeId, earned: current >= target, current, target };
  });
}
