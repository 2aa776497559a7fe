import { findUnescaped, splitBefore, unescapeAll } from './escaped.ts';
import { optionKey, why, type Question, type Why } from './model.ts';
import { matchingStem } from './moodle-xml.ts';
import { htmlToText, tidyLines } from './text.ts';

/**
 * The answer block of a GIFT question, typed the way Moodle types it:
 * - `{}` → essay (short);
 * - `{#…}` → numerical → fill (`{#3:2}` → `3±2`, `{#1..5}` → `3±2`);
 * - any unescaped `~` → multiple choice: single when some answer is marked `=`, else
 *   multiple, whose correct options are those with a positive `%weight%`;
 * - `=` and `->` → matching → fill (one blank per pair; see moodle-xml.ts);
 * - `T`, `F`, `TRUE`, `FALSE` → truefalse;
 * - otherwise short answer → fill with one blank; `=%50%…` partial answers and the `*`
 *   wildcard are not accepted alternatives.
 */
export type GiftAnswers = Pick<Question, 'type' | 'stem' | 'options' | 'answer'>;

type Format = 'html' | 'moodle' | 'plain' | 'markdown' | null;

/** Read a leading `[html]`-style format marker. */
export function takeFormat(text: string): { format: Format; rest: string } {
  const m = /^\s*\[(html|moodle|plain|markdown)\]/i.exec(text);
  return m ? { format: m[1].toLowerCase() as Format, rest: text.slice(m[0].length) } : { format: null, rest: text };
}

/** GIFT-escaped text in a given format → the plain text kept in the bank. */
export function giftText(raw: string, format: Format): string {
  const text = unescapeAll(raw.replace(/\\n/g, '\n'));
  if (format === 'html') return htmlToText(text);
  if (format === 'moodle') return htmlToText(text.replace(/\n/g, '<br>'));
  return tidyLines(text);
}

type GiftAnswer = { mark: '=' | '~' | ''; weight: number | null; text: string };

function readAnswers(answerText: string): GiftAnswer[] {
  return splitBefore(answerText, '=~')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const mark = part[0] === '=' || part[0] === '~' ? part[0] : '';
      let text = part.slice(mark.length).trim();
      let weight: number | null = null;
      const w = /^%(-?\d+(?:\.\d+)?)%/.exec(text);
      if (w) {
        weight = Number(w[1]);
        text = text.slice(w[0].length);
      }
      const hash = findUnescaped(text, '#');
      if (hash >= 0) text = text.slice(0, hash);
      return { mark, weight, text: text.trim() };
    });
}

const cleanAnswer = (raw: string): string => {
  const { format, rest } = takeFormat(raw);
  return giftText(rest, format);
};

export function parseGiftAnswers(answerText: string, stem: string): GiftAnswers | Why {
  const base = { stem, options: [] };
  if (answerText === '') return { ...base, type: 'short', answer: { kind: 'text', reference: '' } };
  if (answerText.startsWith('#')) return numerical(answerText.slice(1), stem);
  if (findUnescaped(answerText, '~') >= 0) return choice(answerText, stem);
  if (findUnescaped(answerText, '=') >= 0 && findUnescaped(answerText, '->') >= 0) return matching(answerText, stem);
  const hash = findUnescaped(answerText, '#');
  const tf = (hash >= 0 ? answerText.slice(0, hash) : answerText).trim().toUpperCase();
  if (tf === 'T' || tf === 'TRUE' || tf === 'F' || tf === 'FALSE') {
    return { ...base, type: 'truefalse', answer: { kind: 'truefalse', value: tf.startsWith('T') } };
  }
  const answers = readAnswers(answerText);
  if (answers.some((a) => a.mark !== '=')) return why(`short answer "${answerText.slice(0, 40)}": every answer must start with =`, `填空题“${answerText.slice(0, 40)}”：每个答案都要以 = 开头`);
  const accepted = answers.filter((a) => (a.weight ?? 100) >= 99.99 && a.text !== '*').map((a) => cleanAnswer(a.text)).filter((t) => t !== '');
  if (accepted.length === 0) return why('short answer: the question has no correct answer (no answer at 100 %)', '填空题没有正确答案（没有 100% 得分的答案）');
  return { ...base, type: 'fill', answer: { kind: 'fill', blanks: [accepted] } };
}

function choice(answerText: string, stem: string): GiftAnswers | Why {
  const answers = readAnswers(answerText);
  const stray = answers.find((a) => a.mark === '');
  if (stray) return why(`multiple choice: "${stray.text.slice(0, 30)}" must start with = or ~`, `选择题：“${stray.text.slice(0, 30)}”应以 = 或 ~ 开头`);
  const single = answers.some((a) => a.mark === '=');
  const options = answers.map((a, i) => ({ key: optionKey(i), text: cleanAnswer(a.text) }));
  const fraction = (a: GiftAnswer): number => a.weight ?? (a.mark === '=' ? 100 : 0);
  const keys = options.filter((_, i) => (single ? fraction(answers[i]) >= 99.99 : fraction(answers[i]) > 0)).map((o) => o.key);
  if (keys.length === 0) return why('multiple choice: the question has no correct answer (mark it with = or a positive %weight%)', '选择题没有正确答案（请用 = 或正的 %权重% 标出）');
  return { type: single ? 'single' : 'multiple', stem, options, answer: { kind: 'choice', keys } };
}

function matching(answerText: string, stem: string): GiftAnswers | Why {
  const pairs: { prompt: string; answer: string }[] = [];
  for (const a of readAnswers(answerText)) {
    const arrow = findUnescaped(a.text, '->');
    if (a.mark !== '=' || arrow < 0) return why(`matching: "${a.text.slice(0, 30)}" must be written =question -> answer`, `匹配题：“${a.text.slice(0, 30)}”应写成 =小题 -> 答案`);
    pairs.push({ prompt: cleanAnswer(a.text.slice(0, arrow)), answer: cleanAnswer(a.text.slice(arrow + 2)) });
  }
  const asked = pairs.filter((p) => p.prompt !== '');
  if (asked.length === 0) return why('matching: no sub-questions', '匹配题没有小题');
  if (asked.some((p) => p.answer === '')) return why('matching: a sub-question has no answer after ->', '匹配题：有小题在 -> 之后没有答案');
  return {
    type: 'fill',
    stem: matchingStem(stem, asked.map((p) => p.prompt), pairs.map((p) => p.answer)),
    options: [],
    answer: { kind: 'fill', blanks: asked.map((p) => [p.answer]) },
  };
}

function numerical(body: string, stem: string): GiftAnswers | Why {
  const accepted: string[] = [];
  for (const a of readAnswers(body)) {
    if (a.mark === '~' || (a.weight !== null && a.weight < 99.99) || a.text === '') continue;
    const value = numericalValue(a.text);
    if (value === null) return why(`numerical: "${a.text}" is not a number, number:tolerance or min..max`, `数值题：“${a.text}”不是数字、数字:误差 或 最小值..最大值`);
    accepted.push(value);
  }
  if (accepted.length === 0) return why('numerical: the question has no correct answer', '数值题没有正确答案');
  return { type: 'fill', stem, options: [], answer: { kind: 'fill', blanks: [accepted] } };
}

const NUM = /^-?\d+(?:\.\d+)?$/;

function numericalValue(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  const range = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)$/.exec(t);
  if (range) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    const mid = (lo + hi) / 2;
    return `${mid}±${Math.abs(hi - lo) / 2}`;
  }
  const [value, tolerance] = t.split(':');
  if (!NUM.test(value) || (tolerance !== undefined && !NUM.test(tolerance))) return null;
  return tolerance && Number(tolerance) !== 0 ? `${value}±${tolerance}` : value;
}
