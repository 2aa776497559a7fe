/**
 * Events: the facts of a round. `decide` returns NewEvents (with `at`, the server time of
 * the command); the store assigns `seq` (1, 2, 3 … per round, UNIQUE(round_id, seq)) and
 * `evolve` folds them. Events carry outcomes (deltas, the buzz order with margins) so the
 * log alone is the dispute record.
 */
import type { BuzzEntry, RankedBuzz } from './buzz.ts';
import type { Ranked } from './leaderboard.ts';

export type Verdict = 'right' | 'wrong';
export type EventActor = { role: 'host' | 'player' | 'system'; playerId?: string };

export type EventBody =
  | { type: 'joined'; playerId: string; name: string; teamId: string | null }
  | { type: 'questionReady'; index: number; questionId: string }
  | { type: 'stakePicked'; unitId: string; playerId: string; stake: number }
  | { type: 'questionOpened'; questionId: string; deadline: number; turn: string | null; stakes: Record<string, number> }
  | { type: 'buzzOpened'; openAt: number; reopen: boolean; excluded: string[] }
  | { type: 'falseStart'; unitId: string; playerId: string; penalty: number; lockedOut: boolean }
  | { type: 'buzzed'; entry: BuzzEntry; late: boolean }
  | { type: 'buzzResolved'; winner: string; order: RankedBuzz[]; tie: string[]; turnDeadline: number }
  | { type: 'turnGranted'; unitId: string; deadline: number }
  | { type: 'answered'; unitId: string; playerId: string; choice: string[]; elapsedMs: number }
  | { type: 'judged'; unitId: string; verdict: Verdict; delta: number; judge: 'host' | 'system'; reason: string | null; then: 'done' | 'reopen' | 'wait' }
  | { type: 'judgementUndone'; judgedSeq: number; unitId: string; delta: number }
  | { type: 'timeUp'; scope: 'turn' | 'question' }
  | { type: 'questionClosed'; questionId: string; reason: 'host' | 'time-up'; answered: number }
  | { type: 'scoreAdjusted'; unitId: string; delta: number; reason: string }
  | { type: 'eliminated'; unitIds: string[]; reason: string }
  | { type: 'paused' }
  | { type: 'resumed'; pausedMs: number }
  | { type: 'playerRemoved'; playerId: string; reason: string }
  | { type: 'playerReadmitted'; playerId: string }
  | { type: 'finished'; podium: Ranked[] };

export type EventType = EventBody['type'];
export type NewEvent = EventBody & { at: number; by: EventActor };
export type ArenaEvent = NewEvent & { seq: number };

/** Events that never change a score or the question flow (kept when undoing a judgement). */
export const isNeutralForUndo = (t: EventType) =>
  t === 'joined' || t === 'buzzed' || t === 'buzzOpened' || t === 'buzzResolved' || t === 'answered' || t === 'timeUp' ||
  t === 'paused' || t === 'resumed' || t === 'playerReadmitted' || t === 'turnGranted';
