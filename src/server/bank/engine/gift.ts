import { findUnescaped, unescapeAll } from './escaped.ts';
import { giftText, parseGiftAnswers, takeFormat } from './gift-answers.ts';
import { BLANK, DEFAULT_DIFFICULTY, DEFAULT_SCORE, isWhy, why, type ParseResult, type Question, type Why } from './model.ts';
import { categoryPath } from './moodle-xml.ts';
import { decodeInput, htmlAttachments } from './text.ts';
import { problemsWhy, validateQuestion } from './validate.ts';

/**
 * GIFT (Moodle's text format) → questions. Questions are separated by blank lines; lines
 * starting with `//` are comments; `$CATEGORY: a/b` sets the knowledge point of the
 * questions that follow. Types are told apart as Moodle does (see gift-answers.ts).
 * Text after the answer block makes a "missing word" stem: the block becomes `_____`.
 * `[html]` and `[moodle]` text is reduced to plain text; `[plain]`, `[markdown]` and text
 * with no format are kept as written. A broken question is skipped with its line and the
 * reason; the rest of the file is still read.
 */
export function parseGift(input: string | Uint8Array): ParseResult {
  const lines = decodeInput(input, 'GIFT').split('\n');
  const result: ParseResult = { questions: [], skipped: [] };
  let category: string | null = null;
  let chunk: { line: number; text: string[] } | null = null;

  const flush = (): void => {
    if (!chunk) return;
    const { line, text } = chunk;
    chunk = null;
    const mapped = parseGiftQuestion(text.join('\n'));
    if (isWhy(mapped)) {
      result.skipped.push({ line, ...mapped });
      return;
    }
    const q = {
      ...mapped,
      track: null,
      knowledgePoints: category ? [category] : [],
      difficulty: DEFAULT_DIFFICULTY,
      score: DEFAULT_SCORE[mapped.type],
      source: '',
      status: 'active' as const,
      externalKey: null,
    };
    const problems = validateQuestion(q);
    if (problems.length > 0) result.skipped.push({ line, ...problemsWhy(problems) });
    else result.questions.push({ ...q, line });
  };

  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return flush();
    if (line.startsWith('//')) return;
    if (line.startsWith('$CATEGORY:')) {
      flush();
      category = categoryPath(line.slice('$CATEGORY:'.length).trim());
      return;
    }
    if (!chunk) chunk = { line: i + 1, text: [] };
    chunk.text.push(raw);
  });
  flush();
  return result;
}

type GiftMapped = Pick<Question, 'type' | 'stem' | 'options' | 'answer' | 'explanation' | 'attachments'>;

function parseGiftQuestion(text: string): GiftMapped | Why {
  let rest = text.trim();
  if (rest.startsWith('::')) {
    const end = findUnescaped(rest, '::', 2);
    if (end < 0) return why('the question title is opened with :: but never closed', '题目标题以 :: 开头，但没有用 :: 结束');
    rest = rest.slice(end + 2);
  }
  const { format, rest: body } = takeFormat(rest);
  const open = findUnescaped(body, '{');
  const close = open < 0 ? -1 : findUnescaped(body, '}', open + 1);
  if (open < 0) {
    if (findUnescaped(body, '}') >= 0) return why('a } closes an answer block that was never opened with {', '出现了 }，但前面没有用 { 开始答案块');
    return why('no answer block {…}: a description, not a question', '没有答案块 {…}：这是一段说明文字，不是题目');
  }
  if (close < 0) return why('the answer block { is never closed with }', '答案块 { 没有用 } 结束');
  if (findUnescaped(body, '{', close + 1) >= 0) return why('more than one answer block {…} in one question (is a blank line missing between two questions?)', '一道题里有多个答案块 {…}（两道题之间是否少了空行？）');
  const before = body.slice(0, open);
  const after = body.slice(close + 1);
  const stemRaw = after.trim() === '' ? before : `${before}${BLANK}${after}`;
  let answerText = body.slice(open + 1, close).trim();
  let explanation = '';
  const general = findUnescaped(answerText, '####');
  if (general >= 0) {
    const fb = takeFormat(answerText.slice(general + 4));
    explanation = giftText(fb.rest, fb.format);
    answerText = answerText.slice(0, general).trim();
  }
  const stem = giftText(stemRaw, format);
  if (stem === '') return why('the question has no text', '题干为空');
  const media = format === 'html' || format === 'moodle' ? htmlAttachments(unescapeAll(stemRaw)) : [];
  const answers = parseGiftAnswers(answerText, stem);
  if (isWhy(answers)) return answers;
  return { ...answers, explanation, attachments: media };
}
