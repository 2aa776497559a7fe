/**
 * Proctoring (监考): counting violations from the browser's events, and the proctor view.
 *
 * Declared rules:
 * - events are sorted by server receive time; a violation is an episode: it starts at an event
 *   more than `debounceMs` after the start of the previous episode, and every event until
 *   then joins it. One alt-tab (blur + visibilitychange + fullscreen exit within a moment) is
 *   one violation; a candidate who keeps leaving is counted once per debounce window;
 * - only the kinds in `counted` make violations (by default all of them); the others are
 *   still logged and counted by kind;
 * - with `autoSubmitAfter` = N, auto-submit is due at the start of the N-th violation.
 */
import { invalid } from '../../errors.ts';

export const VIOLATION_KINDS = ['focus-loss', 'tab-switch', 'fullscreen-exit', 'copy-attempt', 'paste-attempt', 'context-menu'] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export type ProctorEvent = { kind: ViolationKind; at: number };

export type ProctorPolicy = {
  /** Auto-submit at the N-th violation; null = never. */
  autoSubmitAfter: number | null;
  debounceMs: number;
  counted: readonly ViolationKind[];
};

/** Declared default: 2 s debounce, every kind counts, no auto-submit. */
export const DEFAULT_PROCTOR_POLICY: ProctorPolicy = { autoSubmitAfter: null, debounceMs: 2_000, counted: VIOLATION_KINDS };

export type Violation = { at: number; until: number; kinds: ViolationKind[]; events: number };

export type ViolationSummary = {
  count: number;
  violations: Violation[];
  /** Raw events per kind, counted or not. */
  byKind: Record<ViolationKind, number>;
  firstAt: number | null;
  lastAt: number | null;
  autoSubmitDue: boolean;
  autoSubmitAt: number | null;
  /** Violations left before auto-submit; null without that policy. */
  remaining: number | null;
};

export function validatePolicy(p: ProctorPolicy): void {
  if (p.autoSubmitAfter !== null && (!Number.isInteger(p.autoSubmitAfter) || p.autoSubmitAfter < 1)) {
    throw invalid('autoSubmitAfter', 'auto-submit needs a whole number of violations ≥ 1');
  }
  if (!Number.isFinite(p.debounceMs) || p.debounceMs < 0) throw invalid('debounceMs', 'the debounce must be ≥ 0 ms');
  for (const k of p.counted) if (!VIOLATION_KINDS.includes(k)) throw invalid('counted', `unknown violation kind ${k}`);
}

export const isViolationKind = (v: string): v is ViolationKind => (VIOLATION_KINDS as readonly string[]).includes(v);

/** Count violations and decide auto-submit. */
export function summariseViolations(events: ProctorEvent[], policy: ProctorPolicy = DEFAULT_PROCTOR_POLICY): ViolationSummary {
  validatePolicy(policy);
  const byKind = Object.fromEntries(VIOLATION_KINDS.map((k) => [k, 0])) as Record<ViolationKind, number>;
  const counted = new Set(policy.counted);
  const sorted = [...events].sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind));
  const violations: Violation[] = [];
  for (const e of sorted) {
    if (!isViolationKind(e.kind)) throw invalid('kind', `unknown violation kind ${String(e.kind)}`);
    byKind[e.kind]++;
    if (!counted.has(e.kind)) continue;
    const current = violations[violations.length - 1];
    if (current && e.at - current.at <= policy.debounceMs) {
      current.until = e.at;
      current.events++;
      if (!current.kinds.includes(e.kind)) current.kinds.push(e.kind);
    } else {
      violations.push({ at: e.at, until: e.at, kinds: [e.kind], events: 1 });
    }
  }
  const n = policy.autoSubmitAfter;
  const trigger = n !== null ? violations[n - 1] : undefined;
  return {
    count: violations.length,
    violations,
    byKind,
    firstAt: sorted.length ? sorted[0].at : null,
    lastAt: sorted.length ? sorted[sorted.length - 1].at : null,
    autoSubmitDue: trigger !== undefined,
    autoSubmitAt: trigger?.at ?? null,
    remaining: n === null ? null : Math.max(0, n - violations.length),
  };
}

export type CandidateActivity = {
  candidateId: string;
  name: string;
  events: ProctorEvent[];
  answered: number;
  total: number;
  /** Last heartbeat or save received; null = never connected. */
  lastSeenAt: number | null;
  submittedAt: number | null;
  lastSnapshotAt?: number | null;
  ip?: string | null;
  device?: string | null;
};

export type ProctorRowStatus = 'not-started' | 'online' | 'offline' | 'submitted';

export type ProctorRow = {
  candidateId: string;
  name: string;
  status: ProctorRowStatus;
  progress: number;
  answered: number;
  total: number;
  violations: number;
  lastViolationAt: number | null;
  autoSubmitDue: boolean;
  lastSnapshotAt: number | null;
  ip: string | null;
  device: string | null;
};

/** Declared: a candidate silent for 30 s is shown offline. */
export const OFFLINE_AFTER_MS = 30_000;

/**
 * The live proctor view: one row per candidate, most violations first, then offline before
 * online (those need a look), then by name.
 */
export function buildProctorView(candidates: CandidateActivity[], now: number, policy: ProctorPolicy = DEFAULT_PROCTOR_POLICY): ProctorRow[] {
  const rank: Record<ProctorRowStatus, number> = { offline: 0, online: 1, 'not-started': 2, submitted: 3 };
  return candidates
    .map((c): ProctorRow => {
      const summary = summariseViolations(c.events, policy);
      const status: ProctorRowStatus =
        c.submittedAt !== null ? 'submitted' : c.lastSeenAt === null ? 'not-started' : now - c.lastSeenAt > OFFLINE_AFTER_MS ? 'offline' : 'online';
      return {
        candidateId: c.candidateId,
        name: c.name,
        status,
        progress: c.total ? c.answered / c.total : 0,
        answered: c.answered,
        total: c.total,
        violations: summary.count,
        lastViolationAt: summary.violations.length ? summary.violations[summary.violations.length - 1].at : null,
        autoSubmitDue: summary.autoSubmitDue && c.submittedAt === null,
        lastSnapshotAt: c.lastSnapshotAt ?? null,
        ip: c.ip ?? null,
        device: c.device ?? null,
      };
    })
    .sort((a, b) => b.violations - a.violations || rank[a.status] - rank[b.status] || a.name.localeCompare(b.name, 'zh-CN'));
}
