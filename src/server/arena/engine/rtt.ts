/**
 * A per-client round-trip estimator from ping/pong samples: the median of the last N
 * samples, so one slow pong (a GC pause, a radio hiccup) or a forged fast one moves it
 * little. Pure: every function returns a new estimator.
 */
export type RttEstimator = { readonly samples: readonly number[]; readonly window: number };

export const MAX_SANE_RTT_MS = 10_000;

export const newRttEstimator = (window = 9): RttEstimator => ({ samples: [], window: Math.max(1, Math.floor(window)) });

/** Adds one sample; negative, non-finite or absurd values are dropped. */
export function addRttSample(est: RttEstimator, rttMs: number): RttEstimator {
  if (!Number.isFinite(rttMs) || rttMs < 0 || rttMs > MAX_SANE_RTT_MS) return est;
  const samples = [...est.samples, rttMs];
  return { ...est, samples: samples.length > est.window ? samples.slice(samples.length - est.window) : samples };
}

/** A pong for a ping the server sent at `sentAt` (server clock), received at `receivedAt`. */
export const recordPong = (est: RttEstimator, sentAt: number, receivedAt: number) => addRttSample(est, receivedAt - sentAt);

/** The median of the window, or null before any sample. */
export function estimateRtt(est: RttEstimator): number | null {
  if (est.samples.length === 0) return null;
  const s = [...est.samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Spread of the window (interquartile range): a jittery link the host may want to know about. */
export function rttJitter(est: RttEstimator): number | null {
  if (est.samples.length < 2) return null;
  const s = [...est.samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))];
  return q(0.75) - q(0.25);
}
