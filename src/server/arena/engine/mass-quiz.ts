/**
 * Mass live quiz (大规模在线答题): every active player answers; answers are scored when the
 * question closes, by the declared formula, so nobody learns from their own score whether
 * they were right before the reveal.
 *
 * - 'speed' (Kahoot-like): full points within 0.5 s, then linearly down to half points at
 *   the deadline; the streak bonus is added to the score.
 * - 'correctness-first': the score counts correct answers only; speed and streak go into
 *   `bonus`, which the leaderboard uses only between equal scores, so no amount of speed
 *   or streak can outweigh one more correct answer.
 */
import { updateBoard, zeroStanding, type Standing } from './leaderboard.ts';
import { FULL_POINTS_WITHIN_MS, isCorrectChoice, type MassQuizConfig, type Question } from './model.ts';
import { activeUnits, answerOf, type ArenaState, type QuestionRun } from './state.ts';

/** Speed points: `points` within 0.5 s, linearly down to half at the deadline; never below half. */
export function speedPoints(points: number, elapsedMs: number, limitMs: number): number {
  if (elapsedMs <= FULL_POINTS_WITHIN_MS || limitMs <= FULL_POINTS_WITHIN_MS) return points;
  const late = Math.min(1, (elapsedMs - FULL_POINTS_WITHIN_MS) / (limitMs - FULL_POINTS_WITHIN_MS));
  return Math.round(points * (1 - late / 2));
}

/** `streak` counts consecutive correct answers including this one. */
export const streakBonus = (cfg: MassQuizConfig, streak: number) => Math.min(Math.max(0, streak - 1) * cfg.streakBonus.perAnswer, cfg.streakBonus.max);

/** Correctness-first speed bonus: 0–1000 by how much of the time limit was left. */
export const speedBonus = (elapsedMs: number, limitMs: number) => Math.round(1000 * Math.max(0, 1 - Math.max(0, elapsedMs) / limitMs));

export type MassOutcome = { correct: boolean; delta: number; bonusDelta: number; next: Standing };

/** One unit's result for one question; `elapsedMs` null when it did not answer. */
export function scoreMassAnswer(cfg: MassQuizConfig, q: Question, choice: readonly string[] | null, elapsedMs: number | null, prev: Standing): MassOutcome {
  const correct = choice !== null && isCorrectChoice(q, choice);
  if (!correct) return { correct, delta: 0, bonusDelta: 0, next: { ...prev, streak: 0 } };
  const streak = prev.streak + 1;
  const elapsed = elapsedMs ?? q.timeLimitMs;
  const bonus = streakBonus(cfg, streak);
  const [delta, bonusDelta] =
    cfg.formula === 'speed' ? [speedPoints(q.points, elapsed, q.timeLimitMs) + bonus, 0] : [q.points, speedBonus(elapsed, q.timeLimitMs) + bonus];
  return { correct, delta, bonusDelta, next: { score: prev.score + delta, bonus: prev.bonus + bonusDelta, streak, correct: prev.correct + 1 } };
}

/** The close of a mass-quiz question: new standings, an incrementally updated board, and, in wrong-out mode, the eliminated. */
export function scoreMassClose(s: ArenaState, q: QuestionRun): Pick<ArenaState, 'standings' | 'board' | 'eliminated'> {
  const question = s.config.questions[q.index];
  const standings = new Map(s.standings);
  const changed: string[] = [];
  const out: string[] = [];
  for (const unitId of activeUnits(s)) {
    const a = answerOf(q, unitId);
    const prev = standings.get(unitId) ?? zeroStanding();
    const r = scoreMassAnswer(s.config.massQuiz, question, a ? a.choice : null, a ? a.elapsedMs : null, prev);
    if (r.delta !== 0 || r.bonusDelta !== 0) changed.push(unitId);
    if (r.next.streak !== prev.streak || changed.at(-1) === unitId) standings.set(unitId, r.next);
    if (!r.correct && s.config.elimination.mode === 'wrong-out') out.push(unitId);
  }
  const get = (u: string) => standings.get(u) ?? zeroStanding();
  const eliminated = out.length ? new Set([...s.eliminated, ...out]) : s.eliminated;
  return { standings, board: updateBoard(s.board, changed, get), eliminated };
}

/** Share of answers per option, for the big screen after the close. */
export function distributionOf(q: QuestionRun): { key: string; count: number; share: number }[] {
  const total = Object.values(q.distribution).reduce((a, b) => a + b, 0);
  return Object.entries(q.distribution).map(([key, count]) => ({ key, count, share: total ? count / total : 0 }));
}
