/**
 * One live round in one process. As the writer (it holds the round's lease) it processes
 * commands one batch at a time: decide and evolve each command in memory, append the
 * batch's events in one transaction (UNIQUE(round_id, seq) refuses a stale writer: reload
 * and retry once), and only then acknowledge, publish and fan out — so no acknowledged
 * event is ever lost. As a follower it forwards commands to the writer and follows the
 * committed batches the writer publishes.
 */
import type { AppContext } from '../../context.ts';
import { decide, evolve, replay, withSeq, type Actor, type ArenaEvent, type ArenaState } from '../engine/index.ts';
import { StaleAppendError } from '../event-repo.ts';
import type { RoundRow } from '../round-repo.ts';
import { finishRound } from '../score-service.ts';
import type { Batch, Bus, CommandResult, Forwarded } from './bus.ts';
import { send, type Conn } from './conn.ts';
import { fanOutEvents, flushViews, playerEventsMessage, sendOwnViews } from './fanout.ts';
import { encodeSnapshot, foldFrom, snapshotDue, type SnapshotData } from './snapshot.ts';
import { trace } from './trace.ts';

const TAIL = 2000;
/** a bigger batch holds the event loop (PGlite runs in this thread) for too long at a time */
const MAX_BATCH = 500;
type Pending = { f: Forwarded; resolve: (r: CommandResult) => void };
/** `loadedFrom`: the snapshot the last load started from (null: a fold of every event); `snapshots`: written by this writer */
export type RoundStats = { commands: number; events: number; batches: number; refused: Record<string, number>; loadedFrom: number | null; snapshots: number };
/**
 * A change for every player of a big round (a question opened or closed) goes out in slices
 * of this many sockets (`arenaSweepSlice`), a turn of the event loop each, so the answers of
 * those who got it first are taken in between instead of waiting for the last of 10,000 writes.
 */
const SWEEP_SLICE = 500;
/**
 * A sweep in progress: the players' sockets, how far it got, and the events messages
 * travelling with the views, each for the sockets before its `upto` (a sweep that starts
 * while another is under way takes over the rest of it, see `startSweep`).
 */
type Sweep = { list: Conn[]; at: number; events: { body: Buffer; upto: number }[] };

/** When the server clock next makes something due (settle in decide.ts), or null. */
export function nextDue(s: ArenaState): number | null {
  const q = s.q;
  if (!q || s.paused || s.status === 'finished') return null;
  if (q.phase === 'buzzing' && q.buzz?.dueAt != null) return q.buzz.dueAt;
  if (q.phase === 'answering' && q.turn && !q.timeUp) return q.turn.deadline + 1;
  if (q.simultaneous && q.phase === 'open' && q.deadline !== null) return q.deadline + 1;
  return null;
}

export class RoundRunner {
  row!: RoundRow;
  state!: ArenaState;
  tail: ArenaEvent[] = [];
  readonly conns = new Set<Conn>();
  /** the same sockets split by audience: players, and the rest (hosts, screens, spectators) */
  private readonly players = new Set<Conn>();
  private readonly others = new Set<Conn>();
  private sweep: Sweep | null = null;
  /** the sweep's next slice, when one is scheduled (never more than one: one chain of slices) */
  private sweepStep: NodeJS.Immediate | null = null;
  private flushAfterSweep = false;
  /** a player's sockets (a phone and a laptop, a reconnect racing the old socket) */
  private readonly byPlayer = new Map<string, Conn[]>();
  role: 'writer' | 'follower' | 'closed' = 'follower';
  readonly stats: RoundStats = { commands: 0, events: 0, batches: 0, refused: {}, loadedFrom: null, snapshots: 0 };
  private snapshotSeq = 0;
  private snapshotAt = 0;
  private snapshotting = false;
  private queue: Pending[] = [];
  private draining = false;
  private reloading: Promise<void> | null = null;
  private tickTimer: NodeJS.Timeout | null = null;
  private leaseTimer: NodeJS.Timeout | null = null;
  private viewTimer: NodeJS.Timeout | null = null;
  private drainTimer: NodeJS.Timeout | null = null;
  private dirty: Set<string> | 'all' = 'all';

  constructor(
    private readonly ctx: AppContext,
    private readonly bus: Bus,
    readonly id: number,
  ) {}

  async start(): Promise<void> {
    const row = await this.ctx.arena.rounds.get(this.id);
    if (!row) throw new Error(`round ${this.id} not found`);
    this.row = row;
    await this.bus.subscribe(this.id, (b) => this.onBatch(b));
    await this.reload();
    await this.tryLead();
    if (this.bus.distributed) this.leaseTimer = setInterval(() => void this.leaseCheck(), 1000);
  }

  addConn(c: Conn): void {
    this.conns.add(c);
    (c.role === 'player' ? this.players : this.others).add(c);
    if (c.playerId) this.byPlayer.set(c.playerId, [...(this.byPlayer.get(c.playerId) ?? []), c]);
  }

  removeConn(c: Conn): void {
    if (!this.conns.delete(c)) return;
    this.players.delete(c);
    this.others.delete(c);
    if (!c.playerId) return;
    const left = (this.byPlayer.get(c.playerId) ?? []).filter((x) => x !== c);
    if (left.length) this.byPlayer.set(c.playerId, left);
    else this.byPlayer.delete(c.playerId);
  }

  count(code: string): void {
    this.stats.refused[code] = (this.stats.refused[code] ?? 0) + 1;
  }

  /** Loads the round from the database: the latest snapshot and the events after it, or the fold of every event. */
  reload(): Promise<void> {
    this.reloading ??= (async () => {
      const row = await this.ctx.arena.rounds.get(this.id);
      if (row) this.row = row;
      const snap = await this.ctx.arena.events.latestSnapshot(this.id);
      if (snap) {
        const after = await this.ctx.arena.events.list(this.id, { afterSeq: Math.max(0, snap.seq - TAIL) });
        const s = foldFrom(this.row.config, snap.data as SnapshotData, after);
        if (s) {
          this.state = s;
          this.tail = after.slice(-TAIL);
          this.stats.loadedFrom = snap.seq;
          this.snapshotSeq = snap.seq;
          return;
        }
      }
      const events = await this.ctx.arena.events.list(this.id);
      this.state = replay(this.row.config, events);
      this.tail = events.slice(-TAIL);
      this.stats.loadedFrom = null;
      this.snapshotSeq = 0;
    })().finally(() => (this.reloading = null));
    return this.reloading;
  }

  /**
   * Every `arenaSnapshotEvery` events the writer snapshots the state it just committed
   * (encoded now, stored on a later turn without holding up the round; a failed write only
   * means the next load folds a few more events).
   */
  private maybeSnapshot(s: ArenaState): void {
    const now = Date.now();
    if (this.snapshotting || !snapshotDue({ every: this.ctx.config.arenaSnapshotEvery ?? 500, seq: s.seq, lastSeq: this.snapshotSeq, big: this.isBig(), now, lastAt: this.snapshotAt, phase: s.q?.phase ?? null })) return;
    this.snapshotting = true;
    this.snapshotSeq = s.seq;
    this.snapshotAt = now;
    const data = encodeSnapshot(s);
    setImmediate(() => {
      this.ctx.arena.events
        .saveSnapshot(this.id, s.seq, data)
        .then(() => (this.stats.snapshots += 1))
        .catch((e) => console.error('arena snapshot', e))
        .finally(() => (this.snapshotting = false));
    });
  }

  private async tryLead(): Promise<void> {
    if (this.role === 'closed' || this.role === 'writer' || this.row.status === 'finished') return;
    if (!(await this.bus.acquire(this.id))) return;
    if (this.bus.distributed) await this.reload();
    this.role = 'writer';
    await this.bus.serve(this.id, (f) => this.enqueue(f));
    this.scheduleTick();
  }

  private async leaseCheck(): Promise<void> {
    if (this.role === 'writer') {
      if (await this.bus.renew(this.id)) return;
      this.role = 'follower';
      await this.bus.unserve(this.id);
      await this.reload();
    } else if (this.role === 'follower') await this.tryLead();
  }

  /** A command from a socket or a route of this process. */
  async command(f: Forwarded): Promise<CommandResult> {
    if (this.role === 'writer') return this.enqueue(f);
    if (this.role === 'closed') return { ok: false, code: 'UNAVAILABLE', reason: 'the server is stopping' };
    const r = await this.bus.forward(this.id, f);
    if (!r.ok && r.code === 'UNAVAILABLE') void this.tryLead();
    return r;
  }

  enqueue(f: Forwarded): Promise<CommandResult> {
    return new Promise((resolve) => {
      this.queue.push({ f, resolve });
      if (this.draining || this.drainTimer) return;
      // group commit: in a big round, gather what arrives over a few ms into one batch (one transaction)
      if (this.conns.size > 300) this.drainTimer = setTimeout(() => ((this.drainTimer = null), void this.drain()), 20);
      else void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length) {
        await this.processBatch(this.queue.splice(0, MAX_BATCH), true);
        // let the batch's views and acks go out and new frames come in before the next one
        if (this.queue.length) await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.draining = false;
    }
  }

  private async processBatch(batch: Pending[], mayRetry: boolean): Promise<void> {
    let s = this.state;
    const events: ArenaEvent[] = [];
    const results: CommandResult[] = [];
    for (const { f } of batch) {
      if (this.row.status === 'draft') {
        results.push({ ok: false, code: 'ROUND_NOT_LIVE', reason: 'the round has not been started' });
        continue;
      }
      const command = f.command.type === 'buzz' ? { ...f.command, rttMs: f.rttMs } : f.command;
      const d = decide(s, command, { now: Date.now(), actor: f.actor as Actor });
      if (!d.ok) {
        results.push({ ok: false, code: d.code, reason: d.reason });
        continue;
      }
      const stamped = withSeq(s.seq, d.events);
      for (const e of stamped) s = evolve(s, e);
      events.push(...stamped);
      results.push({ ok: true, seq: s.seq });
    }
    const t0 = trace.on ? performance.now() : 0;
    let t1 = t0;
    if (events.length) {
      try {
        await this.ctx.db.transaction().execute(async (tx) => {
          await this.ctx.arena.events.append(this.id, events, tx);
          if (events.some((e) => e.type === 'finished')) await finishRound(this.ctx, this.row, s, tx);
        });
      } catch (e) {
        if (e instanceof StaleAppendError && mayRetry) {
          await this.reload();
          return this.processBatch(batch, false);
        }
        const reason = e instanceof StaleAppendError ? 'another writer moved the round on; try again' : 'the round could not be saved; try again';
        for (const p of batch) p.resolve({ ok: false, code: 'STALE', reason });
        if (!(e instanceof StaleAppendError)) console.error('arena append failed', e);
        return;
      }
      t1 = trace.on ? performance.now() : 0;
      this.commit(events, s);
      if (events.some((e) => e.type === 'finished')) this.row = { ...this.row, status: 'finished' };
      this.maybeSnapshot(s);
      void this.bus.publish({ roundId: this.id, events });
    }
    this.stats.commands += batch.length;
    batch.forEach((p, i) => {
      p.resolve(results[i]);
    });
    if (trace.on) trace.batch(batch.length, t1 - t0, performance.now() - t1);
    this.scheduleTick();
  }

  private commit(events: ArenaEvent[], s: ArenaState): void {
    this.state = s;
    this.tail.push(...events);
    if (this.tail.length > TAIL * 2) this.tail = this.tail.slice(-TAIL);
    this.stats.events += events.length;
    this.stats.batches += 1;
    fanOutEvents(s, events, this.others);
    const forPlayers = playerEventsMessage(s, events);
    // a player's own answer, stake or join: its view goes out now (with the ack, in one write);
    // anything else may change everyone's view: coalesced
    const own: Conn[] = [];
    let all = false;
    for (const e of events) {
      if ((e.type === 'answered' || e.type === 'stakePicked' || e.type === 'joined') && e.by.playerId) {
        const mine = this.byPlayer.get(e.by.playerId);
        if (mine) own.push(...mine);
      } else if (e.type !== 'answered' && e.type !== 'buzzed') all = true;
    }
    if (all && this.isBig()) {
      // a question opened or closed in a big round: its events and the new views go to every
      // player together (one write per socket), in slices
      if (own.length) sendOwnViews(s, own, Date.now());
      this.startSweep(forPlayers);
      return;
    }
    if (forPlayers) {
      // events reach each socket in order: a sweep still under way delivers its own first
      this.finishSweep();
      for (const c of this.players) send(c, forPlayers);
    }
    if (all) this.dirty = 'all';
    if (own.length) sendOwnViews(s, own, Date.now());
    this.scheduleViews();
  }

  private startSweep(events: Buffer | null): void {
    if (this.viewTimer) clearTimeout(this.viewTimer);
    this.viewTimer = null;
    // the sweep sends every player its view; the hosts and screens get theirs now
    flushViews(this.state, this.others, Date.now(), 0, 'all');
    this.dirty = new Set();
    const old = this.sweep;
    if (!old) {
      this.sweep = { list: [...this.players], at: 0, events: events ? [{ body: events, upto: this.players.size }] : [] };
    } else {
      // a question opened right after it was readied: rather than finish the first sweep at
      // once (thousands of writes in one turn), the new one goes first to the sockets the
      // first had not reached, with the first's events before its own, then to the rest
      const rest = old.list.slice(old.at);
      const pending = new Set(rest);
      const list = [...rest];
      for (const c of this.players) if (!pending.has(c)) list.push(c);
      const carried = old.events.map((e) => ({ body: e.body, upto: Math.max(0, Math.min(rest.length, e.upto - old.at)) })).filter((e) => e.upto > 0);
      this.sweep = { list, at: 0, events: events ? [...carried, { body: events, upto: list.length }] : carried };
      this.scheduleSweepStep(); // the old sweep's next step carries on with this one
      return;
    }
    this.stepSweep();
  }

  private scheduleSweepStep(): void {
    this.sweepStep ??= setImmediate(() => {
      this.sweepStep = null;
      this.stepSweep();
    });
  }

  /** One slice of the sweep, then the next on a later turn; the views are of the state as it is when the slice goes. */
  private stepSweep(): void {
    const w = this.sweep;
    if (!w) return;
    if (this.role === 'closed') {
      this.sweep = null;
      return;
    }
    const t0 = trace.on ? performance.now() : 0;
    const from = w.at;
    const slice = w.list.slice(from, from + Math.max(1, this.ctx.config.arenaSweepSlice ?? SWEEP_SLICE));
    w.at += slice.length;
    for (const e of w.events) for (let i = 0; i < slice.length && from + i < e.upto; i++) send(slice[i], e.body);
    const deferred = flushViews(this.state, slice, Date.now(), this.slowMs(), 'all');
    if (trace.on) trace.flush(performance.now() - t0);
    if (w.at < w.list.length) {
      this.scheduleSweepStep();
      return;
    }
    this.sweep = null;
    if (deferred || this.flushAfterSweep) {
      this.flushAfterSweep = false;
      this.scheduleViews();
    }
  }

  /** Delivers the rest of a sweep now (before anything newer goes to the players). */
  private finishSweep(): void {
    while (this.sweep) this.stepSweep();
  }

  /**
   * The row changed outside the event log (a new or revoked screen token): take the new
   * token (sockets authenticate against this copy) and close the screens connected with the
   * old one (4003). Called in the process that made the change and, through the bus, in
   * every other process serving the round.
   */
  async rowChanged(): Promise<void> {
    const fresh = await this.ctx.arena.rounds.get(this.id);
    if (!fresh) return;
    const changed = fresh.screenToken !== this.row.screenToken;
    this.row = { ...this.row, screenToken: fresh.screenToken };
    if (changed) for (const c of this.others) if (c.role === 'screen') c.socket.close(4003, 'screen token changed');
  }

  /** A batch the writer (maybe another process) committed. */
  private onBatch(b: Batch): void {
    if (b.rowChanged) return void this.rowChanged().catch((e) => console.error('arena row reload', e));
    const fresh = b.events.filter((e) => e.seq > this.state.seq);
    if (fresh.length === 0 || this.role === 'writer') return;
    if (fresh[0].seq !== this.state.seq + 1) {
      void this.reload().then(() => ((this.dirty = 'all'), this.scheduleViews()));
      return;
    }
    let s = this.state;
    for (const e of fresh) s = evolve(s, e);
    if (fresh.some((e) => e.type === 'finished')) this.row = { ...this.row, status: 'finished' };
    this.commit(fresh, s);
  }

  private scheduleTick(): void {
    if (this.tickTimer) clearTimeout(this.tickTimer);
    this.tickTimer = null;
    const due = this.role === 'writer' ? nextDue(this.state) : null;
    if (due === null) return;
    this.tickTimer = setTimeout(() => {
      this.tickTimer = null;
      void this.enqueue({ command: { type: 'tick' }, actor: { role: 'system' }, rttMs: null });
    }, Math.max(0, due - Date.now()) + 2);
  }

  /** Views are coalesced: at most one flush per interval (longer in big rounds). */
  scheduleViews(): void {
    if (this.viewTimer) return;
    this.viewTimer = setTimeout(() => this.flushViewsNow(), this.isBig() ? 150 : 10);
  }

  private isBig(): boolean {
    return this.conns.size > 300;
  }

  /** In a big round a mere answer count or board change reaches a player at most this often. */
  private slowMs(): number {
    return this.isBig() ? Math.max(3000, this.conns.size) : 0;
  }

  private flushViewsNow(): void {
    if (this.viewTimer) clearTimeout(this.viewTimer);
    this.viewTimer = null;
    if (this.sweep) {
      // the sweep is sending every view already; what changed meanwhile goes after it
      this.flushAfterSweep = true;
      return;
    }
    const dirty = this.dirty;
    this.dirty = new Set();
    const t0 = trace.on ? performance.now() : 0;
    const deferred = flushViews(this.state, this.conns, Date.now(), this.slowMs(), dirty);
    if (trace.on) trace.flush(performance.now() - t0);
    if (deferred) this.scheduleViews();
  }

  async close(): Promise<void> {
    const was = this.role;
    this.role = 'closed';
    for (const t of [this.tickTimer, this.viewTimer, this.drainTimer]) if (t) clearTimeout(t);
    if (this.sweepStep) clearImmediate(this.sweepStep);
    this.sweep = null;
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    while (this.draining || this.snapshotting) await new Promise((r) => setTimeout(r, 5));
    for (const p of this.queue.splice(0)) p.resolve({ ok: false, code: 'UNAVAILABLE', reason: 'the server is stopping' });
    if (was === 'writer') {
      await this.bus.unserve(this.id);
      await this.bus.release(this.id);
    }
    await this.bus.unsubscribe(this.id);
  }
}
