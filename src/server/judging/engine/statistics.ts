import { mean, median, populationSd } from './numeric.ts';

/**
 * Judge statistics for the organiser (评委一致性): leniency, spread, agreement (ICC) and
 * outliers. Inputs are cells (judge, contestant, value), usually each judge's weighted total;
 * pass one criterion's scores to study that criterion.
 */
export type StatCell = { judgeId: string; contestantId: string; value: number };

export type JudgeProfile = {
  judgeId: string;
  /** contestants this judge scored */
  n: number;
  mean: number;
  /** population sd (÷ n) of this judge's scores; null below 2 scores */
  sd: number | null;
  /**
   * leniency (宽严度): mean over contestants of (this judge's score − the mean of the other
   * judges' scores for that contestant); positive = more lenient than the panel. Contestants
   * this judge scored alone are skipped; null when none remain.
   */
  leniency: number | null;
  leniencyN: number;
};

export function profileJudges(cells: readonly StatCell[]): JudgeProfile[] {
  const byContestant = groupBy(cells, (c) => c.contestantId);
  return [...groupBy(cells, (c) => c.judgeId).entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([judgeId, own]) => {
      const values = own.map((c) => c.value);
      const offsets = own.flatMap((c) => {
        const others = byContestant.get(c.contestantId)!.filter((o) => o.judgeId !== judgeId);
        return others.length === 0 ? [] : [c.value - mean(others.map((o) => o.value))];
      });
      return {
        judgeId,
        n: own.length,
        mean: mean(values),
        sd: values.length >= 2 ? populationSd(values) : null,
        leniency: offsets.length ? mean(offsets) : null,
        leniencyN: offsets.length,
      };
    });
}

/**
 * Intraclass correlation after Shrout & Fleiss (1979), from a two-way ANOVA of targets
 * (contestants) × judges:
 *   ICC(1,1)  one-way random, single judge
 *   ICC(2,1)  two-way random, absolute agreement, single judge: judges are a sample, and a
 *             judge who is uniformly harsher lowers it. The headline figure.
 *   ICC(3,1)  two-way mixed, consistency, single judge: only the ranking has to agree.
 *   ICC(·,k)  the same for the mean of the k judges.
 * Missing cells: complete cases only. Contestants not scored by every judge in the set are
 * left out and listed; with fewer than 2 contestants or 2 judges the ICC is undefined.
 */
export type IccForm = 'ICC(1,1)' | 'ICC(2,1)' | 'ICC(3,1)' | 'ICC(1,k)' | 'ICC(2,k)' | 'ICC(3,k)';
export type IccResult =
  | {
      status: 'ok';
      targets: number;
      judges: number;
      judgeIds: string[];
      droppedContestantIds: string[];
      meanSquares: { between: number; within: number; judges: number; error: number };
      icc: Record<IccForm, number | null>;
    }
  | { status: 'undefined'; judgeIds: string[]; droppedContestantIds: string[]; reason: string; reasonZh: string };

export function intraclassCorrelation(cells: readonly StatCell[], judgeIds?: readonly string[]): IccResult {
  const judges = [...new Set(judgeIds ?? cells.map((c) => c.judgeId))].sort(cmp);
  const value = new Map(cells.map((c) => [`${c.contestantId}\u0000${c.judgeId}`, c.value]));
  const contestants = [...new Set(cells.map((c) => c.contestantId))].sort(cmp);
  const complete = contestants.filter((t) => judges.every((j) => value.has(`${t}\u0000${j}`)));
  const droppedContestantIds = contestants.filter((t) => !complete.includes(t));
  const n = complete.length;
  const k = judges.length;
  const undef = (reason: string, reasonZh: string): IccResult => ({ status: 'undefined', judgeIds: judges, droppedContestantIds, reason, reasonZh });
  if (k < 2) return undef('agreement needs at least 2 judges', '一致性至少需要 2 名评委');
  if (n < 2) return undef(`only ${n} contestant(s) were scored by all ${k} judges; at least 2 are needed`, `仅 ${n} 名选手被全部 ${k} 名评委评分，至少需要 2 名`);
  const x = complete.map((t) => judges.map((j) => value.get(`${t}\u0000${j}`)!));
  const grand = mean(x.flat());
  const rowMeans = x.map((r) => mean(r));
  const colMeans = judges.map((_, j) => mean(x.map((r) => r[j])));
  const ssTotal = x.flat().reduce((a, v) => a + (v - grand) ** 2, 0);
  const ssRows = k * rowMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const ssErr = Math.max(0, ssTotal - ssRows - ssCols);
  const BMS = ssRows / (n - 1);
  const JMS = ssCols / (k - 1);
  const EMS = ssErr / ((n - 1) * (k - 1));
  const WMS = (ssCols + ssErr) / (n * (k - 1));
  const ratio = (num: number, den: number) => (Math.abs(den) < 1e-12 ? null : num / den);
  if (ssTotal < 1e-12) return undef('every score is the same: agreement is undefined', '所有分数相同，无法计算一致性');
  return {
    status: 'ok',
    targets: n,
    judges: k,
    judgeIds: judges,
    droppedContestantIds,
    meanSquares: { between: BMS, within: WMS, judges: JMS, error: EMS },
    icc: {
      'ICC(1,1)': ratio(BMS - WMS, BMS + (k - 1) * WMS),
      'ICC(2,1)': ratio(BMS - EMS, BMS + (k - 1) * EMS + (k * (JMS - EMS)) / n),
      'ICC(3,1)': ratio(BMS - EMS, BMS + (k - 1) * EMS),
      'ICC(1,k)': ratio(BMS - WMS, BMS),
      'ICC(2,k)': ratio(BMS - EMS, BMS + (JMS - EMS) / n),
      'ICC(3,k)': ratio(BMS - EMS, BMS),
    },
  };
}

/** A score more than `maxDeviation` points from the median of the other judges' scores. */
export type OutlierRule = { maxDeviation: number; minOthers: number };
export const DEFAULT_OUTLIER_RULE: OutlierRule = { maxDeviation: 10, minOthers: 2 };
export type Outlier = { judgeId: string; contestantId: string; value: number; othersMedian: number; deviation: number; reason: string; reasonZh: string };

export function findOutliers(cells: readonly StatCell[], rule: OutlierRule = DEFAULT_OUTLIER_RULE): Outlier[] {
  const out: Outlier[] = [];
  for (const [contestantId, group] of [...groupBy(cells, (c) => c.contestantId).entries()].sort(([a], [b]) => cmp(a, b))) {
    for (const c of [...group].sort((a, b) => cmp(a.judgeId, b.judgeId))) {
      const others = group.filter((o) => o.judgeId !== c.judgeId).map((o) => o.value);
      if (others.length < rule.minOthers) continue;
      const m = median(others);
      const deviation = c.value - m;
      if (Math.abs(deviation) > rule.maxDeviation) {
        out.push({
          judgeId: c.judgeId,
          contestantId,
          value: c.value,
          othersMedian: m,
          deviation,
          reason: `judge ${c.judgeId} gave ${c.value}, ${Math.abs(deviation)} ${deviation > 0 ? 'above' : 'below'} the other judges' median ${m} (threshold ${rule.maxDeviation})`,
          reasonZh: `评委 ${c.judgeId} 打分 ${c.value}，${deviation > 0 ? '高于' : '低于'}其他评委中位数 ${m} 达 ${Math.abs(deviation)} 分（阈值 ${rule.maxDeviation}）`,
        });
      }
    }
  }
  return out;
}

export type JudgeStatistics = { judges: JudgeProfile[]; agreement: IccResult; outliers: Outlier[] };
export function judgeStatistics(cells: readonly StatCell[], rule: OutlierRule = DEFAULT_OUTLIER_RULE): JudgeStatistics {
  return { judges: profileJudges(cells), agreement: intraclassCorrelation(cells), outliers: findOutliers(cells, rule) };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
