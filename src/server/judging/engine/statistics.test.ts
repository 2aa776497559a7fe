import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOutliers, intraclassCorrelation, judgeStatistics, profileJudges, type StatCell } from './statistics.ts';

// Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges
const SF = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];
const toCells = (m: number[][]): StatCell[] => m.flatMap((row, t) => row.map((value, j) => ({ judgeId: `J${j + 1}`, contestantId: `T${t + 1}`, value })));

describe('intraclassCorrelation against Shrout & Fleiss 1979', () => {
  const r = intraclassCorrelation(toCells(SF));
  if (r.status !== 'ok') throw new Error(r.reason);
  it('mean squares: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02 (exact 1349/120, 451/72, 2339/72, 367/360)', () => {
    expect(r.meanSquares.between).toBeCloseTo(1349 / 120, 12);
    expect(r.meanSquares.within).toBeCloseTo(451 / 72, 12);
    expect(r.meanSquares.judges).toBeCloseTo(2339 / 72, 12);
    expect(r.meanSquares.error).toBeCloseTo(367 / 360, 12);
  });
  it('ICC(1,1)=0.17, ICC(2,1)=0.29, ICC(3,1)=0.71 as published; exact 448/2703, 184/635, 920/1287', () => {
    expect(r.icc['ICC(1,1)']).toBeCloseTo(448 / 2703, 12); // 0.16574
    expect(r.icc['ICC(2,1)']).toBeCloseTo(184 / 635, 12); // 0.28976
    expect(r.icc['ICC(3,1)']).toBeCloseTo(920 / 1287, 12); // 0.71484
    expect(r.icc['ICC(1,1)']!.toFixed(2)).toBe('0.17');
    expect(r.icc['ICC(2,1)']!.toFixed(2)).toBe('0.29');
    expect(r.icc['ICC(3,1)']!.toFixed(2)).toBe('0.71');
  });
  it('average-measure forms: ICC(1,k)=0.44, ICC(2,k)=0.62, ICC(3,k)=0.91', () => {
    expect(r.icc['ICC(1,k)']).toBeCloseTo(1792 / 4047, 12);
    expect(r.icc['ICC(2,k)']).toBeCloseTo(736 / 1187, 12);
    expect(r.icc['ICC(3,k)']).toBeCloseTo(3680 / 4047, 12);
  });
  it('missing cells: complete cases only, the dropped contestants listed', () => {
    const cells = toCells(SF).filter((c) => !(c.contestantId === 'T6' && c.judgeId === 'J2'));
    const m = intraclassCorrelation([...cells, { judgeId: 'J1', contestantId: 'T7', value: 5 }]);
    expect(m).toMatchObject({ status: 'ok', targets: 5, droppedContestantIds: ['T6', 'T7'] });
    const five = intraclassCorrelation(toCells(SF.slice(0, 5)));
    if (m.status !== 'ok' || five.status !== 'ok') throw new Error('undefined');
    expect(m.icc['ICC(2,1)']).toBeCloseTo(five.icc['ICC(2,1)']!, 12);
  });
  it('undefined, with a reason, for too few judges, contestants, or no variation', () => {
    expect(intraclassCorrelation(toCells(SF), ['J1'])).toMatchObject({ status: 'undefined', reasonZh: '一致性至少需要 2 名评委' });
    expect(intraclassCorrelation(toCells(SF.slice(0, 1)))).toMatchObject({ status: 'undefined' });
    expect(intraclassCorrelation(toCells([[5, 5], [5, 5]]))).toMatchObject({ status: 'undefined' });
  });
  it('property: a judge uniformly harsher leaves consistency ICC(3,1) unchanged but not absolute agreement ICC(2,1)', () => {
    const v = fc.integer({ min: 0, max: 20 });
    fc.assert(
      fc.property(fc.array(fc.array(v, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 8 }), fc.integer({ min: 1, max: 10 }), (m, shift) => {
        const a = intraclassCorrelation(toCells(m));
        const b = intraclassCorrelation(toCells(m.map(([x, y, z]) => [x, y, z - shift])));
        if (a.status !== 'ok' || b.status !== 'ok' || a.icc['ICC(3,1)'] === null) return;
        expect(b.icc['ICC(3,1)']).toBeCloseTo(a.icc['ICC(3,1)']!, 9);
        expect(b.icc['ICC(1,1)']).not.toBeNull();
      }),
    );
  });
});

describe('profileJudges', () => {
  it('leniency is the mean offset from the other judges; spread is the sd', () => {
    const p = profileJudges(toCells(SF));
    // J1 vs mean of others, per target: 9−5, 6−2, 8−6, 7−3, 10−20/3, 6−13/3
    expect(p[0].leniency).toBeCloseTo((4 + 4 + 2 + 4 + 10 / 3 + 5 / 3) / 6, 12);
    expect(p[1].leniency!).toBeLessThan(0); // J2 is the harsh one
    expect(p[0]).toMatchObject({ judgeId: 'J1', n: 6, leniencyN: 6 });
    expect(p[0].mean).toBeCloseTo(46 / 6, 12);
    expect(p[0].sd).toBeCloseTo(Math.sqrt((81 + 36 + 64 + 49 + 100 + 36) / 6 - (46 / 6) ** 2), 12);
  });
  it('a judge who scored alone has no leniency; one score has no sd', () => {
    const p = profileJudges([{ judgeId: 'a', contestantId: 'x', value: 5 }]);
    expect(p).toEqual([{ judgeId: 'a', n: 1, mean: 5, sd: null, leniency: null, leniencyN: 0 }]);
  });
  it('property: on a complete panel leniencies sum to 0, and shifting one judge by c moves their leniency by c and every other judge’s by −c/(k−1)', () => {
    const v = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(fc.array(fc.array(v, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: -10, max: 10 }), (m, c) => {
        const p = profileJudges(toCells(m));
        expect(p.reduce((a, j) => a + j.leniency!, 0)).toBeCloseTo(0, 9);
        const q = profileJudges(toCells(m.map(([w, x, y, z]) => [w + c, x, y, z])));
        expect(q[0].leniency! - p[0].leniency!).toBeCloseTo(c, 9);
        expect(q[1].leniency! - p[1].leniency!).toBeCloseTo(-c / 3, 9);
      }),
    );
  });
});

describe('findOutliers', () => {
  it('flags a score more than the declared threshold from the median of the others', () => {
    const cells: StatCell[] = [
      { judgeId: 'a', contestantId: 'x', value: 85 },
      { judgeId: 'b', contestantId: 'x', value: 86 },
      { judgeId: 'c', contestantId: 'x', value: 84 },
      { judgeId: 'd', contestantId: 'x', value: 60 },
    ];
    const o = findOutliers(cells, { maxDeviation: 10, minOthers: 2 });
    expect(o).toEqual([expect.objectContaining({ judgeId: 'd', othersMedian: 85, deviation: -25 })]);
    expect(o[0].reasonZh).toContain('低于');
    expect(findOutliers(cells, { maxDeviation: 25, minOthers: 2 })).toEqual([]); // strictly more than
    expect(findOutliers(cells.slice(2), { maxDeviation: 1, minOthers: 2 })).toEqual([]); // too few others to judge
  });
  it('judgeStatistics bundles the three', () => {
    const s = judgeStatistics(toCells(SF), { maxDeviation: 4, minOthers: 2 });
    expect(s.judges).toHaveLength(4);
    expect(s.agreement.status).toBe('ok');
    // T1: J2 gave 2 vs median(9,5,8)=8 → −6; T4: J1 gave 7 vs median(1,2,6)=2 → +5, J2 gave 1 vs median(7,2,6)=6 → −5;
    // T2: J1 gave 6 vs median(1,3,2)=2 → +4, exactly the threshold: not flagged
    expect(s.outliers.map((o) => `${o.judgeId}/${o.contestantId}`)).toEqual(['J2/T1', 'J1/T4', 'J2/T4']);
  });
});
