/**
 * A small WebSocket client for one live round: connects, answers the server's pings (the
 * server measures each socket's round trip from them), reconnects with a growing pause and
 * asks for what it missed (`lastSeq` on the URL → hello + resync), and correlates each
 * command with its ack or refusal. Plain TypeScript: the React hook lives in api.ts.
 */
import type { ServerMessage } from '../../server/arena/hub/protocol.ts';
import type { RoundView, ViewEvent } from '../../server/arena/engine/views.ts';

export type SocketRole = 'host' | 'player' | 'screen' | 'spectator';
export type Refusal = { code: string; reason: string };
export type CommandResult = { ok: true; seq: number; latencyMs: number } | ({ ok: false } & Refusal);
export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

export type LiveSnapshot = {
  status: LiveStatus;
  role: SocketRole | null;
  playerId: string | null;
  guestToken: string | null;
  view: RoundView | null;
  /** what this viewer may see of the log, oldest first (capped) */
  events: ViewEvent[];
  lastSeq: number;
  /** server clock minus ours, ms (from hello) */
  clockOffsetMs: number;
  /** the last command's send → ack time */
  latencyMs: number | null;
  lastRefusal: Refusal | null;
  attempts: number;
  /** the server closed the socket for a reason of its own (4000–4999, e.g. 4003 screen token changed): not retried */
  closedBy?: { code: number; reason: string } | null;
};

const MAX_EVENTS = 500;
const TIMEOUT_MS = 8000;

type Pending = { resolve: (r: CommandResult) => void; sentAt: number; timer: ReturnType<typeof setTimeout> };

export class LiveSocket {
  private ws: WebSocket | null = null;
  private stopped = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private pending = new Map<string, Pending>();
  private counter = 0;
  snapshot: LiveSnapshot = { status: 'connecting', role: null, playerId: null, guestToken: null, view: null, events: [], lastSeq: 0, clockOffsetMs: 0, latencyMs: null, lastRefusal: null, attempts: 0 };

  /** `url(lastSeq)` builds the socket URL; lastSeq is null on the first connection. */
  constructor(
    private readonly url: (lastSeq: number | null) => string,
    private readonly onChange: (s: LiveSnapshot) => void,
  ) {}

  start() {
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.ws?.close(1000, 'bye');
    this.ws = null;
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }

  /** Sends an engine command; resolves with its ack or refusal (or a TIMEOUT refusal). */
  send(command: Record<string, unknown> & { type: string }): Promise<CommandResult> {
    const id = `c${++this.counter}`;
    return new Promise((resolve) => {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return resolve({ ok: false, code: 'OFFLINE', reason: 'not connected' });
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, code: 'TIMEOUT', reason: 'no answer from the server' });
      }, TIMEOUT_MS);
      this.pending.set(id, { resolve, sentAt: performance.now(), timer });
      this.ws.send(JSON.stringify({ ...command, id }));
    });
  }

  private set(patch: Partial<LiveSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    this.onChange(this.snapshot);
  }

  private open() {
    const hadHello = this.snapshot.view !== null;
    const ws = new WebSocket(this.url(hadHello ? this.snapshot.lastSeq : null));
    this.ws = ws;
    ws.onmessage = (m) => this.receive(typeof m.data === 'string' ? m.data : '');
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.resolve({ ok: false, code: 'OFFLINE', reason: 'connection lost' });
        this.pending.delete(id);
      }
      if (this.stopped) return;
      if (ev.code >= 4000 && ev.code < 5000) return this.set({ status: 'reconnecting', closedBy: { code: ev.code, reason: ev.reason } });
      const attempts = this.snapshot.attempts + 1;
      this.set({ status: 'reconnecting', attempts });
      this.retry = setTimeout(() => this.open(), Math.min(5000, 300 * 2 ** Math.min(attempts, 5)));
    };
  }

  private addEvents(events: ViewEvent[], seq: number) {
    const all = [...this.snapshot.events, ...events.filter((e) => e.seq > (this.snapshot.events.at(-1)?.seq ?? 0))];
    this.set({ events: all.length > MAX_EVENTS ? all.slice(-MAX_EVENTS) : all, lastSeq: Math.max(this.snapshot.lastSeq, seq) });
  }

  private receive(raw: string) {
    let m: ServerMessage;
    try {
      m = JSON.parse(raw) as ServerMessage;
    } catch {
      return;
    }
    switch (m.type) {
      case 'ping':
        this.ws?.send(JSON.stringify({ type: 'pong', t: m.t }));
        return;
      case 'hello':
        this.set({ status: 'open', attempts: 0, role: m.role, playerId: m.playerId, guestToken: m.guestToken ?? this.snapshot.guestToken, view: m.view, lastSeq: Math.max(m.seq, this.snapshot.lastSeq), clockOffsetMs: m.serverTime - Date.now() });
        return;
      case 'view':
        this.set({ view: m.view, lastSeq: Math.max(this.snapshot.lastSeq, m.view.seq) });
        return;
      case 'events': {
        const first = m.events[0];
        // hosts see every event: a hole means something was missed, so ask for it
        if (this.snapshot.role === 'host' && first && first.seq > this.snapshot.lastSeq + 1 && this.snapshot.lastSeq > 0) {
          this.ws?.send(JSON.stringify({ type: 'resync', lastSeq: this.snapshot.lastSeq }));
        }
        this.addEvents(m.events, m.seq);
        return;
      }
      case 'resync':
        if (m.view) this.set({ view: m.view, lastSeq: m.seq });
        if (m.events) this.addEvents(m.events, m.seq);
        return;
      case 'ack':
      case 'refused': {
        const p = m.id ? this.pending.get(m.id) : undefined;
        if (m.type === 'refused') this.set({ lastRefusal: { code: m.code, reason: m.reason } });
        if (!p || !m.id) return;
        clearTimeout(p.timer);
        this.pending.delete(m.id);
        const latencyMs = Math.round(performance.now() - p.sentAt);
        if (m.type === 'ack') {
          this.set({ latencyMs });
          p.resolve({ ok: true, seq: m.seq, latencyMs });
        } else p.resolve({ ok: false, code: m.code, reason: m.reason });
        return;
      }
    }
  }
}
