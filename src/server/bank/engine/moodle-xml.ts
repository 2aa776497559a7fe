import {
  ATTACHMENT_KINDS,
  BLANK,
  DEFAULT_DIFFICULTY,
  cleanPath,
  cleanText,
  isDifficulty,
  isStatus,
  optionKey,
  type Answer,
  type Attachment,
  type AttachmentKind,
  type ParseResult,
  type ParsedQuestion,
  type Question,
  type QuestionType,
  type Why,
  isWhy,
  why,
} from './model.ts';
import { parseClozeFields } from './moodle-cloze.ts';
import { decodeInput, fileError, formattedText, htmlAttachments } from './text.ts';
import { describeProblems, describeProblemsZh, validateQuestion } from './validate.ts';
import { childrenNamed, firstChild, innerText, parseXml, textOf, type XmlElement } from './xml.ts';

/**
 * Moodle XML → questions.
 * - multichoice → single (`<single>true</single>`, the default) or multiple; the correct
 *   options of a single choice are those at 100 %, of a multiple choice those above 0 %;
 * - truefalse → truefalse; essay → short; shortanswer → fill with one blank whose accepted
 *   alternatives are the 100 % answers (partial-credit answers and the `*` wildcard are dropped);
 * - numerical → fill, alternatives written `3` or `3±0.5` (value ± tolerance);
 * - matching → fill: one blank per sub-question, appended to the stem as numbered lines
 *   `(1) sub-question _____`, then a line listing every answer the matcher could choose from;
 * - cloze whose fields are all short-answer/numerical → fill (that is how multi-blank fill
 *   questions are exported); any other cloze, and ddwtos, gapselect, calculated*,
 *   description, random… are skipped with a reason naming the type;
 * - `<question type="category">` sets the knowledge point of the questions that follow
 *   (`$course$/top/宽带/故障` → `宽带/故障`; Moodle's "Default for …" level is dropped);
 * - a `<servicestar>` element (written by our exporter, ignored by Moodle) carries the
 *   fields Moodle has no place for: type case/scenario, track, knowledge points, difficulty,
 *   status, source, attachments.
 */
export function parseMoodleXml(input: string | Uint8Array): ParseResult {
  const root = parseXml(decodeInput(input, 'Moodle XML'));
  if (root.name !== 'quiz') {
    throw fileError(
      `line ${root.line}: the root element is <${root.name}>; a Moodle XML file has <quiz>`,
      root.line,
      `第 ${root.line} 行：根元素是 <${root.name}>，Moodle XML 文件的根元素应为 <quiz>`,
    );
  }
  const result: ParseResult = { questions: [], skipped: [] };
  let category: string | null = null;
  for (const el of childrenNamed(root, 'question')) {
    const type = el.attrs.type ?? '';
    if (type === 'category') {
      category = categoryPath(textOf(el, 'category') ?? '');
      continue;
    }
    const mapped = mapQuestion(el, type, category);
    if (isWhy(mapped)) {
      result.skipped.push({ line: el.line, ...mapped });
      continue;
    }
    const problems = validateQuestion(mapped);
    if (problems.length > 0) {
      const name = MOODLE_TYPE_ZH[type] ? `Moodle ${MOODLE_TYPE_ZH[type]}（${type}）` : `Moodle 题型 ${type}`;
      result.skipped.push({ line: el.line, reason: `${type} question: ${describeProblems(problems)}`, reasonZh: `${name}：${describeProblemsZh(problems)}` });
    }
    else result.questions.push({ ...mapped, line: el.line });
  }
  const stray = root.children.find((c): c is XmlElement => typeof c !== 'string' && c.name !== 'question');
  if (stray) result.skipped.push({ line: stray.line, reason: `<${stray.name}> is not a <question>`, reasonZh: `<${stray.name}> 不是题目元素 <question>` });
  return result;
}

const SKIP_REASONS: Record<string, Why> = {
  description: why('a description is text, not a question', '说明只是一段文字，不是题目'),
  ddwtos: why('drag and drop into text', '拖放到文本'),
  ddimageortext: why('drag and drop onto image', '拖放到图片'),
  ddmarker: why('drag and drop markers', '拖放标记'),
  gapselect: why('select missing words', '选择缺失的词'),
  calculated: why('calculated', '计算题'),
  calculatedsimple: why('simple calculated', '简单计算题'),
  calculatedmulti: why('calculated multichoice', '计算选择题'),
  randomsamatch: why('random short-answer matching', '随机短答匹配题'),
  random: why('random question placeholder', '随机题占位'),
  ordering: why('ordering', '排序题'),
};

/** Moodle's question types that we read, in Chinese, for a reason naming the type. */
const MOODLE_TYPE_ZH: Record<string, string> = {
  multichoice: '选择题', truefalse: '判断题', shortanswer: '短答题', numerical: '数值题', essay: '问答题',
  matching: '匹配题', match: '匹配题', cloze: '嵌入答案题', multianswer: '嵌入答案题',
};

function mapQuestion(el: XmlElement, type: string, category: string | null): Question | Why {
  const { extType, ...base } = baseFields(el, category);
  const qt = firstChild(el, 'questiontext');
  const format = qt?.attrs.format;
  const rawStem = textOf(el, 'questiontext') ?? '';
  const stem = formattedText(rawStem, format);
  const isHtml = format === undefined || format === 'html' || format === 'moodle_auto_format';
  const media = isHtml ? htmlAttachments(rawStem) : [];
  const attachments = base.attachments.length > 0 ? base.attachments : media;
  const answers = childrenNamed(el, 'answer').map((a) => ({
    text: formattedText(textOf(a, 'text') ?? innerText(a), a.attrs.format ?? 'plain_text'),
    fraction: Number(a.attrs.fraction ?? '0'),
  }));
  const make = (t: QuestionType, answer: Answer, extra: Partial<Question> = {}): Question => ({
    ...base,
    type: t,
    stem,
    options: [],
    answer,
    attachments,
    ...extra,
  });
  switch (type) {
    case 'multichoice': {
      const single = !/^(false|0)$/i.test((textOf(el, 'single') ?? 'true').trim());
      const options = answers.map((a, i) => ({ key: optionKey(i), text: a.text }));
      const keys = options.filter((_, i) => (single ? answers[i].fraction >= 99.99 : answers[i].fraction > 0)).map((o) => o.key);
      return make(single ? 'single' : 'multiple', { kind: 'choice', keys }, { options });
    }
    case 'truefalse': {
      const right = answers.find((a) => a.fraction > 0);
      if (!right) return why('truefalse question: the question has no correct answer', '判断题没有正确答案');
      return make('truefalse', { kind: 'truefalse', value: /^(true|t|1|对|正确)$/i.test(right.text.trim()) });
    }
    case 'shortanswer':
      return make('fill', { kind: 'fill', blanks: [fullCredit(answers).filter((t) => t !== '*')] });
    case 'numerical':
      return make('fill', { kind: 'fill', blanks: [numericalAnswers(el)] });
    case 'essay': {
      const reference = formattedText(textOf(el, 'graderinfo') ?? '', firstChild(el, 'graderinfo')?.attrs.format);
      const t = extType === 'case' || extType === 'scenario' ? extType : 'short';
      return make(t, { kind: 'text', reference });
    }
    case 'matching':
    case 'match':
      return mapMatching(el, stem, make);
    case 'cloze':
    case 'multianswer': {
      const isPlain = format === 'plain_text' || format === 'markdown';
      const cloze = parseClozeFields(rawStem, (i) => `\u0002${i}\u0002`);
      if (!cloze.ok) return why(cloze.reason, cloze.reasonZh);
      const text = formattedText(cloze.text, format).replace(/\u0002\d+\u0002/g, BLANK);
      const blanks = isPlain ? cloze.blanks : cloze.blanks.map((alts) => alts.map((a) => formattedText(a, 'html')));
      return make('fill', { kind: 'fill', blanks }, { stem: text });
    }
    default: {
      const name = SKIP_REASONS[type];
      if (name) return why(`unsupported question type "${type}" (${name.reason})`, `不支持的题型“${type}”（${name.reasonZh}）`);
      return why(`unsupported question type "${type || '(none)'}"`, type ? `不支持的题型“${type}”` : '不支持的题型（<question> 没有 type 属性）');
    }
  }
}

type BaseFields = Omit<Question, 'type' | 'stem' | 'options' | 'answer'> & { extType: string | null };

function baseFields(el: XmlElement, category: string | null): BaseFields {
  const ext = firstChild(el, 'servicestar');
  const extText = (name: string): string | null => {
    const c = firstChild(ext, name);
    return c ? cleanText(innerText(c)) : null;
  };
  const grade = Number((textOf(el, 'defaultgrade') ?? '').trim());
  const hidden = (textOf(el, 'hidden') ?? '0').trim() === '1';
  const difficulty = Number(extText('difficulty') ?? DEFAULT_DIFFICULTY);
  const status = extText('status') ?? (hidden ? 'draft' : 'active');
  const idnumber = cleanText(textOf(el, 'idnumber') ?? '');
  const attachments: Attachment[] = ext
    ? childrenNamed(ext, 'attachment').map((a) => {
        const kind = (ATTACHMENT_KINDS as readonly string[]).includes(a.attrs.kind ?? '') ? (a.attrs.kind as AttachmentKind) : 'file';
        const name = a.attrs.name ?? '';
        return a.attrs.url !== undefined ? { kind, name, url: a.attrs.url } : { kind, name };
      })
    : [];
  return {
    attachments,
    track: ext ? extText('track') || null : null,
    knowledgePoints: ext
      ? childrenNamed(ext, 'knowledgepoint').map((k) => cleanPath(innerText(k))).filter((k) => k !== '')
      : category
        ? [category]
        : [],
    difficulty: isDifficulty(difficulty) ? difficulty : DEFAULT_DIFFICULTY,
    score: Number.isFinite(grade) && grade > 0 ? grade : 1,
    explanation: formattedText(textOf(el, 'generalfeedback') ?? '', firstChild(el, 'generalfeedback')?.attrs.format),
    source: extText('source') ?? '',
    status: isStatus(status) ? status : 'active',
    externalKey: idnumber === '' ? null : idnumber,
    extType: extText('type'),
  };
}

/** `$course$/top/Default for 初赛/宽带/故障` → `宽带/故障`; nothing left → null. */
export function categoryPath(raw: string): string | null {
  const segments = cleanPath(raw.replace(/\/\//g, '\u0003')).split('/');
  if (segments[0]?.startsWith('$') && segments[0].endsWith('$')) segments.shift();
  if (segments[0] === 'top') segments.shift();
  if (segments[0] && /^Default for /i.test(segments[0])) segments.shift();
  const path = segments.join('/').replace(/\u0003/g, '/');
  return path === '' ? null : path;
}

function fullCredit(answers: { text: string; fraction: number }[]): string[] {
  return answers.filter((a) => a.fraction >= 99.99 && a.text !== '').map((a) => a.text);
}

function numericalAnswers(el: XmlElement): string[] {
  return childrenNamed(el, 'answer')
    .filter((a) => Number(a.attrs.fraction ?? '0') >= 99.99)
    .map((a) => {
      const value = cleanText(textOf(a, 'text') ?? innerText(a));
      const tolerance = Number(cleanText(innerText(firstChild(a, 'tolerance'))) || '0');
      return tolerance ? `${value}±${tolerance}` : value;
    })
    .filter((v) => v !== '' && v !== '*');
}

function mapMatching(el: XmlElement, stem: string, make: (t: QuestionType, a: Answer, extra?: Partial<Question>) => Question): Question | Why {
  const pairs = childrenNamed(el, 'subquestion').map((s) => ({
    prompt: formattedText(textOf(s, 'text') ?? '', s.attrs.format),
    answer: cleanText(textOf(s, 'answer') ?? ''),
  }));
  const asked = pairs.filter((p) => p.prompt !== '');
  if (asked.length === 0) return why('matching question: no sub-questions', '匹配题没有小题');
  return make('fill', { kind: 'fill', blanks: asked.map((p) => [p.answer]) }, { stem: matchingStem(stem, asked.map((p) => p.prompt), pairs.map((p) => p.answer)) });
}

/** The stem of a matching question kept as fill-in-the-blank (shared with the GIFT reader). */
export function matchingStem(stem: string, prompts: string[], choices: string[]): string {
  const lines = prompts.map((p, i) => `(${i + 1}) ${p} ${BLANK}`);
  const unique = [...new Set(choices.filter((c) => c !== ''))];
  return [stem, ...lines, `选项 / Choices: ${unique.join(' / ')}`].filter((l) => l !== '').join('\n');
}
