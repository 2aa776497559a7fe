/** Scoring rules of the stage formats, shared by decide's handlers and its timer. */
import type { BodyOut } from './decide-types.ts';
import { isCorrectChoice } from './model.ts';
import { activeUnits, answerOf, questionOf, type ArenaState } from './state.ts';
import type { Verdict } from './events.ts';

export const defaultStake = (s: ArenaState) => Math.min(...s.config.riskStakes);

/** 必答/PK: +points or 0; 抢答: +points or −wrong-answer penalty; 风险: ± the stake. */
export function deltaOf(s: ArenaState, unitId: string, verdict: Verdict): number {
  const q = s.q!;
  const question = questionOf(s)!;
  if (q.format === 'risk') {
    const stake = q.stakes[unitId] ?? defaultStake(s);
    return verdict === 'right' ? stake : -stake;
  }
  if (verdict === 'right') return question.points;
  return q.format === 'buzzer' ? -s.config.penalties.wrongAnswer : 0;
}

/** A judgement and what follows: the question ends, waits for the host, or reopens the buzz. */
export function judgeEvents(s: ArenaState, a: { unitId: string; verdict: Verdict; by: 'host' | 'system'; reason: string | null; now: number }): BodyOut[] {
  const q = s.q!;
  const delta = deltaOf(s, a.unitId, a.verdict);
  const base = { type: 'judged' as const, unitId: a.unitId, verdict: a.verdict, delta, judge: a.by, reason: a.reason };
  if (q.simultaneous) return [{ ...base, then: 'wait' }];
  if (a.verdict === 'right' || q.format !== 'buzzer') return [{ ...base, then: 'done' }];
  const lockedOut = new Set([...q.lockedOut, a.unitId]);
  const remaining = activeUnits(s).filter((u) => !lockedOut.has(u));
  const policy = s.config.reopenAfterWrong;
  if (policy === 'never' || remaining.length === 0) return [{ ...base, then: 'done' }];
  const judged: BodyOut = { ...base, then: 'reopen' };
  if (policy === 'host') return [judged];
  return [judged, { type: 'buzzOpened', openAt: a.now, reopen: true, excluded: [...lockedOut] }];
}

/** Closing a question: the close itself, then for simultaneous stage questions with options, each unit's verdict. */
export function closeEvents(s: ArenaState, reason: 'host' | 'time-up', now: number): BodyOut[] {
  const q = s.q!;
  const question = questionOf(s)!;
  const out: BodyOut[] = [{ type: 'questionClosed', questionId: q.questionId, reason, answered: q.answers.count }];
  if (!q.simultaneous || q.format === 'mass-quiz' || question.answer === 'oral') return out;
  for (const unitId of activeUnits(s)) {
    if (q.verdicts[unitId]) continue;
    const a = answerOf(q, unitId);
    const verdict: Verdict = a && isCorrectChoice(question, a.choice) ? 'right' : 'wrong';
    out.push(...judgeEvents(s, { unitId, verdict, by: 'system', reason: a ? null : 'no-answer', now }));
  }
  return out;
}
