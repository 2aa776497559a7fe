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
  refused: number;
};

let nextId = 1;

export function newConn(a: { socket: WebSocket; roundId: number; role: ConnRole; playerId: string | null; personId: number | null }): Conn {
  const viewer: Viewer = a.role === 'host' ? { role: 'host' } : a.role === 'player' ? { role: 'player', playerId: a.playerId! } : { role: 'screen' };
  return { ...a, id: nextId++, viewer, rtt: newRttEstimator(), pings: [], bucket: { tokens: 20, at: Date.now() }, lastShared: '', lastKey: '', lastMe: '', lastViewAt: 0, refused: 0 };
}

/** Sends unless the socket is gone or hopelessly behind (it will resync from its last seq). */
export function send(c: Conn, data: string): void {
  if (c.socket.readyState !== 1) return;
  if (c.socket.bufferedAmount > 4 * 1024 * 1024) return;
  c.socket.send(data);
}
