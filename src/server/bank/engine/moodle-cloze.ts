import { findUnescaped, splitUnescaped } from './escaped.ts';
import { BLANK_PATTERN, why, type Why } from './model.ts';

/**
 * Moodle's embedded-answers (cloze, type "multianswer"/"cloze") syntax, restricted to what a
 * fill-in-the-blank question is: every field a SHORTANSWER or NUMERICAL sub-question.
 * `{1:SHORTANSWER:=光猫~=ONU#feedback~%0%*}` → one blank accepting 光猫 and ONU.
 * A cloze with choice sub-questions (MULTICHOICE, MULTIRESPONSE, …) is not a fill question
 * and is reported as such.
 */

const FILL_KINDS = new Set(['SHORTANSWER', 'SA', 'MW', 'SHORTANSWER_C', 'SAC', 'MWC', 'NUMERICAL', 'NM']);
const NUMERIC_KINDS = new Set(['NUMERICAL', 'NM']);
const FIELD_START = /\{(\d*):([A-Z_]+):/y;

export type ClozeResult =
  | { ok: true; text: string; blanks: string[][] }
  | ({ ok: false } & Why);

/**
 * Split a cloze question text into the text with each field replaced by `placeholder(i)`
 * and the accepted answers of each field.
 */
export function parseClozeFields(raw: string, placeholder: (i: number) => string): ClozeResult {
  let out = '';
  const blanks: string[][] = [];
  const other = new Set<string>();
  let pos = 0;
  while (pos < raw.length) {
    const open = raw.indexOf('{', pos);
    if (open < 0) break;
    FIELD_START.lastIndex = open;
    const m = FIELD_START.exec(raw);
    if (!m) {
      out += raw.slice(pos, open + 1);
      pos = open + 1;
      continue;
    }
    const close = findUnescaped(raw, '}', FIELD_START.lastIndex);
    if (close < 0) return { ok: false, ...why(`cloze field "${raw.slice(open, open + 30)}" is never closed with }`, `嵌入答案字段“${raw.slice(open, open + 30)}”没有用 } 结束`) };
    const kind = m[2];
    out += raw.slice(pos, open);
    if (!FILL_KINDS.has(kind)) {
      other.add(kind);
    } else {
      out += placeholder(blanks.length);
      blanks.push(fieldAnswers(raw.slice(FIELD_START.lastIndex, close), NUMERIC_KINDS.has(kind)));
    }
    pos = close + 1;
  }
  out += raw.slice(pos);
  if (other.size > 0) {
    return {
      ok: false,
      ...why(`cloze (embedded answers) with ${[...other].join(', ')} sub-questions is not a fill-in-the-blank question`, `含 ${[...other].join('、')} 子题的嵌入答案（cloze）题不是填空题`),
    };
  }
  if (blanks.length === 0) return { ok: false, ...why('cloze (embedded answers) question has no answer fields', '嵌入答案（cloze）题没有答案字段') };
  return { ok: true, text: out, blanks };
}

function fieldAnswers(body: string, numeric: boolean): string[] {
  const accepted: string[] = [];
  for (const part of splitUnescaped(body, ['~'])) {
    let answer = part;
    const hash = findUnescaped(answer, '#');
    if (hash >= 0) answer = answer.slice(0, hash);
    let full = false;
    if (answer.startsWith('=')) {
      full = true;
      answer = answer.slice(1);
    } else {
      const w = /^%(-?\d+(?:\.\d+)?)%/.exec(answer);
      if (w) {
        full = Number(w[1]) >= 99.99;
        answer = answer.slice(w[0].length);
      }
    }
    answer = unescapeCloze(answer).trim();
    if (!full || answer === '' || answer === '*') continue;
    if (numeric) {
      const [value, tolerance] = answer.split(':').map((s) => s.trim());
      answer = tolerance && Number(tolerance) !== 0 ? `${value}±${tolerance}` : value;
    }
    accepted.push(answer);
  }
  return accepted;
}

const unescapeCloze = (s: string): string => s.replace(/\\(.)/g, '$1');
const escapeCloze = (s: string): string => s.replace(/[\\}~#]/g, (c) => '\\' + c);

/**
 * A fill stem with `_____` blanks → cloze text. Blanks beyond the markers in the stem are
 * appended at the end, each after a space.
 */
export function formatCloze(stem: string, blanks: string[][]): string {
  const field = (alts: string[]): string => `{1:SHORTANSWER:${alts.map((a) => '=' + escapeCloze(a)).join('~')}}`;
  let i = 0;
  let text = stem.replace(BLANK_PATTERN, (marker) => (i < blanks.length ? field(blanks[i++]) : marker));
  while (i < blanks.length) text += (text === '' ? '' : ' ') + field(blanks[i++]);
  return text;
}
