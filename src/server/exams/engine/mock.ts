/**
 * Mock exams (模拟考): a timed paper assembled on the fly from a bank blueprint, graded at
 * submit. Pure; the service (mock-service.ts) loads and saves.
 *
 * Declared rules:
 * - a mock exam's blueprint may hold objective sections only (single, multiple, true/false,
 *   fill): everything is graded at submit, nothing waits for a marker;
 * - every attempt gets its own paper, assembled with the bank's assembler from a seed that is
 *   a function of (mock, learner, attempt number), so a restart re-assembles nothing and two
 *   attempts differ;
 * - the clock: deadline = start + duration (no window); saves are accepted until deadline +
 *   grace; from then the attempt is submitted as it stands, stamped deadline + grace;
 * - attempts per day: null = unlimited; otherwise attempts started on the learner's practice
 *   day (China time) count;
 * - grading: as practice (all-or-nothing multiple choice, per-blank fill, default
 *   normalisation); an unanswered item scores 0 and counts as a wrong answer for the
 *   wrong-answer book and mastery;
 * - the result by knowledge point: an item counts for each of its points (items without a
 *   point under （未标注））; percent = score / max × 100, one decimal.
 */
import { invalid } from '../../errors.ts';
import type { Blueprint } from '../../bank/engine/blueprint.ts';
import type { QuestionType } from '../../bank/engine/model.ts';
import { readClock } from './attempt-clock.ts';
import { DEFAULT_GRADING, gradeResponse, type GradableQuestion, type GradingOptions, type Response } from './grading.ts';
import { hashSeed } from './paper-deal.ts';

export const MOCK_GRACE_MS = 5_000;
export const MOCK_TYPES: readonly QuestionType[] = ['single', 'multiple', 'truefalse', 'fill'];

/** Refuses a blueprint with a section that needs a marker (400 naming `blueprintId`). */
export function validateMockBlueprint(b: Blueprint): void {
  const bad = b.sections.filter((s) => !MOCK_TYPES.includes(s.type));
  if (bad.length > 0) throw invalid('blueprintId', `a mock exam is graded at submit: the blueprint's ${bad.map((s) => s.title ?? s.type).join(', ')} section(s) need a marker`);
  if (b.sections.length === 0) throw invalid('blueprintId', 'the blueprint has no sections');
}

/** The assembler's seed for one attempt (a positive 31-bit integer). */
export const mockSeed = (mockId: number, personId: number, attemptNo: number): number => (hashSeed(`mock|${mockId}|${personId}|${attemptNo}`) % 2147483646) + 1;

/** Attempts left today; null = unlimited. */
export function attemptsLeft(perDay: number | null, startedToday: number): number | null {
  if (perDay === null) return null;
  if (!Number.isInteger(perDay) || perDay < 1) throw invalid('attemptsPerDay', 'attempts per day must be a positive integer or unlimited');
  return Math.max(0, perDay - startedToday);
}

export type MockClock = { deadline: number; remainingMs: number; acceptsSaves: boolean; autoSubmitDue: boolean; autoSubmitAt: number };

/** The attempt's clock at `now`, from its start and duration only. */
export function mockClock(input: { startedAt: number; durationMs: number; now: number; graceMs?: number }): MockClock {
  const { startedAt, durationMs } = input;
  const c = readClock({ window: { opensAt: startedAt, closesAt: startedAt + durationMs, durationMs }, startedAt, now: input.now, graceMs: input.graceMs ?? MOCK_GRACE_MS });
  return { deadline: c.deadline!, remainingMs: c.remainingMs, acceptsSaves: c.acceptsSaves, autoSubmitDue: c.autoSubmitDue, autoSubmitAt: c.autoSubmitAt! };
}

export type MockItem = { position: number; points: number; question: GradableQuestion & { knowledgePoints: string[] } };
export type MockItemScore = { s: number; m: number; c: boolean };
export type MockGrade = {
  score: number;
  maxScore: number;
  percent: number;
  itemScores: Record<number, MockItemScore>;
  byKnowledgePoint: { point: string; score: number; max: number; items: number; percent: number }[];
};

const round2 = (x: number): number => Math.round(x * 100) / 100;
export const percentOf = (score: number, max: number): number => (max > 0 ? Math.round((score / max) * 1000) / 10 : 0);
export const UNTAGGED_POINT = '（未标注）';

/** Grade every item of a mock paper (a malformed response is a VALIDATION error). */
export function gradeMock(items: MockItem[], responses: Map<number, Response | null>, options: GradingOptions = DEFAULT_GRADING): MockGrade {
  const itemScores: Record<number, MockItemScore> = {};
  const points = new Map<string, { score: number; max: number; items: number }>();
  let score = 0;
  let maxScore = 0;
  for (const item of items) {
    if (!MOCK_TYPES.includes(item.question.type)) throw invalid('paper', `item ${item.position} is a ${item.question.type} question, which a mock exam cannot grade`);
    const g = gradeResponse({ ...item.question, score: item.points }, responses.get(item.position) ?? null, options);
    const s = g.score ?? 0;
    itemScores[item.position] = { s, m: item.points, c: g.status === 'graded' && g.correct };
    score += s;
    maxScore += item.points;
    for (const p of item.question.knowledgePoints.length ? item.question.knowledgePoints : [UNTAGGED_POINT]) {
      const a = points.get(p) ?? { score: 0, max: 0, items: 0 };
      a.score += s;
      a.max += item.points;
      a.items++;
      points.set(p, a);
    }
  }
  score = round2(score);
  return {
    score,
    maxScore,
    percent: percentOf(score, maxScore),
    itemScores,
    byKnowledgePoint: [...points]
      .map(([point, a]) => ({ point, score: round2(a.score), max: a.max, items: a.items, percent: percentOf(a.score, a.max) }))
      .sort((x, y) => (x.point < y.point ? -1 : x.point > y.point ? 1 : 0)),
  };
}

export type MockHistoryEntry = { attemptId: number; mockId: number; submittedAt: number; score: number; maxScore: number };

/** Score history for the chart: in time order, with percent and each mock's best so far. */
export function mockTrend(entries: MockHistoryEntry[]): (MockHistoryEntry & { percent: number; bestSoFar: number })[] {
  const best = new Map<number, number>();
  return [...entries]
    .sort((a, b) => a.submittedAt - b.submittedAt || a.attemptId - b.attemptId)
    .map((e) => {
      const percent = percentOf(e.score, e.maxScore);
      const b = Math.max(best.get(e.mockId) ?? 0, percent);
      best.set(e.mockId, b);
      return { ...e, percent, bestSoFar: b };
    });
}
