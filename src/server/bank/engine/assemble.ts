import { describeSet, fmt } from './assembly-words.ts';
import {
  coversRule,
  difficultyTargets,
  exposureLimit,
  overlapLimit,
  paperLabel,
  type AssemblyItem,
  type AssemblyProblem,
  type Blueprint,
  type Paper,
} from './blueprint.ts';
import { checkFeasibility, indexBank } from './feasibility.ts';
import { PaperBuilder, type BuildFailure } from './paper-builder.ts';
import { mulberry32 } from './prng.ts';
import { quotaMatrix } from './quota.ts';

export type AssembleInput = {
  bank: AssemblyItem[];
  blueprint: Blueprint;
  /** K, the number of parallel papers (A/B/C … 卷). */
  papers: number;
  seed: number;
  /** Fresh random orders tried for one paper before giving up; default 30. */
  maxAttempts?: number;
};

export type AssembleResult =
  | { ok: true; papers: Paper[]; stats: { attempts: number; maxExposure: number } }
  | { ok: false; problems: AssemblyProblem[] };

/**
 * Build K papers that all meet the blueprint, or say which constraint cannot be met.
 *
 * 1. Feasibility: counting checks (feasibility.ts) name any shortage before searching.
 * 2. Quotas: one type × difficulty split for every paper (quota.ts), following the supply.
 * 3. Papers one by one (paper-builder.ts): candidates ordered least-used first (ties in a
 *    seeded random order); coverage rules are met first, scarcest rule first, with a swap
 *    repair; then each cell is filled. A question is taken only while it is under the
 *    exposure cap and would not push the paper's overlap with any earlier paper past the cap
 *    (kept incrementally: for each question the papers using it; for the paper being built
 *    its shared count with each earlier paper). A paper that cannot be completed is retried
 *    with a fresh random order.
 * Deterministic for a given seed.
 */
export function assemblePapers(input: AssembleInput): AssembleResult {
  const { bank, blueprint: b, papers: K, seed } = input;
  const problems = checkFeasibility(bank, b, K);
  if (problems.length > 0) return { ok: false, problems };
  const idx = indexBank(bank, b);
  const E = exposureLimit(b, K);
  const quota = quotaMatrix({ demand: idx.demand, targets: difficultyTargets(b), supply: idx.supply, exposure: E, papers: K });
  if (!quota) {
    return { ok: false, problems: [searchProblem('the question types cannot be split over the difficulty levels with the questions available', '现有题目无法按难度分布分配到各题型', K, 0)] };
  }
  const builder = new PaperBuilder({ idx, blueprint: b, papers: K, exposure: E, overlap: overlapLimit(b), quota });
  const random = mulberry32(seed);
  const maxAttempts = input.maxAttempts ?? 30;
  const result: Paper[] = [];
  let attempts = 0;
  for (let p = 0; p < K; p++) {
    let failure: BuildFailure | null = null;
    let chosen: number[] | null = null;
    for (let a = 0; a < maxAttempts && !chosen; a++) {
      attempts++;
      const built = builder.build(random);
      if (Array.isArray(built)) chosen = built;
      else failure = built;
    }
    if (!chosen) return { ok: false, problems: [failureProblem(failure, b, p, K, E, overlapLimit(b))] };
    builder.commit(chosen, p);
    result.push(toPaper(chosen.map((i) => idx.items[i]), b, paperLabel(p)));
  }
  return { ok: true, papers: result, stats: { attempts, maxExposure: builder.maxUsage() } };
}

function searchProblem(message: string, messageZh: string, needed: number, available: number): AssemblyProblem {
  return { constraint: 'search', message, messageZh, needed, available };
}

function failureProblem(f: BuildFailure | null, b: Blueprint, p: number, K: number, E: number, S: number): AssemblyProblem {
  const label = paperLabel(p);
  const limits = `within the exposure cap (${fmt(E)} papers a question) and the overlap cap (${fmt(S)} shared questions)`;
  const limitsZh = `在曝光上限（每题 ${fmt(E)} 份）和重复上限（两卷共用 ${fmt(S)} 题）内`;
  let what = { en: 'questions', zh: '题目' };
  if (f?.kind === 'coverage') {
    const rule = (b.coverage ?? [])[f.rule];
    what = describeSet({ types: rule.type ? [rule.type] : undefined, levels: rule.difficulties, path: rule.path });
  } else if (f?.kind === 'cell') {
    what = describeSet({ types: [f.type], levels: [f.level] });
  }
  return searchProblem(
    `built ${fmt(p)} of ${fmt(K)} papers: paper ${label} could not get ${fmt(f?.missing ?? 1)} more ${what.en} ${limits}`,
    `已组 ${fmt(p)}/${fmt(K)} 份：试卷 ${label} ${limitsZh}还缺 ${fmt(f?.missing ?? 1)} 道${what.zh}`,
    K,
    p,
  );
}

/** Arrange chosen questions into the blueprint's sections (easier first within a section). */
export function toPaper(items: AssemblyItem[], b: Blueprint, label: string): Paper {
  const byType = new Map<string, AssemblyItem[]>();
  for (const q of items) byType.set(q.type, [...(byType.get(q.type) ?? []), q]);
  for (const list of byType.values()) list.sort((x, y) => x.difficulty - y.difficulty);
  const sections = b.sections.map((s) => {
    const list = byType.get(s.type) ?? [];
    return { type: s.type, pointsEach: s.pointsEach, questionIds: list.splice(0, s.count).map((q) => q.id) };
  });
  const difficultyCounts = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const q of items) difficultyCounts[String(q.difficulty) as keyof typeof difficultyCounts]++;
  return {
    label,
    questionIds: sections.flatMap((s) => s.questionIds),
    sections,
    totalScore: sections.reduce((a, s) => a + s.questionIds.length * s.pointsEach, 0),
    difficultyCounts,
    coverage: (b.coverage ?? []).map((r) => ({ path: r.path, count: items.filter((q) => coversRule(q, r)).length })),
  };
}
