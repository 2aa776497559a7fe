/**
 * The leaderboard: units sorted by (score, bonus) descending. Ties share a place: a
 * unit's place is 1 + the number of units strictly ahead (standard competition ranking,
 * 1-2-2-4). Updates are incremental: k changed units are removed, sorted and merged back
 * in O(n + k log k), never a full sort of 10,000 entries per change.
 */
export type Standing = { score: number; bonus: number; streak: number; correct: number };
export type Board = { readonly order: readonly string[] };

export const zeroStanding = (): Standing => ({ score: 0, bonus: 0, streak: 0, correct: 0 });

type Lookup = (unitId: string) => Standing;

/** Negative when a ranks ahead of b; ids only make the order deterministic. */
export function compareUnits(a: string, b: string, get: Lookup): number {
  const sa = get(a);
  const sb = get(b);
  return sb.score - sa.score || sb.bonus - sa.bonus || (a < b ? -1 : a > b ? 1 : 0);
}

const sameKey = (a: Standing, b: Standing) => a.score === b.score && a.bonus === b.bonus;
const ahead = (a: Standing, b: Standing) => a.score > b.score || (a.score === b.score && a.bonus > b.bonus);

export const emptyBoard = (): Board => ({ order: [] });

/** Re-place `changed` units (add them if new, drop those in `removed`). */
export function updateBoard(board: Board, changed: Iterable<string>, get: Lookup, removed: Iterable<string> = []): Board {
  const moving = new Set(changed);
  const dropping = new Set(removed);
  if (moving.size === 0 && dropping.size === 0) return board;
  if (moving.size + dropping.size === 1) return moveOne(board, [...moving, ...dropping][0], dropping.size === 0, get);
  const rest = board.order.filter((u) => !moving.has(u) && !dropping.has(u));
  const incoming = [...moving].filter((u) => !dropping.has(u)).sort((a, b) => compareUnits(a, b, get));
  const order: string[] = [];
  let i = 0;
  let j = 0;
  while (i < rest.length || j < incoming.length) {
    if (j >= incoming.length || (i < rest.length && compareUnits(rest[i], incoming[j], get) <= 0)) order.push(rest[i++]);
    else order.push(incoming[j++]);
  }
  return { order };
}

/** One unit: O(log n) search plus an array copy, so 10,000 late joiners cost milliseconds. */
function moveOne(board: Board, unitId: string, keep: boolean, get: Lookup): Board {
  const order = board.order.slice();
  const at = order.indexOf(unitId);
  if (at >= 0) order.splice(at, 1);
  if (!keep) return { order };
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareUnits(order[mid], unitId, get) < 0) lo = mid + 1;
    else hi = mid;
  }
  order.splice(lo, 0, unitId);
  return { order };
}

/** The 1-based place of a unit in O(log n); undefined if it is not on the board. */
export function placeOf(board: Board, unitId: string, get: Lookup): number | undefined {
  const me = get(unitId);
  let lo = 0;
  let hi = board.order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ahead(get(board.order[mid]), me)) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= board.order.length || !sameKey(get(board.order[lo]), me)) return undefined;
  return lo + 1;
}

export type Ranked = { unitId: string; place: number; score: number; bonus: number; streak: number; correct: number };

/** The first `limit` entries with shared places. */
export function topOf(board: Board, get: Lookup, limit = 10): Ranked[] {
  const out: Ranked[] = [];
  let place = 0;
  let prev: Standing | undefined;
  for (let i = 0; i < board.order.length && i < limit; i++) {
    const s = get(board.order[i]);
    if (!prev || !sameKey(prev, s)) place = i + 1;
    prev = s;
    out.push({ unitId: board.order[i], place, ...s });
  }
  return out;
}

/** The podium: everyone placed 1st–3rd, ties included. */
export function podiumOf(board: Board, get: Lookup): Ranked[] {
  let n = 0;
  while (n < board.order.length && (n < 3 || sameKey(get(board.order[n]), get(board.order[n - 1])))) n++;
  return topOf(board, get, n);
}
