/** Bank questions (question_version content) as the engine's questions: choices stay choices, the rest are judged aloud. */
import type { Question as BankQuestion } from '../bank/engine/model.ts';
import type { Question, RoundFormat } from './engine/index.ts';

export const TRUE_FALSE_OPTIONS = [{ key: 'T', text: '正确' }, { key: 'F', text: '错误' }];

export function fromBank(q: BankQuestion, a: { id: string; points: number; timeLimitMs: number; format?: RoundFormat }): Question {
  const base = { id: a.id, prompt: q.stem, points: a.points, timeLimitMs: a.timeLimitMs, ...(a.format && { format: a.format }) };
  if ((q.type === 'single' || q.type === 'multiple') && q.answer.kind === 'choice') {
    return { ...base, kind: q.type, options: q.options.map((o) => ({ key: o.key, text: o.text })), answer: [...q.answer.keys] };
  }
  if (q.type === 'truefalse' && q.answer.kind === 'truefalse') return { ...base, kind: 'true-false', options: TRUE_FALSE_OPTIONS, answer: [q.answer.value ? 'T' : 'F'] };
  return { ...base, kind: 'oral', options: [], answer: 'oral' };
}
