import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateScores, aggregateValues, findTies, validateAggregationSpec, type AggregationSpec, type BaseRule, type JudgeValue, type ScoreSheet } from './aggregation.ts';
import { normaliseByJudge } from './normalise.ts';
import { DEFAULT_ROUNDING } from './numeric.ts';
import { COMPLAINT_HANDLING_TEMPLATE as R, type Rubric } from './rubric.ts';

const jv = (...xs: number[]): JudgeValue[] => xs.map((value, i) => ({ judgeId: `j${i + 1}`, value }));
const TRIM1: BaseRule = { kind: 'trimmed-mean', trim: 1, fallback: 'mean' };

describe('aggregateValues', () => {
  it('drops one highest and one lowest and averages the rest', () => {
    const r = aggregateValues(jv(9, 8.5, 8.5, 7, 9.5), TRIM1);
    expect(r.applied).toBe('trimmed-mean');
    expect(r.value).toBeCloseTo(26 / 3, 12);
    expect(r.dropped).toEqual([
      { judgeId: 'j5', value: 9.5, side: 'high' },
      { judgeId: 'j4', value: 7, side: 'low' },
    ]);
    expect(r.kept.map((k) => k.judgeId).sort()).toEqual(['j1', 'j2', 'j3']);
  });
  it('when several judges share the extreme only one is struck (the smallest judge id)', () => {
    const r = aggregateValues(jv(9, 9, 9, 8, 8), TRIM1);
    expect(r.dropped).toEqual([
      { judgeId: 'j1', value: 9, side: 'high' },
      { judgeId: 'j4', value: 8, side: 'low' },
    ]);
    expect(r.value).toBeCloseTo(26 / 3, 12);
    expect(aggregateValues(jv(7, 7, 7), TRIM1)).toMatchObject({ value: 7, dropped: [{ judgeId: 'j2', side: 'high' }, { judgeId: 'j1', side: 'low' }] });
  });
  it('falls back as declared with too few scores, and says which and why', () => {
    const r = aggregateValues(jv(9, 6), TRIM1);
    expect(r).toMatchObject({ value: 7.5, declared: 'trimmed-mean', applied: 'mean', dropped: [] });
    expect(r.fallback?.reasonZh).toContain('改用平均分');
    const m = aggregateValues(jv(9, 6, 1, 10), { kind: 'trimmed-mean', trim: 2, fallback: 'median' });
    expect(m).toMatchObject({ value: 7.5, applied: 'median' });
    expect(m.fallback?.reason).toContain('at least 5');
    expect(aggregateValues([], TRIM1)).toMatchObject({ value: null, fallback: { reasonZh: '尚无评分' } });
  });
  it('mean and median', () => {
    expect(aggregateValues(jv(1, 2, 10), { kind: 'mean' }).value).toBeCloseTo(13 / 3, 12);
    expect(aggregateValues(jv(1, 2, 10), { kind: 'median' }).value).toBe(2);
    expect(aggregateValues(jv(1, 2, 10, 4), { kind: 'median' }).value).toBe(3);
  });

  const scores = fc.array(fc.integer({ min: 0, max: 20 }).map((n) => n / 2), { minLength: 1, maxLength: 12 });
  const trim = fc.integer({ min: 0, max: 3 });
  it('property: the trimmed mean lies between the min and the max', () => {
    fc.assert(
      fc.property(scores, trim, (xs, k) => {
        const r = aggregateValues(jv(...xs), { kind: 'trimmed-mean', trim: k, fallback: 'median' });
        expect(r.value!).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-12);
        expect(r.value!).toBeLessThanOrEqual(Math.max(...xs) + 1e-12);
      }),
    );
  });
  it('property: dropping is symmetric — k high, k low, every dropped high ≥ every kept ≥ every dropped low', () => {
    fc.assert(
      fc.property(scores, trim, (xs, k) => {
        const r = aggregateValues(jv(...xs), { kind: 'trimmed-mean', trim: k, fallback: 'mean' });
        if (xs.length <= 2 * k) {
          expect(r.dropped).toEqual([]);
          return;
        }
        const hi = r.dropped.filter((d) => d.side === 'high');
        const lo = r.dropped.filter((d) => d.side === 'low');
        expect([hi.length, lo.length, r.kept.length]).toEqual([k, k, xs.length - 2 * k]);
        for (const kept of r.kept) {
          for (const h of hi) expect(h.value).toBeGreaterThanOrEqual(kept.value);
          for (const l of lo) expect(l.value).toBeLessThanOrEqual(kept.value);
        }
        // symmetric under negation: the mirror image drops the mirror values
        const neg = aggregateValues(jv(...xs.map((x) => -x)), { kind: 'trimmed-mean', trim: k, fallback: 'mean' });
        expect(neg.value!).toBeCloseTo(-r.value!, 9);
        expect(neg.dropped.filter((d) => d.side === 'high').map((d) => -d.value).sort()).toEqual(lo.map((d) => d.value).sort());
      }),
    );
  });
  it('property: permuting the judges changes nothing (value, dropped judges, kept)', () => {
    fc.assert(
      fc.property(scores, trim, fc.integer(), (xs, k, seed) => {
        const values = jv(...xs);
        const shuffled = [...values].sort((a, b) => ((a.judgeId.charCodeAt(1) * 31 + seed) % 7) - ((b.judgeId.charCodeAt(1) * 31 + seed) % 7)).reverse();
        const rule: BaseRule = { kind: 'trimmed-mean', trim: k, fallback: 'mean' };
        expect(aggregateValues(shuffled, rule)).toEqual(aggregateValues(values, rule));
      }),
    );
  });
  it('property: trim 0 is the mean; with exactly 2k+1 scores the trimmed mean is the median', () => {
    fc.assert(
      fc.property(scores, (xs) => {
        expect(aggregateValues(jv(...xs), { kind: 'trimmed-mean', trim: 0, fallback: 'mean' }).value).toBe(aggregateValues(jv(...xs), { kind: 'mean' }).value);
        if (xs.length % 2 === 1) {
          const k = (xs.length - 1) / 2;
          expect(aggregateValues(jv(...xs), { kind: 'trimmed-mean', trim: k, fallback: 'mean' }).value).toBe(aggregateValues(jv(...xs), { kind: 'median' }).value);
        }
      }),
    );
  });
});

const sheet = (judgeId: string, contestantId: string, v: number[]): ScoreSheet => ({ judgeId, contestantId, scores: Object.fromEntries(R.criteria.map((c, i) => [c.key, v[i]])) });

describe('aggregateScores', () => {
  const spec = (level: AggregationSpec['level']): AggregationSpec => ({ rule: TRIM1, level, rounding: DEFAULT_ROUNDING });
  // weights 3, 2, 2.5, 1.5, 1
  const sheets = [
    sheet('a', 'x', [9, 8, 8, 8, 8]), // 27+16+20+12+8 = 83
    sheet('b', 'x', [8, 9, 7, 9, 9]), // 24+18+17.5+13.5+9 = 82
    sheet('c', 'x', [10, 10, 10, 10, 10]), // 100
    sheet('d', 'x', [6, 7, 6, 7, 7]), // 18+14+15+10.5+7 = 64.5
  ];
  it('judge-total level: strikes whole judges (去掉一个最高分一个最低分)', () => {
    const r = aggregateScores({ rubric: R, spec: spec('judge-total'), sheets });
    const x = r.contestants[0];
    expect(x.judgeTotals).toEqual([{ judgeId: 'a', value: 83 }, { judgeId: 'b', value: 82 }, { judgeId: 'c', value: 100 }, { judgeId: 'd', value: 64.5 }]);
    expect(x.channels[0].dropped.map((d) => `${d.judgeId}:${d.side}`)).toEqual(['c:high', 'd:low']);
    expect(x.final).toBe(82.5);
  });
  it('criterion level: trims each criterion, then weights', () => {
    const x = aggregateScores({ rubric: R, spec: spec('criterion'), sheets }).contestants[0];
    // per criterion kept middles: (9+8)/2, (8+9)/2, (8+7)/2, (8+9)/2, (8+9)/2
    expect(x.channels.map((c) => c.value)).toEqual([8.5, 8.5, 7.5, 8.5, 8.5]);
    expect(x.total).toBe(3 * 8.5 + 2 * 8.5 + 2.5 * 7.5 + 1.5 * 8.5 + 8.5);
    expect(x.final).toBe(82.5);
    expect(x.channels[0].dropped).toEqual([{ judgeId: 'c', value: 10, side: 'high' }, { judgeId: 'd', value: 6, side: 'low' }]);
  });
  it('rounds half-up as declared and can round criteria before weighting', () => {
    const three = [sheet('a', 'y', [9, 9, 9, 9, 9]), sheet('b', 'y', [8.5, 9, 9, 9, 9]), sheet('c', 'y', [8.5, 9, 9, 9, 9])];
    const mean: AggregationSpec = { rule: { kind: 'mean' }, level: 'criterion', rounding: { decimals: 1, mode: 'half-up' } };
    const r = aggregateScores({ rubric: R, spec: mean, sheets: three }).contestants[0];
    expect(r.channels[0].rounded).toBe(8.7); // 8.666…
    expect(r.total).toBeCloseTo(3 * (26 / 3) + 2 * 9 + 2.5 * 9 + 1.5 * 9 + 9, 9); // 89
    expect(r.final).toBe(89);
    const r2 = aggregateScores({ rubric: R, spec: { ...mean, roundCriteria: true }, sheets: three }).contestants[0];
    expect(r2.final).toBe(89.1); // 3 × 8.7 + 63
  });
  it('notes the fallback per contestant, and hands ties on', () => {
    const r = aggregateScores({ rubric: R, spec: spec('judge-total'), sheets: [sheet('a', 'p', [8, 8, 8, 8, 8]), sheet('a', 'q', [8, 8, 8, 8, 8]), sheet('b', 'q', [8, 8, 8, 8, 8])] });
    expect(r.contestants.map((c) => c.final)).toEqual([80, 80]);
    expect(r.contestants[0].notes[0].reasonZh).toContain('改用平均分');
    expect(r.ties).toEqual([{ final: 80, contestantIds: ['p', 'q'] }]);
    expect(findTies([{ contestantId: 'a', final: 1 }, { contestantId: 'b', final: null }])).toEqual([]);
  });
  it('refuses a bad spec by validation, and treats one passed anyway as a bug', () => {
    expect(validateAggregationSpec({ ...spec('criterion'), rule: { kind: 'trimmed-mean', trim: 1.5, fallback: 'mean' } })).toMatchObject({ ok: false, code: 'BAD_TRIM' });
    expect(validateAggregationSpec({ ...spec('criterion'), rounding: { decimals: 9, mode: 'half-up' } })).toMatchObject({ ok: false, code: 'BAD_ROUNDING' });
    expect(() => aggregateScores({ rubric: R, spec: { ...spec('criterion'), rule: { kind: 'trimmed-mean', trim: -1, fallback: 'mean' } }, sheets })).toThrow();
  });
});

describe('z-score normalisation', () => {
  const one: Rubric = { id: 'one', name: 'one', nameZh: '单项', criteria: [{ key: 's', name: 's', nameZh: '分', weight: 1, min: 0, max: 100, step: 0.5 }] };
  const s = (judgeId: string, contestantId: string, v: number): ScoreSheet => ({ judgeId, contestantId, scores: { s: v } });
  const zspec: AggregationSpec = { rule: { kind: 'mean' }, level: 'judge-total', normalise: { kind: 'z-score', fallback: 'exclude-judge' }, rounding: DEFAULT_ROUNDING };
  it('removes a judge’s leniency on a split panel: same relative standing → same final', () => {
    // panel 1 (lenient judge L) scores p1, p2; panel 2 (strict judge S) scores q1, q2, same spread
    const r = aggregateScores({ rubric: one, spec: zspec, sheets: [s('L', 'p1', 95), s('L', 'p2', 85), s('S', 'q1', 75), s('S', 'q2', 65)] });
    const f = Object.fromEntries(r.contestants.map((c) => [c.contestantId, c.final]));
    expect(f.p1).toBe(f.q1);
    expect(f.p2).toBe(f.q2);
    expect(r.normalisation?.total.map((j) => j.status)).toEqual(['ok', 'ok']);
  });
  it('a judge who gave everyone the same value, or scored one contestant, is undefined — said, not divided by zero', () => {
    const sheets = [s('A', 'p', 80), s('A', 'q', 90), s('B', 'p', 70), s('B', 'q', 70), s('C', 'q', 60)];
    const r = aggregateScores({ rubric: one, spec: zspec, sheets });
    const norms = r.normalisation!.total;
    expect(norms.map((j) => [j.judgeId, j.status, j.status === 'undefined' ? j.cause : null])).toEqual([
      ['A', 'ok', null],
      ['B', 'undefined', 'constant'],
      ['C', 'undefined', 'single-contestant'],
    ]);
    for (const c of r.contestants) expect(Number.isFinite(c.final)).toBe(true);
    const q = r.contestants.find((c) => c.contestantId === 'q')!;
    expect(q.channels[0].kept.map((k) => k.judgeId)).toEqual(['A']); // B and C left out
    expect(q.notes.map((n) => n.reasonZh).join()).toContain('无法计算标准分');
    const raw = aggregateScores({ rubric: one, spec: { ...zspec, normalise: { kind: 'z-score', fallback: 'raw' } }, sheets });
    expect(raw.contestants.find((c) => c.contestantId === 'q')!.channels[0].kept).toHaveLength(3);
  });
  it('property: z-scores are invariant when one judge’s scores are shifted and stretched', () => {
    const v = fc.integer({ min: 0, max: 200 }).map((n) => n / 2);
    fc.assert(
      fc.property(fc.array(fc.tuple(v, v), { minLength: 2, maxLength: 6 }), fc.integer({ min: -20, max: 20 }), fc.constantFrom(0.5, 1, 2), (rows, shift, scale) => {
        const cells = rows.flatMap(([a, b], i) => [
          { judgeId: 'A', contestantId: `c${i}`, value: a },
          { judgeId: 'B', contestantId: `c${i}`, value: b },
        ]);
        const moved = cells.map((c) => (c.judgeId === 'A' ? { ...c, value: c.value * scale + shift } : c));
        const z = (cs: typeof cells) => {
          const n = normaliseByJudge(cs, 'exclude-judge');
          return n.cells.filter((c) => c.judgeId === 'A').map((c) => (n.poolSd === 0 ? 0 : (c.value - n.poolMean) / n.poolSd));
        };
        const before = z(cells);
        const after = z(moved);
        expect(after).toHaveLength(before.length);
        after.forEach((x, i) => expect(x).toBeCloseTo(before[i], 6));
      }),
    );
  });
  it('property: permuting sheets does not change the z-scored result', () => {
    const v = fc.integer({ min: 0, max: 20 }).map((n) => n * 5);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C', 'D'), fc.constantFrom('p', 'q', 'r'), v), { minLength: 1, maxLength: 12 }), (rows) => {
        const uniq = [...new Map(rows.map(([j, c, x]) => [`${j}|${c}`, s(j, c, x)])).values()];
        const spec: AggregationSpec = { ...zspec, rule: TRIM1 };
        expect(aggregateScores({ rubric: one, spec, sheets: [...uniq].reverse() })).toEqual(aggregateScores({ rubric: one, spec, sheets: uniq }));
      }),
    );
  });
});
