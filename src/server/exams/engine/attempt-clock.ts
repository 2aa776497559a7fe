/**
 * The honest clock of an attempt (考试计时). All times are epoch milliseconds given by the
 * caller (the server's clock); the browser's clock is never trusted.
 *
 * Declared rules:
 * - an attempt may start while opensAt ≤ now < closesAt;
 * - deadline = min(startedAt + duration + extra, closesAt): a late starter gets less time,
 *   an accommodation (extra time) never runs past the window;
 * - the deadline is a function of startedAt only, so resuming after a dropped connection,
 *   a closed tab or on another device keeps it: nothing restarts the clock;
 * - a save that reaches the server before deadline + grace is accepted (answers in flight
 *   when time ran out); auto-submit is due from deadline + grace.
 */
import { AppError, invalid } from '../../errors.ts';

/** Declared grace for answers in flight at the deadline. */
export const DEFAULT_GRACE_MS = 5_000;

export type ExamWindow = { opensAt: number; closesAt: number; durationMs: number };

export type ClockState = 'not-open' | 'open' | 'running' | 'expired';

export type ClockInput = {
  window: ExamWindow;
  /** When the attempt started; null = not started. */
  startedAt: number | null;
  now: number;
  /** Extra time granted to this candidate (accommodation). */
  extraMs?: number;
  graceMs?: number;
};

export type ClockReading = {
  state: ClockState;
  /** Null until started. */
  deadline: number | null;
  /** Time left to answer (0 once expired); before the start, what a start now would give. */
  remainingMs: number;
  /** A save received now would be accepted. */
  acceptsSaves: boolean;
  /** The attempt must be submitted now (started, past deadline + grace). */
  autoSubmitDue: boolean;
  /** When auto-submit becomes due (deadline + grace), null until started. */
  autoSubmitAt: number | null;
};

const isTime = (t: number): boolean => Number.isFinite(t);

export function validateWindow(w: ExamWindow): void {
  if (!isTime(w.opensAt)) throw invalid('opensAt', 'opensAt must be a time');
  if (!isTime(w.closesAt) || w.closesAt <= w.opensAt) throw invalid('closesAt', 'the window must close after it opens');
  if (!Number.isFinite(w.durationMs) || w.durationMs <= 0) throw invalid('durationMs', 'the duration must be positive');
}

function validateExtras(extraMs: number, graceMs: number): void {
  if (!Number.isFinite(extraMs) || extraMs < 0) throw invalid('extraMs', 'extra time must be ≥ 0');
  if (!Number.isFinite(graceMs) || graceMs < 0) throw invalid('graceMs', 'the grace must be ≥ 0');
}

/** deadline = min(startedAt + duration + extra, closesAt). */
export function computeDeadline(window: ExamWindow, startedAt: number, extraMs = 0): number {
  return Math.min(startedAt + window.durationMs + extraMs, window.closesAt);
}

/** Read the clock of one attempt at `now`. */
export function readClock(input: ClockInput): ClockReading {
  const { window, startedAt, now } = input;
  const extraMs = input.extraMs ?? 0;
  const graceMs = input.graceMs ?? DEFAULT_GRACE_MS;
  validateWindow(window);
  validateExtras(extraMs, graceMs);
  if (!isTime(now)) throw invalid('now', 'now must be a time');

  if (startedAt === null) {
    const notOpen = now < window.opensAt;
    const closed = now >= window.closesAt;
    const from = notOpen ? window.opensAt : now;
    return {
      state: notOpen ? 'not-open' : closed ? 'expired' : 'open',
      deadline: null,
      remainingMs: closed ? 0 : computeDeadline(window, from, extraMs) - from,
      acceptsSaves: false,
      autoSubmitDue: false,
      autoSubmitAt: null,
    };
  }
  if (!isTime(startedAt) || startedAt < window.opensAt || startedAt >= window.closesAt) {
    throw invalid('startedAt', 'the attempt must have started inside the window');
  }
  const deadline = computeDeadline(window, startedAt, extraMs);
  const running = now < deadline;
  return {
    state: running ? 'running' : 'expired',
    deadline,
    remainingMs: Math.max(0, deadline - Math.max(now, startedAt)),
    acceptsSaves: now < deadline + graceMs,
    autoSubmitDue: now >= deadline + graceMs,
    autoSubmitAt: deadline + graceMs,
  };
}

/**
 * Start (or resume) an attempt: a new attempt starts now if the window is open; an existing
 * one keeps its startedAt. Refuses with CONFLICT outside the window.
 */
export function startOrResume(input: { window: ExamWindow; existingStartedAt: number | null; now: number; extraMs?: number }): { startedAt: number; deadline: number; resumed: boolean } {
  const { window, existingStartedAt, now } = input;
  validateWindow(window);
  if (existingStartedAt !== null) {
    return { startedAt: existingStartedAt, deadline: computeDeadline(window, existingStartedAt, input.extraMs ?? 0), resumed: true };
  }
  if (now < window.opensAt) throw new AppError('CONFLICT', 'the exam is not open yet', { details: { opensAt: window.opensAt } });
  if (now >= window.closesAt) throw new AppError('CONFLICT', 'the exam has closed', { details: { closesAt: window.closesAt } });
  return { startedAt: now, deadline: computeDeadline(window, now, input.extraMs ?? 0), resumed: false };
}

/** Would a save received at `receivedAt` be accepted? (The server's receive time, not the client's.) */
export function isSaveAccepted(input: { window: ExamWindow; startedAt: number; receivedAt: number; extraMs?: number; graceMs?: number }): boolean {
  return readClock({ window: input.window, startedAt: input.startedAt, now: input.receivedAt, extraMs: input.extraMs, graceMs: input.graceMs }).acceptsSaves;
}
