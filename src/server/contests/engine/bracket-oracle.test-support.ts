/**
 * Test support only: plays the same bracket in our engine and in brackets-manager
 * (with brackets-memory-db), feeding both the same deterministic results, and returns the
 * pairings of every round on each side so the tests can compare them.
 */
import { BracketsManager } from 'brackets-manager';
import { InMemoryDatabase } from 'brackets-memory-db';
import { readyMatches, resolveBracket, type Bracket, type MatchResult } from './bracket.ts';

/** Decides a match from the two entrants and how often this pair has met before. */
export type Decide = (a: string, b: string, meeting: number) => string;

/** round key ("winners:1", "losers:3", "final:1", "third:1") → sorted "a|b" pairings. */
export type Pairings = Record<string, string[]>;

export type Played = { pairings: Pairings; champion?: string };

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** A hash-based decision: the same salt, pair and meeting always give the same winner. */
export function saltedDecide(salt: number): Decide {
  return (a, b, meeting) => {
    let h = salt ^ 0x9e3779b9;
    for (const ch of pairKey(a, b) + '#' + meeting) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
    h ^= h >>> 13;
    return (h & 1) === 0 ? (a < b ? a : b) : a < b ? b : a;
  };
}

function record(pairings: Pairings, key: string, a: string, b: string): void {
  (pairings[key] ??= []).push(pairKey(a, b));
}

function sortAll(p: Pairings): Pairings {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [...v].sort()]).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function playEngine(bracket: Bracket, decide: Decide): Played {
  const results: MatchResult[] = [];
  const meetings = new Map<string, number>();
  for (;;) {
    const resolved = resolveBracket(bracket, results);
    if (!resolved.ok) throw new Error(resolved.problems.map((p) => p.message).join('; '));
    const ready = readyMatches(resolved.value);
    if (ready.length === 0) {
      const pairings: Pairings = {};
      for (const s of resolved.value) if (s.status === 'done') record(pairings, `${s.side}:${s.round}`, s.opponents[0] as string, s.opponents[1] as string);
      const weight = (s: { side: string; round: number }): number => (s.side === 'final' ? 1000 + s.round : s.round);
      const finals = resolved.value.filter((s) => s.status === 'done' && (s.side === 'final' || s.side === 'winners'));
      const last = finals.sort((x, y) => weight(x) - weight(y))[finals.length - 1];
      return { pairings: sortAll(pairings), champion: last?.winner };
    }
    for (const m of ready) {
      const [a, b] = m.opponents as [string, string];
      const k = pairKey(a, b);
      const n = meetings.get(k) ?? 0;
      meetings.set(k, n + 1);
      results.push({ matchId: m.id, winnerId: decide(a, b, n) });
    }
  }
}

type BmOpponent = { id: number | null; result?: 'win' | 'loss' | 'draw' } | null;
type BmMatch = { id: number; round_id: number; group_id: number; status: number; opponent1: BmOpponent; opponent2: BmOpponent };

export type OracleOptions =
  | { type: 'single_elimination'; consolationFinal: boolean }
  | { type: 'double_elimination'; grandFinal: 'simple' | 'double' };

export async function playOracle(entrants: string[], options: OracleOptions, decide: Decide): Promise<Played> {
  const storage = new InMemoryDatabase();
  const manager = new BracketsManager(storage);
  const size = 2 ** Math.ceil(Math.log2(entrants.length));
  const settings =
    options.type === 'single_elimination'
      ? { size, consolationFinal: options.consolationFinal && size >= 4 } // it cannot build one for 2
      : { size, grandFinal: options.grandFinal };
  await manager.create.stage({ tournamentId: 0, name: 'oracle', type: options.type, seeding: entrants, settings });
  const participants = (await storage.select<{ id: number; name: string }>('participant')) ?? [];
  const nameOf = new Map(participants.map((p) => [p.id, p.name]));
  const rounds = new Map(((await storage.select<{ id: number; number: number; group_id: number }>('round')) ?? []).map((r) => [r.id, r]));
  const groups = new Map(((await storage.select<{ id: number; number: number }>('group')) ?? []).map((g) => [g.id, g.number]));
  const isFinalGroup = (m: BmMatch): boolean => options.type === 'double_elimination' && groups.get(m.group_id) === 3;
  // brackets-manager readies the reset after any first grand final; it is decisive (and
  // played) only when opponent2, the losers' champion, won the first (getGrandFinalDecisiveMatch).
  const isMootReset = (m: BmMatch, all: BmMatch[]): boolean => {
    if (!isFinalGroup(m) || rounds.get(m.round_id)?.number !== 2) return false;
    const first = all.find((x) => isFinalGroup(x) && rounds.get(x.round_id)?.number === 1);
    return first?.opponent1?.result === 'win';
  };
  const meetings = new Map<string, number>();
  for (;;) {
    const matches = (await storage.select<BmMatch>('match')) ?? [];
    const next = matches.find((m) => m.status === 2 && m.opponent1?.id != null && m.opponent2?.id != null && !isMootReset(m, matches));
    if (!next) break;
    const a = nameOf.get(next.opponent1?.id as number) as string;
    const b = nameOf.get(next.opponent2?.id as number) as string;
    const k = pairKey(a, b);
    const n = meetings.get(k) ?? 0;
    meetings.set(k, n + 1);
    const firstWins = decide(a, b, n) === a;
    await manager.update.match({
      id: next.id,
      opponent1: { score: firstWins ? 1 : 0, result: firstWins ? 'win' : 'loss' },
      opponent2: { score: firstWins ? 0 : 1, result: firstWins ? 'loss' : 'win' },
    });
  }
  const sideOf = (group: number): string =>
    group === 1 ? 'winners' : options.type === 'single_elimination' ? 'third' : group === 2 ? 'losers' : 'final';
  const pairings: Pairings = {};
  let champion: string | undefined;
  let championKey = -1;
  for (const m of (await storage.select<BmMatch>('match')) ?? []) {
    if (m.opponent1?.id == null || m.opponent2?.id == null || m.opponent1.result === undefined) continue;
    const round = rounds.get(m.round_id);
    if (!round) continue;
    const side = sideOf(groups.get(round.group_id) ?? 0);
    const a = nameOf.get(m.opponent1.id) as string;
    const b = nameOf.get(m.opponent2.id) as string;
    record(pairings, `${side}:${round.number}`, a, b);
    const rank = side === 'final' ? 1000 + round.number : side === 'winners' ? round.number : -1;
    if (rank > championKey) {
      championKey = rank;
      champion = m.opponent1.result === 'win' ? a : b;
    }
  }
  return { pairings: sortAll(pairings), champion };
}
