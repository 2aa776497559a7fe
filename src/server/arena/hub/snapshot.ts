/**
 * Periodic snapshots of a round's state (arena_snapshot): loading a round is then the
 * latest snapshot plus the events after it, not a fold of every event. The state holds
 * Maps, Sets and keyed logs; a snapshot is plain JSON with tagged containers
 * (`{"$m":[[k,v]…]}`, `{"$s":[…]}`, `{"$log":[…],"$keys":[…]}`) and without the
 * configuration (the round's row has it). A snapshot names the shape of the state it was
 * taken from (the keys of a fresh state and question): after the engine's state gains a
 * field, older snapshots no longer match and the round is folded from its events again.
 */
import { evolve, initialState, type ArenaEvent, type ArenaState, type RoundConfig } from '../engine/index.ts';
import { newQuestionRun, type QuestionPhase } from '../engine/state.ts';

/** 2: the board is kept in chunks (a version-1 snapshot is folded from the events again) */
export const SNAPSHOT_VERSION = 2;

/**
 * In a big round (the snapshot is O(players): 1.9 MB for 10,000) at most one snapshot this
 * often; on PGlite its write holds the server's thread, and one every 5 s slowed a 10,000-player
 * quiz's answers (bench p99 501 → 267 ms with 20 s). A restart folds at most this much more.
 */
export const BIG_ROUND_SNAPSHOT_MS = 20_000;

/**
 * Whether the writer snapshots the state it just committed: every `every` events (0: never);
 * in a big round at most every BIG_ROUND_SNAPSHOT_MS, and only between questions, not while
 * thousands are answering (the encoding and the multi-megabyte write then slowed the first
 * question's answers by hundreds of ms: bench p50 16 → 390 ms).
 */
export function snapshotDue(o: { every: number; seq: number; lastSeq: number; big: boolean; now: number; lastAt: number; phase: QuestionPhase | null }): boolean {
  if (!(o.every > 0) || o.seq - o.lastSeq < o.every) return false;
  if (!o.big) return true;
  return o.now - o.lastAt >= BIG_ROUND_SNAPSHOT_MS && !(o.phase === 'open' || o.phase === 'buzzing' || o.phase === 'answering');
}

type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };

function isKeyedLog(v: object): v is { items: unknown[]; index: Map<string, number>; count: number } {
  const o = v as Record<string, unknown>;
  return Array.isArray(o.items) && o.index instanceof Map && typeof o.count === 'number' && Object.keys(o).length === 3;
}

function toPlain(v: unknown): Plain {
  if (v === null || typeof v !== 'object') return v === undefined ? null : (v as Plain);
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [toPlain(k), toPlain(x)]) };
  if (v instanceof Set) return { $s: [...v].map(toPlain) };
  if (isKeyedLog(v)) {
    // only the first `count` items belong to this state (a newer state may have appended to the shared array)
    const keys: string[] = new Array(v.count);
    for (const [k, i] of v.index) if (i < v.count) keys[i] = k;
    return { $log: v.items.slice(0, v.count).map(toPlain), $keys: keys };
  }
  const out: Record<string, Plain> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toPlain(x);
  return out;
}

function fromPlain(v: Plain): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(fromPlain);
  if (Array.isArray(v.$m)) return new Map((v.$m as Plain[][]).map(([k, x]) => [fromPlain(k), fromPlain(x)]));
  if (Array.isArray(v.$s)) return new Set((v.$s as Plain[]).map(fromPlain));
  if (Array.isArray(v.$log) && Array.isArray(v.$keys)) {
    const items = (v.$log as Plain[]).map(fromPlain);
    return { items, index: new Map((v.$keys as string[]).map((k, i) => [k, i])), count: items.length };
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = fromPlain(x);
  return out;
}

/** The keys of a fresh state and of a fresh question run: what a snapshot must match to be loaded. */
export function stateShape(config: RoundConfig): string {
  const q = config.questions.length ? Object.keys(newQuestionRun(config, 0)).sort().join(',') : '';
  return `${SNAPSHOT_VERSION}:${Object.keys(initialState(config)).sort().join(',')}:${q}`;
}

export type SnapshotData = { shape: string; seq: number; state: Plain };

/** A snapshot of `s` (synchronous: take it from the state the writer just committed). */
export function encodeSnapshot(s: ArenaState): SnapshotData {
  const { config: _config, ...rest } = s;
  return { shape: stateShape(s.config), seq: s.seq, state: toPlain(rest) };
}

/** The state a snapshot holds, or null when it was taken from another shape of state. */
export function decodeSnapshot(config: RoundConfig, data: SnapshotData): ArenaState | null {
  if (!data || data.shape !== stateShape(config) || typeof data.seq !== 'number') return null;
  const s = { ...(fromPlain(data.state) as Omit<ArenaState, 'config'>), config } as ArenaState;
  return s.seq === data.seq ? s : null;
}

/**
 * Loads a round: the snapshot (if any, and if it fits) plus the events after it; events
 * must continue the snapshot's sequence. Falls back to the fold of `allEvents()` otherwise.
 */
export function foldFrom(config: RoundConfig, snapshot: SnapshotData | null, after: readonly ArenaEvent[]): ArenaState | null {
  const base = snapshot ? decodeSnapshot(config, snapshot) : initialState(config);
  if (!base) return null;
  let s = base;
  for (const e of after) {
    if (e.seq <= s.seq) continue;
    if (e.seq !== s.seq + 1) return null;
    s = evolve(s, e);
  }
  return s;
}
