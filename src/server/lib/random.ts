import { mulberry32 } from '../bank/engine/prng.ts';

/** A small seeded PRNG (mulberry32): demo data and benchmarks are the same on every run. */
export const seededRandom = mulberry32;

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
