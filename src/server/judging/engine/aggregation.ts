import { mean, median, roundTo, type Rounding } from './numeric.ts';
import { normaliseByJudge, type Cell, type JudgeNormalisation, type ZScoreFallback } from './normalise.ts';
import { refuse, type Refusal } from './outcome.ts';
import { weightedTotal, type CriterionScores, type Rubric } from './rubric.ts';

/**
 * Aggregation as data (计分规则): the rule is declared on the round and stored with it, and
 * the result says what was applied, what was dropped and why, so the organiser board and
 * the big screen show the same thing the ranking used.
 */
export type BaseRule =
  | { kind: 'mean' }
  | { kind: 'median' }
  /** drop the `trim` highest and `trim` lowest, average the rest; below 2·trim+1 scores, `fallback` */
  | { kind: 'trimmed-mean'; trim: number; fallback: 'mean' | 'median' };

export type AggregationSpec = {
  rule: BaseRule;
  /**
   * 'criterion': each criterion is aggregated across judges, then weighted (drops are per
   * criterion). 'judge-total': each judge's weighted total is aggregated (the usual
   * 去掉一个最高分、一个最低分 on whole scores; drops are whole judges).
   */
  level: 'criterion' | 'judge-total';
  normalise?: { kind: 'z-score'; fallback: ZScoreFallback };
  rounding: Rounding;
  /** round each criterion's aggregate before weighting, so the shown parts add up */
  roundCriteria?: boolean;
};

export const TOTAL_CHANNEL = 'total';

export type JudgeValue = { judgeId: string; value: number };
export type DroppedValue = JudgeValue & { side: 'high' | 'low' };
export type AppliedRule = 'mean' | 'median' | 'trimmed-mean';
export type ValueAggregate = {
  /** null when there were no scores */
  value: number | null;
  declared: AppliedRule;
  applied: AppliedRule;
  /** set when the declared rule could not apply (too few scores to trim, or none at all) */
  fallback: { reason: string; reasonZh: string } | null;
  dropped: DroppedValue[];
  kept: JudgeValue[];
};

const byValueThenJudge = (a: JudgeValue, b: JudgeValue) => a.value - b.value || (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0);

/**
 * One list of scores → one value by the declared rule. Trimming strikes exactly `trim`
 * scores at each end: when several judges share the extreme value only one of them is
 * struck per unit of `trim`: among tied candidates the smallest judge id not already struck,
 * so the outcome never depends on the order the scores arrived in.
 */
export function aggregateValues(values: readonly JudgeValue[], rule: BaseRule): ValueAggregate {
  const sorted = [...values].sort(byValueThenJudge);
  const n = sorted.length;
  const declared = rule.kind;
  if (n === 0) {
    return { value: null, declared, applied: declared, fallback: { reason: 'no scores yet', reasonZh: '尚无评分' }, dropped: [], kept: [] };
  }
  const plain = (applied: 'mean' | 'median', fallback: ValueAggregate['fallback']): ValueAggregate => ({
    value: applied === 'mean' ? mean(sorted.map((v) => v.value)) : median(sorted.map((v) => v.value)),
    declared,
    applied,
    fallback,
    dropped: [],
    kept: sorted,
  });
  if (rule.kind !== 'trimmed-mean') return plain(rule.kind, null);
  const k = rule.trim;
  if (n <= 2 * k) {
    return plain(rule.fallback, {
      reason: `${n} score(s): dropping the ${k} highest and ${k} lowest needs at least ${2 * k + 1}, so the ${rule.fallback} is used`,
      reasonZh: `仅 ${n} 个评分，去掉 ${k} 个最高分和 ${k} 个最低分至少需要 ${2 * k + 1} 个，改用${rule.fallback === 'mean' ? '平均分' : '中位数'}`,
    });
  }
  const low = sorted.slice(0, k);
  const rest = sorted.slice(k);
  const high = [...rest].sort((a, b) => b.value - a.value || (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0)).slice(0, k);
  const struck = new Set([...low, ...high]);
  const kept = sorted.filter((v) => !struck.has(v));
  return {
    value: mean(kept.map((v) => v.value)),
    declared,
    applied: 'trimmed-mean',
    fallback: null,
    dropped: [...high.map((v) => ({ ...v, side: 'high' as const })), ...low.map((v) => ({ ...v, side: 'low' as const }))],
    kept,
  };
}

export type SpecRefusal = Refusal<'BAD_TRIM' | 'BAD_ROUNDING'>;
export function validateAggregationSpec(spec: AggregationSpec): { ok: true } | SpecRefusal {
  if (spec.rule.kind === 'trimmed-mean' && !(Number.isInteger(spec.rule.trim) && spec.rule.trim >= 0)) {
    return refuse('BAD_TRIM', 'the number of scores dropped at each end must be a whole number ≥ 0', '去掉最高/最低分的个数必须为非负整数');
  }
  const d = spec.rounding.decimals;
  if (!(Number.isInteger(d) && d >= 0 && d <= 6)) return refuse('BAD_ROUNDING', 'rounding must keep 0 to 6 decimals', '保留小数位数须为 0–6');
  return { ok: true };
}

/** One judge's scores for one contestant, as stored (validated against the rubric). */
export type ScoreSheet = { judgeId: string; contestantId: string; scores: CriterionScores };

export type ChannelResult = ValueAggregate & { channel: string; weight: number; rounded: number | null };
export type ContestantResult = {
  contestantId: string;
  /** each judge's own weighted total (raw), in judge id order: what the big screen shows first */
  judgeTotals: JudgeValue[];
  /** per criterion (level 'criterion') or the single 'total' channel (level 'judge-total') */
  channels: ChannelResult[];
  /** unrounded final, null while a channel has no scores */
  total: number | null;
  /** the final as declared-rounded: the number shown and ranked */
  final: number | null;
  notes: { reason: string; reasonZh: string }[];
};
export type AggregationResult = {
  spec: AggregationSpec;
  contestants: ContestantResult[];
  /** channel → per-judge mean/sd, when z-scores were declared */
  normalisation: Record<string, JudgeNormalisation[]> | null;
  /** groups of contestants with equal finals (≥ 2), highest first: handed to the tie-break chain */
  ties: { final: number; contestantIds: string[] }[];
};

/**
 * Aggregates every contestant of one scored item (a round, or a round's group). The whole
 * set is needed at once because z-scores are per judge across contestants.
 */
export function aggregateScores(input: { rubric: Rubric; spec: AggregationSpec; sheets: readonly ScoreSheet[] }): AggregationResult {
  const { rubric, spec, sheets } = input;
  const check = validateAggregationSpec(spec);
  if (!check.ok) throw new Error(`invalid aggregation spec: ${check.reason}`);
  const channels =
    spec.level === 'criterion'
      ? rubric.criteria.map((c) => ({ key: c.key, weight: c.weight, valueOf: (s: ScoreSheet) => s.scores[c.key] }))
      : [{ key: TOTAL_CHANNEL, weight: 1, valueOf: (s: ScoreSheet) => weightedTotal(rubric, s.scores) }];
  const contestantIds = [...new Set(sheets.map((s) => s.contestantId))].sort();
  const normalisation: Record<string, JudgeNormalisation[]> | null = spec.normalise ? {} : null;
  const perChannel = new Map<string, Map<string, JudgeValue[]>>();
  for (const ch of channels) {
    let cells: Cell[] = sheets.map((s) => ({ judgeId: s.judgeId, contestantId: s.contestantId, value: ch.valueOf(s) }));
    if (spec.normalise && normalisation) {
      const z = normaliseByJudge(cells, spec.normalise.fallback);
      normalisation[ch.key] = z.judges;
      cells = z.cells;
    }
    const m = new Map<string, JudgeValue[]>();
    for (const c of cells) m.set(c.contestantId, [...(m.get(c.contestantId) ?? []), { judgeId: c.judgeId, value: c.value }]);
    perChannel.set(ch.key, m);
  }
  const contestants = contestantIds.map((contestantId): ContestantResult => {
    const own = sheets.filter((s) => s.contestantId === contestantId);
    const judgeTotals = own.map((s) => ({ judgeId: s.judgeId, value: weightedTotal(rubric, s.scores) })).sort(byJudgeId);
    const notes: ContestantResult['notes'] = [];
    const results = channels.map((ch): ChannelResult => {
      const agg = aggregateValues(perChannel.get(ch.key)!.get(contestantId) ?? [], spec.rule);
      if (agg.fallback) notes.push({ reason: `${ch.key}: ${agg.fallback.reason}`, reasonZh: `${ch.key}：${agg.fallback.reasonZh}` });
      return { ...agg, channel: ch.key, weight: ch.weight, rounded: agg.value === null ? null : roundTo(agg.value, spec.rounding) };
    });
    const missing = results.some((r) => r.value === null);
    const total = missing ? null : results.reduce((a, r) => a + r.weight * ((spec.roundCriteria ? r.rounded : r.value) as number), 0);
    for (const j of normalisation ? Object.values(normalisation).flat() : []) {
      if (j.status === 'undefined' && own.some((s) => s.judgeId === j.judgeId) && !notes.some((n) => n.reason === j.reason)) notes.push({ reason: j.reason, reasonZh: j.reasonZh });
    }
    return { contestantId, judgeTotals, channels: results, total, final: total === null ? null : roundTo(total, spec.rounding), notes };
  });
  return { spec, contestants, normalisation, ties: findTies(contestants) };
}

function byJudgeId(a: JudgeValue, b: JudgeValue): number {
  return a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0;
}

/** Equal finals, grouped, highest first. The engine never breaks ties: the contest does. */
export function findTies(results: readonly { contestantId: string; final: number | null }[]): { final: number; contestantIds: string[] }[] {
  const groups = new Map<number, string[]>();
  for (const r of results) if (r.final !== null) groups.set(r.final, [...(groups.get(r.final) ?? []), r.contestantId]);
  return [...groups.entries()]
    .filter(([, ids]) => ids.length > 1)
    .sort((a, b) => b[0] - a[0])
    .map(([final, ids]) => ({ final, contestantIds: [...ids].sort() }));
}
