import { mean, populationSd } from './numeric.ts';

/**
 * Per-judge z-score normalisation (标准分), for split panels where judges saw different
 * contestants and a lenient judge would otherwise lift whoever they happened to score.
 *
 * For each judge: mean and population sd (÷ n) of the values they gave, over the
 * contestants they scored. z = (x − mean) / sd; the value used is μ + σ·z, where μ and σ
 * are the mean and population sd of all the cells, so normalised scores stay on the
 * rubric's scale. A judge who scored only one contestant, or gave everyone the same value,
 * has no sd: the result says so and applies the declared fallback instead of dividing by zero.
 */
export type Cell = { judgeId: string; contestantId: string; value: number };
export type ZScoreFallback = 'exclude-judge' | 'raw';
export type JudgeNormalisation =
  | { judgeId: string; status: 'ok'; n: number; mean: number; sd: number }
  | {
      judgeId: string;
      status: 'undefined';
      cause: 'single-contestant' | 'constant';
      n: number;
      mean: number;
      sd: 0;
      fallback: ZScoreFallback;
      reason: string;
      reasonZh: string;
    };
export type NormalisedCells = { cells: Cell[]; judges: JudgeNormalisation[]; poolMean: number; poolSd: number };

const SD_EPSILON = 1e-9;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function normaliseByJudge(input: readonly Cell[], fallback: ZScoreFallback): NormalisedCells {
  // a fixed order, so float sums (and so results) do not depend on the order scores arrived in
  const cells = [...input].sort((a, b) => cmp(a.contestantId, b.contestantId) || cmp(a.judgeId, b.judgeId));
  if (cells.length === 0) return { cells: [], judges: [], poolMean: 0, poolSd: 0 };
  const all = cells.map((c) => c.value);
  const poolMean = mean(all);
  const poolSd = populationSd(all);
  const byJudge = new Map<string, Cell[]>();
  for (const c of cells) byJudge.set(c.judgeId, [...(byJudge.get(c.judgeId) ?? []), c]);
  const judges: JudgeNormalisation[] = [];
  const out: Cell[] = [];
  for (const judgeId of [...byJudge.keys()].sort()) {
    const own = byJudge.get(judgeId)!;
    const values = own.map((c) => c.value);
    const m = mean(values);
    const sd = populationSd(values);
    if (own.length >= 2 && sd > SD_EPSILON) {
      judges.push({ judgeId, status: 'ok', n: own.length, mean: m, sd });
      for (const c of own) out.push({ ...c, value: poolMean + poolSd * ((c.value - m) / sd) });
      continue;
    }
    const cause = own.length < 2 ? 'single-contestant' : 'constant';
    const why =
      cause === 'single-contestant'
        ? { en: 'scored only one contestant', zh: '仅评了一名选手' }
        : { en: `gave every contestant ${m}`, zh: `给所有选手的分数都是 ${m}` };
    const then = fallback === 'raw' ? { en: 'raw scores are used', zh: '采用原始分' } : { en: "the judge's scores are left out", zh: '该评委的分数不计入' };
    judges.push({
      judgeId,
      status: 'undefined',
      cause,
      n: own.length,
      mean: m,
      sd: 0,
      fallback,
      reason: `judge ${judgeId} ${why.en}: the z-score is undefined, ${then.en}`,
      reasonZh: `评委 ${judgeId} ${why.zh}，无法计算标准分，${then.zh}`,
    });
    if (fallback === 'raw') out.push(...own);
  }
  return { cells: out, judges, poolMean, poolSd };
}
