/** Which console actions make sense now (the server still decides: a refusal is shown). */
import type { RoundView } from './api.ts';

export type HostAction = 'next' | 'openQuestion' | 'openBuzz' | 'right' | 'wrong' | 'closeQuestion' | 'undoLastJudgement' | 'pause' | 'resume' | 'finish' | 'adjust';

export const ACTION_KEYS: Record<string, HostAction | 'help'> = { ' ': 'openBuzz', o: 'openQuestion', r: 'right', w: 'wrong', c: 'closeQuestion', n: 'next', u: 'undoLastJudgement', p: 'pause', a: 'adjust', '?': 'help' };

export function availableActions(v: RoundView | null): Set<HostAction> {
  const out = new Set<HostAction>();
  if (!v || v.status === 'finished') return out;
  out.add(v.paused ? 'resume' : 'pause');
  out.add('adjust');
  out.add('undoLastJudgement');
  const q = v.question;
  const isLast = q ? q.index + 1 >= v.questionCount : v.questionCount === 0;
  if (!q || q.phase === 'closed') {
    if (!isLast) out.add('next');
    out.add('finish');
    return out;
  }
  if (q.phase === 'ready') out.add('openQuestion');
  if (q.format === 'buzzer' && q.phase === 'open') out.add('openBuzz');
  if (q.phase === 'answering' && q.correct === 'oral') out.add('right').add('wrong');
  if (q.phase !== 'ready') out.add('closeQuestion');
  return out;
}

/** The command a key or button sends. */
export function commandOf(a: Exclude<HostAction, 'adjust' | 'finish'>, v: RoundView | null): { type: string; [k: string]: unknown } {
  const expectedSeq = v?.seq;
  if (a === 'right' || a === 'wrong') return { type: 'judge', verdict: a, expectedSeq };
  return { type: a, expectedSeq };
}
