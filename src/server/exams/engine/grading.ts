/**
 * Grading one response against one question version (判分). Pure.
 *
 * Declared rules:
 * - single, true/false: all or nothing;
 * - multiple: the exam chooses `all-or-nothing` (exactly the correct keys) or `partial`:
 *   each correct key chosen earns max/|correct|, each wrong key chosen loses max/|correct|,
 *   the total floored at 0 (and never above max);
 * - fill: each blank is worth max/blanks (`per-blank`) or the item is all or nothing
 *   (`all-blanks`); a blank is right when its normalised text equals a normalised
 *   alternative, or when the alternative is numeric `v±t` and the answer is a number within t;
 * - short / case / scenario: not graded here, status `needs-marking`;
 * - no response (null) scores 0 and is not correct.
 * Scores are rounded to 6 decimal places so that 1/3 + 1/3 + 1/3 reads as 1.
 */
import { invalid } from '../../errors.ts';
import type { Answer, Option, QuestionType } from '../../bank/engine/model.ts';

export type MultiplePolicy = 'all-or-nothing' | 'partial';
export type FillPolicy = 'per-blank' | 'all-blanks';
export type SpacePolicy = 'ignore' | 'collapse' | 'keep';

/** How fill-in answers are compared; per exam. */
export type Normalisation = {
  /** Full-width (全角) letters, digits, punctuation and the ideographic space → half-width (半角). */
  width: boolean;
  /** `ignore`: remove all whitespace; `collapse`: runs of whitespace → one space; `keep`. Leading/trailing always trimmed. */
  spaces: SpacePolicy;
  /** Compare case-insensitively. */
  caseInsensitive: boolean;
  /** Chinese punctuation (，。：；！？（）【】“”‘’、) compares equal to its English counterpart. */
  punctuation: boolean;
};

export type GradingOptions = { multiple: MultiplePolicy; fill: FillPolicy; normalisation: Normalisation };

export const DEFAULT_NORMALISATION: Normalisation = { width: true, spaces: 'ignore', caseInsensitive: true, punctuation: true };
export const DEFAULT_GRADING: GradingOptions = { multiple: 'all-or-nothing', fill: 'per-blank', normalisation: DEFAULT_NORMALISATION };

/** The parts of a question version grading needs. */
export type GradableQuestion = { type: QuestionType; options: Option[]; answer: Answer; score: number };

export type Response =
  | { kind: 'choice'; keys: string[] }
  | { kind: 'truefalse'; value: boolean }
  | { kind: 'fill'; blanks: string[] }
  | { kind: 'text'; text: string };

export type BlankResult = { index: number; given: string; correct: boolean; matched: string | null; score: number };

export type GradeResult =
  | { status: 'graded'; score: number; max: number; correct: boolean; blanks: BlankResult[] | null }
  | { status: 'needs-marking'; score: null; max: number; correct: null; blanks: null };

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

const PUNCTUATION: Record<string, string> = {
  '，': ',', '。': '.', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')', '【': '[', '】': ']',
  '“': '"', '”': '"', '‘': "'", '’': "'", '、': ',', '《': '<', '》': '>', '—': '-', '－': '-', '～': '~', '…': '...',
};
const PUNCTUATION_RE = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'g');

/** Full-width ASCII (U+FF01–U+FF5E) and U+3000 → half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The normalised form compared by fill-in grading. Idempotent. */
export function normaliseText(text: string, n: Normalisation): string {
  let t = text.normalize('NFC');
  if (n.punctuation) t = t.replace(PUNCTUATION_RE, (c) => PUNCTUATION[c]);
  if (n.width) t = toHalfWidth(t);
  if (n.punctuation) t = t.replace(PUNCTUATION_RE, (c) => PUNCTUATION[c]);
  if (n.caseInsensitive) t = t.toLowerCase();
  t = t.trim();
  if (n.spaces === 'ignore') t = t.replace(/\s+/g, '');
  else if (n.spaces === 'collapse') t = t.replace(/\s+/g, ' ');
  return t;
}

const NUMERIC_ALTERNATIVE = /^\s*([-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?)\s*±\s*(\d+(?:\.\d+)?)\s*$/i;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** Does `given` match one alternative? Returns the alternative matched, or null. */
export function matchBlank(given: string, alternatives: string[], n: Normalisation): string | null {
  const g = normaliseText(given, n);
  if (g === '') return null;
  for (const alt of alternatives) {
    const numeric = NUMERIC_ALTERNATIVE.exec(alt);
    if (numeric) {
      const half = toHalfWidth(given).replace(/\s+/g, '');
      if (!NUMBER.test(half)) continue;
      if (Math.abs(Number(half) - Number(numeric[1])) <= Number(numeric[2]) + 1e-12) return alt;
      continue;
    }
    if (normaliseText(alt, n) === g) return alt;
  }
  return null;
}

/** Multiple-choice score under a policy, before rounding. */
export function scoreChoice(correct: string[], chosen: string[], max: number, policy: MultiplePolicy): number {
  const right = new Set(correct);
  const picked = new Set(chosen);
  if (policy === 'all-or-nothing' || right.size === 0) {
    const exact = picked.size === right.size && [...picked].every((k) => right.has(k));
    return exact ? max : 0;
  }
  const unit = max / right.size;
  let score = 0;
  for (const k of picked) score += right.has(k) ? unit : -unit;
  return Math.min(max, Math.max(0, score));
}

function expectKind<K extends Response['kind']>(response: Response, kind: K, type: QuestionType): asserts response is Extract<Response, { kind: K }> {
  if (response.kind !== kind) throw invalid('response', `a ${type} question takes a ${kind} response, not ${response.kind}`);
}

function graded(score: number, max: number, blanks: BlankResult[] | null = null): GradeResult {
  const s = round6(score);
  return { status: 'graded', score: s, max, correct: s === round6(max) && max > 0, blanks };
}

/** Grade one response. A malformed response (wrong kind, unknown option) is a VALIDATION error. */
export function gradeResponse(question: GradableQuestion, response: Response | null, options: GradingOptions = DEFAULT_GRADING): GradeResult {
  const max = question.score;
  if (!(max >= 0)) throw new Error(`question score must be ≥ 0, got ${max}`);
  const { type, answer } = question;
  if (type === 'short' || type === 'case' || type === 'scenario') {
    if (response) expectKind(response, 'text', type);
    return { status: 'needs-marking', score: null, max, correct: null, blanks: null };
  }
  if (type === 'single' || type === 'multiple') {
    if (answer.kind !== 'choice') throw new Error(`${type} question without a choice answer`);
    if (!response) return graded(0, max);
    expectKind(response, 'choice', type);
    const known = new Set(question.options.map((o) => o.key));
    const unknown = response.keys.find((k) => !known.has(k));
    if (unknown !== undefined) throw invalid('response', `option ${unknown} is not on this question`);
    if (type === 'single' && new Set(response.keys).size > 1) throw invalid('response', 'a single-choice question takes one option');
    const policy = type === 'single' ? 'all-or-nothing' : options.multiple;
    return graded(scoreChoice(answer.keys, response.keys, max, policy), max);
  }
  if (type === 'truefalse') {
    if (answer.kind !== 'truefalse') throw new Error('truefalse question without a truefalse answer');
    if (!response) return graded(0, max);
    expectKind(response, 'truefalse', type);
    return graded(response.value === answer.value ? max : 0, max);
  }
  if (answer.kind !== 'fill') throw new Error('fill question without a fill answer');
  const count = answer.blanks.length;
  if (response) {
    expectKind(response, 'fill', type);
    if (response.blanks.length > count) throw invalid('response', `this question has ${count} blanks, ${response.blanks.length} were given`);
  }
  const unit = count ? max / count : 0;
  const blanks: BlankResult[] = answer.blanks.map((alternatives, index) => {
    const given = response?.blanks[index] ?? '';
    const matched = matchBlank(given, alternatives, options.normalisation);
    return { index, given, correct: matched !== null, matched, score: matched !== null ? round6(unit) : 0 };
  });
  const allRight = count > 0 && blanks.every((b) => b.correct);
  const score = options.fill === 'all-blanks' ? (allRight ? max : 0) : blanks.filter((b) => b.correct).length * unit;
  if (options.fill === 'all-blanks') for (const b of blanks) b.score = allRight ? round6(unit) : 0;
  return graded(score, max, blanks);
}

/**
 * Moodle's random guess score (get_random_guess_score): choice → correct keys / options
 * (for multiple choice this assumes the stem says how many are right, as Moodle does);
 * true/false → 0.5; fill-in → 0; judged types → null (not meaningful).
 */
export function randomGuessScore(question: Pick<GradableQuestion, 'type' | 'options' | 'answer'>): number | null {
  const { type, options, answer } = question;
  if (type === 'single' || type === 'multiple') return answer.kind === 'choice' && options.length ? answer.keys.length / options.length : null;
  if (type === 'truefalse') return 0.5;
  if (type === 'fill') return 0;
  return null;
}
