/**
 * The leaderboard: units sorted by (score, bonus) descending. Ties share a place: a
 * unit's place is 1 + the number of units strictly ahead (standard competition ranking,
 * 1-2-2-4). Updates are incremental: k changed units are removed, sorted and merged back
 * in O(n + k log k), never a full sort of 10,000 entries per change; one unit in O(log n).
 */
export type Standing = { score: number; bonus: number; streak: number; correct: number };

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

/**
 * The order is kept in chunks (at most 2 × CHUNK ids each), so re-placing one unit copies one
 * chunk and the list of chunks, not the whole board: 10,000 players joining a mass quiz one
 * by one cost O(n) each with a flat array (the copy, and the search for the unit).
 */
const CHUNK = 256;
export type Board = { readonly chunks: readonly (readonly string[])[]; readonly size: number };

export const emptyBoard = (): Board => ({ chunks: [], size: 0 });

/** Every unit in board order. */
export function boardOrder(board: Board): string[] {
  return board.chunks.flat();
}

function chunked(order: readonly string[]): Board {
  const chunks: string[][] = [];
  for (let i = 0; i < order.length; i += CHUNK) chunks.push(order.slice(i, i + CHUNK));
  return { chunks, size: order.length };
}

/**
 * Re-place `changed` units (add them if new, drop those in `removed`). With one unit,
 * `before` (the standings before the change, or 'absent' for a unit not on the board yet)
 * finds where it is by binary search instead of a scan.
 */
export function updateBoard(board: Board, changed: Iterable<string>, get: Lookup, removed: Iterable<string> = [], before?: Lookup | 'absent'): Board {
  const moving = new Set(changed);
  const dropping = new Set(removed);
  if (moving.size === 0 && dropping.size === 0) return board;
  if (moving.size + dropping.size === 1) return moveOne(board, [...moving, ...dropping][0], dropping.size === 0, get, before);
  const rest = boardOrder(board).filter((u) => !moving.has(u) && !dropping.has(u));
  const incoming = [...moving].filter((u) => !dropping.has(u)).sort((a, b) => compareUnits(a, b, get));
  const order: string[] = [];
  let i = 0;
  let j = 0;
  while (i < rest.length || j < incoming.length) {
    if (j >= incoming.length || (i < rest.length && compareUnits(rest[i], incoming[j], get) <= 0)) order.push(rest[i++]);
    else order.push(incoming[j++]);
  }
  return chunked(order);
}

/** [chunk, index in chunk] of the first unit for which `notBefore` holds (the order is monotone in it), or null. */
function firstWhere(chunks: readonly (readonly string[])[], notBefore: (u: string) => boolean): [number, number] | null {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = chunks[mid];
    if (!notBefore(c[c.length - 1])) lo = mid + 1;
    else hi = mid;
  }
  if (lo === chunks.length) return null;
  const c = chunks[lo];
  let a = 0;
  let b = c.length - 1;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (!notBefore(c[mid])) a = mid + 1;
    else b = mid;
  }
  return [lo, a];
}

/** Where a unit is: by binary search on its standing before the change, else by a scan. */
function locate(board: Board, unitId: string, before: Lookup | 'absent' | undefined): [number, number] | null {
  if (before === 'absent') return null;
  if (before) {
    const at = firstWhere(board.chunks, (u) => compareUnits(u, unitId, before) >= 0);
    if (at && board.chunks[at[0]][at[1]] === unitId) return at;
  }
  for (let c = 0; c < board.chunks.length; c++) {
    const i = board.chunks[c].indexOf(unitId);
    if (i >= 0) return [c, i];
  }
  return null;
}

/** One unit: O(log n) searches and the copy of one chunk, so 10,000 late joiners cost milliseconds. */
function moveOne(board: Board, unitId: string, keep: boolean, get: Lookup, before?: Lookup | 'absent'): Board {
  const chunks = board.chunks.slice() as (readonly string[])[];
  let size = board.size;
  const at = locate(board, unitId, before);
  if (at) {
    const c = chunks[at[0]].slice();
    c.splice(at[1], 1);
    if (c.length) chunks[at[0]] = c;
    else chunks.splice(at[0], 1);
    size--;
  }
  if (!keep) return { chunks, size };
  const pos = firstWhere(chunks, (u) => compareUnits(u, unitId, get) >= 0);
  if (!pos && chunks.length === 0) return { chunks: [[unitId]], size: size + 1 };
  const [ci, ii] = pos ?? [chunks.length - 1, chunks[chunks.length - 1].length];
  const c = chunks[ci].slice();
  c.splice(ii, 0, unitId);
  if (c.length > 2 * CHUNK) chunks.splice(ci, 1, c.slice(0, CHUNK), c.slice(CHUNK));
  else chunks[ci] = c;
  return { chunks, size: size + 1 };
}

/** The 1-based place of a unit in O(log n); undefined if it is not on the board. */
export function placeOf(board: Board, unitId: string, get: Lookup): number | undefined {
  const me = get(unitId);
  const at = firstWhere(board.chunks, (u) => !ahead(get(u), me));
  if (!at || !sameKey(get(board.chunks[at[0]][at[1]]), me)) return undefined;
  let place = at[1] + 1;
  for (let c = 0; c < at[0]; c++) place += board.chunks[c].length;
  return place;
}

/** The first units in board order. */
function* firstUnits(board: Board): Generator<string> {
  for (const c of board.chunks) yield* c;
}

export type Ranked = { unitId: string; place: number; score: number; bonus: number; streak: number; correct: number };

/** The first `limit` entries with shared places. */
export function topOf(board: Board, get: Lookup, limit = 10): Ranked[] {
  const out: Ranked[] = [];
  let place = 0;
  let prev: Standing | undefined;
  let i = 0;
  for (const unitId of firstUnits(board)) {
    if (i >= limit) break;
    const s = get(unitId);
    if (!prev || !sameKey(prev, s)) place = i + 1;
    prev = s;
    out.push({ unitId, place, ...s });
    i++;
  }
  return out;
}

/** The podium: everyone placed 1st–3rd, ties included. */
export function podiumOf(board: Board, get: Lookup): Ranked[] {
  let n = 0;
  let prev: Standing | undefined;
  for (const unitId of firstUnits(board)) {
    const s = get(unitId);
    if (n >= 3 && !(prev && sameKey(s, prev))) break;
    prev = s;
    n++;
  }
  return topOf(board, get, n);
}
