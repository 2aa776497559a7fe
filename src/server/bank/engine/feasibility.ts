import { describeSet, fmt, TYPE_EN, TYPE_ZH } from './assembly-words.ts';
import {
  coversRule,
  difficultyTargets,
  exposureLimit,
  isEligible,
  overlapLimit,
  paperSize,
  sectionScore,
  typeDemand,
  type AssemblyItem,
  type AssemblyProblem,
  type Blueprint,
} from './blueprint.ts';
import { isQuestionType, type QuestionType } from './model.ts';

/**
 * Checks made before any search. Every problem reported here is a necessary condition that
 * fails, so the shortage it names really exists: counts are of eligible questions.
 */
export type BankIndex = {
  items: AssemblyItem[];
  types: QuestionType[];
  /** Questions of each type per paper. */
  demand: number[];
  /** Eligible questions per [type][difficulty − 1]. */
  supply: number[][];
};

export function indexBank(bank: AssemblyItem[], b: Blueprint): BankIndex {
  const demandMap = typeDemand(b);
  const types = [...demandMap.keys()];
  const items = bank.filter((q) => isEligible(q, b) && Number.isInteger(q.difficulty) && q.difficulty >= 1 && q.difficulty <= 5);
  const supply = types.map(() => [0, 0, 0, 0, 0]);
  for (const q of items) supply[types.indexOf(q.type)][q.difficulty - 1]++;
  return { items, types, demand: types.map((t) => demandMap.get(t) ?? 0), supply };
}

const problem = (constraint: AssemblyProblem['constraint'], message: string, messageZh: string, needed: number, available: number): AssemblyProblem => ({ constraint, message, messageZh, needed, available });

/** Problems with the blueprint itself (shape, numbers, total score). */
export function validateBlueprint(b: Blueprint, papers: number): AssemblyProblem[] {
  const out: AssemblyProblem[] = [];
  const bad = (message: string, messageZh: string): void => {
    out.push(problem('blueprint', message, messageZh, 0, 0));
  };
  if (!Number.isInteger(papers) || papers < 1) bad(`the number of papers must be a whole number ≥ 1, not ${papers}`, `试卷份数必须是不小于 1 的整数，而不是 ${papers}`);
  if (!Array.isArray(b.sections) || b.sections.length === 0) bad('the blueprint has no sections', '蓝图没有大题');
  (b.sections ?? []).forEach((s, i) => {
    if (!isQuestionType(s.type)) bad(`section ${i + 1}: unknown question type "${s.type}"`, `第 ${i + 1} 大题：未知题型"${s.type}"`);
    if (!Number.isInteger(s.count) || s.count < 1) bad(`section ${i + 1}: count must be a whole number ≥ 1`, `第 ${i + 1} 大题：题数必须是正整数`);
    if (!Number.isFinite(s.pointsEach) || s.pointsEach <= 0) bad(`section ${i + 1}: points each must be positive`, `第 ${i + 1} 大题：每题分值必须为正数`);
  });
  if (b.difficulty) {
    const values = Object.values(b.difficulty).map(Number);
    const sum = values.reduce((a, v) => a + v, 0);
    if (values.some((v) => !(v >= 0)) || Math.abs(sum - 1) > 1e-6) bad(`the difficulty fractions add up to ${fmt(sum)}; they must be ≥ 0 and add up to 1`, `难度比例之和为 ${fmt(sum)}，应为 1`);
  }
  const tol = b.difficultyTolerance ?? 0;
  if (!Number.isInteger(tol) || tol < 0) bad('difficultyTolerance must be a whole number ≥ 0', '难度容差必须是非负整数');
  const types = new Set((b.sections ?? []).map((s) => s.type));
  (b.coverage ?? []).forEach((r, i) => {
    if (typeof r.path !== 'string' || r.path.trim() === '') bad(`coverage rule ${i + 1} has no knowledge point path`, `第 ${i + 1} 条知识点要求缺少路径`);
    if (!Number.isInteger(r.min) || r.min < 0) bad(`coverage rule ${i + 1} (${r.path}): min must be a whole number ≥ 0`, `知识点"${r.path}"的最少题数必须是非负整数`);
    if (r.type && !types.has(r.type)) bad(`coverage rule ${i + 1} (${r.path}) asks for ${r.type} questions but no section has that type`, `知识点"${r.path}"要求的题型不在任何大题中`);
  });
  if (b.exposureCap !== undefined && b.exposureCap !== null && (!Number.isInteger(b.exposureCap) || b.exposureCap < 1)) bad('exposureCap must be a whole number ≥ 1', '曝光上限必须是正整数');
  if (b.maxOverlap !== undefined && b.maxOverlap !== null && !(b.maxOverlap >= 0 && b.maxOverlap <= 1)) bad('maxOverlap must be a fraction from 0 to 1', '重复率上限必须在 0 到 1 之间');
  if (out.length > 0) return out;
  const sum = sectionScore(b);
  if (Math.abs(sum - b.totalScore) > 1e-9) {
    out.push(problem('totalScore', `the sections add up to ${fmt(sum)} points but the total score is ${fmt(b.totalScore)}`, `各大题合计 ${fmt(sum)} 分，与总分 ${fmt(b.totalScore)} 分不符`, b.totalScore, sum));
  }
  return out;
}

/** All necessary conditions that fail; empty means the search may start. */
export function checkFeasibility(bank: AssemblyItem[], b: Blueprint, papers: number): AssemblyProblem[] {
  const structural = validateBlueprint(b, papers);
  if (structural.some((p) => p.constraint === 'blueprint')) return structural;
  const out = [...structural];
  const idx = indexBank(bank, b);
  const E = exposureLimit(b, papers);
  const K = papers;
  idx.types.forEach((t, i) => {
    const a = idx.supply[i].reduce((x, y) => x + y, 0);
    const r = idx.demand[i];
    if (a < r) {
      out.push(problem('section', `needs ${fmt(r)} ${TYPE_EN[t]} items per paper, the bank has ${fmt(a)}`, `每份试卷需要 ${fmt(r)} 道${TYPE_ZH[t]}，题库只有 ${fmt(a)} 道`, r, a));
    } else if (K * r > E * a) {
      out.push(problem('exposure', `needs ${fmt(r)} ${TYPE_EN[t]} items in each of ${fmt(K)} papers (${fmt(K * r)} uses); ${fmt(a)} items used at most ${fmt(E)} times each allow ${fmt(E * a)}`, `${fmt(K)} 份试卷各需 ${fmt(r)} 道${TYPE_ZH[t]}（共 ${fmt(K * r)} 题次），${fmt(a)} 道题每题最多用 ${fmt(E)} 次，只够 ${fmt(E * a)} 题次`, K * r, E * a));
    }
  });
  if (out.length === 0) out.push(...difficultyProblems(idx, b, K, E));
  out.push(...coverageProblems(idx, b, K, E));
  if (out.length === 0) out.push(...overlapProblems(idx, b, K));
  return out;
}

/**
 * The type × difficulty split exists only if, for every set S of section types and set T of
 * difficulty levels, the S sections' demand minus what levels T may take is at most what the
 * bank holds of S types outside T (max-flow/min-cut). The most specific failing cut is named.
 */
function difficultyProblems(idx: BankIndex, b: Blueprint, K: number, E: number): AssemblyProblem[] {
  const targets = difficultyTargets(b);
  if (!targets) return [];
  const nT = idx.types.length;
  const passes = E < K ? [1, E / K] : [1];
  for (const share of passes) {
    let worst: { S: number[]; levels: number[]; need: number; avail: number; count: number } | null = null;
    for (let sMask = 1; sMask < 1 << nT; sMask++) {
      const S = idx.types.map((_, i) => i).filter((i) => sMask & (1 << i));
      const demand = S.reduce((a, i) => a + idx.demand[i], 0);
      for (let tMask = 0; tMask < 31; tMask++) {
        const levels = [1, 2, 3, 4, 5].filter((l) => !(tMask & (1 << (l - 1))));
        const need = demand - targets.reduce((a, c, l) => a + (tMask & (1 << l) ? c : 0), 0);
        const count = S.reduce((a, i) => a + levels.reduce((x, l) => x + idx.supply[i][l - 1], 0), 0);
        const avail = count * Math.min(1, share);
        if (need <= avail + 1e-9) continue;
        const size = S.length + levels.length;
        if (!worst || size < worst.S.length + worst.levels.length) worst = { S, levels, need, avail, count };
      }
    }
    if (!worst) continue;
    const all = worst.S.length === nT;
    const set = describeSet({ types: all ? undefined : worst.S.map((i) => idx.types[i]), levels: worst.levels.length === 5 ? undefined : worst.levels });
    if (share === 1) {
      return [problem('difficulty', `needs ${fmt(worst.need)} ${set.en} per paper, the bank has ${fmt(worst.count)}`, `每份试卷需要 ${fmt(worst.need)} 道${set.zh}，题库只有 ${fmt(worst.count)} 道`, worst.need, worst.count)];
    }
    return [problem('exposure', `needs ${fmt(worst.need)} ${set.en} in each of ${fmt(K)} papers (${fmt(worst.need * K)} uses); ${fmt(worst.count)} items used at most ${fmt(E)} times each allow ${fmt(worst.count * E)}`, `${fmt(K)} 份试卷各需 ${fmt(worst.need)} 道${set.zh}（共 ${fmt(worst.need * K)} 题次），${fmt(worst.count)} 道题每题最多用 ${fmt(E)} 次，只够 ${fmt(worst.count * E)} 题次`, worst.need * K, worst.count * E)];
  }
  return [];
}

function coverageProblems(idx: BankIndex, b: Blueprint, K: number, E: number): AssemblyProblem[] {
  const out: AssemblyProblem[] = [];
  for (const rule of b.coverage ?? []) {
    const c = idx.items.filter((q) => coversRule(q, rule)).length;
    const set = describeSet({ types: rule.type ? [rule.type] : undefined, levels: rule.difficulties, path: rule.path });
    if (c < rule.min) {
      out.push(problem('coverage', `needs ${fmt(rule.min)} ${set.en} per paper, the bank has ${fmt(c)}`, `每份试卷需要 ${fmt(rule.min)} 道${set.zh}，题库只有 ${fmt(c)} 道`, rule.min, c));
    } else if (K * rule.min > E * c) {
      out.push(problem('coverage', `needs ${fmt(rule.min)} ${set.en} in each of ${fmt(K)} papers (${fmt(K * rule.min)} uses); ${fmt(c)} items used at most ${fmt(E)} times each allow ${fmt(E * c)}`, `${fmt(K)} 份试卷各需 ${fmt(rule.min)} 道${set.zh}（共 ${fmt(K * rule.min)} 题次），${fmt(c)} 道题每题最多用 ${fmt(E)} 次，只够 ${fmt(E * c)} 题次`, K * rule.min, E * c));
    }
  }
  return out;
}

/** Fewest pairs of papers sharing a question when U uses are spread over M questions. */
export function minSharedPairs(uses: number, questions: number): number {
  if (questions === 0) return uses > 0 ? Infinity : 0;
  const q = Math.floor(uses / questions);
  const r = uses % questions;
  return r * ((q + 1) * q) / 2 + (questions - r) * (q * (q - 1)) / 2;
}

function overlapProblems(idx: BankIndex, b: Blueprint, K: number): AssemblyProblem[] {
  const S = overlapLimit(b);
  const N = paperSize(b);
  if (K < 2 || S >= N) return [];
  const pairs = (K * (K - 1)) / 2;
  const shared = idx.types.reduce((a, _, i) => a + minSharedPairs(K * idx.demand[i], idx.supply[i].reduce((x, y) => x + y, 0)), 0);
  if (shared <= pairs * S) return [];
  const avg = shared / pairs;
  return [
    problem(
      'overlap',
      `${fmt(K)} papers of ${fmt(N)} questions may share at most ${fmt(S)} questions pairwise, but the ${fmt(idx.items.length)} eligible questions, used as evenly as possible, make two papers share ${fmt(avg)} on average`,
      `${fmt(K)} 份 ${fmt(N)} 题的试卷两两最多重复 ${fmt(S)} 题，但 ${fmt(idx.items.length)} 道可用题即使平均使用，两份试卷平均也要重复 ${fmt(avg)} 题`,
      shared,
      pairs * S,
    ),
  ];
}
