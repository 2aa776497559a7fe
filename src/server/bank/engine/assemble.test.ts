import { describe, expect, it } from 'vitest';
import { assemblePapers } from './assemble.ts';
import { difficultyTargets, paperLabel, type AssemblyItem, type Blueprint } from './blueprint.ts';
import { checkPaper, checkPapers } from './check.ts';
import { syntheticBank } from './synthetic-bank.ts';

const bank = syntheticBank({ size: 1500, seed: 7 });
const blueprint: Blueprint = {
  sections: [
    { type: 'single', count: 10, pointsEach: 2 },
    { type: 'multiple', count: 5, pointsEach: 4 },
    { type: 'truefalse', count: 10, pointsEach: 1 },
    { type: 'short', count: 2, pointsEach: 15 },
  ],
  totalScore: 80,
  difficulty: { '1': 0.1, '2': 0.2, '3': 0.4, '4': 0.2, '5': 0.1 },
  coverage: [{ path: '宽带', min: 3 }, { path: '投诉处理/情绪安抚', min: 1 }, { path: '套餐', min: 2, type: 'single' }],
  tracks: ['语音客服'],
  exposureCap: 4,
  maxOverlap: 0.2,
};

const item = (id: string, patch: Partial<AssemblyItem> = {}): AssemblyItem => ({ id, type: 'single', difficulty: 3, knowledgePoints: ['宽带/故障'], track: null, status: 'active', ...patch });

describe('assemblePapers', () => {
  it('builds K papers that the independent checker accepts', () => {
    const r = assemblePapers({ bank, blueprint, papers: 40, seed: 1 });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.papers).toHaveLength(40);
    expect(r.papers.map((p) => p.label).slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(checkPapers(r.papers, blueprint, bank)).toEqual([]);
    const p = r.papers[0];
    expect(p.questionIds).toHaveLength(27);
    expect(p.totalScore).toBe(80);
    expect(p.difficultyCounts).toEqual({ '1': 3, '2': 5, '3': 11, '4': 5, '5': 3 });
    expect(p.coverage[0]).toMatchObject({ path: '宽带' });
    expect(p.coverage[0].count).toBeGreaterThanOrEqual(3);
  });

  it('is deterministic for a seed and varies with it', () => {
    const a = assemblePapers({ bank, blueprint, papers: 3, seed: 5 });
    const b = assemblePapers({ bank, blueprint, papers: 3, seed: 5 });
    const c = assemblePapers({ bank, blueprint, papers: 3, seed: 6 });
    expect(a).toEqual(b);
    expect(a.ok && c.ok && a.papers[0].questionIds).not.toEqual(c.ok && c.papers[0].questionIds);
  });

  it('says exactly which coverage cannot be met and by how much', () => {
    const small = [
      ...Array.from({ length: 12 }, (_, i) => item(`m${i}`, { type: 'multiple', difficulty: 4 })),
      ...Array.from({ length: 30 }, (_, i) => item(`s${i}`, { type: 'multiple', difficulty: 2, knowledgePoints: ['套餐/资费'] })),
    ];
    const r = assemblePapers({
      bank: small,
      blueprint: { sections: [{ type: 'multiple', count: 20, pointsEach: 2 }], totalScore: 40, coverage: [{ path: '宽带', min: 15, type: 'multiple', difficulties: [4] }] },
      papers: 1,
      seed: 1,
    });
    expect(r).toEqual({
      ok: false,
      problems: [{ constraint: 'coverage', message: 'needs 15 hard multiple-choice items on 宽带 per paper, the bank has 12', messageZh: '每份试卷需要 15 道宽带方面的较难多选题，题库只有 12 道', needed: 15, available: 12 }],
    });
  });

  it('reports a total score that does not add up, a type shortage, a difficulty shortage, exposure and overlap', () => {
    const run = (b: Partial<Blueprint>, papers = 1, theBank = bank) => {
      const r = assemblePapers({ bank: theBank, blueprint: { ...blueprint, ...b }, papers, seed: 1 });
      return r.ok ? [] : r.problems.map((p) => p.message);
    };
    expect(run({ totalScore: 100 })).toEqual(['the sections add up to 80 points but the total score is 100']);
    const trackless = bank.filter((q) => q.type !== 'short' || q.track === '语音客服').slice(0, 900);
    const shorts = trackless.filter((q) => q.type === 'short' && q.status === 'active' && (q.track === null || q.track === '语音客服')).length;
    expect(run({ sections: [...blueprint.sections.slice(0, 3), { type: 'short', count: shorts + 1, pointsEach: 1 }], totalScore: 50 + shorts + 1, coverage: [] }, 1, trackless)).toEqual([
      `needs ${shorts + 1} short-answer items per paper, the bank has ${shorts}`,
    ]);
    const fewHard = [...Array.from({ length: 10 }, (_, i) => item(`e${i}`, { difficulty: 1 })), item('h1', { difficulty: 5 })];
    expect(run({ sections: [{ type: 'single', count: 4, pointsEach: 1 }], totalScore: 4, difficulty: { '1': 0.5, '5': 0.5 }, coverage: [] }, 1, fewHard)).toEqual([
      'needs 2 very hard items per paper, the bank has 1',
    ]);
    expect(run({ sections: [{ type: 'single', count: 4, pointsEach: 1 }], totalScore: 4, difficulty: null, coverage: [], exposureCap: 2 }, 6, fewHard)).toEqual([
      'needs 4 single-choice items in each of 6 papers (24 uses); 11 items used at most 2 times each allow 22',
    ]);
    expect(run({ sections: [{ type: 'single', count: 4, pointsEach: 1 }], totalScore: 4, difficulty: null, coverage: [], exposureCap: null, maxOverlap: 0 }, 6, fewHard)[0]).toMatch(
      /^6 papers of 4 questions may share at most 0 questions pairwise, but the 11 eligible questions, used as evenly as possible, make two papers share 1 on average$/,
    );
  });

  it('reports a search failure with the paper it got stuck on', () => {
    // Both coverage rules need a difficulty-1 question, but the distribution allows only one:
    // every counting check passes, the search cannot.
    const three = [item('x', { difficulty: 1, knowledgePoints: ['宽带'] }), item('y', { difficulty: 1, knowledgePoints: ['套餐'] }), item('z', { difficulty: 5, knowledgePoints: ['账务'] })];
    const r = assemblePapers({
      bank: three,
      blueprint: { sections: [{ type: 'single', count: 2, pointsEach: 1 }], totalScore: 2, difficulty: { '1': 0.5, '5': 0.5 }, coverage: [{ path: '宽带', min: 1 }, { path: '套餐', min: 1 }] },
      papers: 1,
      seed: 3,
    });
    expect(r).toMatchObject({ ok: false, problems: [{ constraint: 'search', needed: 1, available: 0 }] });
    if (!r.ok) expect(r.problems[0].message).toMatch(/^built 0 of 1 papers: paper A could not get 1 more items on (宽带|套餐) within the exposure cap/);
  });
});

describe('checkPaper and checkPapers', () => {
  const r = assemblePapers({ bank, blueprint, papers: 3, seed: 2 });
  if (!r.ok) throw new Error('fixture');
  const [a, b] = r.papers;

  it('catch a wrong-difficulty swap, a duplicate and a wrong total', () => {
    const byId = new Map(bank.map((q) => [q.id, q]));
    const first = byId.get(a.sections[0].questionIds[0])!;
    const other = bank.find((q) => q.type === 'single' && q.difficulty !== first.difficulty && q.track === null && !a.questionIds.includes(q.id))!;
    const swapped = a.sections[0].questionIds.map((id, i) => (i === 0 ? other.id : id));
    const tampered = { ...a, sections: [{ ...a.sections[0], questionIds: swapped }, ...a.sections.slice(1)] };
    tampered.questionIds = tampered.sections.flatMap((s) => s.questionIds);
    expect(checkPaper(tampered, blueprint, bank).map((v) => v.constraint)).toContain('difficulty');
    const dup = { ...a, sections: [{ ...a.sections[0], questionIds: [a.sections[0].questionIds[1], ...a.sections[0].questionIds.slice(1)] }, ...a.sections.slice(1)] };
    dup.questionIds = dup.sections.flatMap((s) => s.questionIds);
    expect(checkPaper(dup, blueprint, bank).map((v) => v.constraint)).toContain('duplicate');
    expect(checkPaper({ ...a, totalScore: 81 }, blueprint, bank).map((v) => v.constraint)).toEqual(['totalScore']);
  });

  it('catch two papers sharing too much and a question over its exposure cap', () => {
    const copy = { ...b, label: 'Z', sections: a.sections, questionIds: a.questionIds };
    const v = checkPapers([a, copy], blueprint, bank);
    expect(v.some((x) => x.constraint === 'overlap' && x.message === `papers A and Z share 27 questions, the cap is 5`)).toBe(true);
    expect(checkPapers([a, copy, { ...copy, label: 'Y' }, { ...copy, label: 'X' }, { ...copy, label: 'W' }], blueprint, bank).some((x) => x.constraint === 'exposure')).toBe(true);
  });
});

describe('blueprint helpers', () => {
  it('labels papers A … Z, AA, AB … ZZ, AAA', () => {
    expect([0, 1, 25, 26, 27, 51, 701, 702].map(paperLabel)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'ZZ', 'AAA']);
  });

  it('rounds the difficulty distribution by largest remainder, ties to the lower level', () => {
    const b = (n: number): Blueprint => ({ ...blueprint, sections: [{ type: 'single', count: n, pointsEach: 1 }] });
    expect(difficultyTargets(b(100))).toEqual([10, 20, 40, 20, 10]);
    expect(difficultyTargets(b(7))).toEqual([1, 1, 3, 1, 1]);
    expect(difficultyTargets(b(3))).toEqual([0, 1, 1, 1, 0]);
  });
});
