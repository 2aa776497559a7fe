/**
 * Fan-out of a committed batch and of the live views, serialised once per viewer class
 * (host, screen/spectator, players) rather than once per socket. Players' views share one
 * serialised body; only the small `me` part is per socket, and a socket gets a new view
 * when its own part or the shape of the round changed, or (for a mere answer count) at a
 * slower cadence in big rounds.
 */
import { eventFor, meView, viewFor, type ArenaEvent, type ArenaState, type ViewEvent } from '../engine/index.ts';
import { send, type Conn } from './conn.ts';

const NOBODY = { role: 'player' as const, playerId: '\u0000' };
/** Roster changes reach players through their (coalesced) views only: a join is never broadcast to thousands. */
const PLAYER_QUIET = new Set(['joined', 'playerRemoved', 'playerReadmitted']);

/** The events message players get (never another unit's private events: their own come back in `me`), or null when there is nothing for them. */
export function playerEventsMessage(s: ArenaState, events: readonly ArenaEvent[]): Buffer | null {
  return filteredEvents(s, events, NOBODY);
}

function filteredEvents(s: ArenaState, events: readonly ArenaEvent[], viewer: typeof NOBODY | { role: 'screen' }): Buffer | null {
  const out: ViewEvent[] = [];
  for (const e of events) {
    if (viewer.role === 'player' && PLAYER_QUIET.has(e.type)) continue;
    if (e.type === 'stakePicked' || (e.type === 'answered' && s.q?.simultaneous)) continue;
    const v = eventFor(s.config, s, viewer, e);
    if (v) out.push(v);
  }
  return out.length ? Buffer.from(JSON.stringify({ type: 'events', seq: s.seq, events: out })) : null;
}

/**
 * Events as each class may see them, to hosts, screens and spectators; players' events
 * (`playerEventsMessage`) go out on their own, since in a big round they travel with the
 * players' views in slices.
 */
export function fanOutEvents(s: ArenaState, events: readonly ArenaEvent[], conns: Iterable<Conn>): void {
  let host: Buffer | null = null;
  let screen: Buffer | null | undefined;
  for (const c of conns) {
    if (c.role === 'player') continue;
    if (c.role === 'host') send(c, (host ??= Buffer.from(JSON.stringify({ type: 'events', seq: s.seq, events }))));
    else {
      if (screen === undefined) screen = filteredEvents(s, events, { role: 'screen' });
      if (screen) send(c, screen);
    }
  }
}

/**
 * The same content, the same string: the shared body and its key are compared against each
 * socket's last ones on every flush (10,000 sockets several times a second), and interned
 * strings compare by identity when equal and by their cached hashes when not, instead of
 * character by character.
 */
const interned = new Map<string, string>();
function intern(text: string): string {
  const hit = interned.get(text);
  if (hit !== undefined) return hit;
  if (interned.size >= 64) interned.clear();
  interned.set(text, text);
  return text;
}

export type ViewCache = { host?: string; screen?: string; player?: { prefix: string; shared: string; key: string } };

type PlayerShared = { prefix: string; shared: string; key: string };
/** The part of a player's view every player shares, serialised once per state. */
const sharedCache = new WeakMap<ArenaState, PlayerShared>();
function playerShared(s: ArenaState): PlayerShared {
  const hit = sharedCache.get(s);
  if (hit) return hit;
  const base = { ...viewFor(s, NOBODY), me: undefined };
  const shared = JSON.stringify(base);
  // what makes a player's view urgent: the question, its phase, the round's status — not the live counts or the board
  const key = JSON.stringify({ ...base, leaderboard: null, seq: 0, question: base.question && { ...base.question, answered: 0, distribution: null } });
  const out = { prefix: `{"type":"view","view":${shared.slice(0, -1)}${shared.length > 2 ? ',' : ''}"me":`, shared: intern(shared), key: intern(key) };
  sharedCache.set(s, out);
  return out;
}

/**
 * A player's own view, sent at once (with the ack that follows in the same turn, corked
 * into one write) after its own answer, stake or join was committed: the shared body is
 * serialised once per batch, only `me` per socket.
 */
export function sendOwnViews(s: ArenaState, conns: Iterable<Conn>, now: number): void {
  for (const c of conns) {
    if (c.role !== 'player') continue;
    const p = playerShared(s);
    const me = JSON.stringify(meView(s, c.playerId!));
    send(c, `${p.prefix}${me}}}`);
    c.lastShared = p.shared;
    c.lastKey = p.key;
    c.lastMe = me;
    c.lastViewAt = now;
  }
}

export const viewMessage = (s: ArenaState, c: Conn) => JSON.stringify({ type: 'view', view: viewFor(s, c.viewer) });

/**
 * Sends the current views; returns true when some player was left with only a newer
 * answer count, to be sent once `slowMs` has passed.
 */
export function flushViews(s: ArenaState, conns: Iterable<Conn>, now: number, slowMs: number, dirty: ReadonlySet<string> | 'all' = 'all'): boolean {
  const cache: ViewCache = {};
  let deferred = false;
  for (const c of conns) {
    if (c.role === 'host' || c.role === 'screen' || c.role === 'spectator') {
      const msg = c.role === 'host' ? (cache.host ??= viewMessage(s, c)) : (cache.screen ??= viewMessage(s, c));
      if (msg !== c.lastShared) {
        send(c, msg);
        c.lastShared = msg;
        c.lastViewAt = now;
      }
      continue;
    }
    const p = (cache.player ??= playerShared(s));
    const stale = p.shared !== c.lastShared;
    const mayHaveChanged = dirty === 'all' || dirty.has(c.playerId!) || p.key !== c.lastKey;
    const due = stale && now - c.lastViewAt >= slowMs;
    if (!mayHaveChanged && !due) {
      if (stale) deferred = true;
      continue;
    }
    const me = JSON.stringify(meView(s, c.playerId!));
    const important = me !== c.lastMe || p.key !== c.lastKey;
    if (important || due) {
      send(c, `${p.prefix}${me}}}`);
      c.lastShared = p.shared;
      c.lastKey = p.key;
      c.lastMe = me;
      c.lastViewAt = now;
    } else if (stale) deferred = true;
  }
  return deferred;
}

/** Marks a socket's view as sent (after a hello that carried it in full). */
export function markViewSent(s: ArenaState, c: Conn, now: number): void {
  if (c.role === 'player') {
    const p = playerShared(s);
    c.lastShared = p.shared;
    c.lastKey = p.key;
    c.lastMe = JSON.stringify(meView(s, c.playerId!));
  } else c.lastShared = viewMessage(s, c);
  c.lastViewAt = now;
}
