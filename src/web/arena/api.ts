/** The live arena's data: HTTP hooks and functions, and `useLiveRound` over the round's WebSocket. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArenaEvent } from '../../server/arena/engine/events.ts';
import type { Question, RoundConfig, RoundFormat } from '../../server/arena/engine/model.ts';
import type { MeView, QuestionView, RoundView, ViewEvent } from '../../server/arena/engine/views.ts';
import { api, buildUrl } from '../shared/api.ts';
import { useResource } from '../shared/use-resource.ts';
import { LiveSocket, type CommandResult, type LiveSnapshot, type SocketRole } from './live-socket.ts';

export type { ArenaEvent, MeView, Question, QuestionView, RoundConfig, RoundFormat, RoundView, ViewEvent, LiveSnapshot, CommandResult };
export type Standing = RoundView['leaderboard'][number];

export type RoundStatus = 'draft' | 'live' | 'finished';
export type RoundSummary = {
  id: number;
  title: string;
  status: RoundStatus;
  format: RoundFormat;
  organisationName: string;
  isPublic: boolean;
  joinCode: string | null;
  screenToken: string | null;
  canManage: boolean;
  canHost: boolean;
  questionCount: number;
  unitCount: number;
  startedAt: string | null;
  finishedAt: string | null;
};
export type RoundDetail = Omit<RoundSummary, 'questionCount' | 'unitCount'> & { config: RoundConfig; hostIds: number[] };

export const useRounds = () => useResource('arena:rounds', (signal) => api<{ items: RoundSummary[] }>('/api/arena/rounds', { signal }).then((r) => r.items));
export const useRound = (id: number) => useResource(`arena:round:${id}`, (signal) => api<RoundDetail>(`/api/arena/rounds/${id}`, { signal }));
export const useRoundEvents = (id: number) =>
  useResource(`arena:events:${id}`, (signal) => api<{ items?: ArenaEvent[]; events?: ArenaEvent[] } | ArenaEvent[]>(`/api/arena/rounds/${id}/events`, { signal }).then(eventsOf));
export type ReplayStep = { step: number; total: number; event: ArenaEvent | null; view: RoundView | null };
export const fetchReplayStep = (id: number, step: number, signal?: AbortSignal) => api<ReplayStep>(`/api/arena/rounds/${id}/replay/${step}`, { signal });
export const exportUrl = (id: number, format: 'text' | 'json' = 'text') => buildUrl(`/api/arena/rounds/${id}/export`, { format });
export const newScreenToken = (id: number) => api<{ token: string; wsPath: string; screenPath: string }>(`/api/arena/rounds/${id}/screen-token`, { body: {} });
export const revokeScreenToken = (id: number) => api<{ revoked: boolean }>(`/api/arena/rounds/${id}/screen-token`, { method: 'DELETE' });

/** A contestant's rounds: on the roster, or a mass quiz open to their organisation. */
export type MyRound = {
  id: number;
  title: string;
  format: RoundFormat;
  organisationName: string;
  status: 'waiting' | 'live' | 'finished';
  onRoster: boolean;
  teamName: string | null;
  questionCount: number;
  startedAt: string | null;
  finishedAt: string | null;
  playPath: string;
};
export const useMyRounds = () => useResource('arena:my-rounds', (signal) => api<{ items: MyRound[] }>('/api/arena/my-rounds', { signal }).then((r) => r.items));

/** What the screen, the spectator page or a phone shows of a round (403 for a revoked screen token). */
export type PublicRound = { id: number; title: string; format: RoundFormat; status: RoundStatus; organisationName: string; joinCode: string | null; isPublic: boolean };
export const fetchPublicRound = (id: number, token?: string | null, signal?: AbortSignal) => api<PublicRound>(buildUrl(`/api/arena/rounds/${id}/public`, { token: token ?? undefined }), { signal });
export const joinQuiz = (code: string, name: string) => api<{ roundId: number; playerId: string; guestToken: string; wsPath: string }>('/api/arena/join', { body: { code, name } });

function eventsOf(r: { items?: ArenaEvent[]; events?: ArenaEvent[] } | ArenaEvent[]): ArenaEvent[] {
  if (Array.isArray(r)) return r;
  return r.items ?? r.events ?? [];
}

// ── guest tokens of a mass quiz (kept on this device so a rejoin keeps the score) ──────────
const guestKey = (roundId: number) => `servicestar.arena.guest.${roundId}`;
export function savedGuest(roundId: number): string | null {
  try {
    return localStorage.getItem(guestKey(roundId));
  } catch {
    return null;
  }
}
export function saveGuest(roundId: number, token: string) {
  try {
    localStorage.setItem(guestKey(roundId), token);
  } catch {
    // not kept: a reload joins as a new player
  }
}

// ── the live socket ──────────────────────────────────────────────────────────────────
export type LiveOptions = { as?: SocketRole; token?: string | null; guest?: string | null };

export function socketUrl(roundId: number, opts: LiveOptions, lastSeq: number | null): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const path = buildUrl(`/api/arena/rounds/${roundId}/ws`, { as: opts.as, token: opts.token, guest: opts.guest, lastSeq });
  return `${proto}//${location.host}${path}`;
}

export type LiveRound = LiveSnapshot & {
  send: (command: Record<string, unknown> & { type: string }) => Promise<CommandResult>;
  /** the server's clock now (for countdowns) */
  serverNow: () => number;
};

/** One round over its WebSocket for as long as the component is mounted. */
export function useLiveRound(roundId: number | null, opts: LiveOptions): LiveRound {
  const [snap, setSnap] = useState<LiveSnapshot | null>(null);
  const socket = useRef<LiveSocket | null>(null);
  const { as, token, guest } = opts;
  useEffect(() => {
    if (roundId === null) return;
    const s = new LiveSocket((lastSeq) => socketUrl(roundId, { as, token, guest }, lastSeq), setSnap);
    socket.current = s;
    setSnap(s.snapshot);
    s.start();
    return () => {
      s.stop();
      socket.current = null;
    };
  }, [roundId, as, token, guest]);
  const send = useCallback((c: Record<string, unknown> & { type: string }) => socket.current?.send(c) ?? Promise.resolve<CommandResult>({ ok: false, code: 'OFFLINE', reason: 'not connected' }), []);
  const base = snap ?? { status: 'connecting' as const, role: null, playerId: null, guestToken: null, view: null, events: [], lastSeq: 0, clockOffsetMs: 0, latencyMs: null, lastRefusal: null, attempts: 0 };
  const serverNow = useCallback(() => Date.now() + (socket.current?.snapshot.clockOffsetMs ?? 0), []);
  return { ...base, send, serverNow };
}

/** Re-renders every `ms` while `active` (countdowns). */
export function useTicker(active: boolean, ms = 200): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [active, ms]);
  return now;
}

/** Seconds left to a server-clock deadline, never negative; null without one. */
export const secondsLeft = (deadline: number | null | undefined, serverNow: number) => (deadline == null ? null : Math.max(0, Math.ceil((deadline - serverNow) / 1000)));
