import { escapeChars, splitUnescaped, unescapeAll } from './escaped.ts';
import {
  DEFAULT_SCORE,
  cleanPath,
  cleanText,
  isChoiceType,
  optionKey,
  type Answer,
  type Attachment,
  type ParseResult,
  type Question,
  type QuestionType,
  type Why,
  isWhy,
  why,
} from './model.ts';
import {
  REQUIRED_COLUMNS,
  SHEET_HEADER_ZH,
  STATUS_LABEL_ZH,
  TEMPLATE_OPTION_COUNT,
  TYPE_LABEL_ZH,
  mapHeaderRow,
  parseAttachmentKind,
  parseDifficulty,
  parseStatus,
  parseTrueFalse,
  parseTypeLabel,
  type HeaderMap,
  type SheetColumn,
} from './sheet-columns.ts';
import { fileError } from './text.ts';
import { problemsWhy, validateQuestion } from './validate.ts';

/**
 * Spreadsheet rows (already read from .xlsx/.csv as strings) ↔ questions. The template and
 * its cell conventions are described in sheet-columns.ts. Rows are numbered as the
 * spreadsheet shows them: the first row is 1. The header is the first row (of the first
 * ten) that has 题型 and 题干; rows above it (a title, instructions) are ignored, blank rows
 * are ignored, and every other row becomes a question or a skipped row with its reason.
 */
export function mapSheetRows(rows: string[][]): ParseResult {
  const headerIndex = rows.slice(0, 10).findIndex((r) => {
    const h = mapHeaderRow(r);
    return h.columns.type !== undefined && h.columns.stem !== undefined;
  });
  if (rows.every((r) => r.every((c) => (c ?? '').trim() === ''))) throw fileError('the spreadsheet is empty', 0, '表格是空的');
  const header = mapHeaderRow(rows[Math.max(0, headerIndex)]);
  const missing = REQUIRED_COLUMNS.filter((c) => header.columns[c] === undefined);
  if (headerIndex < 0 || missing.length > 0) {
    const line = Math.max(0, headerIndex) + 1;
    throw fileError(
      `row ${line}: the header row lacks ${missing.map((c) => SHEET_HEADER_ZH[c]).join(', ')}; the template's header is ${templateHeader(TEMPLATE_OPTION_COUNT).join(',')}`,
      line,
      `第 ${line} 行：表头缺少 ${missing.map((c) => SHEET_HEADER_ZH[c]).join('、')} 列；模板的表头为 ${templateHeader(TEMPLATE_OPTION_COUNT).join(',')}`,
    );
  }
  const result: ParseResult = { questions: [], skipped: [] };
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i].map((c) => cleanText(c ?? ''));
    if (cells.every((c) => c === '')) continue;
    const mapped = mapRow(cells, header);
    if (isWhy(mapped)) result.skipped.push({ line: i + 1, ...mapped });
    else result.questions.push({ ...mapped, line: i + 1 });
  }
  return result;
}

function mapRow(cells: string[], header: HeaderMap): Question | Why {
  const cell = (c: SheetColumn): string => {
    const i = header.columns[c];
    return i === undefined ? '' : (cells[i] ?? '');
  };
  const errors: Why[] = [];
  const typeText = cell('type');
  const type = parseTypeLabel(typeText);
  if (!type) {
    return why(`题型 "${typeText}" is not one of ${Object.values(TYPE_LABEL_ZH).join(', ')}`, `题型“${typeText}”无效，应为 ${Object.values(TYPE_LABEL_ZH).join('、')} 之一`);
  }
  const difficulty = parseDifficulty(cell('difficulty'));
  if (difficulty === undefined) errors.push(why(`难度 "${cell('difficulty')}" is not 1–5`, `难度“${cell('difficulty')}”无效，应为 1–5`));
  const scoreText = cell('score');
  const score = scoreText === '' ? DEFAULT_SCORE[type] : Number(scoreText);
  const status = parseStatus(cell('status'));
  if (status === undefined) errors.push(why(`状态 "${cell('status')}" is not 草稿, 启用 or 停用`, `状态“${cell('status')}”无效，应为 草稿、启用 或 停用`));
  const options = isChoiceType(type) ? readOptions(cells, header, errors) : [];
  const answer = readAnswer(type, cell('answer'), errors);
  const attachments = readAttachments(cell('attachments'), errors);
  if (errors.length > 0 || !answer || difficulty === undefined || status === undefined) return why(errors.map((e) => e.reason).join('; '), errors.map((e) => e.reasonZh).join('；'));
  const question: Question = {
    type,
    stem: cell('stem'),
    options,
    answer,
    attachments,
    track: cell('track') === '' ? null : cell('track'),
    knowledgePoints: splitUnescaped(cell('knowledgePoints'), [';', '；'])
      .map((p) => cleanPath(unescapeAll(p)))
      .filter((p) => p !== ''),
    difficulty,
    score,
    explanation: cell('explanation'),
    source: cell('source'),
    status,
    externalKey: cell('externalKey') === '' ? null : cell('externalKey'),
  };
  const problems = validateQuestion(question);
  return problems.length > 0 ? problemsWhy(problems) : question;
}

function readOptions(cells: string[], header: HeaderMap, errors: Why[]): Question['options'] {
  const texts = header.options.map((col) => (col === undefined ? '' : (cells[col] ?? '')));
  let last = texts.length - 1;
  while (last >= 0 && texts[last] === '') last--;
  const options: Question['options'] = [];
  for (let i = 0; i <= last; i++) {
    if (texts[i] === '') errors.push(why(`选项${optionKey(i)} is empty but a later option is filled`, `选项${optionKey(i)} 为空，但后面的选项有内容`));
    options.push({ key: optionKey(i), text: texts[i] });
  }
  return options;
}

const EMPTY_ANSWER = why('答案 is empty: the question has no correct answer', '答案为空：没有正确答案');

function readAnswer(type: QuestionType, text: string, errors: Why[]): Answer | null {
  if (isChoiceType(type)) {
    const letters = text.toUpperCase().replace(/[\s,，、;；]/g, '');
    if (letters === '') {
      errors.push(EMPTY_ANSWER);
      return null;
    }
    if (!/^[A-Z]+$/.test(letters)) {
      errors.push(why(`答案 "${text}" is not option letters like AC`, `答案“${text}”不是选项字母（如 AC）`));
      return null;
    }
    return { kind: 'choice', keys: [...new Set(letters.split(''))].sort() };
  }
  if (type === 'truefalse') {
    const value = parseTrueFalse(text);
    if (value === undefined) errors.push(why(`答案 "${text}" is not 对 or 错`, `答案“${text}”无效，应为 对 或 错`));
    return value === undefined ? null : { kind: 'truefalse', value };
  }
  if (type === 'fill') {
    if (text === '') {
      errors.push(EMPTY_ANSWER);
      return null;
    }
    const blanks = splitUnescaped(text, ['|']).map((blank) =>
      splitUnescaped(blank, ['/']).map((alt) => unescapeAll(alt).trim()).filter((alt) => alt !== ''),
    );
    return { kind: 'fill', blanks };
  }
  return { kind: 'text', reference: text };
}

function readAttachments(text: string, errors: Why[]): Attachment[] {
  if (text === '') return [];
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [kindText = '', name = '', url = ''] = splitUnescaped(l, ['|']).map((p) => unescapeAll(p).trim());
      const kind = parseAttachmentKind(kindText);
      if (!kind) errors.push(why(`附件 "${l}": the kind must be image, audio, video or file`, `附件“${l}”：类型应为 图片、音频、视频 或 文件`));
      return url === '' ? { kind: kind ?? 'file', name } : { kind: kind ?? 'file', name, url };
    });
}

/** The header of the template with `optionCount` option columns. */
export function templateHeader(optionCount: number): string[] {
  const options = Array.from({ length: optionCount }, (_, i) => `选项${optionKey(i)}`);
  const h = SHEET_HEADER_ZH;
  return [h.type, h.stem, ...options, h.answer, h.track, h.knowledgePoints, h.difficulty, h.score, h.explanation, h.source, h.status, h.attachments, h.externalKey];
}

/** Questions → rows of the template (header first); `mapSheetRows` reads them back. */
export function questionsToSheetRows(questions: Question[]): string[][] {
  const optionCount = Math.max(TEMPLATE_OPTION_COUNT, ...questions.map((q) => q.options.length));
  const rows = [templateHeader(optionCount)];
  for (const q of questions) {
    const options = Array.from({ length: optionCount }, (_, i) => q.options[i]?.text ?? '');
    rows.push([
      TYPE_LABEL_ZH[q.type],
      q.stem,
      ...options,
      formatAnswer(q.answer),
      q.track ?? '',
      q.knowledgePoints.map((kp) => escapeChars(kp, ';；')).join(';'),
      String(q.difficulty),
      String(q.score),
      q.explanation,
      q.source,
      STATUS_LABEL_ZH[q.status],
      q.attachments.map((a) => [a.kind, a.name, ...(a.url !== undefined ? [a.url] : [])].map((p) => escapeChars(p, '|')).join('|')).join('\n'),
      q.externalKey ?? '',
    ]);
  }
  return rows;
}

function formatAnswer(a: Answer): string {
  switch (a.kind) {
    case 'choice':
      return a.keys.join('');
    case 'truefalse':
      return a.value ? '正确' : '错误';
    case 'fill':
      return a.blanks.map((alts) => alts.map((alt) => escapeChars(alt, '|/')).join('/')).join('|');
    case 'text':
      return a.reference;
  }
}
