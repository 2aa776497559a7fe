/**
 * The question model of the bank (题库). Pure data: parsers produce it, exporters consume
 * it, the assembler reads a subset of it. Every parser returns questions in the canonical
 * form described here, so `parse(export(q))` can be compared with `q` field by field.
 *
 * Canonical form:
 * - text fields are trimmed, line breaks are `\n`;
 * - choice options are keyed `A`, `B`, `C`, … in display order; answer keys sorted;
 * - true/false questions have no options;
 * - a fill-in-the-blank question marks its blanks in the stem with `_____` (five
 *   underscores, as Moodle's GIFT importer does); a one-blank question may omit it.
 */

export const QUESTION_TYPES = ['single', 'multiple', 'truefalse', 'fill', 'short', 'case', 'scenario'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const CHOICE_TYPES: readonly QuestionType[] = ['single', 'multiple'];
/** Types whose answer is free text judged by a person. */
export const JUDGED_TYPES: readonly QuestionType[] = ['short', 'case', 'scenario'];

export const QUESTION_STATUSES = ['draft', 'active', 'retired'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const DIFFICULTIES = [1, 2, 3, 4, 5] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const ATTACHMENT_KINDS = ['image', 'audio', 'video', 'file'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export type Attachment = { kind: AttachmentKind; name: string; url?: string };

export type Option = { key: string; text: string };

/**
 * The answer, by type:
 * - single / multiple: `{ kind: 'choice', keys: ['A','C'] }` (sorted option keys);
 * - truefalse: `{ kind: 'truefalse', value: true }`;
 * - fill: `{ kind: 'fill', blanks: [['光猫','ONU'], ['192.168.1.1']] }`, one list of accepted
 *   alternatives per blank; an alternative written `3±2` means the number 3 with tolerance 2
 *   (that is how Moodle numerical answers are kept);
 * - short / case / scenario: `{ kind: 'text', reference: '…' }`, the reference answer or
 *   scoring points for the judge (may be empty).
 */
export type Answer =
  | { kind: 'choice'; keys: string[] }
  | { kind: 'truefalse'; value: boolean }
  | { kind: 'fill'; blanks: string[][] }
  | { kind: 'text'; reference: string };

export type Question = {
  type: QuestionType;
  stem: string;
  options: Option[];
  answer: Answer;
  /** Images, audio, video or files shown with the stem; mostly for scenario (情景) questions. */
  attachments: Attachment[];
  /** Track/specialty (专业), e.g. 语音客服; null = common to every track. */
  track: string | null;
  /** Paths in the bank's knowledge tree, e.g. `宽带/故障/光猫`. */
  knowledgePoints: string[];
  difficulty: Difficulty;
  /** Default points. */
  score: number;
  explanation: string;
  source: string;
  status: QuestionStatus;
  /** A key given by the source file (Moodle idnumber, spreadsheet 编号), if any. */
  externalKey: string | null;
};

/** A question as a parser found it: `line` is the 1-based line (or spreadsheet row). */
export type ParsedQuestion = Question & { line: number };

/** Why something was not read, in English and in Chinese (the product is zh-CN first). */
export type Why = { reason: string; reasonZh: string };
export const why = (reason: string, reasonZh: string): Why => ({ reason, reasonZh });
/** True for a parser's refusal (a question never has a `reasonZh`). */
export const isWhy = (v: object): v is Why => 'reasonZh' in v;

export type Skipped = { line: number; reason: string; reasonZh: string };

export type ParseResult = { questions: ParsedQuestion[]; skipped: Skipped[] };

/** The default points of a new question of each type, when a file gives none. */
export const DEFAULT_SCORE: Record<QuestionType, number> = {
  single: 1,
  multiple: 2,
  truefalse: 1,
  fill: 1,
  short: 5,
  case: 10,
  scenario: 10,
};

export const DEFAULT_DIFFICULTY: Difficulty = 3;

/** The canonical blank marker in fill-in-the-blank stems. */
export const BLANK = '_____';
export const BLANK_PATTERN = /_{3,}/g;

export const isChoiceType = (t: QuestionType): boolean => t === 'single' || t === 'multiple';
export const isJudgedType = (t: QuestionType): boolean => t === 'short' || t === 'case' || t === 'scenario';
export const isQuestionType = (v: string): v is QuestionType => (QUESTION_TYPES as readonly string[]).includes(v);
export const isStatus = (v: string): v is QuestionStatus => (QUESTION_STATUSES as readonly string[]).includes(v);
export const isDifficulty = (v: number): v is Difficulty => Number.isInteger(v) && v >= 1 && v <= 5;

/** Option keys A, B, … Z for index 0, 1, … */
export const optionKey = (index: number): string => String.fromCharCode(65 + index);

/** A new question with every field at its default; `patch` overrides. */
export function newQuestion(type: QuestionType, stem: string, patch: Partial<Question> = {}): Question {
  const answer: Answer =
    type === 'single' || type === 'multiple'
      ? { kind: 'choice', keys: [] }
      : type === 'truefalse'
        ? { kind: 'truefalse', value: true }
        : type === 'fill'
          ? { kind: 'fill', blanks: [] }
          : { kind: 'text', reference: '' };
  return {
    type,
    stem,
    options: [],
    answer,
    attachments: [],
    track: null,
    knowledgePoints: [],
    difficulty: DEFAULT_DIFFICULTY,
    score: DEFAULT_SCORE[type],
    explanation: '',
    source: '',
    status: 'active',
    externalKey: null,
    ...patch,
  };
}

/** Trim text, unify line breaks. */
export const cleanText = (s: string): string => s.replace(/\r\n?/g, '\n').trim();

/** A knowledge-point path in canonical form: segments trimmed, empty ones dropped, `/` between. */
export function cleanPath(path: string): string {
  return path
    .split(/[/／\\]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join('/');
}

/** True when `point` is `path` or lies under it in the knowledge tree. */
export function isUnderPath(point: string, path: string): boolean {
  return point === path || point.startsWith(path + '/');
}

/** Strip the `line` a parser added, giving a plain question. */
export function withoutLine(q: ParsedQuestion): Question {
  const { line: _line, ...rest } = q;
  return rest;
}
