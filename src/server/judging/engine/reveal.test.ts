import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateScores, type AggregationSpec, type ScoreSheet } from './aggregation.ts';
import { DEFAULT_ROUNDING } from './numeric.ts';
import { buildReveal, revealStateAt } from './reveal.ts';
import { COMPLAINT_HANDLING_TEMPLATE as R } from './rubric.ts';

const sheet = (judgeId: string, v: number): ScoreSheet => ({ judgeId, contestantId: 'x', scores: Object.fromEntries(R.criteria.map((c) => [c.key, v])) });
const spec: AggregationSpec = { rule: { kind: 'trimmed-mean', trim: 1, fallback: 'mean' }, level: 'judge-total', rounding: DEFAULT_ROUNDING };

describe('buildReveal', () => {
  const sheets = [sheet('j1', 8.5), sheet('j2', 9), sheet('j3', 7), sheet('j4', 9.5), sheet('j5', 8)];
  const result = aggregateScores({ rubric: R, spec, sheets }).contestants[0];
  it('scores in seat order, then the struck ones, then the final (hand-computed 85)', () => {
    const r = buildReveal({ result, spec, order: { kind: 'seat', judgeIds: ['j3', 'j1', 'j5', 'j2'] } });
    if (!r.ok) throw new Error(r.reason);
    expect(r.reveal.steps).toEqual([
      { seq: 0, kind: 'score', judgeId: 'j3', value: 70 },
      { seq: 1, kind: 'score', judgeId: 'j1', value: 85 },
      { seq: 2, kind: 'score', judgeId: 'j5', value: 80 },
      { seq: 3, kind: 'score', judgeId: 'j2', value: 90 },
      { seq: 4, kind: 'score', judgeId: 'j4', value: 95 }, // not seated: appended
      { seq: 5, kind: 'strike', judgeId: 'j4', channel: 'total', value: 95, side: 'high' },
      { seq: 6, kind: 'strike', judgeId: 'j3', channel: 'total', value: 70, side: 'low' },
      { seq: 7, kind: 'final', value: 85 }, // (85 + 90 + 80) / 3
    ]);
  });
  it('ascending and descending orders', () => {
    const asc = buildReveal({ result, spec, order: { kind: 'ascending' } });
    const desc = buildReveal({ result, spec, order: { kind: 'descending' } });
    if (!asc.ok || !desc.ok) throw new Error('refused');
    const ids = (steps: typeof asc.reveal.steps) => steps.filter((s) => s.kind === 'score').map((s) => (s.kind === 'score' ? s.judgeId : ''));
    expect(ids(asc.reveal.steps)).toEqual(['j3', 'j5', 'j1', 'j2', 'j4']);
    expect(ids(desc.reveal.steps)).toEqual(['j4', 'j2', 'j1', 'j5', 'j3']);
  });
  it('announces a fallback, and shows criteria at criterion level', () => {
    const two = aggregateScores({ rubric: R, spec, sheets: sheets.slice(0, 2) }).contestants[0];
    const r = buildReveal({ result: two, spec, order: { kind: 'ascending' } });
    expect(r.ok && r.reveal.steps.map((s) => s.kind)).toEqual(['score', 'score', 'notice', 'final']);
    const cspec: AggregationSpec = { ...spec, level: 'criterion' };
    const c = buildReveal({ result: aggregateScores({ rubric: R, spec: cspec, sheets }).contestants[0], spec: cspec, order: { kind: 'ascending' } });
    if (!c.ok) throw new Error(c.reason);
    expect(c.reveal.steps.filter((s) => s.kind === 'strike')).toHaveLength(10); // 5 criteria × (1 high + 1 low)
    expect(c.reveal.steps.filter((s) => s.kind === 'criterion')).toHaveLength(5);
    expect(c.reveal.steps.at(-1)).toMatchObject({ kind: 'final', value: 85 });
  });
  it('refuses a contestant with no scores yet', () => {
    const empty = { contestantId: 'z', judgeTotals: [], channels: [], total: null, final: null, notes: [] };
    expect(buildReveal({ result: empty, spec, order: { kind: 'ascending' } })).toMatchObject({ ok: false, code: 'INCOMPLETE' });
  });
});

describe('revealStateAt', () => {
  it('steps through: empty, scores appear, strikes, final', () => {
    const result = aggregateScores({ rubric: R, spec, sheets: [sheet('a', 8), sheet('b', 9), sheet('c', 10)] }).contestants[0];
    const r = buildReveal({ result, spec, order: { kind: 'seat', judgeIds: ['a', 'b', 'c'] } });
    if (!r.ok) throw new Error(r.reason);
    expect(revealStateAt(r.reveal, -1)).toMatchObject({ scores: [], final: null, at: -1, done: false });
    expect(revealStateAt(r.reveal, 1).scores.map((s) => s.judgeId)).toEqual(['a', 'b']);
    const struck = revealStateAt(r.reveal, 4);
    expect(struck.scores.map((s) => s.struck.map((x) => x.side))).toEqual([['low'], [], ['high']]);
    expect(struck.final).toBeNull();
    expect(revealStateAt(r.reveal, 99)).toMatchObject({ final: 90, done: true, at: 5 });
  });
  it('property: seq is 0…n−1, the final is last, every judge appears once before any strike', () => {
    const v = fc.integer({ min: 0, max: 20 }).map((n) => n / 2);
    fc.assert(
      fc.property(fc.array(v, { minLength: 1, maxLength: 9 }), fc.integer({ min: 0, max: 3 }), (xs, k) => {
        const s: AggregationSpec = { ...spec, rule: { kind: 'trimmed-mean', trim: k, fallback: 'median' } };
        const result = aggregateScores({ rubric: R, spec: s, sheets: xs.map((x, i) => sheet(`j${i}`, x)) }).contestants[0];
        const r = buildReveal({ result, spec: s, order: { kind: 'descending' } });
        if (!r.ok) throw new Error(r.reason);
        const steps = r.reveal.steps;
        expect(steps.map((x) => x.seq)).toEqual(steps.map((_, i) => i));
        expect(steps.at(-1)).toEqual({ seq: steps.length - 1, kind: 'final', value: result.final });
        const firstStrike = steps.findIndex((x) => x.kind === 'strike');
        const scores = steps.filter((x) => x.kind === 'score');
        expect(scores).toHaveLength(xs.length);
        if (firstStrike >= 0) expect(firstStrike).toBe(xs.length);
        expect(steps.filter((x) => x.kind === 'strike')).toHaveLength(xs.length > 2 * k ? 2 * k : 0);
      }),
    );
  });
});
