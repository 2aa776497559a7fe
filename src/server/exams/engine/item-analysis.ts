/**
 * Item analysis (试题分析) exactly as Moodle's quiz statistics define it
 * (docs.moodle.org/dev/Quiz_statistics_calculations; core_question\statistics\questions\calculator
 * and quiz_statistics\calculator). Pure: attempts in, statistics out.
 *
 * Declared choices, all Moodle's:
 * - an attempt's total is the sum of its slot marks; a slot with no mark (ungraded, unanswered)
 *   counts 0;
 * - variances and covariances divide by s − 1; a statistic that needs s > 1 (s > 2 for
 *   skewness, s > 3 for kurtosis, p > 1 for the CIC) is null below that;
 * - facility is a fraction 0…1 (Moodle shows it ×100 %); discrimination index and
 *   discriminative efficiency are ×100; effective and intended weights are percentages;
 * - a slot's "other marks" are the total minus its own mark; for a random slot, each question
 *   drawn into it also gets statistics where "other marks" are the whole total (Moodle's
 *   sub-question statistics), but only slots take part in effective weight and the CIC;
 * - effective weight = 100·√cov(item, total) / Σ√cov(item, total) over the items whose
 *   covariance with the total is ≥ 0; an item with a negative one has none (null).
 */
import { invalid } from '../../errors.ts';

export type WhichAttempts = 'all' | 'first' | 'last' | 'highest';

export type ItemDef = {
  slot: number;
  maxMark: number;
  /** Expected fraction for a random guess (e.g. 1/4 for a four-option single choice); null = not meaningful. */
  randomGuessScore?: number | null;
  /** Choice items: option keys and the correct ones, for the distractor table. */
  optionKeys?: string[];
  correctKeys?: string[];
};

export type AttemptRecord = {
  attemptId: string;
  candidateId: string;
  attemptNo: number;
  /** Mark per slot (absent or null = 0). */
  marks: Record<number, number | null | undefined>;
  /** Which question was drawn into each slot (random slots); absent = the slot's own question. */
  questionIds?: Record<number, string>;
  /** Option keys chosen per choice slot, in canonical (not display) keys. */
  choices?: Record<number, string[]>;
};

export type FlagThresholds = { facilityBelow: number; facilityAbove: number; discriminationBelow: number };
/** Declared defaults: facility < 0.2 too hard, > 0.9 too easy, discrimination index < 20 (i.e. 0.2) weak. */
export const DEFAULT_FLAG_THRESHOLDS: FlagThresholds = { facilityBelow: 0.2, facilityAbove: 0.9, discriminationBelow: 20 };

export type ItemFlag = 'too-hard' | 'too-easy' | 'low-discrimination' | 'negative-discrimination';

export type ItemStats = {
  slot: number;
  /** Set for a question drawn into a random slot (Moodle's sub-question stats). */
  questionId: string | null;
  s: number;
  maxMark: number;
  markAverage: number;
  facility: number | null;
  sd: number | null;
  randomGuessScore: number | null;
  intendedWeight: number | null;
  effectiveWeight: number | null;
  discriminationIndex: number | null;
  discriminativeEfficiency: number | null;
  markVariance: number | null;
  otherMarkVariance: number | null;
  covariance: number | null;
  covarianceMax: number | null;
  covarianceWithOverallMark: number | null;
  flags: ItemFlag[];
};

export type TestStats = {
  s: number;
  mean: number | null;
  median: number | null;
  sd: number | null;
  skewness: number | null;
  kurtosis: number | null;
  /** Coefficient of internal consistency (Cronbach's alpha) ×100. */
  cic: number | null;
  errorRatio: number | null;
  standardError: number | null;
};

export type OptionUse = { key: string; isCorrect: boolean; count: number; share: number; meanTotal: number | null };
export type DistractorTable = { slot: number; answered: number; noResponse: number; options: OptionUse[] };

export type ItemAnalysis = { test: TestStats; items: ItemStats[]; subquestions: ItemStats[]; distractors: DistractorTable[] };

export type AnalyseInput = {
  items: ItemDef[];
  attempts: AttemptRecord[];
  whichAttempts?: WhichAttempts;
  thresholds?: FlagThresholds;
};

/** The attempts Moodle would count: all, or each candidate's first, last or highest-scoring (ties: earliest). */
export function selectAttempts(attempts: AttemptRecord[], which: WhichAttempts, slots: number[]): AttemptRecord[] {
  if (which === 'all') return attempts;
  const best = new Map<string, AttemptRecord>();
  for (const a of attempts) {
    const cur = best.get(a.candidateId);
    if (!cur) { best.set(a.candidateId, a); continue; }
    const better =
      which === 'first' ? a.attemptNo < cur.attemptNo
        : which === 'last' ? a.attemptNo > cur.attemptNo
          : totalOf(a, slots) > totalOf(cur, slots) || (totalOf(a, slots) === totalOf(cur, slots) && a.attemptNo < cur.attemptNo);
    if (better) best.set(a.candidateId, a);
  }
  return attempts.filter((a) => best.get(a.candidateId) === a);
}

const markOf = (a: AttemptRecord, slot: number): number => a.marks[slot] ?? 0;
const totalOf = (a: AttemptRecord, slots: number[]): number => slots.reduce((t, s) => t + markOf(a, s), 0);
const sum = (xs: number[]): number => xs.reduce((t, x) => t + x, 0);

/**
 * Rounding noise (|x| < 1e-12) is taken as exactly 0, so that whether a statistic is defined
 * (Moodle tests "variance × variance ≠ 0", "covariance max ≠ 0", "covariance ≥ 0") does not
 * depend on the order in which attempts were summed.
 */
const snap = (x: number): number => (Math.abs(x) < 1e-12 ? 0 : x);

type Obs = { mark: number; other: number; total: number };

/** Moodle's per-question walkers over the observations of one slot (or one drawn question). */
function questionStats(slot: number, questionId: string | null, maxMark: number, obs: Obs[]): ItemStats {
  const s = obs.length;
  const markAverage = s ? sum(obs.map((o) => o.mark)) / s : 0;
  const otherAverage = s ? sum(obs.map((o) => o.other)) / s : 0;
  const totalAverage = s ? sum(obs.map((o) => o.total)) / s : 0;
  const sortedMarks = obs.map((o) => o.mark).sort((a, b) => a - b);
  const sortedOthers = obs.map((o) => o.other).sort((a, b) => a - b);
  let mv = 0, omv = 0, cov = 0, covMax = 0, covAll = 0;
  obs.forEach((o, i) => {
    const d = o.mark - markAverage;
    const od = o.other - otherAverage;
    mv += d * d;
    omv += od * od;
    cov += d * od;
    covMax += (sortedMarks[i] - markAverage) * (sortedOthers[i] - otherAverage);
    covAll += d * (o.total - totalAverage);
  });
  const enough = s > 1;
  const markVariance = enough ? snap(mv / (s - 1)) : null;
  const otherMarkVariance = enough ? snap(omv / (s - 1)) : null;
  const covariance = enough ? snap(cov / (s - 1)) : null;
  const covarianceMax = enough ? snap(covMax / (s - 1)) : null;
  const product = (markVariance ?? 0) * (otherMarkVariance ?? 0);
  return {
    slot,
    questionId,
    s,
    maxMark,
    markAverage,
    facility: maxMark !== 0 ? markAverage / maxMark : null,
    sd: enough ? Math.sqrt(mv / (s - 1)) : null,
    randomGuessScore: null,
    intendedWeight: null,
    effectiveWeight: null,
    discriminationIndex: product ? (100 * (covariance as number)) / Math.sqrt(product) : null,
    discriminativeEfficiency: covarianceMax ? (100 * (covariance as number)) / covarianceMax : null,
    markVariance,
    otherMarkVariance,
    covariance,
    covarianceMax,
    covarianceWithOverallMark: enough ? snap(covAll / (s - 1)) : null,
    flags: [],
  };
}

function flagsOf(st: ItemStats, t: FlagThresholds): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (st.facility !== null && st.facility < t.facilityBelow) flags.push('too-hard');
  if (st.facility !== null && st.facility > t.facilityAbove) flags.push('too-easy');
  if (st.discriminationIndex !== null && st.discriminationIndex < t.discriminationBelow) flags.push('low-discrimination');
  if (st.discriminationIndex !== null && st.discriminationIndex < 0) flags.push('negative-discrimination');
  return flags;
}

/** Quiz-level statistics over attempt totals (quiz_statistics\calculator). */
export function testStatistics(totals: number[], itemCount: number, sumOfMarkVariance: number): TestStats {
  const s = totals.length;
  const out: TestStats = { s, mean: null, median: null, sd: null, skewness: null, kurtosis: null, cic: null, errorRatio: null, standardError: null };
  if (s === 0) return out;
  const mean = sum(totals) / s;
  const sorted = [...totals].sort((a, b) => a - b);
  out.mean = mean;
  out.median = s % 2 === 0 ? (sorted[s / 2 - 1] + sorted[s / 2]) / 2 : sorted[Math.floor(s / 2)];
  if (s < 2) return out;
  const p2 = sum(totals.map((x) => (x - mean) ** 2));
  const p3 = sum(totals.map((x) => (x - mean) ** 3));
  const p4 = sum(totals.map((x) => (x - mean) ** 4));
  out.sd = Math.sqrt(p2 / (s - 1));
  if (s < 3) return out;
  const m2 = p2 / s, m3 = p3 / s, m4 = p4 / s;
  const k2 = (s * m2) / (s - 1);
  const k3 = (s * s * m3) / ((s - 1) * (s - 2));
  if (k2 === 0) return out;
  out.skewness = k3 / k2 ** 1.5;
  if (s > 3) {
    const k4 = (s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2)) / ((s - 1) * (s - 2) * (s - 3));
    out.kurtosis = k4 / (k2 * k2);
  }
  if (itemCount > 1) {
    const p = itemCount;
    out.cic = ((100 * p) / (p - 1)) * (1 - sumOfMarkVariance / k2);
    out.errorRatio = 100 * Math.sqrt(1 - out.cic / 100);
    out.standardError = (out.errorRatio * out.sd) / 100;
  }
  return out;
}

function distractorTable(item: ItemDef, attempts: AttemptRecord[], slots: number[]): DistractorTable {
  const correct = new Set(item.correctKeys ?? []);
  const chosenBy = new Map<string, number[]>((item.optionKeys ?? []).map((k) => [k, []]));
  let answered = 0;
  for (const a of attempts) {
    const keys = a.choices?.[item.slot] ?? [];
    if (keys.length) answered++;
    for (const k of new Set(keys)) chosenBy.get(k)?.push(totalOf(a, slots));
  }
  const s = attempts.length;
  return {
    slot: item.slot,
    answered,
    noResponse: s - answered,
    options: [...chosenBy].map(([key, totals]) => ({
      key,
      isCorrect: correct.has(key),
      count: totals.length,
      share: s ? totals.length / s : 0,
      meanTotal: totals.length ? sum(totals) / totals.length : null,
    })),
  };
}

function validate(input: AnalyseInput): void {
  const seen = new Set<number>();
  for (const it of input.items) {
    if (!Number.isInteger(it.slot) || seen.has(it.slot)) throw invalid('items', `slot ${it.slot} is not a unique integer`);
    if (!(it.maxMark >= 0)) throw invalid('items', `slot ${it.slot}: maxMark must be ≥ 0`);
    seen.add(it.slot);
  }
  for (const a of input.attempts) {
    for (const [slot, m] of Object.entries(a.marks)) {
      if (m !== null && m !== undefined && !Number.isFinite(m)) throw invalid('attempts', `attempt ${a.attemptId}: slot ${slot} mark is not a number`);
    }
  }
}

/** Moodle's quiz statistics for one exam. */
export function analyseItems(input: AnalyseInput): ItemAnalysis {
  validate(input);
  const items = [...input.items].sort((a, b) => a.slot - b.slot);
  const slots = items.map((i) => i.slot);
  const attempts = selectAttempts(input.attempts, input.whichAttempts ?? 'all', slots);
  const thresholds = input.thresholds ?? DEFAULT_FLAG_THRESHOLDS;
  const totals = attempts.map((a) => totalOf(a, slots));
  const sumMax = sum(items.map((i) => i.maxMark));

  const stats = items.map((item) => {
    const obs = attempts.map((a, i) => ({ mark: markOf(a, item.slot), other: totals[i] - markOf(a, item.slot), total: totals[i] }));
    const st = questionStats(item.slot, null, item.maxMark, obs);
    st.randomGuessScore = item.randomGuessScore ?? null;
    st.intendedWeight = sumMax ? (100 * item.maxMark) / sumMax : null;
    return st;
  });

  const sumSqrtCov = sum(stats.map((st) => st.covarianceWithOverallMark ?? -1).filter((c) => c >= 0).map(Math.sqrt));
  for (const st of stats) {
    const c = st.covarianceWithOverallMark;
    st.effectiveWeight = sumSqrtCov && c !== null && c >= 0 ? (100 * Math.sqrt(c)) / sumSqrtCov : null;
    st.flags = flagsOf(st, thresholds);
  }

  const subquestions: ItemStats[] = [];
  for (const item of items) {
    const drawn = new Map<string, Obs[]>();
    attempts.forEach((a, i) => {
      const qid = a.questionIds?.[item.slot];
      if (qid === undefined) return;
      drawn.set(qid, [...(drawn.get(qid) ?? []), { mark: markOf(a, item.slot), other: totals[i], total: totals[i] }]);
    });
    if (drawn.size < 2) continue;
    for (const [qid, obs] of [...drawn].sort(([a], [b]) => a.localeCompare(b))) {
      const st = questionStats(item.slot, qid, item.maxMark, obs);
      st.flags = flagsOf(st, thresholds);
      subquestions.push(st);
    }
  }

  const sumOfMarkVariance = sum(stats.map((st) => st.markVariance ?? 0));
  return {
    test: testStatistics(totals, items.length, sumOfMarkVariance),
    items: stats,
    subquestions,
    distractors: items.filter((i) => i.optionKeys?.length).map((i) => distractorTable(i, attempts, slots)),
  };
}
