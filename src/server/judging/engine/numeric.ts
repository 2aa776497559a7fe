/**
 * Exact-enough arithmetic for scores: decimal places of a number, step checks in integer
 * units, declared rounding. Scores are entered on a decimal grid (0.5, 0.25, 0.1 …), so a
 * check such as "7.3 is off a 0.5 step" is done on integers, never with a float remainder.
 */

/** Digits after the decimal point of a finite number as JavaScript prints it (1e-7 → 7). */
export function decimalsOf(x: number): number {
  const s = String(Math.abs(x)).toLowerCase();
  const [mantissa, exp] = s.split('e');
  const frac = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, frac - (exp ? Number(exp) : 0));
}

/** The most decimal places the step grid supports; anything finer is refused as off-step. */
export const MAX_DECIMALS = 6;

/** Is `value` on the grid min, min+step, min+2·step …? Compared as integers of 10^-d. */
export function isOnStep(value: number, min: number, step: number): boolean {
  const d = Math.max(decimalsOf(value), decimalsOf(min), decimalsOf(step));
  if (d > MAX_DECIMALS) return false;
  const f = 10 ** d;
  const v = Math.round(value * f);
  const m = Math.round(min * f);
  const s = Math.round(step * f);
  if (s <= 0) return false;
  return (v - m) % s === 0;
}

export type RoundingMode = 'half-up' | 'half-even';
/**
 * Declared rounding of a displayed or final value. 'half-up' is 四舍五入: halves go away
 * from zero (2.345 → 2.35, −2.345 → −2.35); 'half-even' is banker's rounding.
 */
export type Rounding = { decimals: number; mode: RoundingMode };
export const DEFAULT_ROUNDING: Rounding = { decimals: 2, mode: 'half-up' };

/**
 * Rounds `x` as declared. Float noise is removed first (the mean of 8.1, 8.2, 8.3 is
 * 8.199999…; 1.005 is stored as 1.00499…): the value is taken at 12 significant digits,
 * then rounded on its decimal string, so a true half is treated as a half.
 */
export function roundTo(x: number, r: Rounding): number {
  if (!Number.isFinite(x)) return x;
  const clean = Number(x.toPrecision(12));
  const sign = clean < 0 ? -1 : 1;
  const a = Math.abs(clean);
  if (a !== 0 && (a < 1e-6 || a >= 1e21)) {
    // String() uses exponent notation here; no decimal half is at stake at these sizes
    const n = Math.round(a * 10 ** r.decimals) / 10 ** r.decimals;
    return n === 0 ? 0 : sign * n;
  }
  const scaled = Number(`${a}e${r.decimals}`);
  const floor = Math.floor(scaled);
  const diff = Number((scaled - floor).toPrecision(12));
  let n: number;
  if (diff > 0.5) n = floor + 1;
  else if (diff < 0.5) n = floor;
  else if (r.mode === 'half-up') n = floor + 1;
  else n = floor % 2 === 0 ? floor : floor + 1;
  const out = sign * Number(`${n}e-${r.decimals}`);
  return out === 0 ? 0 : out; // no −0 on a screen
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
export const mean = (xs: readonly number[]): number => sum(xs) / xs.length;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Population standard deviation (divides by n): the spread of exactly these scores. */
export function populationSd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}
