import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { buildProctorView, DEFAULT_PROCTOR_POLICY, summariseViolations, VIOLATION_KINDS, type ProctorEvent, type ProctorPolicy } from './proctoring.ts';

const policy3: ProctorPolicy = { ...DEFAULT_PROCTOR_POLICY, autoSubmitAfter: 3 };

describe('summariseViolations', () => {
  it('one alt-tab firing three events is one violation', () => {
    const s = summariseViolations([
      { kind: 'focus-loss', at: 1000 },
      { kind: 'tab-switch', at: 1010 },
      { kind: 'fullscreen-exit', at: 1050 },
    ], policy3);
    expect(s.count).toBe(1);
    expect(s.violations[0]).toEqual({ at: 1000, until: 1050, kinds: ['focus-loss', 'tab-switch', 'fullscreen-exit'], events: 3 });
    expect(s.byKind['tab-switch']).toBe(1);
    expect(s).toMatchObject({ autoSubmitDue: false, remaining: 2 });
  });

  it('auto-submit is due at the start of the N-th violation', () => {
    const events: ProctorEvent[] = [0, 5_000, 10_000, 15_000].map((at) => ({ kind: 'tab-switch', at }));
    const s = summariseViolations(events, policy3);
    expect(s).toMatchObject({ count: 4, autoSubmitDue: true, autoSubmitAt: 10_000, remaining: 0 });
    expect(summariseViolations(events.slice(0, 2), policy3).autoSubmitDue).toBe(false);
  });

  it('kinds left out of the policy are logged but not counted', () => {
    const s = summariseViolations([{ kind: 'context-menu', at: 1 }, { kind: 'copy-attempt', at: 10_000 }], { ...DEFAULT_PROCTOR_POLICY, counted: ['copy-attempt'] });
    expect(s.count).toBe(1);
    expect(s.byKind['context-menu']).toBe(1);
    expect(s.firstAt).toBe(1);
  });

  it('a constant stream of events counts once per debounce window, not once overall', () => {
    const events: ProctorEvent[] = Array.from({ length: 100 }, (_, i) => ({ kind: 'focus-loss', at: i * 500 }));
    expect(summariseViolations(events).count).toBe(Math.ceil(100 * 500 / 2_500));
  });

  it('refuses a bad policy', () => {
    expect(() => summariseViolations([], { ...DEFAULT_PROCTOR_POLICY, autoSubmitAfter: 0 })).toThrow(AppError);
    expect(() => summariseViolations([], { ...DEFAULT_PROCTOR_POLICY, debounceMs: -1 })).toThrow(AppError);
  });

  const eventsArb = fc.array(fc.record({ kind: fc.constantFrom(...VIOLATION_KINDS), at: fc.integer({ min: 0, max: 100_000 }) }), { maxLength: 40 });

  it('property: the count is order-independent, at most the number of events, and duplicates change nothing', () => {
    fc.assert(fc.property(eventsArb, fc.integer({ min: 0, max: 5_000 }), (events, debounceMs) => {
      const p = { ...DEFAULT_PROCTOR_POLICY, debounceMs };
      const s = summariseViolations(events, p);
      expect(s.count).toBeLessThanOrEqual(events.length);
      expect(summariseViolations([...events].reverse(), p).count).toBe(s.count);
      expect(summariseViolations([...events, ...events], p).count).toBe(s.count);
      expect(s.violations.reduce((a, v) => a + v.events, 0)).toBe(events.length);
      for (let i = 1; i < s.violations.length; i++) expect(s.violations[i].at - s.violations[i - 1].at).toBeGreaterThan(debounceMs);
    }));
  });

  it('property: events further apart than the debounce are each a violation; auto-submit iff count ≥ N', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 2_001, max: 60_000 }), { maxLength: 20 }), fc.integer({ min: 1, max: 10 }), (gaps, n) => {
      let at = 0;
      const events = gaps.map((g) => ({ kind: 'tab-switch' as const, at: (at += g) }));
      const s = summariseViolations(events, { ...DEFAULT_PROCTOR_POLICY, autoSubmitAfter: n });
      expect(s.count).toBe(events.length);
      expect(s.autoSubmitDue).toBe(events.length >= n);
    }));
  });
});

describe('buildProctorView', () => {
  it('orders by violations, shows offline, submitted and progress', () => {
    const now = 100_000;
    const rows = buildProctorView([
      { candidateId: 'a', name: '张三', events: [], answered: 5, total: 10, lastSeenAt: now - 1_000, submittedAt: null },
      { candidateId: 'b', name: '李四', events: [{ kind: 'tab-switch', at: 1 }, { kind: 'tab-switch', at: 50_000 }], answered: 2, total: 10, lastSeenAt: now - 60_000, submittedAt: null },
      { candidateId: 'c', name: '王五', events: [], answered: 10, total: 10, lastSeenAt: now, submittedAt: now - 5 },
      { candidateId: 'd', name: '赵六', events: [], answered: 0, total: 10, lastSeenAt: null, submittedAt: null },
    ], now, policy3);
    expect(rows.map((r) => [r.candidateId, r.status, r.violations])).toEqual([
      ['b', 'offline', 2], ['a', 'online', 0], ['d', 'not-started', 0], ['c', 'submitted', 0],
    ]);
    expect(rows[1].progress).toBe(0.5);
  });
});
