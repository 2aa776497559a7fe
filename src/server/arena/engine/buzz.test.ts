import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compensationOf, decideBuzz, decisionDueAt, entryOf, rankBuzzes } from './buzz.ts';
import type { BuzzConfig } from './model.ts';

const arrival: BuzzConfig = { mode: 'arrival', compensationCapMs: 100, decisionWindowMs: 150, tieMarginMs: 10, answerTimeMs: 10_000 };
const compensated: BuzzConfig = { ...arrival, mode: 'compensated' };
const OPEN = 1_000_000;

describe('buzz ordering', () => {
  it('arrival mode orders by server receive time and ignores the round trip', () => {
    const a = entryOf(arrival, { unitId: 'a', playerId: 'pa', openAt: OPEN, receivedAt: OPEN + 300, rttMs: 400 });
    const b = entryOf(arrival, { unitId: 'b', playerId: 'pb', openAt: OPEN, receivedAt: OPEN + 250, rttMs: 10 });
    expect(decideBuzz(arrival, [a, b])?.winner).toBe('b');
    expect(a.compensationMs).toBe(0);
  });

  it('compensated mode subtracts half the round trip, capped, and never counts from before the opening', () => {
    expect(compensationOf(compensated, 60)).toBe(30);
    expect(compensationOf(compensated, 10_000)).toBe(100);
    expect(compensationOf(compensated, null)).toBe(0);
    const e = entryOf(compensated, { unitId: 'a', playerId: 'p', openAt: OPEN, receivedAt: OPEN + 20, rttMs: 200 });
    expect(e.effectiveAt).toBe(OPEN);
  });

  it('a slow pong buys nothing beyond the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 20_000 }), (recv, rtt) => {
        const e = entryOf(compensated, { unitId: 'a', playerId: 'p', openAt: OPEN, receivedAt: OPEN + recv, rttMs: rtt });
        expect(e.compensationMs).toBeLessThanOrEqual(compensated.compensationCapMs);
        expect(e.effectiveAt).toBeGreaterThanOrEqual(Math.max(OPEN, OPEN + recv - compensated.compensationCapMs));
        expect(e.effectiveAt).toBeLessThanOrEqual(OPEN + recv);
      }),
    );
  });

  it('the decision window covers every buzz that could still win', () => {
    expect(decisionDueAt(arrival, 5)).toBe(15);
    expect(decisionDueAt(compensated, 5)).toBe(155);
    expect(decisionDueAt({ ...compensated, decisionWindowMs: 20 }, 5)).toBe(105);
  });

  const arbEntries = fc.uniqueArray(
    fc.record({ unitId: fc.constantFrom('a', 'b', 'c', 'd', 'e'), recv: fc.integer({ min: 0, max: 400 }), rtt: fc.option(fc.integer({ min: 0, max: 600 })) }),
    { selector: (x) => x.unitId, minLength: 1 },
  );

  it('the winner has the earliest effective time, margins are non-negative and sorted, and input order does not matter', () => {
    fc.assert(
      fc.property(arbEntries, fc.constantFrom(arrival, compensated), (raw, cfg) => {
        const entries = raw.map((r) => entryOf(cfg, { unitId: r.unitId, playerId: `p${r.unitId}`, openAt: OPEN, receivedAt: OPEN + r.recv, rttMs: r.rtt }));
        const d = decideBuzz(cfg, entries)!;
        expect(d.order[0].effectiveAt).toBe(Math.min(...entries.map((e) => e.effectiveAt)));
        d.order.forEach((b, i) => {
          expect(b.marginMs).toBeGreaterThanOrEqual(0);
          if (i) expect(b.marginMs).toBeGreaterThanOrEqual(d.order[i - 1].marginMs);
          expect(b.tiedWithWinner).toBe(i > 0 && b.marginMs <= cfg.tieMarginMs);
        });
        const reversed = decideBuzz(cfg, [...entries].reverse())!;
        expect(reversed.order.map((b) => b.effectiveAt)).toEqual(d.order.map((b) => b.effectiveAt));
        expect(new Set(d.tie)).toEqual(new Set(d.tie.length ? d.order.filter((b) => b.marginMs <= cfg.tieMarginMs).map((b) => b.unitId) : []));
      }),
    );
  });

  it('buzzes closer than the margin are reported as a tie; one buzz per unit', () => {
    const mk = (u: string, t: number) => entryOf(arrival, { unitId: u, playerId: u, openAt: OPEN, receivedAt: OPEN + t, rttMs: null });
    const d = decideBuzz(arrival, [mk('a', 100), mk('b', 108), mk('c', 111), mk('a', 50)])!;
    expect(d.tie).toEqual(['a', 'b']);
    expect(d.order.map((b) => [b.unitId, b.marginMs, b.gapMs])).toEqual([['a', 0, 0], ['b', 8, 8], ['c', 11, 3]]);
    expect(rankBuzzes(arrival, [])).toEqual([]);
    expect(decideBuzz(arrival, [])).toBeNull();
  });
});
