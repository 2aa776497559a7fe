/**
 * The shared core of elimination brackets: a bracket is a list of matches whose two slots
 * are a seeded entrant, a bye, or the winner or loser of an earlier match. Byes pass
 * through at build time (a match against a bye is shown but never played), so the later
 * slots point at real matches only. `resolveBracket` replays results over the structure.
 */
import { fail, ok, problem, type Problem, type Result } from './result.ts';

export type Slot =
  | { kind: 'seed'; entrantId: string; seed: number }
  | { kind: 'bye' }
  | { kind: 'winner'; matchId: string }
  | { kind: 'loser'; matchId: string };

/** winners / losers bracket, grand final, third-place match. */
export type BracketSide = 'winners' | 'losers' | 'final' | 'third';

export type BracketMatch = {
  id: string;
  side: BracketSide;
  round: number;
  number: number;
  slots: [Slot, Slot];
  /** A grand-final reset: played only when the losers' champion wins `resetOf`. */
  resetOf?: string;
};

export type Bracket = {
  kind: 'single' | 'double';
  entrants: string[];
  /** Slots in the first round: the entrant count rounded up to a power of two. */
  size: number;
  matches: BracketMatch[];
};

export type MatchResult = { matchId: string; winnerId: string; score?: [number, number] };

/** Opponent: an entrant id, null for a bye, undefined while still to be decided. */
export type Opponent = string | null | undefined;

export type MatchState = BracketMatch & {
  opponents: [Opponent, Opponent];
  status: 'bye' | 'waiting' | 'ready' | 'done' | 'void';
  winner?: string;
  loser?: string;
  score?: [number, number];
};

export const BYE: Slot = { kind: 'bye' };

export const nextPowerOfTwo = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(n, 1)));

/**
 * Standard bracket order (1–8, 4–5, 2–7, 3–6 for 8): built recursively so that seeds 1 and 2
 * can meet only in the final and every round pairs the strongest with the weakest left.
 */
export function standardOrder(size: number): number[] {
  let positions = [1, 2];
  if (size <= 2) return positions.slice(0, size);
  while (positions.length < size) {
    const next = positions.length * 2;
    positions = positions.flatMap((p) => [p, next + 1 - p]);
  }
  return positions;
}

/** The first-round slots: seeds in standard order, byes in place of the missing seeds (top seeds get them). */
export function firstRoundSlots(entrants: string[]): Slot[] {
  const size = nextPowerOfTwo(entrants.length);
  return standardOrder(size).map((seed) => (seed <= entrants.length ? { kind: 'seed', entrantId: entrants[seed - 1], seed } : BYE));
}

export function checkEntrants(entrants: string[]): Problem[] {
  if (entrants.length < 2) {
    return [problem('entrants', `a bracket needs at least 2 entrants, it has ${entrants.length}`, `对阵图至少需要 2 名参赛者，现有 ${entrants.length} 名`)];
  }
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const id of entrants) {
    if (seen.has(id)) out.push(problem('entrants', `entrant ${id} is seeded twice`, `参赛者 ${id} 重复`));
    seen.add(id);
  }
  return out;
}

export const winnerSlot = (slots: [Slot, Slot], matchId: string): Slot => {
  if (slots[0].kind === 'bye') return slots[1];
  if (slots[1].kind === 'bye') return slots[0];
  return { kind: 'winner', matchId };
};

export const loserSlot = (slots: [Slot, Slot], matchId: string): Slot =>
  slots[0].kind === 'bye' || slots[1].kind === 'bye' ? BYE : { kind: 'loser', matchId };

/** Pairs consecutive slots: [a, b, c, d] → [[a, b], [c, d]]. */
export function pairs(slots: Slot[]): [Slot, Slot][] {
  const out: [Slot, Slot][] = [];
  for (let i = 0; i + 1 < slots.length; i += 2) out.push([slots[i], slots[i + 1]]);
  return out;
}

export function resolveBracket(bracket: Bracket, results: MatchResult[]): Result<MatchState[]> {
  const byId = new Map(bracket.matches.map((m) => [m.id, m]));
  const given = new Map<string, MatchResult>();
  const problems: Problem[] = [];
  results.forEach((r, k) => {
    if (!byId.has(r.matchId)) problems.push(problem(`results[${k}].matchId`, `no match ${r.matchId} in this bracket`, `对阵图中没有比赛 ${r.matchId}`));
    else if (given.has(r.matchId)) problems.push(problem(`results[${k}].matchId`, `match ${r.matchId} has two results`, `比赛 ${r.matchId} 有两个结果`));
    else given.set(r.matchId, r);
  });
  const states = new Map<string, MatchState>();
  const slotValue = (slot: Slot): Opponent => {
    switch (slot.kind) {
      case 'seed':
        return slot.entrantId;
      case 'bye':
        return null;
      case 'winner':
        return stateOf(slot.matchId).winner;
      case 'loser':
        return stateOf(slot.matchId).loser;
    }
  };
  const stateOf = (id: string): MatchState => {
    const cached = states.get(id);
    if (cached) return cached;
    const m = byId.get(id) as BracketMatch;
    const opponents: [Opponent, Opponent] = [slotValue(m.slots[0]), slotValue(m.slots[1])];
    const state: MatchState = { ...m, opponents, status: 'waiting' };
    const result = given.get(id);
    const [a, b] = opponents;
    if (a === null || b === null) {
      state.status = 'bye';
      const through = a ?? b;
      if (through) state.winner = through;
    } else if (m.resetOf && stateOf(m.resetOf).status !== 'done') {
      state.status = 'waiting';
    } else if (m.resetOf && stateOf(m.resetOf).winner === stateOf(m.resetOf).opponents[0]) {
      state.status = 'void';
    } else if (a !== undefined && b !== undefined) {
      state.status = 'ready';
      if (result) {
        if (result.winnerId !== a && result.winnerId !== b) {
          problems.push(problem(`results.${id}`, `winner ${result.winnerId} of match ${id} is not one of ${a} and ${b}`, `比赛 ${id} 的胜者 ${result.winnerId} 不是 ${a} 或 ${b}`));
        } else {
          state.status = 'done';
          state.winner = result.winnerId;
          state.loser = result.winnerId === a ? b : a;
          state.score = result.score;
        }
      }
    }
    if (result && state.status !== 'done' && state.status !== 'ready') {
      problems.push(problem(`results.${id}`, `match ${id} cannot have a result: it is ${state.status}`, `比赛 ${id} 当前状态为 ${state.status}，不能录入结果`));
    }
    states.set(id, state);
    return state;
  };
  const out = bracket.matches.map((m) => stateOf(m.id));
  if (problems.length > 0) return fail(...problems);
  return ok(out);
}

/** Matches that can be played now (both opponents known, no result yet). */
export const readyMatches = (states: MatchState[]): MatchState[] => states.filter((s) => s.status === 'ready');
