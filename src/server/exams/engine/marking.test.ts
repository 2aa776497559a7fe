import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import {
  buildBlindQueues, fileAppeal, meanOfClosest, nextForMarker, recordMark, resolveMarks, transitionAppeal,
  type Appeal, type MarkingPolicy, type MarkingState,
} from './marking.ts';

const empty: MarkingState = { status: 'awaiting-first', marks: [], final: null };
const double: MarkingPolicy = { double: true, tolerance: 2, finalRule: 'mean-of-closest' };

describe('blind queues', () => {
  const responses = Array.from({ length: 12 }, (_, i) => ({ responseId: `r${String(i).padStart(2, '0')}`, questionId: i % 2 ? 'q1' : 'q2', candidateId: `c${i}`, text: `answer ${i}` }));

  it('group by question, hide the candidate, and are stable for a seed', () => {
    const q = buildBlindQueues(responses, 'seed');
    expect(Object.keys(q).sort()).toEqual(['q1', 'q2']);
    expect(q.q1).toHaveLength(6);
    for (const item of q.q1) expect(Object.keys(item).sort()).toEqual(['questionId', 'responseId', 'text']);
    expect(buildBlindQueues([...responses].reverse(), 'seed')).toEqual(q);
  });

  it('the next item for a marker skips finished ones and those they already marked', () => {
    const q = buildBlindQueues(responses, 'seed').q1;
    const states: Record<string, MarkingState> = {
      [q[0].responseId]: { status: 'final', marks: [{ markerId: 'm1', mark: 3, at: 1 }], final: 3 },
      [q[1].responseId]: { status: 'awaiting-second', marks: [{ markerId: 'm1', mark: 3, at: 1 }], final: null },
    };
    expect(nextForMarker(q, states, 'm1')).toEqual(q[2]);
    expect(nextForMarker(q, states, 'm2')).toEqual(q[1]);
  });
});

describe('double marking', () => {
  const ctx = { max: 10, policy: double };

  it('within tolerance: the mean of the two is final', () => {
    let s = recordMark(empty, { markerId: 'm1', mark: 6, at: 1 }, ctx);
    expect(s.status).toBe('awaiting-second');
    s = recordMark(s, { markerId: 'm2', mark: 8, at: 2 }, ctx);
    expect(s).toMatchObject({ status: 'final', final: 7 });
  });

  it('beyond tolerance: a third marker; the mean of the two closest, or the third\'s mark', () => {
    let s = recordMark(empty, { markerId: 'm1', mark: 2, at: 1 }, ctx);
    s = recordMark(s, { markerId: 'm2', mark: 9, at: 2 }, ctx);
    expect(s.status).toBe('awaiting-third');
    const third = recordMark(s, { markerId: 'm3', mark: 8, at: 3 }, ctx);
    expect(third).toMatchObject({ status: 'final', final: 8.5 });
    expect(resolveMarks(third.marks, { ...double, finalRule: 'third' }).final).toBe(8);
  });

  it('single marking: the first mark is final', () => {
    expect(recordMark(empty, { markerId: 'm1', mark: 4.5, at: 1 }, { max: 10, policy: { ...double, double: false } })).toMatchObject({ status: 'final', final: 4.5 });
  });

  it('refuses the same marker twice, marks out of range, and marks after final', () => {
    const s = recordMark(empty, { markerId: 'm1', mark: 2, at: 1 }, ctx);
    const code = (f: () => unknown) => { try { f(); return null; } catch (e) { return [(e as AppError).code, (e as AppError).field]; } };
    expect(code(() => recordMark(s, { markerId: 'm1', mark: 3, at: 2 }, ctx))).toEqual(['VALIDATION', 'markerId']);
    expect(code(() => recordMark(s, { markerId: 'm2', mark: 11, at: 2 }, ctx))).toEqual(['VALIDATION', 'mark']);
    const done = recordMark(s, { markerId: 'm2', mark: 3, at: 2 }, ctx);
    expect(code(() => recordMark(done, { markerId: 'm3', mark: 3, at: 3 }, ctx))).toEqual(['CONFLICT', undefined]);
  });

  it('property: the final mark lies between the lowest and highest marks; a tie resolves to the median', () => {
    const m = fc.integer({ min: 0, max: 20 }).map((x) => x / 2);
    fc.assert(fc.property(m, m, m, fc.integer({ min: 0, max: 5 }), fc.constantFrom('mean-of-closest' as const, 'third' as const), (a, b, c, tolerance, finalRule) => {
      const marks = [{ markerId: 'a', mark: a, at: 1 }, { markerId: 'b', mark: b, at: 2 }, { markerId: 'c', mark: c, at: 3 }];
      const s = resolveMarks(marks, { double: true, tolerance, finalRule });
      expect(s.status).toBe('final');
      const used = Math.abs(a - b) <= tolerance ? [a, b] : [a, b, c];
      expect(s.final!).toBeGreaterThanOrEqual(Math.min(...used));
      expect(s.final!).toBeLessThanOrEqual(Math.max(...used));
      expect(meanOfClosest(a, b, c)).toBe(meanOfClosest(c, a, b));
      if (b - a === c - b) expect(meanOfClosest(a, b, c)).toBe(b);
    }));
  });
});

describe('appeals', () => {
  const filed = fileAppeal({ appealId: 'ap1', attemptId: 'at1', questionId: 'q3', candidateId: 'c1', reason: '第3题评分过低', originalMark: 4, at: 100 });

  it('filed → under review → changed, with a full trail', () => {
    const reviewing = transitionAppeal(filed, { type: 'start-review', actorId: 'rev', at: 200 });
    const changed = transitionAppeal(reviewing, { type: 'change', actorId: 'rev', at: 300, note: '要点二应得分', newMark: 6, max: 10 });
    expect(changed.status).toBe('changed');
    expect(changed.finalMark).toBe(6);
    expect(changed.trail.map((t) => [t.from, t.to, t.actorId])).toEqual([[null, 'filed', 'c1'], ['filed', 'under-review', 'rev'], ['under-review', 'changed', 'rev']]);
    expect(changed.trail[2].newMark).toBe(6);
  });

  it('upheld keeps the original mark', () => {
    const upheld = transitionAppeal(transitionAppeal(filed, { type: 'start-review', actorId: 'rev', at: 2 }), { type: 'uphold', actorId: 'rev', at: 3, note: '评分无误' });
    expect(upheld).toMatchObject({ status: 'upheld', finalMark: 4 });
  });

  it('refuses illegal transitions (CONFLICT) and bad input (VALIDATION)', () => {
    expect(() => transitionAppeal(filed, { type: 'uphold', actorId: 'rev', at: 2, note: 'x' })).toThrow(AppError);
    const reviewing = transitionAppeal(filed, { type: 'start-review', actorId: 'rev', at: 2 });
    expect(() => transitionAppeal(reviewing, { type: 'change', actorId: 'rev', at: 3, note: 'x', newMark: 4, max: 10 })).toThrow(/uphold instead/);
    expect(() => transitionAppeal(reviewing, { type: 'withdraw', actorId: 'someone-else', at: 3 })).toThrow(AppError);
    expect(() => fileAppeal({ appealId: 'x', attemptId: 'a', questionId: null, candidateId: 'c', reason: ' ', originalMark: 1, at: 1 })).toThrow(AppError);
    expect(() => fileAppeal({ appealId: 'x', attemptId: 'a', questionId: null, candidateId: 'c', reason: 'r', originalMark: 1, at: 10, deadline: 5 })).toThrow(/period/);
  });

  it('property: any sequence of actions leaves a trail whose steps chain, and decided appeals never move again', () => {
    const action = fc.constantFrom('start-review', 'uphold', 'change', 'withdraw');
    fc.assert(fc.property(fc.array(action, { maxLength: 8 }), (types) => {
      let a: Appeal = filed;
      types.forEach((type, i) => {
        const at = 1000 + i;
        const act = type === 'change' ? { type, actorId: 'rev', at, note: 'n', newMark: 7, max: 10 }
          : type === 'withdraw' ? { type, actorId: 'c1', at } : { type, actorId: 'rev', at, note: 'n' };
        const before = a.status;
        try { a = transitionAppeal(a, act as never); } catch (e) {
          expect((e as AppError).code).toBe('CONFLICT');
          expect(a.status).toBe(before);
        }
        if (['upheld', 'changed', 'withdrawn'].includes(before)) expect(a.status).toBe(before);
      });
      for (let i = 1; i < a.trail.length; i++) expect(a.trail[i].from).toBe(a.trail[i - 1].to);
      expect(a.trail[a.trail.length - 1].to).toBe(a.status);
    }));
  });
});
