/**
 * Single elimination for any entrant count ≥ 2: the count is rounded up to a power of two,
 * the missing seeds are byes (so the top seeds get them), seeds are placed in the standard
 * recursive order (1–8, 4–5, 2–7, 3–6 …), winners advance, and an optional third-place
 * match is played by the semifinal losers. brackets-manager's 'inner_outer' ordering is the
 * same order; the tests check every round against it.
 */
import {
  checkEntrants,
  firstRoundSlots,
  loserSlot,
  nextPowerOfTwo,
  pairs,
  resolveBracket,
  winnerSlot,
  type Bracket,
  type BracketMatch,
  type MatchResult,
  type Slot,
} from './bracket.ts';
import { fail, ok, type Result } from './result.ts';

export type SingleEliminationOptions = { thirdPlace: boolean };

/** Builds the winners' bracket rounds from first-round slots; returns the matches and each round's losers. */
export function buildWinnersBracket(first: Slot[]): { matches: BracketMatch[]; losers: Slot[][]; champion: Slot } {
  const matches: BracketMatch[] = [];
  const losers: Slot[][] = [];
  let duels = pairs(first);
  let round = 1;
  for (;;) {
    const ids = duels.map((_, k) => `W${round}-${k + 1}`);
    duels.forEach((slots, k) => matches.push({ id: ids[k], side: 'winners', round, number: k + 1, slots }));
    losers.push(duels.map((slots, k) => loserSlot(slots, ids[k])));
    const winners = duels.map((slots, k) => winnerSlot(slots, ids[k]));
    if (winners.length === 1) return { matches, losers, champion: winners[0] };
    duels = pairs(winners);
    round++;
  }
}

export function createSingleElimination(entrants: string[], options: SingleEliminationOptions): Result<Bracket> {
  const problems = checkEntrants(entrants);
  if (problems.length > 0) return fail(...problems);
  const { matches, losers } = buildWinnersBracket(firstRoundSlots(entrants));
  if (options.thirdPlace && losers.length >= 2) {
    const semis = losers[losers.length - 2];
    matches.push({ id: 'T1-1', side: 'third', round: 1, number: 1, slots: [semis[0], semis[1]] });
  }
  return ok({ kind: 'single', entrants: [...entrants], size: nextPowerOfTwo(entrants.length), matches });
}

export type Placements = {
  finished: boolean;
  champion?: string;
  runnerUp?: string;
  /** Third place: the third-place match's winner, or both semifinal losers when none is played. */
  third: string[];
  fourth?: string;
};

export function singleEliminationPlacements(bracket: Bracket, results: MatchResult[]): Result<Placements> {
  const resolved = resolveBracket(bracket, results);
  if (!resolved.ok) return resolved;
  const states = resolved.value;
  const winners = states.filter((s) => s.side === 'winners');
  const lastRound = Math.max(...winners.map((s) => s.round));
  const final = winners.find((s) => s.round === lastRound);
  const third = states.find((s) => s.side === 'third');
  const out: Placements = { finished: false, third: [] };
  if (final?.status === 'done') {
    out.champion = final.winner;
    out.runnerUp = final.loser;
  }
  if (third) {
    if (third.winner) out.third = [third.winner];
    if (third.status === 'done') out.fourth = third.loser;
    out.finished = final?.status === 'done' && (third.status === 'done' || (third.status === 'bye' && third.winner !== undefined));
  } else {
    out.third = winners.filter((s) => s.round === lastRound - 1 && s.loser).map((s) => s.loser as string);
    out.finished = final?.status === 'done';
  }
  return ok(out);
}
