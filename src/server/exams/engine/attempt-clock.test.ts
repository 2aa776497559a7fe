import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { computeDeadline, DEFAULT_GRACE_MS, isSaveAccepted, readClock, startOrResume, type ExamWindow } from './attempt-clock.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 1, 0); // 09:00 Beijing
const w: ExamWindow = { opensAt: T0, closesAt: T0 + 120 * MIN, durationMs: 60 * MIN };

describe('readClock', () => {
  it('before the window: not-open, remaining is the full duration', () => {
    expect(readClock({ window: w, startedAt: null, now: T0 - 1 })).toMatchObject({ state: 'not-open', deadline: null, remainingMs: 60 * MIN, acceptsSaves: false });
  });

  it('open but not started; a start 90 min in gets only the 30 min left in the window', () => {
    expect(readClock({ window: w, startedAt: null, now: T0 })).toMatchObject({ state: 'open', remainingMs: 60 * MIN });
    expect(readClock({ window: w, startedAt: null, now: T0 + 90 * MIN })).toMatchObject({ state: 'open', remainingMs: 30 * MIN });
    expect(readClock({ window: w, startedAt: null, now: w.closesAt })).toMatchObject({ state: 'expired', remainingMs: 0 });
  });

  it('running, then expired; saves accepted in the grace; auto-submit due after it', () => {
    const start = T0 + 10 * MIN;
    expect(readClock({ window: w, startedAt: start, now: start + 20 * MIN })).toMatchObject({ state: 'running', deadline: start + 60 * MIN, remainingMs: 40 * MIN });
    const atDeadline = readClock({ window: w, startedAt: start, now: start + 60 * MIN });
    expect(atDeadline).toMatchObject({ state: 'expired', remainingMs: 0, acceptsSaves: true, autoSubmitDue: false });
    const afterGrace = readClock({ window: w, startedAt: start, now: start + 60 * MIN + DEFAULT_GRACE_MS });
    expect(afterGrace).toMatchObject({ acceptsSaves: false, autoSubmitDue: true, autoSubmitAt: start + 60 * MIN + DEFAULT_GRACE_MS });
  });

  it('extra time is granted but never past the close of the window', () => {
    expect(computeDeadline(w, T0, 15 * MIN)).toBe(T0 + 75 * MIN);
    expect(computeDeadline(w, T0 + 100 * MIN, 15 * MIN)).toBe(w.closesAt);
  });

  it('refuses invalid windows and starts with VALIDATION on the field', () => {
    const field = (f: () => unknown) => { try { f(); return null; } catch (e) { return (e as AppError).field; } };
    expect(field(() => readClock({ window: { ...w, closesAt: T0 }, startedAt: null, now: T0 }))).toBe('closesAt');
    expect(field(() => readClock({ window: { ...w, durationMs: 0 }, startedAt: null, now: T0 }))).toBe('durationMs');
    expect(field(() => readClock({ window: w, startedAt: T0 - 1, now: T0 }))).toBe('startedAt');
    expect(field(() => readClock({ window: w, startedAt: T0, now: T0, extraMs: -1 }))).toBe('extraMs');
  });
});

describe('startOrResume', () => {
  it('starts inside the window, refuses outside it with CONFLICT, and resumes with the same deadline', () => {
    const first = startOrResume({ window: w, existingStartedAt: null, now: T0 + 5 * MIN });
    expect(first).toEqual({ startedAt: T0 + 5 * MIN, deadline: T0 + 65 * MIN, resumed: false });
    const again = startOrResume({ window: w, existingStartedAt: first.startedAt, now: T0 + 50 * MIN });
    expect(again).toEqual({ ...first, resumed: true });
    expect(() => startOrResume({ window: w, existingStartedAt: null, now: T0 - 1 })).toThrow(AppError);
    expect(() => startOrResume({ window: w, existingStartedAt: null, now: w.closesAt })).toThrow(/closed/);
  });
});

const scenario = fc.record({
  open: fc.integer({ min: 0, max: 1e9 }),
  length: fc.integer({ min: 1, max: 1e7 }),
  duration: fc.integer({ min: 1, max: 1e7 }),
  startOffset: fc.nat(),
  extra: fc.integer({ min: 0, max: 1e6 }),
  nows: fc.array(fc.integer({ min: -1e6, max: 2e7 }), { minLength: 1, maxLength: 10 }),
});

describe('clock properties', () => {
  it('property: the deadline never moves, whenever the clock is read (resume keeps the clock)', () => {
    fc.assert(fc.property(scenario, (x) => {
      const window = { opensAt: x.open, closesAt: x.open + x.length, durationMs: x.duration };
      const startedAt = x.open + (x.startOffset % x.length);
      const deadlines = x.nows.map((d) => readClock({ window, startedAt, now: startedAt + d, extraMs: x.extra }).deadline);
      expect(new Set(deadlines).size).toBe(1);
      expect(deadlines[0]).toBe(Math.min(startedAt + x.duration + x.extra, window.closesAt));
      expect(deadlines[0]!).toBeLessThanOrEqual(window.closesAt);
      expect(deadlines[0]!).toBeGreaterThan(startedAt);
    }));
  });

  it('property: remaining time never increases as time passes, and is 0 exactly when expired', () => {
    fc.assert(fc.property(scenario, (x) => {
      const window = { opensAt: x.open, closesAt: x.open + x.length, durationMs: x.duration };
      const startedAt = x.open + (x.startOffset % x.length);
      const readings = [...x.nows].sort((a, b) => a - b).map((d) => readClock({ window, startedAt, now: startedAt + d, extraMs: x.extra }));
      for (let i = 1; i < readings.length; i++) expect(readings[i].remainingMs).toBeLessThanOrEqual(readings[i - 1].remainingMs);
      for (const r of readings) expect(r.remainingMs === 0).toBe(r.state === 'expired');
      for (const r of readings) expect(r.autoSubmitDue).toBe(!r.acceptsSaves);
    }));
  });

  it('property: a save is accepted iff received before deadline + grace', () => {
    fc.assert(fc.property(scenario, fc.integer({ min: 0, max: 10_000 }), (x, grace) => {
      const window = { opensAt: x.open, closesAt: x.open + x.length, durationMs: x.duration };
      const startedAt = x.open + (x.startOffset % x.length);
      const deadline = computeDeadline(window, startedAt, x.extra);
      for (const d of x.nows) {
        const receivedAt = startedAt + d;
        expect(isSaveAccepted({ window, startedAt, receivedAt, extraMs: x.extra, graceMs: grace })).toBe(receivedAt < deadline + grace);
      }
    }));
  });
});
