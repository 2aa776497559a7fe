import { DEFAULT_DIFFICULTY, DEFAULT_SCORE, isWhy, optionKey, why, type Option, type ParseResult, type Question, type Why } from './model.ts';
import { decodeInput } from './text.ts';
import { describeProblems, describeProblemsZh, validateQuestion } from './validate.ts';

/**
 * Aiken → single-choice questions:
 *
 *     光猫 LOS 灯红色闪烁通常表示什么？      (stem: one or more lines)
 *     A. 光信号中断                         (options: `A.`, `A)`, `A、`, space optional)
 *     B) 设备正在升级
 *     ANSWER: A
 *
 * Blank lines are ignored. As an extension `ANSWER: AC` (several letters) gives a multiple
 * choice. Errors, each reported at the line where they show and skipped: an option or
 * `ANSWER:` with no question before it, fewer than 2 options, an answer letter that is not
 * an option, options out of order, and a question whose `ANSWER:` line is missing when the
 * next one starts (reported at the line where the next one starts, which is then read).
 */
const OPTION = /^([A-Z])\s*[.)、．）]\s*(.*)$/;
const ANSWER = /^ANSWER\s*[:：]\s*(.*)$/i;

type Pending = { line: number; stem: string[]; options: Option[] };

export function parseAiken(input: string | Uint8Array): ParseResult {
  const lines = decodeInput(input, 'Aiken').split('\n');
  const result: ParseResult = { questions: [], skipped: [] };
  let q: Pending | null = null;
  const skip = (line: number, reason: Why): void => {
    result.skipped.push({ line, ...reason });
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === '') return;
    const answer = ANSWER.exec(text);
    if (answer) {
      if (!q) return skip(line, why('ANSWER: with no question before it', 'ANSWER: 行前面没有题目'));
      const done = finish(q, answer[1], line);
      if (isWhy(done)) skip(line, done);
      else result.questions.push(done);
      q = null;
      return;
    }
    const option = OPTION.exec(text);
    if (option && q && q.stem.length > 0 && (q.options.length > 0 || option[1] === 'A')) {
      const expected = optionKey(q.options.length);
      if (option[1] !== expected) {
        skip(line, why(`option ${option[1]} found where option ${expected} was expected`, `此处应为选项 ${expected}，却是选项 ${option[1]}`));
        q = null;
        return;
      }
      q.options.push({ key: option[1], text: option[2].trim() });
      return;
    }
    if (option && !q) return skip(line, why(`option ${option[1]} with no question before it`, `选项 ${option[1]} 前面没有题目`));
    if (q && q.options.length > 0) {
      skip(line, why(`the question at line ${q.line} has no ANSWER: line before the next question starts`, `第 ${q.line} 行的题目在下一题开始前没有 ANSWER: 行`));
      q = null;
    }
    if (!q) q = { line, stem: [], options: [] };
    q.stem.push(text);
  });
  if (q !== null) {
    const open: Pending = q;
    skip(open.line, why(`the question at line ${open.line} ends without an ANSWER: line`, `第 ${open.line} 行的题目到结尾都没有 ANSWER: 行`));
  }
  return result;
}

function finish(q: Pending, answerText: string, line: number): (Question & { line: number }) | Why {
  if (q.options.length < 2) return why(`too few answers: the question at line ${q.line} has ${q.options.length} option(s), it needs at least 2`, `选项太少：第 ${q.line} 行的题目只有 ${q.options.length} 个选项，至少需要 2 个`);
  const letters = answerText.toUpperCase().replace(/[\s,，、;；]/g, '');
  if (!/^[A-Z]+$/.test(letters)) return why(`ANSWER: "${answerText}" is not an option letter`, `ANSWER:“${answerText}”不是选项字母`);
  const keys = [...new Set(letters.split(''))].sort();
  const type = keys.length > 1 ? 'multiple' : 'single';
  const question: Question = {
    type,
    stem: q.stem.join('\n'),
    options: q.options,
    answer: { kind: 'choice', keys },
    attachments: [],
    track: null,
    knowledgePoints: [],
    difficulty: DEFAULT_DIFFICULTY,
    score: DEFAULT_SCORE[type],
    explanation: '',
    source: '',
    status: 'active',
    externalKey: null,
  };
  const problems = validateQuestion(question);
  if (problems.length > 0) return why(`line ${line}: ${describeProblems(problems)}`, `第 ${line} 行：${describeProblemsZh(problems)}`);
  return { ...question, line: q.line };
}
