import type { WebSocket } from 'ws';
import { newRttEstimator, type RttEstimator, type Viewer } from '../engine/index.ts';
import type { Bucket } from './protocol.ts';

export type ConnRole = 'host' | 'player' | 'screen' | 'spectator';

/** One socket on one round, as the hub keeps it. */
export type Conn = {
  id: number;
  socket: WebSocket;
  roundId: number;
  role: ConnRole;
  playerId: string | null;
  personId: number | null;
  viewer: Viewer;
  rtt: RttEstimator;
  /** server times of pings not yet answered (a pong for any other time is ignored) */
  pings: number[];
  bucket: Bucket;
  lastShared: string;
  lastKey: string;
  lastMe: string;
  lastViewAt: number;
  /** when the last ping went out (pings answered are removed from `pings`) */
  lastPingAt: number;
  refused: number;
};

let nextId = 1;

export function newConn(a: { socket: WebSocket; roundId: number; role: ConnRole; playerId: string | null; personId: number | null }): Conn {
  const viewer: Viewer = a.role === 'host' ? { role: 'host' } : a.role === 'player' ? { role: 'player', playerId: a.playerId! } : { role: 'screen' };
  return { ...a, id: nextId++, viewer, rtt: newRttEstimator(), pings: [], bucket: { tokens: 20, at: Date.now() }, lastShared: '', lastKey: '', lastMe: '', lastViewAt: 0, lastPingAt: 0, refused: 0 };
}

type RawSocket = { cork(): void; uncork(): void; destroyed?: boolean };
const corked = new Set<RawSocket>();
let uncorkScheduled = false;
function uncorkAll(): void {
  uncorkScheduled = false;
  for (const raw of corked) raw.uncork();
  corked.clear();
}

/**
 * Sends unless the socket is gone or hopelessly behind (it will resync from its last seq).
 * Frames sent to one socket within one turn of the event loop (a view and the ack after
 * it) are corked into one write: one syscall instead of one per frame. A Buffer is sent
 * as a text frame without being encoded again (one serialisation shared by every socket).
 */
export function send(c: Conn, data: string | Buffer): void {
  const ws = c.socket;
  if (ws.readyState !== 1) return;
  if (ws.bufferedAmount > 4 * 1024 * 1024) return;
  const raw = (ws as unknown as { _socket?: RawSocket })._socket;
  if (raw && !raw.destroyed && !corked.has(raw)) {
    raw.cork();
    corked.add(raw);
    if (!uncorkScheduled) {
      uncorkScheduled = true;
      setImmediate(uncorkAll);
    }
  }
  if (typeof data === 'string') ws.send(data);
  else ws.send(data, { binary: false });
}
