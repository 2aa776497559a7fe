/**
 * How many questions of each type × difficulty cell one paper takes. Rows are the section
 * types (demand per paper), columns the five levels (targets, or free when the blueprint has
 * no distribution), cells are capped by what the bank can give to every paper
 * (⌊exposure cap × supply / papers⌋, or the supply itself when that leaves no solution).
 *
 * The split follows the supply (iterative proportional fitting), so every cell is drawn on
 * at about the same rate and exposure stays even; it is then rounded with a max-flow that
 * keeps the row and column totals exact.
 */
export function quotaMatrix(opts: {
  demand: number[];
  targets: number[] | null;
  supply: number[][];
  exposure: number;
  papers: number;
}): number[][] | null {
  const { demand, targets, supply, exposure, papers } = opts;
  const even = supply.map((row) => row.map((s) => Math.min(s, Math.floor((exposure * s) / papers))));
  for (const caps of [even, supply]) {
    const split = roundedSplit(demand, targets, supply, caps, true) ?? roundedSplit(demand, targets, supply, caps, false);
    if (split) return split;
  }
  return null;
}

function roundedSplit(demand: number[], targets: number[] | null, weights: number[][], caps: number[][], proportional: boolean): number[][] | null {
  const rows = demand.length;
  const colTotals = targets ?? [Infinity, Infinity, Infinity, Infinity, Infinity];
  const x = proportional ? fitProportional(demand, targets, weights.map((r, i) => r.map((w, j) => (caps[i][j] > 0 ? w : 0)))) : weights.map((r) => r.map(() => 0));
  // When the proportional fit does not converge (zeros in the supply), its floors may
  // overshoot a total; the plain max-flow from zero (proportional = false) is then exact.
  const base = x.map((r, i) => r.map((v, j) => Math.min(caps[i][j], Math.floor(v + 1e-9))));
  if (base.some((r, i) => r.reduce((a, v) => a + v, 0) > demand[i])) return null;
  if (colTotals.some((c, j) => base.reduce((a, r) => a + r[j], 0) > c)) return null;
  const rowLeft = demand.map((d, i) => d - base[i].reduce((a, v) => a + v, 0));
  const colLeft = colTotals.map((c, j) => c - base.reduce((a, r) => a + r[j], 0));
  // First at most one more question per cell (rounding up), then anything that fits.
  for (const pass of proportional ? [1, Infinity] : [Infinity]) {
    const extra = base.map((r, i) => r.map((v, j) => Math.min(pass, caps[i][j] - v)));
    const flow = maxFlowBipartite(rowLeft, colLeft.map((c) => Math.max(0, c)), extra);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < 5; j++) {
        base[i][j] += flow[i][j];
        rowLeft[i] -= flow[i][j];
        colLeft[j] -= flow[i][j];
      }
    }
  }
  if (rowLeft.some((r) => r !== 0)) return null;
  if (targets && colLeft.some((c) => c !== 0)) return null;
  return base;
}

function fitProportional(demand: number[], targets: number[] | null, weights: number[][]): number[][] {
  let x = weights.map((r) => r.map((w) => w + 0));
  for (let iter = 0; iter < 200; iter++) {
    x = x.map((r, i) => {
      const sum = r.reduce((a, v) => a + v, 0);
      return r.map((v) => (sum > 0 ? (v * demand[i]) / sum : 0));
    });
    if (!targets) break;
    let drift = 0;
    for (let j = 0; j < 5; j++) {
      const sum = x.reduce((a, r) => a + r[j], 0);
      drift = Math.max(drift, Math.abs(sum - targets[j]));
      for (const r of x) r[j] = sum > 0 ? (r[j] * targets[j]) / sum : 0;
    }
    if (drift < 1e-6) break;
  }
  return x;
}

/** Max flow source → rows (cap rowCap) → columns (cap cells) → sink (cap colCap); returns cell flows. */
export function maxFlowBipartite(rowCap: number[], colCap: number[], cells: number[][]): number[][] {
  const R = rowCap.length;
  const C = colCap.length;
  const n = R + C + 2;
  const s = R + C;
  const t = s + 1;
  const cap = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  rowCap.forEach((c, i) => (cap[s][i] = c));
  colCap.forEach((c, j) => (cap[R + j][t] = c));
  cells.forEach((r, i) => r.forEach((c, j) => (cap[i][R + j] = c)));
  const flow = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (;;) {
    const prev = new Array<number>(n).fill(-1);
    prev[s] = s;
    const queue = [s];
    while (queue.length > 0 && prev[t] < 0) {
      const u = queue.shift()!;
      for (let v = 0; v < n; v++) {
        if (prev[v] < 0 && cap[u][v] - flow[u][v] > 0) {
          prev[v] = u;
          queue.push(v);
        }
      }
    }
    if (prev[t] < 0) break;
    let push = Infinity;
    for (let v = t; v !== s; v = prev[v]) push = Math.min(push, cap[prev[v]][v] - flow[prev[v]][v]);
    for (let v = t; v !== s; v = prev[v]) {
      flow[prev[v]][v] += push;
      flow[v][prev[v]] -= push;
    }
  }
  return cells.map((r, i) => r.map((_, j) => Math.max(0, flow[i][R + j])));
}
