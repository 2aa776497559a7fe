/**
 * The hub: every live round this process serves (a RoundRunner each), the sockets on
 * them, and the edge checks on each message — size, shape, rate — before a command
 * reaches the round. Refusals are answered with a reason and counted; nothing a client
 * sends can crash a round.
 */
import type { WebSocket } from 'ws';
import type { AppContext } from '../../context.ts';
import { estimateRtt, recordPong, resync, viewFor, type Actor } from '../engine/index.ts';
import { playerOf } from '../engine/state.ts';
import type { Bus } from './bus.ts';
import { newConn, send, type Conn, type ConnRole } from './conn.ts';
import { markViewSent } from './fanout.ts';
import { parseClientMessage, takeToken, type HubRefusalCode } from './protocol.ts';
import { RoundRunner } from './round-runner.ts';

export type Attach = { roundId: number; role: ConnRole; playerId: string | null; personId: number | null; guestToken: string | null; joinName: string | null; lastSeq: number | null };

const RATE = { capacity: 20, perSecond: 10 };

export function createHub(ctx: AppContext, bus: Bus) {
  const opening = new Map<number, Promise<RoundRunner>>();
  const live = new Map<number, RoundRunner>();
  const totals: Record<string, number> = {};
  let closed = false;

  function runner(id: number): Promise<RoundRunner> {
    let p = opening.get(id);
    if (!p) {
      const r = new RoundRunner(ctx, bus, id);
      p = r.start().then(() => (live.set(id, r), r));
      opening.set(id, p);
      p.catch(() => opening.delete(id));
    }
    return p;
  }

  function refuse(r: RoundRunner, c: Conn, id: string | null, code: HubRefusalCode, reason: string) {
    r.count(code);
    totals[code] = (totals[code] ?? 0) + 1;
    c.refused += 1;
    send(c, JSON.stringify({ type: 'refused', id, code, reason }));
  }

  function sendResync(r: RoundRunner, c: Conn, lastSeq: number) {
    const out = resync(r.state, c.viewer, lastSeq, r.tail);
    const body = out.kind === 'events' ? { events: out.events, view: null } : { events: null, view: out.view };
    send(c, JSON.stringify({ type: 'resync', fromSeq: lastSeq, seq: r.state.seq, ...body }));
  }

  function ping(c: Conn, now = Date.now()) {
    c.lastPingAt = now;
    c.pings.push(now);
    if (c.pings.length > 5) c.pings.shift();
    send(c, `{"type":"ping","t":${now}}`);
  }

  async function onMessage(r: RoundRunner, c: Conn, data: Buffer | string) {
    const now = Date.now();
    const parsed = parseClientMessage(data);
    if (parsed.ok && parsed.message.kind === 'pong') {
      const t = parsed.message.t;
      const i = c.pings.indexOf(t);
      if (i >= 0) {
        c.pings.splice(i, 1);
        c.rtt = recordPong(c.rtt, t, now);
      }
      return;
    }
    if (!takeToken(c.bucket, now, RATE.capacity, RATE.perSecond)) return refuse(r, c, null, 'RATE_LIMITED', `at most ${RATE.perSecond} messages a second`);
    if (!parsed.ok) return refuse(r, c, parsed.id, parsed.code, parsed.reason);
    const m = parsed.message;
    if (m.kind === 'resync') return sendResync(r, c, m.lastSeq);
    if (m.kind !== 'command') return;
    if (c.role === 'screen' || c.role === 'spectator') return refuse(r, c, m.id, 'READ_ONLY', 'this view only watches');
    const actor: Actor = c.role === 'host' ? { role: 'host' } : { role: 'player', playerId: c.playerId! };
    const result = await r.command({ command: m.command, actor, rttMs: m.command.type === 'buzz' ? estimateRtt(c.rtt) : null });
    if (result.ok) send(c, JSON.stringify({ type: 'ack', id: m.id, seq: result.seq }));
    else refuse(r, c, m.id, result.code, result.reason);
  }

  const pinger = setInterval(() => {
    const now = Date.now();
    for (const r of live.values()) {
      // a mass quiz has no buzzer: its players' round trip matters little, a socket's liveness does
      const mass = r.row.config.format === 'mass-quiz';
      for (const c of r.conns) if (now - c.lastPingAt >= (mass && c.role === 'player' ? 30_000 : 2_000)) ping(c, now);
    }
  }, 1000);

  return {
    bus,
    runner,
    /** A socket that passed authentication at the upgrade. */
    async attach(socket: WebSocket, a: Attach): Promise<void> {
      const r = await runner(a.roundId);
      if (closed) return socket.close(1001, 'server stopping');
      const c = newConn({ socket, roundId: a.roundId, role: a.role, playerId: a.playerId, personId: a.personId });
      r.addConn(c);
      socket.on('message', (data: Buffer) => void onMessage(r, c, data).catch((e) => console.error('arena message', e)));
      socket.on('close', () => r.removeConn(c));
      socket.on('error', () => r.removeConn(c));
      const now = Date.now();
      const view = viewFor(r.state, c.viewer);
      send(c, JSON.stringify({ type: 'hello', roundId: a.roundId, role: a.role, playerId: a.playerId, guestToken: a.guestToken, seq: r.state.seq, serverTime: now, view }));
      markViewSent(r.state, c, now);
      if (a.lastSeq !== null) sendResync(r, c, a.lastSeq);
      ping(c, now);
      if (a.role === 'player' && a.joinName && !playerOf(r.state, a.playerId!)) {
        const res = await r.command({ command: { type: 'join', name: a.joinName }, actor: { role: 'player', playerId: a.playerId! }, rttMs: null });
        if (!res.ok) refuse(r, c, null, res.code, res.reason);
      }
    },
    /** A command from an HTTP route (finish, …) as the host. */
    async command(roundId: number, command: Parameters<RoundRunner['command']>[0]['command']) {
      const r = await runner(roundId);
      return r.command({ command, actor: { role: 'host' }, rttMs: null });
    },
    /** The round's row as the hub last loaded it (sockets authenticate against it without a query each). */
    async row(roundId: number) {
      const r = live.get(roundId);
      return r ? r.row : (await ctx.arena.rounds.get(roundId)) ?? null;
    },
    /** The round's row changed (its screen token): this process's copy and every other process's follow. */
    async rowChanged(roundId: number) {
      await live.get(roundId)?.rowChanged();
      await bus.publish({ roundId, events: [], rowChanged: true });
    },
    stats(roundId: number) {
      const r = live.get(roundId);
      return r ? { role: r.role, seq: r.state.seq, connections: r.conns.size, ...r.stats } : null;
    },
    metrics() {
      let connections = 0;
      for (const r of live.values()) connections += r.conns.size;
      return { processId: bus.processId, rounds: live.size, connections, refused: { ...totals }, rssMiB: Math.round(process.memoryUsage().rss / 1048576) };
    },
    async close() {
      closed = true;
      clearInterval(pinger);
      for (const r of live.values()) {
        for (const c of r.conns) c.socket.close(1001, 'server stopping');
        await r.close();
      }
      await bus.close();
    },
  };
}

export type Hub = ReturnType<typeof createHub>;
