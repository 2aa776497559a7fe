import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { analyseItems, selectAttempts, testStatistics, type AttemptRecord, type ItemStats } from './item-analysis.ts';

// Moodle's own golden data (mod/quiz/report/statistics/tests/fixtures), kept in ../shared.
const MOODLE = new URL('../../../../../shared/testdata/moodle/', import.meta.url);

function readCsv(name: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(new URL(name, MOODLE), 'utf8').trim().split(/\r?\n/);
  const keys = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i], v])));
}

const results = readCsv('results00.csv');
const qstats = readCsv('qstats00.csv');
const SLOTS = [1, 2, 3, 4, 5, 6, 7];

const moodleAttempts: AttemptRecord[] = results.map((r) => ({
  attemptId: r.quizattempt,
  candidateId: `u${r.quizattempt}`,
  attemptNo: 1,
  marks: Object.fromEntries(SLOTS.map((s) => [s, Number(r[`slots.${s}.mark`])])),
}));
const moodle = analyseItems({ items: SLOTS.map((slot) => ({ slot, maxMark: 1, randomGuessScore: 0 })), attempts: moodleAttempts });

/** qstats00.csv column → our field. */
const COLUMNS: Record<string, keyof ItemStats> = {
  facility: 'facility',
  sd: 'sd',
  effectiveweight: 'effectiveWeight',
  covariance: 'covariance',
  markvariance: 'markVariance',
  othermarkvariance: 'otherMarkVariance',
  discriminationindex: 'discriminationIndex',
  covariancemax: 'covarianceMax',
  discriminativeefficiency: 'discriminativeEfficiency',
};

describe('item analysis against Moodle golden data (results00 → qstats00)', () => {
  it('reads 25 attempts × 7 questions and 7 rows of expected statistics', () => {
    expect(moodleAttempts).toHaveLength(25);
    expect(qstats).toHaveLength(7);
    expect(Object.keys(qstats[0]).filter((k) => k !== 'slot').sort()).toEqual(Object.keys(COLUMNS).sort());
  });

  it('the summed marks equal the summarks column', () => {
    results.forEach((r, i) => {
      const total = SLOTS.reduce((t, s) => t + (moodleAttempts[i].marks[s] ?? 0), 0);
      expect(total).toBeCloseTo(Number(r.summarks), 4);
    });
  });

  for (const row of qstats) {
    it(`slot ${row.slot}: every statistic matches to 4 decimal places`, () => {
      const st = moodle.items.find((x) => x.slot === Number(row.slot));
      expect(st).toBeDefined();
      for (const [column, field] of Object.entries(COLUMNS)) {
        const expected = Number(row[column]);
        const actual = st![field] as number;
        expect(Math.abs(actual - expected), `${column} slot ${row.slot}: ${actual} vs ${expected}`).toBeLessThan(0.5e-4);
      }
    });
  }

  it('quiz-level statistics match Moodle\'s check_quiz_stats_for_quiz_00', () => {
    const expected = {
      median: 4.5, mean: 4.617333332, sd: 0.8117265554, skewness: -0.092502502, kurtosis: -0.7073968557,
      cic: -87.2230935542, errorRatio: 136.8294900795, standardError: 1.1106813066,
    };
    for (const [k, v] of Object.entries(expected)) {
      expect(Math.abs((moodle.test[k as keyof typeof expected] as number) - v), k).toBeLessThan(0.5e-4);
    }
    expect(moodle.test.s).toBe(25);
  });

  it('intended weights are equal for equal max marks and effective weights sum to 100', () => {
    for (const st of moodle.items) expect(st.intendedWeight).toBeCloseTo(100 / 7, 10);
    expect(moodle.items.reduce((t, s) => t + (s.effectiveWeight ?? 0), 0)).toBeCloseTo(100, 8);
  });

  it('flags items by the declared thresholds (all seven discriminate negatively here)', () => {
    const slot3 = moodle.items.find((s) => s.slot === 3)!;
    expect(slot3.flags).toContain('too-easy');
    for (const st of moodle.items) expect(st.flags).toContain('low-discrimination');
    expect(moodle.items.find((s) => s.slot === 2)!.flags).not.toContain('too-easy');
  });
});

describe('item analysis rules', () => {
  const two = (a: number, b: number, no = 1, cand = 'x'): AttemptRecord => ({ attemptId: `${cand}${no}`, candidateId: cand, attemptNo: no, marks: { 1: a, 2: b } });

  it('selects first, last and highest attempts per candidate', () => {
    const at = [two(1, 0, 1, 'a'), two(1, 1, 2, 'a'), two(0, 0, 3, 'a'), two(0, 1, 1, 'b')];
    expect(selectAttempts(at, 'first', [1, 2]).map((a) => a.attemptId)).toEqual(['a1', 'b1']);
    expect(selectAttempts(at, 'last', [1, 2]).map((a) => a.attemptId)).toEqual(['a3', 'b1']);
    expect(selectAttempts(at, 'highest', [1, 2]).map((a) => a.attemptId)).toEqual(['a2', 'b1']);
    expect(selectAttempts(at, 'all', [1, 2])).toHaveLength(4);
  });

  it('gives null statistics where Moodle does (one attempt, zero variance)', () => {
    const r = analyseItems({ items: [{ slot: 1, maxMark: 1 }, { slot: 2, maxMark: 1 }], attempts: [two(1, 0)] });
    expect(r.items[0].sd).toBeNull();
    expect(r.items[0].discriminationIndex).toBeNull();
    expect(r.test.sd).toBeNull();
    expect(r.test.median).toBe(1);
    const flat = analyseItems({ items: [{ slot: 1, maxMark: 1 }, { slot: 2, maxMark: 1 }], attempts: [two(1, 0, 1, 'a'), two(1, 1, 1, 'b'), two(1, 0, 1, 'c')] });
    expect(flat.items[0].facility).toBe(1);
    expect(flat.items[0].discriminationIndex).toBeNull();
  });

  it('counts option use and the mean total of those who chose each option', () => {
    const at: AttemptRecord[] = [
      { attemptId: '1', candidateId: 'a', attemptNo: 1, marks: { 1: 1, 2: 1 }, choices: { 1: ['B'] } },
      { attemptId: '2', candidateId: 'b', attemptNo: 1, marks: { 1: 0, 2: 1 }, choices: { 1: ['A'] } },
      { attemptId: '3', candidateId: 'c', attemptNo: 1, marks: { 1: 0, 2: 0 } },
    ];
    const r = analyseItems({ items: [{ slot: 1, maxMark: 1, optionKeys: ['A', 'B', 'C'], correctKeys: ['B'] }, { slot: 2, maxMark: 1 }], attempts: at });
    expect(r.distractors).toHaveLength(1);
    const [d] = r.distractors;
    expect(d.noResponse).toBe(1);
    expect(d.options).toEqual([
      { key: 'A', isCorrect: false, count: 1, share: 1 / 3, meanTotal: 1 },
      { key: 'B', isCorrect: true, count: 1, share: 1 / 3, meanTotal: 2 },
      { key: 'C', isCorrect: false, count: 0, share: 0, meanTotal: null },
    ]);
  });

  it('gives each question drawn into a random slot its own statistics against the whole total', () => {
    const at: AttemptRecord[] = ['q1', 'q2', 'q1', 'q2', 'q1'].map((q, i) => ({
      attemptId: String(i), candidateId: String(i), attemptNo: 1, marks: { 1: i % 2, 2: (i * 7) % 3 / 2 }, questionIds: { 1: q },
    }));
    const r = analyseItems({ items: [{ slot: 1, maxMark: 1 }, { slot: 2, maxMark: 1 }], attempts: at });
    expect(r.subquestions.map((s) => [s.questionId, s.s])).toEqual([['q1', 3], ['q2', 2]]);
    expect(r.subquestions[1].facility).toBe(1);
  });

  it('refuses a duplicate slot or a non-numeric mark', () => {
    expect(() => analyseItems({ items: [{ slot: 1, maxMark: 1 }, { slot: 1, maxMark: 1 }], attempts: [] })).toThrow(AppError);
    expect(() => analyseItems({ items: [{ slot: 1, maxMark: 1 }], attempts: [{ attemptId: 'x', candidateId: 'x', attemptNo: 1, marks: { 1: NaN } }] })).toThrow(AppError);
  });

  const matrix = fc.integer({ min: 2, max: 6 }).chain((p) =>
    fc.array(fc.array(fc.constantFrom<number>(0, 0.5, 1), { minLength: p, maxLength: p }), { minLength: 4, maxLength: 30 }),
  );
  const toAttempts = (m: number[][]): AttemptRecord[] =>
    m.map((row, i) => ({ attemptId: String(i), candidateId: String(i), attemptNo: 1, marks: Object.fromEntries(row.map((v, j) => [j + 1, v])) }));

  it('property: facility in [0,1], |discrimination| ≤ 100, |discriminative efficiency| ≤ 100 when defined', () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const r = analyseItems({ items: m[0].map((_, j) => ({ slot: j + 1, maxMark: 1 })), attempts: toAttempts(m) });
        for (const st of r.items) {
          expect(st.facility!).toBeGreaterThanOrEqual(0);
          expect(st.facility!).toBeLessThanOrEqual(1);
          if (st.discriminationIndex !== null) expect(Math.abs(st.discriminationIndex)).toBeLessThanOrEqual(100 + 1e-9);
          // covariance max is the largest covariance any pairing of the same values can reach
          if (st.discriminativeEfficiency !== null && st.covarianceMax! > 0) expect(st.discriminativeEfficiency).toBeLessThanOrEqual(100 + 1e-9);
        }
        const ew = r.items.map((s) => s.effectiveWeight).filter((w): w is number => w !== null);
        if (ew.length) expect(ew.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('property: the test variance is the sum of item variances plus twice the covariances, so CIC follows Cronbach', () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const p = m[0].length;
        const r = analyseItems({ items: m[0].map((_, j) => ({ slot: j + 1, maxMark: 1 })), attempts: toAttempts(m) });
        const totals = m.map((row) => row.reduce((a, b) => a + b, 0));
        const n = totals.length;
        const mean = totals.reduce((a, b) => a + b, 0) / n;
        const varT = totals.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
        if (varT === 0) return;
        const sumVar = r.items.reduce((a, s) => a + (s.markVariance ?? 0), 0);
        const alpha = (p / (p - 1)) * (1 - sumVar / varT);
        expect(r.test.cic! / 100).toBeCloseTo(alpha, 9);
        expect(testStatistics(totals, p, sumVar).sd).toBeCloseTo(Math.sqrt(varT), 9);
      }),
      { numRuns: 200 },
    );
  });

  it('property: shuffling the attempts changes no statistic', () => {
    fc.assert(
      fc.property(matrix, fc.integer(), (m, seed) => {
        const items = m[0].map((_, j) => ({ slot: j + 1, maxMark: 1 }));
        const a = analyseItems({ items, attempts: toAttempts(m) });
        const shuffled = toAttempts(m).sort((x, y) => ((Number(x.attemptId) * 7919 + seed) % 13) - ((Number(y.attemptId) * 7919 + seed) % 13));
        const b = analyseItems({ items, attempts: shuffled });
        a.items.forEach((st, i) => {
          for (const k of ['facility', 'sd', 'discriminationIndex', 'effectiveWeight', 'discriminativeEfficiency'] as const) {
            if (st[k] === null) expect(b.items[i][k]).toBeNull();
            else expect(b.items[i][k]!).toBeCloseTo(st[k]!, 9);
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});
