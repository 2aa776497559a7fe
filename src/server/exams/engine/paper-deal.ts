/**
 * Dealing papers to candidates (发卷), deterministic from the exam's seed.
 *
 * Two modes:
 * - one paper, shuffled per candidate: question order and each choice question's option
 *   order are a stable permutation of (seed, candidate[, question]); the candidate sees keys
 *   A, B, C … in display order, and `toCanonicalKeys` maps them back for grading;
 * - parallel papers (A/B/C 卷): `round-robin` in the order given, or `balanced` — candidates
 *   sorted by organisation then seat, dealt round-robin from a seeded starting paper, so
 *   neighbours in an organisation get different papers and every paper's count, overall and
 *   in each organisation, differs from another's by at most 1.
 */
import { invalid } from '../../errors.ts';
import { mulberry32, shuffleInPlace } from '../../bank/engine/prng.ts';
import { optionKey } from '../../bank/engine/model.ts';

/** FNV-1a, 32-bit: a stable number from a string. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seeded permutation of 0…n−1 from a string key. */
export function permutation(n: number, key: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  shuffleInPlace(order, mulberry32(hashSeed(key)));
  return order;
}

export type DealQuestion = {
  questionId: string;
  /** Canonical option keys (A, B, …) in the bank's order; empty for non-choice types. */
  optionKeys: string[];
  /** Keep the option order (e.g. "all of the above"). */
  fixedOptions?: boolean;
};

export type DealtQuestion = {
  questionId: string;
  /** 1-based position on this candidate's paper. */
  position: number;
  /** Canonical keys in display order: the option shown as A is `optionOrder[0]`. */
  optionOrder: string[];
};

export type CandidatePaper = { candidateId: string; questions: DealtQuestion[] };

export type ShuffleInput = {
  seed: string | number;
  candidateId: string;
  questions: DealQuestion[];
  shuffleQuestions?: boolean;
  shuffleOptions?: boolean;
};

/** The candidate's own view of the one paper. Same input, same paper. */
export function dealShuffledPaper(input: ShuffleInput): CandidatePaper {
  const { seed, candidateId, questions } = input;
  if (candidateId === '') throw invalid('candidateId', 'a candidate is needed');
  const ids = new Set(questions.map((q) => q.questionId));
  if (ids.size !== questions.length) throw invalid('questions', 'a question appears twice on the paper');
  const order = input.shuffleQuestions === false ? questions.map((_, i) => i) : permutation(questions.length, `${seed}|${candidateId}`);
  return {
    candidateId,
    questions: order.map((index, i) => {
      const q = questions[index];
      const keep = input.shuffleOptions === false || q.fixedOptions || q.optionKeys.length < 2;
      const optionOrder = keep ? [...q.optionKeys] : permutation(q.optionKeys.length, `${seed}|${candidateId}|${q.questionId}`).map((j) => q.optionKeys[j]);
      return { questionId: q.questionId, position: i + 1, optionOrder };
    }),
  };
}

/** Display keys (what the candidate clicked) → canonical keys (what grading compares), sorted. */
export function toCanonicalKeys(question: DealtQuestion, displayKeys: string[]): string[] {
  return displayKeys
    .map((k) => {
      const index = k.length === 1 ? k.charCodeAt(0) - 65 : -1;
      const canonical = question.optionOrder[index];
      if (canonical === undefined) throw invalid('response', `option ${k} is not on this question`);
      return canonical;
    })
    .sort();
}

/** Canonical keys → the keys this candidate sees, sorted (to show a saved answer or the solution). */
export function toDisplayKeys(question: DealtQuestion, canonicalKeys: string[]): string[] {
  return canonicalKeys
    .map((k) => {
      const index = question.optionOrder.indexOf(k);
      if (index < 0) throw invalid('response', `option ${k} is not on this question`);
      return optionKey(index);
    })
    .sort();
}

export type DealCandidate = { candidateId: string; organisationId: string; /** Seat or list order within the organisation. */ seat?: number };
export type ParallelStrategy = 'round-robin' | 'balanced';

/** Parallel papers → candidateId → paper id. */
export function dealParallelPapers(input: { seed: string | number; paperIds: string[]; candidates: DealCandidate[]; strategy: ParallelStrategy }): Record<string, string> {
  const { paperIds, candidates, strategy, seed } = input;
  if (paperIds.length === 0) throw invalid('paperIds', 'at least one paper is needed');
  if (new Set(paperIds).size !== paperIds.length) throw invalid('paperIds', 'paper ids must be distinct');
  if (new Set(candidates.map((c) => c.candidateId)).size !== candidates.length) throw invalid('candidates', 'a candidate appears twice');
  const start = hashSeed(`${seed}|papers`) % paperIds.length;
  const ordered =
    strategy === 'round-robin'
      ? candidates
      : candidates
          .map((c, i) => ({ c, i }))
          .sort((a, b) => cmp(a.c.organisationId, b.c.organisationId) || (a.c.seat ?? a.i) - (b.c.seat ?? b.i) || a.i - b.i)
          .map((x) => x.c);
  const out: Record<string, string> = {};
  ordered.forEach((c, i) => {
    out[c.candidateId] = paperIds[(start + i) % paperIds.length];
  });
  return out;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
