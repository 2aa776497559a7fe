/**
 * Saved answers of one attempt, written from several tabs or devices (多端作答).
 *
 * Declared rule: the server gives every accepted write a sequence number (strictly
 * increasing per attempt, assigned when the write is acknowledged). For each question the
 * answer with the highest sequence wins, and, independently, the flag with the highest
 * sequence wins; writes to other questions are never touched. Merging is therefore
 * commutative, associative and idempotent: replaying the log in any order, or applying a
 * retried write twice, gives the same state.
 */
import { invalid } from '../../errors.ts';

export type Write<A> =
  | { questionId: string; seq: number; ackAt: number; tabId: string; field: 'answer'; value: A | null }
  | { questionId: string; seq: number; ackAt: number; tabId: string; field: 'flag'; value: boolean };

export type Slot<A> = {
  answer: A | null;
  answerSeq: number;
  answeredAt: number | null;
  flagged: boolean;
  flagSeq: number;
};

export type AttemptAnswers<A> = { lastSeq: number; questions: Record<string, Slot<A>> };

export const emptyAnswers = <A>(): AttemptAnswers<A> => ({ lastSeq: 0, questions: {} });

const emptySlot = <A>(): Slot<A> => ({ answer: null, answerSeq: 0, answeredAt: null, flagged: false, flagSeq: 0 });

/** Apply one acknowledged write: it wins its field of its question iff its seq is the highest seen. */
export function applyWrite<A>(state: AttemptAnswers<A>, write: Write<A>): AttemptAnswers<A> {
  if (!Number.isInteger(write.seq) || write.seq < 1) throw new Error(`write seq must be a positive integer, got ${write.seq}`);
  const slot = state.questions[write.questionId] ?? emptySlot<A>();
  let next: Slot<A> = slot;
  if (write.field === 'answer' && write.seq > slot.answerSeq) {
    next = { ...slot, answer: write.value, answerSeq: write.seq, answeredAt: write.ackAt };
  } else if (write.field === 'flag' && write.seq > slot.flagSeq) {
    next = { ...slot, flagged: write.value, flagSeq: write.seq };
  }
  return {
    lastSeq: Math.max(state.lastSeq, write.seq),
    questions: next === slot && write.questionId in state.questions ? state.questions : { ...state.questions, [write.questionId]: next },
  };
}

/** Replay a log of acknowledged writes (any order). */
export function replayWrites<A>(writes: Write<A>[], from: AttemptAnswers<A> = emptyAnswers<A>()): AttemptAnswers<A> {
  return writes.reduce((s, w) => applyWrite(s, w), from);
}

/** Merge two views of the same attempt (e.g. a tab's cached state with the server's). */
export function mergeAnswers<A>(a: AttemptAnswers<A>, b: AttemptAnswers<A>): AttemptAnswers<A> {
  const questions: Record<string, Slot<A>> = { ...a.questions };
  for (const [id, sb] of Object.entries(b.questions)) {
    const sa = questions[id];
    if (!sa) { questions[id] = sb; continue; }
    const answerFrom = sb.answerSeq > sa.answerSeq ? sb : sa;
    const flagFrom = sb.flagSeq > sa.flagSeq ? sb : sa;
    questions[id] = { answer: answerFrom.answer, answerSeq: answerFrom.answerSeq, answeredAt: answerFrom.answeredAt, flagged: flagFrom.flagged, flagSeq: flagFrom.flagSeq };
  }
  return { lastSeq: Math.max(a.lastSeq, b.lastSeq), questions };
}

export type SaveRequest<A> =
  | { questionId: string; tabId: string; field: 'answer'; value: A | null }
  | { questionId: string; tabId: string; field: 'flag'; value: boolean };

/**
 * The server accepting a save: the next sequence number, the write, and the new state.
 * `questionIds` are the questions on the candidate's paper; anything else is refused.
 */
export function acceptSave<A>(state: AttemptAnswers<A>, request: SaveRequest<A>, ctx: { now: number; questionIds: ReadonlySet<string> }): { write: Write<A>; state: AttemptAnswers<A> } {
  if (!ctx.questionIds.has(request.questionId)) throw invalid('questionId', `question ${request.questionId} is not on this paper`);
  if (request.tabId === '') throw invalid('tabId', 'a tab id is needed');
  const write = { ...request, seq: state.lastSeq + 1, ackAt: ctx.now } as Write<A>;
  return { write, state: applyWrite(state, write) };
}

/** Answered and flagged counts, for the candidate's navigator and the proctor view. */
export function answerProgress<A>(state: AttemptAnswers<A>, questionIds: string[]): { answered: number; flagged: number; total: number } {
  let answered = 0;
  let flagged = 0;
  for (const id of questionIds) {
    const slot = state.questions[id];
    if (slot?.answer !== null && slot?.answer !== undefined) answered++;
    if (slot?.flagged) flagged++;
  }
  return { answered, flagged, total: questionIds.length };
}
