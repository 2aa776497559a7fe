/**
 * Double elimination: a winners' bracket (as single elimination), a losers' bracket that
 * alternates major rounds (losers' bracket survivors play each other) and minor rounds (they
 * meet the losers dropping from the next winners' round), and a grand final between the two
 * bracket champions, with an optional reset when the losers' champion wins it.
 *
 * Where dropping losers land follows the published anti-rematch orderings
 * (tl.net, "superior double elimination losers bracket seeding"), the same table that
 * brackets-manager uses by default; the tests check every round against it.
 */
import { checkEntrants, firstRoundSlots, nextPowerOfTwo, pairs, resolveBracket, winnerSlot, type Bracket, type BracketMatch, type MatchResult, type Slot } from './bracket.ts';
import { fail, ok, type Result } from './result.ts';
import { buildWinnersBracket } from './single-elimination.ts';

export type DoubleEliminationOptions = { grandFinal: 'simple' | 'double' };

type Ordering = 'natural' | 'reverse' | 'half_shift' | 'reverse_half_shift' | 'pair_flip';

const ORDERINGS: Record<Ordering, <T>(a: T[]) => T[]> = {
  natural: (a) => [...a],
  reverse: (a) => [...a].reverse(),
  half_shift: (a) => [...a.slice(a.length / 2), ...a.slice(0, a.length / 2)],
  reverse_half_shift: (a) => [...a.slice(0, a.length / 2).reverse(), ...a.slice(a.length / 2).reverse()],
  pair_flip: (a) => a.flatMap((_, i) => (i % 2 === 0 ? [a[i + 1], a[i]] : [])),
};

/** Per bracket size: the ordering of the first dropped losers, then of each later minor round. */
const LOSERS_ORDERING: Record<number, Ordering[]> = {
  4: ['natural', 'reverse'],
  8: ['natural', 'reverse', 'natural'],
  16: ['natural', 'reverse_half_shift', 'reverse', 'natural'],
  32: ['natural', 'reverse', 'half_shift', 'natural', 'natural'],
  64: ['natural', 'reverse', 'half_shift', 'reverse', 'natural', 'natural'],
  128: ['natural', 'reverse', 'half_shift', 'pair_flip', 'pair_flip', 'pair_flip', 'natural'],
};

const orderingAt = (size: number, index: number): Ordering => LOSERS_ORDERING[size]?.[index] ?? 'natural';

export function createDoubleElimination(entrants: string[], options: DoubleEliminationOptions): Result<Bracket> {
  const problems = checkEntrants(entrants);
  if (problems.length > 0) return fail(...problems);
  const size = nextPowerOfTwo(entrants.length);
  const wb = buildWinnersBracket(firstRoundSlots(entrants));
  const matches: BracketMatch[] = [...wb.matches];
  const bracket: Bracket = { kind: 'double', entrants: [...entrants], size, matches };
  if (size === 2) return ok(bracket);

  const roundPairs = Math.log2(size) - 1;
  let duels = pairs(ORDERINGS[orderingAt(size, 0)](wb.losers[0]));
  let round = 1;
  const addRound = (): string[] => {
    const ids = duels.map((_, k) => `L${round}-${k + 1}`);
    duels.forEach((slots, k) => matches.push({ id: ids[k], side: 'losers', round, number: k + 1, slots }));
    round++;
    return ids;
  };
  let ids: string[] = [];
  for (let i = 0; i < roundPairs; i++) {
    if (i > 0) duels = pairs(duels.map((slots, k) => winnerSlot(slots, ids[k])));
    ids = addRound(); // major round
    const dropping = wb.losers[i + 1];
    const ordered = i === roundPairs - 1 ? dropping : ORDERINGS[orderingAt(size, i + 1)](dropping);
    const survivors: Slot[] = duels.map((slots, k) => winnerSlot(slots, ids[k]));
    duels = survivors.map((s, k): [Slot, Slot] => [ordered[k], s]);
    ids = addRound(); // minor round
  }
  const losersChampion = winnerSlot(duels[0], ids[0]);
  matches.push({ id: 'F1-1', side: 'final', round: 1, number: 1, slots: [wb.champion, losersChampion] });
  if (options.grandFinal === 'double') {
    matches.push({ id: 'F2-1', side: 'final', round: 2, number: 1, slots: [wb.champion, losersChampion], resetOf: 'F1-1' });
  }
  return ok(bracket);
}

export type DoublePlacements = { finished: boolean; champion?: string; runnerUp?: string; third?: string };

export function doubleEliminationPlacements(bracket: Bracket, results: MatchResult[]): Result<DoublePlacements> {
  const resolved = resolveBracket(bracket, results);
  if (!resolved.ok) return resolved;
  const states = resolved.value;
  const first = states.find((s) => s.id === 'F1-1');
  if (!first) {
    const only = states[0]; // two entrants: one match, no losers' bracket
    return ok({ finished: only.status === 'done', champion: only.winner, runnerUp: only.loser });
  }
  const reset = states.find((s) => s.id === 'F2-1');
  const deciding = reset?.status === 'done' ? reset : first;
  const finished = first.status === 'done' && (!reset || reset.status === 'void' || reset.status === 'done');
  const lastLosers = states.filter((s) => s.side === 'losers').reduce((a, b) => (b.round > a.round ? b : a));
  return ok({
    finished,
    champion: finished ? deciding.winner : undefined,
    runnerUp: finished ? deciding.loser : undefined,
    third: lastLosers.loser,
  });
}
