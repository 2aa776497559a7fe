import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { acceptSave, answerProgress, applyWrite, emptyAnswers, mergeAnswers, replayWrites, type AttemptAnswers, type Write } from './answer-merge.ts';

type A = { keys: string[] };
const ids = new Set(['q1', 'q2', 'q3']);

describe('two tabs on one attempt', () => {
  it('the last acknowledged write wins per question; the other tab\'s answers stay', () => {
    let s = emptyAnswers<A>();
    const save = (tabId: string, questionId: string, keys: string[], now: number) => {
      s = acceptSave(s, { tabId, questionId, field: 'answer', value: { keys } }, { now, questionIds: ids }).state;
    };
    save('tab1', 'q1', ['A'], 1);
    save('tab2', 'q2', ['B'], 2);
    save('tab2', 'q1', ['C'], 3);
    save('tab1', 'q3', ['D'], 4);
    expect(s.questions.q1.answer).toEqual({ keys: ['C'] });
    expect(s.questions.q2.answer).toEqual({ keys: ['B'] });
    expect(s.questions.q3.answer).toEqual({ keys: ['D'] });
    expect(s.lastSeq).toBe(4);
  });

  it('a flag and an answer on the same question do not overwrite each other', () => {
    let s = emptyAnswers<A>();
    s = acceptSave(s, { tabId: 't1', questionId: 'q1', field: 'answer', value: { keys: ['A'] } }, { now: 1, questionIds: ids }).state;
    s = acceptSave(s, { tabId: 't2', questionId: 'q1', field: 'flag', value: true }, { now: 2, questionIds: ids }).state;
    expect(s.questions.q1).toMatchObject({ answer: { keys: ['A'] }, flagged: true, answeredAt: 1 });
    expect(answerProgress(s, [...ids])).toEqual({ answered: 1, flagged: 1, total: 3 });
  });

  it('a late-arriving older write (lower seq) loses; a retried write changes nothing', () => {
    const w1: Write<A> = { questionId: 'q1', seq: 1, ackAt: 1, tabId: 't1', field: 'answer', value: { keys: ['A'] } };
    const w2: Write<A> = { questionId: 'q1', seq: 2, ackAt: 2, tabId: 't2', field: 'answer', value: { keys: ['B'] } };
    const s = replayWrites([w2, w1]);
    expect(s.questions.q1.answer).toEqual({ keys: ['B'] });
    expect(applyWrite(s, w2)).toEqual(s);
  });

  it('clearing an answer (null) is a write like any other', () => {
    const s = replayWrites<A>([
      { questionId: 'q1', seq: 1, ackAt: 1, tabId: 't', field: 'answer', value: { keys: ['A'] } },
      { questionId: 'q1', seq: 2, ackAt: 2, tabId: 't', field: 'answer', value: null },
    ]);
    expect(s.questions.q1.answer).toBeNull();
    expect(answerProgress(s, ['q1']).answered).toBe(0);
  });

  it('refuses a question that is not on the paper', () => {
    expect(() => acceptSave(emptyAnswers<A>(), { tabId: 't', questionId: 'q9', field: 'flag', value: true }, { now: 1, questionIds: ids })).toThrow(AppError);
  });
});

const writesArb = fc
  .array(fc.record({ q: fc.constantFrom('q1', 'q2', 'q3', 'q4'), flag: fc.boolean(), v: fc.integer({ min: 0, max: 9 }), tab: fc.constantFrom('t1', 't2') }), { maxLength: 40 })
  .map((xs) =>
    xs.map((x, i): Write<number> =>
      x.flag
        ? { questionId: x.q, seq: i + 1, ackAt: 1000 + i, tabId: x.tab, field: 'flag', value: x.v % 2 === 0 }
        : { questionId: x.q, seq: i + 1, ackAt: 1000 + i, tabId: x.tab, field: 'answer', value: x.v },
    ),
  );

/** The model: for each question, the last write of each field in sequence order. */
function model(writes: Write<number>[]) {
  const out: Record<string, { answer: number | null; flagged: boolean }> = {};
  for (const w of [...writes].sort((a, b) => a.seq - b.seq)) {
    out[w.questionId] ??= { answer: null, flagged: false };
    if (w.field === 'answer') out[w.questionId].answer = w.value;
    else out[w.questionId].flagged = w.value;
  }
  return out;
}
const view = (s: AttemptAnswers<number>) => Object.fromEntries(Object.entries(s.questions).map(([k, v]) => [k, { answer: v.answer, flagged: v.flagged }]));

describe('merge properties', () => {
  it('property: replaying in any order, with duplicates, equals the last-write-per-field model', () => {
    fc.assert(fc.property(writesArb.chain((ws) => fc.tuple(fc.constant(ws), fc.shuffledSubarray(ws, { minLength: ws.length, maxLength: ws.length }), fc.subarray(ws))), ([ws, shuffled, dupes]) => {
      expect(view(replayWrites([...shuffled, ...dupes]))).toEqual(model(ws));
      expect(replayWrites(shuffled).lastSeq).toBe(ws.length);
    }));
  });

  it('property: merging two tabs\' partial views is commutative and loses nothing', () => {
    fc.assert(fc.property(writesArb, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (ws, side) => {
      const a = replayWrites(ws.filter((_, i) => side[i]));
      const b = replayWrites(ws.filter((_, i) => !side[i]));
      expect(mergeAnswers(a, b)).toEqual(mergeAnswers(b, a));
      expect(view(mergeAnswers(a, b))).toEqual(model(ws));
      expect(mergeAnswers(a, a)).toEqual(a);
    }));
  });
});
