import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { gradeResponse } from './grading.ts';
import { dealParallelPapers, dealShuffledPaper, permutation, toCanonicalKeys, toDisplayKeys, type DealQuestion } from './paper-deal.ts';

const questions: DealQuestion[] = [
  { questionId: 'q1', optionKeys: ['A', 'B', 'C', 'D'] },
  { questionId: 'q2', optionKeys: ['A', 'B', 'C', 'D', 'E'] },
  { questionId: 'q3', optionKeys: [] },
  { questionId: 'q4', optionKeys: ['A', 'B', 'C'], fixedOptions: true },
  { questionId: 'q5', optionKeys: ['A', 'B'] },
];

describe('dealShuffledPaper', () => {
  it('is stable for a candidate and differs between candidates', () => {
    const a1 = dealShuffledPaper({ seed: 'exam-7', candidateId: 'c1', questions });
    const a2 = dealShuffledPaper({ seed: 'exam-7', candidateId: 'c1', questions });
    expect(a2).toEqual(a1);
    const others = Array.from({ length: 20 }, (_, i) => dealShuffledPaper({ seed: 'exam-7', candidateId: `c${i + 2}`, questions }));
    expect(others.some((p) => JSON.stringify(p.questions) !== JSON.stringify(a1.questions))).toBe(true);
    const fixed = a1.questions.find((q) => q.questionId === 'q4')!;
    expect(fixed.optionOrder).toEqual(['A', 'B', 'C']);
    expect(a1.questions.find((q) => q.questionId === 'q3')!.optionOrder).toEqual([]);
  });

  it('can keep the question order and the option order', () => {
    const p = dealShuffledPaper({ seed: 1, candidateId: 'c1', questions, shuffleQuestions: false, shuffleOptions: false });
    expect(p.questions.map((q) => q.questionId)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    expect(p.questions[1].optionOrder).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('a candidate who clicks the displayed correct option is graded right', () => {
    const q = { type: 'single' as const, options: ['A', 'B', 'C', 'D'].map((key) => ({ key, text: key })), answer: { kind: 'choice' as const, keys: ['C'] }, score: 1 };
    for (let i = 0; i < 10; i++) {
      const dealt = dealShuffledPaper({ seed: 'x', candidateId: `c${i}`, questions }).questions.find((d) => d.questionId === 'q1')!;
      const shown = toDisplayKeys(dealt, ['C']);
      expect(gradeResponse(q, { kind: 'choice', keys: toCanonicalKeys(dealt, shown) }).correct).toBe(true);
    }
  });

  it('refuses unknown display keys and duplicate questions', () => {
    const dealt = dealShuffledPaper({ seed: 'x', candidateId: 'c', questions }).questions.find((d) => d.questionId === 'q5')!;
    expect(() => toCanonicalKeys(dealt, ['C'])).toThrow(AppError);
    expect(() => dealShuffledPaper({ seed: 'x', candidateId: 'c', questions: [questions[0], questions[0]] })).toThrow(AppError);
  });

  it('property: every paper is a permutation of the questions and of each question\'s options; display ↔ canonical round-trips', () => {
    fc.assert(fc.property(fc.string(), fc.string({ minLength: 1 }), fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 12 }), (seed, candidateId, sizes) => {
      const qs = sizes.map((n, i) => ({ questionId: `q${i}`, optionKeys: Array.from({ length: n }, (_, j) => String.fromCharCode(65 + j)) }));
      const p = dealShuffledPaper({ seed, candidateId, questions: qs });
      expect(p.questions.map((q) => q.questionId).sort()).toEqual(qs.map((q) => q.questionId).sort());
      expect(p.questions.map((q) => q.position)).toEqual(qs.map((_, i) => i + 1));
      for (const d of p.questions) {
        const orig = qs.find((q) => q.questionId === d.questionId)!;
        expect([...d.optionOrder].sort()).toEqual(orig.optionKeys);
        for (const k of orig.optionKeys) expect(toCanonicalKeys(d, toDisplayKeys(d, [k]))).toEqual([k]);
        expect(toCanonicalKeys(d, toDisplayKeys(d, orig.optionKeys))).toEqual(orig.optionKeys);
      }
    }));
  });

  it('property: the permutation is uniform enough (each of 4 positions ≈ 25 % over 4,000 candidates)', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[permutation(4, `s|c${i}`)[0]]++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });
});

describe('dealParallelPapers', () => {
  const candidate = fc.record({ organisationId: fc.constantFrom('杭州', '宁波', '温州', '绍兴'), seat: fc.option(fc.nat(50), { nil: undefined }) });
  const instance = fc.record({
    seed: fc.string(),
    papers: fc.integer({ min: 1, max: 5 }),
    candidates: fc.array(candidate, { maxLength: 60 }).map((cs) => cs.map((c, i) => ({ ...c, candidateId: `c${i}` }))),
  });

  it('property (balanced): counts differ by ≤ 1 overall and per organisation; seat neighbours get different papers', () => {
    fc.assert(fc.property(instance, ({ seed, papers, candidates }) => {
      const paperIds = ['A', 'B', 'C', 'D', 'E'].slice(0, papers);
      const deal = dealParallelPapers({ seed, paperIds, candidates, strategy: 'balanced' });
      expect(Object.keys(deal).sort()).toEqual(candidates.map((c) => c.candidateId).sort());
      const spread = (ids: string[]) => {
        const n = paperIds.map((p) => ids.filter((id) => deal[id] === p).length);
        return Math.max(...n) - Math.min(...n);
      };
      expect(spread(candidates.map((c) => c.candidateId))).toBeLessThanOrEqual(1);
      for (const org of new Set(candidates.map((c) => c.organisationId))) {
        const members = candidates.map((c, i) => ({ ...c, i })).filter((c) => c.organisationId === org).sort((a, b) => (a.seat ?? a.i) - (b.seat ?? b.i) || a.i - b.i);
        expect(spread(members.map((m) => m.candidateId))).toBeLessThanOrEqual(1);
        if (papers > 1) for (let k = 1; k < members.length; k++) expect(deal[members[k].candidateId]).not.toBe(deal[members[k - 1].candidateId]);
      }
      expect(dealParallelPapers({ seed, paperIds, candidates, strategy: 'balanced' })).toEqual(deal);
    }));
  });

  it('round-robin follows the given order', () => {
    const candidates = ['a', 'b', 'c', 'd'].map((candidateId) => ({ candidateId, organisationId: 'x' }));
    const deal = dealParallelPapers({ seed: 's', paperIds: ['A', 'B'], candidates, strategy: 'round-robin' });
    expect(deal.a).not.toBe(deal.b);
    expect(deal.a).toBe(deal.c);
    expect(deal.b).toBe(deal.d);
  });

  it('refuses no papers, duplicate papers or duplicate candidates', () => {
    const c = [{ candidateId: 'a', organisationId: 'x' }];
    expect(() => dealParallelPapers({ seed: 1, paperIds: [], candidates: c, strategy: 'balanced' })).toThrow(AppError);
    expect(() => dealParallelPapers({ seed: 1, paperIds: ['A', 'A'], candidates: c, strategy: 'balanced' })).toThrow(AppError);
    expect(() => dealParallelPapers({ seed: 1, paperIds: ['A'], candidates: [...c, ...c], strategy: 'balanced' })).toThrow(AppError);
  });
});
