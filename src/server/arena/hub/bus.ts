/**
 * What a round needs from its neighbours: a lease so that one process writes a round,
 * a channel to forward commands to that writer and get the answer back, and a channel on
 * which the writer publishes each committed batch so every process fans out to its own
 * sockets. In one process (no REDIS_URL) the local bus always grants the lease and the
 * other two are never used.
 */
import { randomBytes } from 'node:crypto';
import type { Actor, ArenaEvent, Envelope } from '../engine/index.ts';
import type { HubRefusalCode } from './protocol.ts';

export type CommandResult = { ok: true; seq: number } | { ok: false; code: HubRefusalCode; reason: string };
export type Forwarded = { command: Envelope; actor: Actor; rttMs: number | null };
/** `rowChanged`: the round's row changed outside the event log (its screen token): every process re-reads it. */
export type Batch = { roundId: number; events: ArenaEvent[]; rowChanged?: true };

export type Bus = {
  readonly processId: string;
  readonly distributed: boolean;
  /** true when this process holds (or just took) the round's lease */
  acquire(roundId: number): Promise<boolean>;
  /** false when the lease was lost */
  renew(roundId: number): Promise<boolean>;
  release(roundId: number): Promise<void>;
  /** as the writer: receive forwarded commands */
  serve(roundId: number, handler: (f: Forwarded) => Promise<CommandResult>): Promise<void>;
  unserve(roundId: number): Promise<void>;
  /** as a follower: send a command to the writer; UNAVAILABLE after `timeoutMs` */
  forward(roundId: number, f: Forwarded, timeoutMs?: number): Promise<CommandResult>;
  publish(batch: Batch): Promise<void>;
  subscribe(roundId: number, onBatch: (b: Batch) => void): Promise<void>;
  unsubscribe(roundId: number): Promise<void>;
  close(): Promise<void>;
};

export const newProcessId = () => `${process.pid}-${randomBytes(4).toString('hex')}`;

export function createLocalBus(): Bus {
  return {
    processId: newProcessId(),
    distributed: false,
    acquire: async () => true,
    renew: async () => true,
    release: async () => {},
    serve: async () => {},
    unserve: async () => {},
    forward: async () => ({ ok: false, code: 'UNAVAILABLE', reason: 'no writer' }),
    publish: async () => {},
    subscribe: async () => {},
    unsubscribe: async () => {},
    close: async () => {},
  };
}
