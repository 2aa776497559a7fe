import type { ScoreSheet } from './aggregation.ts';
import { refuse, type Refusal } from './outcome.ts';
import { validateScore, type CriterionScores, type Rubric, type ScoreRefusal } from './rubric.ts';

/**
 * The score ledger of one scored item (a round, or a round's group): who scored whom, the
 * lock, and an audit entry for every change. Pure and immutable: each function returns a new
 * ledger, the caller persists it (or the audit entries it gained) in one transaction. The
 * clock is a parameter (`at`, an ISO string). The ledger is plain JSON.
 */
export type Actor = { kind: 'judge'; judgeId: string } | { kind: 'organiser'; personId: string };
export type Exclusion = { judgeId: string; contestantId: string; reason: string; reasonZh: string };

export type LedgerEntry = {
  judgeId: string;
  contestantId: string;
  scores: CriterionScores;
  comment: string | null;
  revision: number;
  updatedAt: string;
};
export type ScoreSnapshot = { scores: CriterionScores; comment: string | null };
export type AuditEntry = {
  seq: number;
  at: string;
  actor: Actor;
  action: 'create' | 'update' | 'lock' | 'unlock';
  judgeId: string | null;
  contestantId: string | null;
  old: ScoreSnapshot | null;
  new: ScoreSnapshot | null;
  reason: string | null;
  clientId: string | null;
  via: 'online' | 'offline' | null;
};
export type Ledger = {
  itemId: string;
  rubric: Rubric;
  judgeIds: string[];
  contestantIds: string[];
  /** (judge, contestant) pairs excluded for conflict of interest (from conflicts.assignPanel) */
  exclusions: Exclusion[];
  entries: LedgerEntry[];
  lock: { all: boolean; contestantIds: string[] };
  /** client-generated ids already applied: a re-send changes nothing */
  appliedClientIds: string[];
  audit: AuditEntry[];
};

export function createLedger(input: { itemId: string; rubric: Rubric; judgeIds: string[]; contestantIds: string[]; exclusions?: Exclusion[] }): Ledger {
  return { ...input, exclusions: input.exclusions ?? [], entries: [], lock: { all: false, contestantIds: [] }, appliedClientIds: [], audit: [] };
}

export const isLocked = (l: Ledger, contestantId: string): boolean => l.lock.all || l.lock.contestantIds.includes(contestantId);

export type SubmitRefusalCode =
  | 'WRONG_JUDGE'
  | 'REASON_REQUIRED'
  | 'JUDGE_NOT_ON_PANEL'
  | 'CONTESTANT_NOT_ON_PANEL'
  | 'CONFLICT_OF_INTEREST'
  | 'LOCKED'
  | 'INVALID_SCORE';
export type SubmitRefusal = Refusal<SubmitRefusalCode> & { invalid?: ScoreRefusal };
export type Submission = {
  actor: Actor;
  judgeId: string;
  contestantId: string;
  scores: CriterionScores;
  comment?: string | null;
  /** required for an organiser's correction; optional for a judge's own edit */
  reason?: string | null;
  at: string;
  /** generated on the phone per submission; makes a re-send idempotent */
  clientId?: string | null;
  via?: 'online' | 'offline';
};
export type SubmitResult = { ok: true; ledger: Ledger; status: 'created' | 'updated' | 'unchanged' | 'duplicate'; entry: LedgerEntry | null } | SubmitRefusal;

export function submitScore(ledger: Ledger, s: Submission): SubmitResult {
  if (s.actor.kind === 'judge' && s.actor.judgeId !== s.judgeId) {
    return refuse('WRONG_JUDGE', `signed in as judge ${s.actor.judgeId}, a score for judge ${s.judgeId} is refused`, `当前登录评委为 ${s.actor.judgeId}，不能以评委 ${s.judgeId} 的身份评分`);
  }
  // a re-send of an applied submission changes nothing, even after the lock
  if (s.clientId && ledger.appliedClientIds.includes(s.clientId)) {
    return { ok: true, ledger, status: 'duplicate', entry: findEntry(ledger, s.judgeId, s.contestantId) };
  }
  const reason = s.reason?.trim() || null;
  if (s.actor.kind === 'organiser' && !reason) return refuse('REASON_REQUIRED', 'a correction by the organiser needs a reason', '组织者修改分数须填写原因');
  if (!ledger.judgeIds.includes(s.judgeId)) return refuse('JUDGE_NOT_ON_PANEL', `judge ${s.judgeId} is not on this panel`, `评委 ${s.judgeId} 不在本评委组`);
  if (!ledger.contestantIds.includes(s.contestantId)) {
    return refuse('CONTESTANT_NOT_ON_PANEL', `contestant ${s.contestantId} is not on this panel's list`, `选手 ${s.contestantId} 不在本评委组的评分名单`);
  }
  const ex = ledger.exclusions.find((e) => e.judgeId === s.judgeId && e.contestantId === s.contestantId);
  if (ex) return refuse('CONFLICT_OF_INTEREST', `judge ${s.judgeId} may not score ${s.contestantId}: ${ex.reason}`, `评委 ${s.judgeId} 须回避选手 ${s.contestantId}：${ex.reasonZh}`);
  if (isLocked(ledger, s.contestantId)) return refuse('LOCKED', `scores for ${s.contestantId} are locked`, `选手 ${s.contestantId} 的分数已锁定，不能再修改`);
  const check = validateScore(ledger.rubric, s.scores);
  if (!check.ok) return { ...refuse('INVALID_SCORE', check.reason, check.reasonZh), invalid: check };

  const old = findEntry(ledger, s.judgeId, s.contestantId);
  const comment = s.comment === undefined ? (old?.comment ?? null) : s.comment?.trim() || null;
  const clientIds = s.clientId ? [...ledger.appliedClientIds, s.clientId] : ledger.appliedClientIds;
  if (old && sameScores(old.scores, check.scores) && old.comment === comment) {
    return { ok: true, ledger: { ...ledger, appliedClientIds: clientIds }, status: 'unchanged', entry: old };
  }
  const entry: LedgerEntry = { judgeId: s.judgeId, contestantId: s.contestantId, scores: check.scores, comment, revision: (old?.revision ?? 0) + 1, updatedAt: s.at };
  const audit: AuditEntry = {
    seq: ledger.audit.length,
    at: s.at,
    actor: s.actor,
    action: old ? 'update' : 'create',
    judgeId: s.judgeId,
    contestantId: s.contestantId,
    old: old ? { scores: old.scores, comment: old.comment } : null,
    new: { scores: entry.scores, comment: entry.comment },
    reason,
    clientId: s.clientId ?? null,
    via: s.via ?? 'online',
  };
  const entries = old ? ledger.entries.map((e) => (e === old ? entry : e)) : [...ledger.entries, entry];
  return { ok: true, ledger: { ...ledger, entries, appliedClientIds: clientIds, audit: [...ledger.audit, audit] }, status: old ? 'updated' : 'created', entry };
}

export type LockRefusalCode = 'FORBIDDEN' | 'CONTESTANT_NOT_ON_PANEL' | 'REASON_REQUIRED' | 'NOT_LOCKED';
export type LockResult = { ok: true; ledger: Ledger; status: 'locked' | 'unlocked' | 'unchanged'; missing: MissingScore[] } | Refusal<LockRefusalCode>;

/** Locks one contestant's scores, or the whole item when no contestant is given. `missing` warns of unscored pairs. */
export function lockScores(ledger: Ledger, input: { actor: Actor; at: string; contestantId?: string; reason?: string | null }): LockResult {
  return setLock(ledger, { ...input, locked: true });
}

/** Unlocks (a correction after lock): organiser only, with a reason, audited. */
export function unlockScores(ledger: Ledger, input: { actor: Actor; at: string; contestantId?: string; reason: string }): LockResult {
  return setLock(ledger, { ...input, locked: false });
}

function setLock(ledger: Ledger, i: { actor: Actor; at: string; contestantId?: string; reason?: string | null; locked: boolean }): LockResult {
  if (i.actor.kind !== 'organiser') return refuse('FORBIDDEN', 'only the organiser can lock or unlock scores', '只有组织者可以锁定或解锁分数');
  const cid = i.contestantId ?? null;
  if (cid !== null && !ledger.contestantIds.includes(cid)) return refuse('CONTESTANT_NOT_ON_PANEL', `contestant ${cid} is not on this panel's list`, `选手 ${cid} 不在本评委组的评分名单`);
  const reason = i.reason?.trim() || null;
  if (!i.locked && !reason) return refuse('REASON_REQUIRED', 'unlocking scores needs a reason', '解锁分数须填写原因');
  let lock: Ledger['lock'];
  if (i.locked) {
    if (cid === null ? ledger.lock.all : isLocked(ledger, cid)) return { ok: true, ledger, status: 'unchanged', missing: missingScores(ledger, cid) };
    lock = cid === null ? { all: true, contestantIds: [] } : { all: false, contestantIds: [...ledger.lock.contestantIds, cid] };
  } else {
    if (cid === null ? !ledger.lock.all && ledger.lock.contestantIds.length === 0 : !isLocked(ledger, cid)) {
      return refuse('NOT_LOCKED', 'these scores are not locked', '这些分数未锁定');
    }
    // unlocking one contestant of a fully locked item locks every other contestant individually
    lock =
      cid === null
        ? { all: false, contestantIds: [] }
        : { all: false, contestantIds: (ledger.lock.all ? ledger.contestantIds : ledger.lock.contestantIds).filter((c) => c !== cid) };
  }
  const audit: AuditEntry = { seq: ledger.audit.length, at: i.at, actor: i.actor, action: i.locked ? 'lock' : 'unlock', judgeId: null, contestantId: cid, old: null, new: null, reason, clientId: null, via: null };
  const next = { ...ledger, lock, audit: [...ledger.audit, audit] };
  return { ok: true, ledger: next, status: i.locked ? 'locked' : 'unlocked', missing: missingScores(next, cid) };
}

/** A score queued on a phone during a network drop, sent when it returns. */
export type QueuedScore = Omit<Submission, 'via' | 'clientId'> & { clientId: string };
export type QueueOutcome =
  | { clientId: string; status: 'accepted' | 'unchanged' | 'duplicate' }
  | { clientId: string; status: 'refused'; code: SubmitRefusalCode; reason: string; reasonZh: string };

/**
 * Merges a phone's offline queue in the phone's order. Each item is accepted if its
 * contestant is not locked; a re-sent client id changes nothing ('duplicate'); a locked one
 * is refused with code 'LOCKED' so the phone can tell the judge which scores did not count.
 */
export function mergeOfflineQueue(ledger: Ledger, queue: readonly QueuedScore[]): { ledger: Ledger; outcomes: QueueOutcome[] } {
  let current = ledger;
  const outcomes: QueueOutcome[] = [];
  for (const q of queue) {
    const r = submitScore(current, { ...q, via: 'offline' });
    if (!r.ok) {
      outcomes.push({ clientId: q.clientId, status: 'refused', code: r.code, reason: r.reason, reasonZh: r.reasonZh });
      continue;
    }
    current = r.ledger;
    outcomes.push({ clientId: q.clientId, status: r.status === 'created' || r.status === 'updated' ? 'accepted' : r.status });
  }
  return { ledger: current, outcomes };
}

export type MissingScore = { judgeId: string; contestantId: string };

/** Eligible (judge, contestant) pairs with no score yet, optionally for one contestant. */
export function missingScores(ledger: Ledger, contestantId: string | null = null): MissingScore[] {
  const out: MissingScore[] = [];
  for (const c of ledger.contestantIds) {
    if (contestantId !== null && c !== contestantId) continue;
    for (const j of ledger.judgeIds) {
      if (isExcluded(ledger, j, c)) continue;
      if (!findEntry(ledger, j, c)) out.push({ judgeId: j, contestantId: c });
    }
  }
  return out;
}

export type ContestantProgress = { contestantId: string; scoredBy: string[]; missing: string[]; excluded: string[]; locked: boolean };
/** The organiser board: per contestant, who has scored, who is missing, who is excluded, locked or not. */
export function scoringProgress(ledger: Ledger): ContestantProgress[] {
  return ledger.contestantIds.map((c) => ({
    contestantId: c,
    scoredBy: ledger.judgeIds.filter((j) => findEntry(ledger, j, c)),
    missing: ledger.judgeIds.filter((j) => !isExcluded(ledger, j, c) && !findEntry(ledger, j, c)),
    excluded: ledger.judgeIds.filter((j) => isExcluded(ledger, j, c)),
    locked: isLocked(ledger, c),
  }));
}

/** The sheets to aggregate (aggregation.aggregateScores). */
export const sheetsOf = (ledger: Ledger): ScoreSheet[] => ledger.entries.map((e) => ({ judgeId: e.judgeId, contestantId: e.contestantId, scores: e.scores }));

const findEntry = (l: Ledger, judgeId: string, contestantId: string): LedgerEntry | null => l.entries.find((e) => e.judgeId === judgeId && e.contestantId === contestantId) ?? null;
const isExcluded = (l: Ledger, judgeId: string, contestantId: string) => l.exclusions.some((e) => e.judgeId === judgeId && e.contestantId === contestantId);
function sameScores(a: CriterionScores, b: CriterionScores): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
