/**
 * Commands: what hosts, players and the server's own timer ask for. The hub validates the
 * wire format (schema.ts) and authenticates the actor; `decide` (decide.ts) still checks
 * everything and refuses with a code instead of throwing.
 */
import type { ArenaEvent, NewEvent, Verdict } from './events.ts';

export type Command =
  | { type: 'join'; name: string }
  | { type: 'next' }
  | { type: 'pickStake'; stake: number }
  | { type: 'openQuestion' }
  | { type: 'openBuzz' }
  /** rttMs: the server's own estimate for this client (rtt.ts), attached by the hub, never by the client. */
  | { type: 'buzz'; rttMs?: number | null }
  | { type: 'answer'; choice: string[] }
  | { type: 'judge'; verdict: Verdict; unitId?: string }
  | { type: 'grantTurn'; unitId: string }
  | { type: 'closeQuestion' }
  | { type: 'adjustScore'; unitId: string; delta: number; reason: string }
  | { type: 'undoLastJudgement' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'removePlayer'; playerId: string; reason: string }
  | { type: 'readmitPlayer'; playerId: string }
  /** the server's timer: resolves a buzz window, ends a turn or a question whose time is up. */
  | { type: 'tick' }
  | { type: 'finish' };

export type CommandType = Command['type'];
/** Any command may name the seq it was built on; a stale one is refused (double clicks on the console). */
export type Envelope = Command & { expectedSeq?: number };

export type Actor = { role: 'host' | 'player' | 'system'; playerId?: string };
export type Ctx = { now: number; actor: Actor };

export type RefusalCode =
  | 'INVALID'
  | 'FORBIDDEN'
  | 'NOT_IN_ROUND'
  | 'REMOVED'
  | 'ELIMINATED'
  | 'LATE_JOIN_CLOSED'
  | 'WRONG_PHASE'
  | 'NOT_YOUR_TURN'
  | 'LOCKED_OUT'
  | 'DUPLICATE'
  | 'TIME_UP'
  | 'NO_ANSWER'
  | 'NOTHING_TO_UNDO'
  | 'PAUSED'
  | 'FINISHED'
  | 'STALE';

export type Decision = { ok: true; events: NewEvent[] } | { ok: false; code: RefusalCode; reason: string };

export const refuse = (code: RefusalCode, reason: string): Decision => ({ ok: false, code, reason });

const PLAYER_COMMANDS = new Set<CommandType>(['join', 'pickStake', 'buzz', 'answer']);
const SYSTEM_COMMANDS = new Set<CommandType>(['tick', 'closeQuestion']);

export const isPlayerCommand = (t: CommandType) => PLAYER_COMMANDS.has(t);
export const isAllowedFor = (actor: Actor, t: CommandType) =>
  actor.role === 'host' ? !PLAYER_COMMANDS.has(t) : actor.role === 'player' ? PLAYER_COMMANDS.has(t) : SYSTEM_COMMANDS.has(t);

const isStr = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Shape check for anything that arrives as a command; a malformed one is refused, never thrown. */
export function checkShape(c: unknown): string | null {
  if (typeof c !== 'object' || c === null) return 'a command is an object';
  const cmd = c as Record<string, unknown>;
  if (cmd.expectedSeq !== undefined && !Number.isInteger(cmd.expectedSeq)) return 'expectedSeq must be an integer';
  switch (cmd.type) {
    case 'join': return isStr(cmd.name, 64) ? null : 'name: 1–64 characters';
    case 'pickStake': return isNum(cmd.stake) ? null : 'stake must be a number';
    case 'buzz': return cmd.rttMs === undefined || cmd.rttMs === null || isNum(cmd.rttMs) ? null : 'rttMs must be a number';
    case 'answer':
      return Array.isArray(cmd.choice) && cmd.choice.length > 0 && cmd.choice.length <= 26 && cmd.choice.every((k) => isStr(k, 16)) ? null : 'choice: 1–26 option keys';
    case 'judge':
      return (cmd.verdict === 'right' || cmd.verdict === 'wrong') && (cmd.unitId === undefined || isStr(cmd.unitId)) ? null : 'verdict: right or wrong';
    case 'grantTurn': return isStr(cmd.unitId) ? null : 'unitId required';
    case 'adjustScore':
      return isStr(cmd.unitId) && Number.isInteger(cmd.delta) && cmd.delta !== 0 && isStr(cmd.reason, 500) ? null : 'unitId, a non-zero integer delta and a reason are required';
    case 'removePlayer': return isStr(cmd.playerId) && isStr(cmd.reason, 500) ? null : 'playerId and a reason are required';
    case 'readmitPlayer': return isStr(cmd.playerId) ? null : 'playerId required';
    case 'next': case 'openQuestion': case 'openBuzz': case 'closeQuestion': case 'undoLastJudgement':
    case 'pause': case 'resume': case 'tick': case 'finish':
      return null;
    default:
      return 'unknown command type';
  }
}

/** For stores and tests: give new events the next sequence numbers. */
export const withSeq = (lastSeq: number, events: readonly NewEvent[]): ArenaEvent[] => events.map((e, i) => ({ ...e, seq: lastSeq + 1 + i }));
