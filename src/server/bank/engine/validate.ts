import {
  ATTACHMENT_KINDS,
  isChoiceType,
  isDifficulty,
  isJudgedType,
  isStatus,
  type Question,
  type Why,
  why,
} from './model.ts';

export type QuestionProblem = { field: string; message: string; messageZh: string };

const problem = (field: string, message: string, messageZh: string): QuestionProblem => ({ field, message, messageZh });

/** Everything wrong with a question; an empty list means it can be saved. */
export function validateQuestion(q: Question): QuestionProblem[] {
  const out: QuestionProblem[] = [];
  if (q.stem.trim() === '') out.push(problem('stem', 'the stem is empty', '题干为空'));
  if (!isDifficulty(q.difficulty)) {
    out.push(problem('difficulty', `difficulty ${q.difficulty} is not an integer from 1 to 5`, `难度 ${q.difficulty} 不是 1–5 的整数`));
  }
  if (!Number.isFinite(q.score) || q.score <= 0) {
    out.push(problem('score', `score ${q.score} must be a positive number`, `分值 ${q.score} 必须为正数`));
  }
  if (!isStatus(q.status)) out.push(problem('status', `unknown status "${q.status}"`, `未知状态"${q.status}"`));
  q.knowledgePoints.forEach((kp) => {
    if (kp.split('/').some((s) => s.trim() === '')) {
      out.push(problem('knowledgePoints', `knowledge point "${kp}" has an empty level`, `知识点"${kp}"含空层级`));
    }
  });
  q.attachments.forEach((a, i) => {
    if (!(ATTACHMENT_KINDS as readonly string[]).includes(a.kind) || a.name.trim() === '') {
      out.push(problem('attachments', `attachment ${i + 1} needs a kind (image/audio/video/file) and a name`, `附件 ${i + 1} 缺少类型或名称`));
    }
  });
  out.push(...validateAnswer(q));
  return out;
}

function validateAnswer(q: Question): QuestionProblem[] {
  const out: QuestionProblem[] = [];
  const a = q.answer;
  if (isChoiceType(q.type)) {
    if (a.kind !== 'choice') return [problem('answer', `a ${q.type}-choice question needs option letters as its answer`, '选择题的答案应为选项字母')];
    const keys = q.options.map((o) => o.key);
    if (q.options.length < 2) out.push(problem('options', `a choice question needs at least 2 options, it has ${q.options.length}`, `选择题至少需要 2 个选项，现有 ${q.options.length} 个`));
    if (new Set(keys).size !== keys.length) out.push(problem('options', 'two options have the same letter', '选项字母重复'));
    q.options.forEach((o) => {
      if (o.text.trim() === '') out.push(problem('options', `option ${o.key} is empty`, `选项 ${o.key} 为空`));
    });
    if (a.keys.length === 0) out.push(problem('answer', 'the question has no correct answer', '没有正确答案'));
    const unknown = a.keys.filter((k) => !keys.includes(k));
    if (unknown.length > 0) {
      out.push(problem('answer', `answer ${unknown.join('')} is not among the options ${keys.join('')}`, `答案 ${unknown.join('')} 不在选项 ${keys.join('')} 中`));
    }
    if (new Set(a.keys).size !== a.keys.length) out.push(problem('answer', 'an answer letter is repeated', '答案字母重复'));
    if (q.type === 'single' && a.keys.length > 1) {
      out.push(problem('answer', `a single-choice question has one answer, not ${a.keys.join('')}`, `单选题只能有一个答案，而不是 ${a.keys.join('')}`));
    }
    return out;
  }
  if (q.options.length > 0) out.push(problem('options', `a ${q.type} question has no options`, '该题型不应有选项'));
  if (q.type === 'truefalse') {
    if (a.kind !== 'truefalse') out.push(problem('answer', 'a true/false question needs true or false as its answer', '判断题的答案应为 对 或 错'));
    return out;
  }
  if (q.type === 'fill') {
    if (a.kind !== 'fill') return [...out, problem('answer', 'a fill-in-the-blank question needs the accepted answers of each blank', '填空题需给出每个空的答案')];
    if (a.blanks.length === 0) out.push(problem('answer', 'the question has no correct answer (no blanks)', '没有正确答案（没有空）'));
    a.blanks.forEach((alts, i) => {
      if (alts.length === 0 || alts.some((t) => t.trim() === '')) {
        out.push(problem('answer', `blank ${i + 1} has no accepted answer`, `第 ${i + 1} 个空没有答案`));
      }
    });
    return out;
  }
  if (isJudgedType(q.type) && a.kind !== 'text') {
    out.push(problem('answer', `a ${q.type} question takes a reference answer text`, '主观题的答案应为参考答案文本'));
  }
  return out;
}

/** The problems of a question as one line, for a skipped-row reason. */
export const describeProblems = (problems: QuestionProblem[]): string => problems.map((p) => p.message).join('; ');
/** The same problems in Chinese (joined with '；'). */
export const describeProblemsZh = (problems: QuestionProblem[]): string => problems.map((p) => p.messageZh).join('；');
/** The problems as a skipped-row reason in both languages. */
export const problemsWhy = (problems: QuestionProblem[]): Why => why(describeProblems(problems), describeProblemsZh(problems));
