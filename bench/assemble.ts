// npm run bench -- assemble
// 8,000 synthetic questions (5 types, 5 difficulties, 40 knowledge points, 4 tracks), a
// 100-question blueprint, 500 parallel papers with pairwise overlap ≤ 30 %. The solver's
// papers are verified by the independent checker (checkPapers), not assumed.
// Baseline, same input, same run: random sampling with retry. It knows the type × difficulty
// quotas (so it is not hopeless), draws each cell uniformly at random, and retries a paper
// up to 300 times until coverage, exposure and overlap hold; it stops at the first paper it
// cannot build or after 45 s.
import { assemblePapers, toPaper } from '../src/server/bank/engine/assemble.ts';
import {
  coversRule,
  difficultyTargets,
  exposureLimit,
  overlapLimit,
  paperLabel,
  type Blueprint,
  type Paper,
} from '../src/server/bank/engine/blueprint.ts';
import { checkPapers } from '../src/server/bank/engine/check.ts';
import { indexBank } from '../src/server/bank/engine/feasibility.ts';
import { mulberry32 } from '../src/server/bank/engine/prng.ts';
import { quotaMatrix } from '../src/server/bank/engine/quota.ts';
import { SYNTHETIC_AREAS, syntheticBank } from '../src/server/bank/engine/synthetic-bank.ts';

const PAPERS = 500;
const bank = syntheticBank({ size: 8000, seed: 20260311 });
const blueprint: Blueprint = {
  sections: [
    { type: 'single', count: 35, pointsEach: 1 },
    { type: 'multiple', count: 20, pointsEach: 2 },
    { type: 'truefalse', count: 20, pointsEach: 1 },
    { type: 'fill', count: 15, pointsEach: 1 },
    { type: 'short', count: 10, pointsEach: 4 },
  ],
  totalScore: 150,
  difficulty: { '1': 0.1, '2': 0.2, '3': 0.4, '4': 0.2, '5': 0.1 },
  coverage: [
    ...Object.keys(SYNTHETIC_AREAS).map((area) => ({ path: area, min: 6 })),
    { path: '宽带/故障', min: 2 },
    { path: '投诉处理/情绪安抚', min: 2 },
    { path: '携号转网/流程', min: 2 },
    { path: '套餐/资费', min: 2 },
    { path: '宽带', min: 2, type: 'multiple' as const },
  ],
  tracks: ['语音客服', '智能客服'],
  exposureCap: 12,
  maxOverlap: 0.3,
};

const seconds = (t0: number): number => Math.round((performance.now() - t0) / 10) / 100;

// --- the solver ---
let t0 = performance.now();
const result = assemblePapers({ bank, blueprint, papers: PAPERS, seed: 42 });
const solverSeconds = seconds(t0);
let papers: Paper[] = [];
if (result.ok) papers = result.papers;
else for (const p of result.problems) console.log(`  problem [${p.constraint}] ${p.message}`);
t0 = performance.now();
const violations = checkPapers(papers, blueprint, bank);
const checkSeconds = seconds(t0);
const allMet = result.ok && papers.length === PAPERS && violations.length === 0;
console.log(`solver:   ${papers.length}/${PAPERS} papers in ${solverSeconds.toFixed(2)} s` + (result.ok ? ` (${result.stats.attempts} attempts, max exposure ${result.stats.maxExposure}/${blueprint.exposureCap})` : ''));
console.log(`checker:  ${violations.length} violations in ${checkSeconds.toFixed(2)} s` + (violations.length ? ` — first: ${violations[0].message}` : ''));

// --- the baseline ---
function baseline(budgetSeconds: number): Paper[] {
  const start = performance.now();
  const random = mulberry32(42);
  const idx = indexBank(bank, blueprint);
  const E = exposureLimit(blueprint, PAPERS);
  const S = overlapLimit(blueprint);
  const quota = quotaMatrix({ demand: idx.demand, targets: difficultyTargets(blueprint), supply: idx.supply, exposure: E, papers: PAPERS });
  if (!quota) return [];
  const cells = idx.types.map((t) => [1, 2, 3, 4, 5].map((d) => idx.items.filter((q) => q.type === t && q.difficulty === d)));
  const usage = new Map<string, number>();
  const built: Paper[] = [];
  const sets: Set<string>[] = [];
  while (built.length < PAPERS && (performance.now() - start) / 1000 < budgetSeconds) {
    let ok = false;
    for (let attempt = 0; attempt < 300 && !ok; attempt++) {
      const chosen = cells.flatMap((row, t) =>
        row.flatMap((items, d) => {
          const pool = [...items];
          const out = [];
          for (let k = 0; k < quota[t][d] && pool.length > 0; k++) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
          return out;
        }),
      );
      if ((blueprint.coverage ?? []).some((r) => chosen.filter((q) => coversRule(q, r)).length < r.min)) continue;
      if (chosen.some((q) => (usage.get(q.id) ?? 0) >= E)) continue;
      const ids = new Set(chosen.map((q) => q.id));
      if (sets.some((s) => [...ids].filter((id) => s.has(id)).length > S)) continue;
      for (const q of chosen) usage.set(q.id, (usage.get(q.id) ?? 0) + 1);
      sets.push(ids);
      built.push(toPaper(chosen, blueprint, paperLabel(built.length)));
      ok = true;
    }
    if (!ok) break;
  }
  return built;
}
t0 = performance.now();
const basePapers = baseline(45);
const baselineSeconds = seconds(t0);
const baseValid = checkPapers(basePapers, blueprint, bank).length === 0 ? basePapers.length : 0;
console.log(`baseline: ${baseValid}/${PAPERS} papers in ${baselineSeconds.toFixed(2)} s (random sampling per type × difficulty cell, ≤ 300 retries a paper)`);
if (baseValid > 0) console.log(`ratio:    solver ${(papers.length / solverSeconds).toFixed(0)} papers/s vs baseline ${(baseValid / baselineSeconds).toFixed(1)} papers/s`);
console.log(JSON.stringify({ bench: 'assemble', papers: papers.length, allConstraintsMet: allMet, seconds: solverSeconds, baselinePapers: baseValid, baselineSeconds }));
