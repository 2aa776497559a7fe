/**
 * Practice (练习): mastery per knowledge point, daily practice from the weakest points, and
 * the wrong-answer book (错题本). Levels and badges are in practice-rewards.ts.
 *
 * Declared rules:
 * - mastery of a point = (Σ w·correct + PRIOR·STRENGTH) / (Σ w + STRENGTH), where each answer
 *   weighs w = ½^(age / half-life): a Beta(1,1)-smoothed proportion correct with recency decay.
 *   With no evidence it is the prior (0.5); it is always strictly between 0 and 1;
 * - an answer counts for every knowledge point of its question; with `rollUp`, also for each
 *   ancestor path (宽带/故障/光猫 → 宽带/故障 → 宽带);
 * - daily practice: points ordered weakest first (ties by path); questions taken round-robin
 *   across those points, each point's questions in a seeded order for (seed, learner, day);
 *   questions in the wrong-answer book come first (up to half the set); a question is drawn once;
 * - wrong-answer book: a wrong answer puts the question in (or resets its streak); a right
 *   answer to a question in the book adds to its streak; two right answers in a row take it
 *   out. A question answered right without ever being wrong never enters.
 */
import { invalid } from '../../errors.ts';
import { permutation } from './paper-deal.ts';

export const MASTERY_HALF_LIFE_MS = 14 * 24 * 3600 * 1000;
export const MASTERY_PRIOR = 0.5;
export const MASTERY_STRENGTH = 2;
export const LEAVE_BOOK_AFTER_RIGHT = 2;

export type PracticeAnswer = { questionId: string; knowledgePoints: string[]; correct: boolean; at: number };

export type Mastery = {
  point: string;
  mastery: number;
  attempts: number;
  correct: number;
  /** Decayed weight of the evidence (Σ w). */
  evidence: number;
  lastAt: number | null;
};

const ancestors = (path: string): string[] => {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
};

/** Mastery per knowledge point, sorted by path (for the chart). `points` adds points with no history yet. */
export function estimateMastery(history: PracticeAnswer[], now: number, options: { rollUp?: boolean; points?: string[]; halfLifeMs?: number } = {}): Mastery[] {
  const halfLife = options.halfLifeMs ?? MASTERY_HALF_LIFE_MS;
  if (!(halfLife > 0)) throw invalid('halfLifeMs', 'the half-life must be positive');
  const acc = new Map<string, { w: number; wc: number; n: number; c: number; last: number | null }>();
  const touch = (p: string) => {
    let a = acc.get(p);
    if (!a) acc.set(p, (a = { w: 0, wc: 0, n: 0, c: 0, last: null }));
    return a;
  };
  for (const p of options.points ?? []) touch(p);
  for (const h of history) {
    const w = Math.pow(0.5, Math.max(0, now - h.at) / halfLife);
    const points = new Set(options.rollUp ? h.knowledgePoints.flatMap(ancestors) : h.knowledgePoints);
    for (const p of points) {
      const a = touch(p);
      a.w += w;
      a.n++;
      if (h.correct) { a.wc += w; a.c++; }
      a.last = a.last === null ? h.at : Math.max(a.last, h.at);
    }
  }
  return [...acc]
    .map(([point, a]) => ({
      point,
      mastery: (a.wc + MASTERY_PRIOR * MASTERY_STRENGTH) / (a.w + MASTERY_STRENGTH),
      attempts: a.n,
      correct: a.c,
      evidence: a.w,
      lastAt: a.last,
    }))
    .sort((x, y) => (x.point < y.point ? -1 : x.point > y.point ? 1 : 0));
}

// ---- wrong-answer book -----------------------------------------------------------------

export type BookEntry = { questionId: string; addedAt: number; wrongCount: number; rightStreak: number; lastAt: number };
export type WrongBook = Record<string, BookEntry>;

/** Apply one answer to the wrong-answer book. */
export function updateWrongBook(book: WrongBook, answer: { questionId: string; correct: boolean; at: number }): WrongBook {
  const entry = book[answer.questionId];
  if (!answer.correct) {
    return {
      ...book,
      [answer.questionId]: entry
        ? { ...entry, wrongCount: entry.wrongCount + 1, rightStreak: 0, lastAt: answer.at }
        : { questionId: answer.questionId, addedAt: answer.at, wrongCount: 1, rightStreak: 0, lastAt: answer.at },
    };
  }
  if (!entry) return book;
  if (entry.rightStreak + 1 >= LEAVE_BOOK_AFTER_RIGHT) {
    const { [answer.questionId]: _gone, ...rest } = book;
    return rest;
  }
  return { ...book, [answer.questionId]: { ...entry, rightStreak: entry.rightStreak + 1, lastAt: answer.at } };
}

/** The book after a whole history (answers applied in time order). */
export function buildWrongBook(history: { questionId: string; correct: boolean; at: number }[]): WrongBook {
  return [...history].sort((a, b) => a.at - b.at).reduce(updateWrongBook, {} as WrongBook);
}

// ---- daily practice ----------------------------------------------------------------------

export type PoolQuestion = { questionId: string; knowledgePoints: string[] };

export type DailyInput = {
  pool: PoolQuestion[];
  mastery: Mastery[];
  book: WrongBook;
  count: number;
  seed: string | number;
  learnerId: string;
  /** The practice day, e.g. '2026-11-23' (the caller's calendar, in its time zone). */
  day: string;
};

export type DailyItem = { questionId: string; reason: 'wrong-book' | 'weak-point'; point: string | null };

/** Draw today's practice set. Same input, same set. */
export function drawDailyPractice(input: DailyInput): DailyItem[] {
  const { pool, count } = input;
  if (!Number.isInteger(count) || count < 1) throw invalid('count', 'the daily set needs at least one question');
  const key = `${input.seed}|${input.learnerId}|${input.day}`;
  const inPool = new Set(pool.map((q) => q.questionId));
  const picked = new Set<string>();
  const out: DailyItem[] = [];

  const bookIds = Object.values(input.book).filter((e) => inPool.has(e.questionId)).map((e) => e.questionId).sort();
  const bookOrder = permutation(bookIds.length, `${key}|book`).map((i) => bookIds[i]);
  for (const id of bookOrder.slice(0, Math.ceil(count / 2))) {
    picked.add(id);
    out.push({ questionId: id, reason: 'wrong-book', point: null });
  }

  const masteryOf = new Map(input.mastery.map((m) => [m.point, m.mastery]));
  const byPoint = new Map<string, string[]>();
  for (const q of pool) for (const p of q.knowledgePoints) byPoint.set(p, [...(byPoint.get(p) ?? []), q.questionId]);
  const points = [...byPoint.keys()].sort((a, b) => (masteryOf.get(a) ?? MASTERY_PRIOR) - (masteryOf.get(b) ?? MASTERY_PRIOR) || (a < b ? -1 : a > b ? 1 : 0));
  const queues = points.map((p) => {
    const ids = [...(byPoint.get(p) ?? [])].sort();
    return { point: p, ids: permutation(ids.length, `${key}|${p}`).map((i) => ids[i]) };
  });
  while (out.length < count && queues.some((q) => q.ids.length)) {
    for (const q of queues) {
      if (out.length >= count) break;
      let id: string | undefined;
      while ((id = q.ids.shift()) !== undefined && picked.has(id));
      if (id === undefined) continue;
      picked.add(id);
      out.push({ questionId: id, reason: 'weak-point', point: q.point });
    }
  }
  const questionless = pool.filter((q) => q.knowledgePoints.length === 0 && !picked.has(q.questionId)).map((q) => q.questionId).sort();
  for (const i of permutation(questionless.length, `${key}|rest`)) {
    if (out.length >= count) break;
    out.push({ questionId: questionless[i], reason: 'weak-point', point: null });
  }
  return out;
}
