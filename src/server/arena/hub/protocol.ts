/**
 * The WebSocket protocol of a live round (docs/arena.md lists every message with an
 * example). Client → server: an engine command with an optional correlation `id`, or a
 * control message (pong, resync). Server → client: hello, events, view, ack, refused,
 * ping, resync.
 */
import { checkShape, type ArenaEvent, type Envelope, type RefusalCode, type RoundView, type ViewEvent } from '../engine/index.ts';

export const MAX_MESSAGE_BYTES = 4096;

export type HubRefusalCode = RefusalCode | 'MALFORMED' | 'TOO_LARGE' | 'RATE_LIMITED' | 'READ_ONLY' | 'UNAVAILABLE' | 'ROUND_NOT_LIVE';

export type ClientMessage =
  | { kind: 'command'; id: string | null; command: Envelope }
  | { kind: 'pong'; t: number }
  | { kind: 'resync'; lastSeq: number };

export type ServerMessage =
  | { type: 'hello'; roundId: number; role: 'host' | 'player' | 'screen' | 'spectator'; playerId: string | null; guestToken: string | null; seq: number; serverTime: number; view: RoundView }
  | { type: 'events'; seq: number; events: (ArenaEvent | ViewEvent)[] }
  | { type: 'view'; view: RoundView }
  | { type: 'ack'; id: string | null; seq: number }
  | { type: 'refused'; id: string | null; code: HubRefusalCode; reason: string }
  | { type: 'ping'; t: number }
  | { type: 'resync'; fromSeq: number; seq: number; events: ViewEvent[] | null; view: RoundView | null };

export type Parsed = { ok: true; message: ClientMessage } | { ok: false; id: string | null; code: HubRefusalCode; reason: string };

const idOf = (o: Record<string, unknown>) => (typeof o.id === 'string' && o.id.length <= 64 ? o.id : typeof o.id === 'number' ? String(o.id) : null);

/** Parses one raw frame: never throws. */
export function parseClientMessage(raw: string | Buffer): Parsed {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (size > MAX_MESSAGE_BYTES) return { ok: false, id: null, code: 'TOO_LARGE', reason: `messages are limited to ${MAX_MESSAGE_BYTES} bytes` };
  let value: unknown;
  try {
    value = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch {
    return { ok: false, id: null, code: 'MALFORMED', reason: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, id: null, code: 'MALFORMED', reason: 'a message is a JSON object' };
  const o = value as Record<string, unknown>;
  const id = idOf(o);
  if (o.type === 'pong') return Number.isFinite(o.t) ? { ok: true, message: { kind: 'pong', t: o.t as number } } : { ok: false, id, code: 'MALFORMED', reason: 'pong needs t' };
  if (o.type === 'resync') {
    return Number.isInteger(o.lastSeq) && (o.lastSeq as number) >= 0 ? { ok: true, message: { kind: 'resync', lastSeq: o.lastSeq as number } } : { ok: false, id, code: 'MALFORMED', reason: 'resync needs lastSeq ≥ 0' };
  }
  const problem = checkShape(o);
  if (problem) return { ok: false, id, code: 'MALFORMED', reason: problem };
  // the client never names its own round trip: the hub's estimator does (buzz.rttMs)
  const { id: _id, rttMs: _rtt, ...command } = o;
  return { ok: true, message: { kind: 'command', id, command: command as Envelope } };
}

/** A token bucket: `capacity` messages at once, refilled at `perSecond`. */
export type Bucket = { tokens: number; at: number };
export function takeToken(b: Bucket, now: number, capacity: number, perSecond: number): boolean {
  b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * perSecond);
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}
