/**
 * Buzz ordering (抢答). Only the server opens the buzz and records when. In 'arrival'
 * mode the order is the server's receive order; in 'compensated' mode each buzz counts
 * from its receive time minus half the client's measured round trip, capped, so a slow
 * pong buys nothing beyond the cap, and never earlier than the opening itself. The order
 * is decided when the decision window after the first buzz has run out; buzzes within
 * the tie margin of the winner are reported to the host as a tie.
 */
import type { BuzzConfig } from './model.ts';

export type BuzzEntry = {
  unitId: string;
  playerId: string;
  receivedAt: number;
  rttMs: number | null;
  compensationMs: number;
  effectiveAt: number;
};

export type RankedBuzz = BuzzEntry & {
  rank: number;
  /** behind the winner, in ms of effective time */
  marginMs: number;
  /** behind the previous buzz */
  gapMs: number;
  tiedWithWinner: boolean;
};

export type BuzzDecision = { winner: string; order: RankedBuzz[]; tie: string[] };

export function compensationOf(cfg: BuzzConfig, rttMs: number | null): number {
  if (cfg.mode === 'arrival' || rttMs === null || !Number.isFinite(rttMs) || rttMs <= 0) return 0;
  return Math.min(rttMs / 2, cfg.compensationCapMs);
}

/** A buzz counts from receive − compensation, but never from before the buzz opened. */
export function entryOf(cfg: BuzzConfig, a: { unitId: string; playerId: string; openAt: number; receivedAt: number; rttMs: number | null }): BuzzEntry {
  const compensationMs = compensationOf(cfg, a.rttMs);
  return {
    unitId: a.unitId,
    playerId: a.playerId,
    receivedAt: a.receivedAt,
    rttMs: a.rttMs,
    compensationMs,
    effectiveAt: Math.max(a.openAt, a.receivedAt - compensationMs),
  };
}

/** How long after the first buzz the decision waits: long enough for every buzz that could still win or tie. */
export function decisionWindowOf(cfg: BuzzConfig): number {
  return cfg.mode === 'arrival' ? cfg.tieMarginMs : Math.max(cfg.decisionWindowMs, cfg.compensationCapMs, cfg.tieMarginMs);
}

export const decisionDueAt = (cfg: BuzzConfig, firstReceivedAt: number) => firstReceivedAt + decisionWindowOf(cfg);

/** Order by effective time, then receive time, then arrival in the log (stable). One buzz per unit. */
export function rankBuzzes(cfg: BuzzConfig, entries: readonly BuzzEntry[]): RankedBuzz[] {
  const seen = new Set<string>();
  const unique = entries.filter((e) => (seen.has(e.unitId) ? false : (seen.add(e.unitId), true)));
  const sorted = unique
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.effectiveAt - b.e.effectiveAt || a.e.receivedAt - b.e.receivedAt || a.i - b.i)
    .map(({ e }) => e);
  const first = sorted[0]?.effectiveAt ?? 0;
  return sorted.map((e, k) => {
    const marginMs = e.effectiveAt - first;
    return { ...e, rank: k + 1, marginMs, gapMs: k === 0 ? 0 : e.effectiveAt - sorted[k - 1].effectiveAt, tiedWithWinner: k > 0 && marginMs <= cfg.tieMarginMs };
  });
}

export function decideBuzz(cfg: BuzzConfig, entries: readonly BuzzEntry[]): BuzzDecision | null {
  const order = rankBuzzes(cfg, entries);
  if (order.length === 0) return null;
  const tie = order.filter((b) => b.rank === 1 || b.tiedWithWinner).map((b) => b.unitId);
  return { winner: order[0].unitId, order, tie: tie.length > 1 ? tie : [] };
}
