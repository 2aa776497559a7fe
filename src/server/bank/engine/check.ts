import {
  LEVELS,
  coversRule,
  difficultyTargets,
  exposureLimit,
  isEligible,
  overlapLimit,
  type AssemblyItem,
  type Blueprint,
  type Paper,
} from './blueprint.ts';

/**
 * An independent verifier of assembled papers: it recounts everything from the bank and the
 * blueprint and trusts nothing the solver reports. An empty list means the paper(s) are valid.
 */
export type Violation = { paper: string | null; constraint: string; message: string };

export function checkPaper(paper: Paper, b: Blueprint, bank: AssemblyItem[] | Map<string, AssemblyItem>): Violation[] {
  const byId = bank instanceof Map ? bank : new Map(bank.map((q) => [q.id, q]));
  const out: Violation[] = [];
  const v = (constraint: string, message: string): void => {
    out.push({ paper: paper.label, constraint, message });
  };
  const ids = paper.sections.flatMap((s) => s.questionIds);
  if (ids.join('\u0000') !== paper.questionIds.join('\u0000')) v('sections', 'questionIds is not the sections’ questions in order');
  if (new Set(ids).size !== ids.length) v('duplicate', 'a question appears twice in the paper');
  if (paper.sections.length !== b.sections.length) v('sections', `the paper has ${paper.sections.length} sections, the blueprint ${b.sections.length}`);
  const items: AssemblyItem[] = [];
  b.sections.forEach((s, k) => {
    const ps = paper.sections[k];
    if (!ps) return;
    if (ps.type !== s.type || ps.pointsEach !== s.pointsEach) v('sections', `section ${k + 1} is ${ps.type} × ${ps.pointsEach} points, the blueprint says ${s.type} × ${s.pointsEach}`);
    if (ps.questionIds.length !== s.count) v('sections', `section ${k + 1} has ${ps.questionIds.length} questions, the blueprint asks for ${s.count}`);
    for (const id of ps.questionIds) {
      const q = byId.get(id);
      if (!q) {
        v('bank', `question ${id} is not in the bank`);
        continue;
      }
      items.push(q);
      if (q.type !== s.type) v('sections', `question ${id} is ${q.type}, in a ${s.type} section`);
      if (!isEligible(q, b)) v('eligibility', `question ${id} is not eligible (status ${q.status}, track ${q.track ?? 'none'})`);
    }
  });
  const score = paper.sections.reduce((a, s) => a + s.questionIds.length * s.pointsEach, 0);
  if (Math.abs(score - b.totalScore) > 1e-9 || Math.abs(paper.totalScore - score) > 1e-9) v('totalScore', `the paper totals ${score} points (says ${paper.totalScore}), the blueprint ${b.totalScore}`);
  const targets = difficultyTargets(b);
  const counts = [0, 0, 0, 0, 0];
  for (const q of items) counts[q.difficulty - 1]++;
  LEVELS.forEach((l, i) => {
    if (paper.difficultyCounts[l] !== counts[i]) v('difficulty', `difficultyCounts[${l}] says ${paper.difficultyCounts[l]}, the paper has ${counts[i]}`);
  });
  if (targets) {
    const tol = b.difficultyTolerance ?? 0;
    targets.forEach((t, i) => {
      if (Math.abs(counts[i] - t) > tol) v('difficulty', `difficulty ${i + 1}: ${counts[i]} questions, the target is ${t} ± ${tol}`);
    });
  }
  for (const rule of b.coverage ?? []) {
    const n = items.filter((q) => coversRule(q, rule)).length;
    if (n < rule.min) v('coverage', `${rule.path}: ${n} questions, at least ${rule.min} needed`);
  }
  return out;
}

/** Every paper, plus what holds between papers: distinct labels, exposure, pairwise overlap. */
export function checkPapers(papers: Paper[], b: Blueprint, bank: AssemblyItem[]): Violation[] {
  const byId = new Map(bank.map((q) => [q.id, q]));
  const out = papers.flatMap((p) => checkPaper(p, b, byId));
  const labels = papers.map((p) => p.label);
  if (new Set(labels).size !== labels.length) out.push({ paper: null, constraint: 'labels', message: 'two papers have the same label' });
  const E = exposureLimit(b, papers.length);
  const S = overlapLimit(b);
  const usedBy = new Map<string, number[]>();
  papers.forEach((p, k) => {
    for (const id of new Set(p.questionIds)) usedBy.set(id, [...(usedBy.get(id) ?? []), k]);
  });
  const K = papers.length;
  const pairShared = new Int32Array(K * K);
  for (const [id, list] of usedBy) {
    if (list.length > E) out.push({ paper: null, constraint: 'exposure', message: `question ${id} is in ${list.length} papers, the cap is ${E}` });
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) pairShared[list[x] * K + list[y]]++;
  }
  for (let x = 0; x < K; x++) {
    for (let y = x + 1; y < K; y++) {
      const shared = pairShared[x * K + y];
      if (shared > S) out.push({ paper: null, constraint: 'overlap', message: `papers ${papers[x].label} and ${papers[y].label} share ${shared} questions, the cap is ${S}` });
    }
  }
  return out;
}
