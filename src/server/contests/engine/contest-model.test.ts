import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { referenceContest } from './contest-fixture.test-support.ts';
import { quotaFor, validateContest, type ContestDef } from './contest-model.ts';
import { fail, orThrow, problem } from './result.ts';

const withPrelim = (def: ContestDef, patch: (s: ContestDef['stages'][number]) => void): ContestDef => {
  const copy = structuredClone(def);
  patch(copy.stages[0]);
  return copy;
};

describe('contest model', () => {
  it('the reference contest (4 tracks, 25/25/50, group PK, 8→4→2 with a third-place match) is valid', () => {
    expect(validateContest(referenceContest())).toEqual([]);
    expect(quotaFor(referenceContest(), 'zj', 'voice')).toBe(2);
    expect(quotaFor(referenceContest(), 'zj', 'ai')).toBeUndefined();
  });

  it('weights that do not sum to 100 % are refused, naming the stage, the sum and each weight, in English and Chinese', () => {
    const bad = withPrelim(referenceContest(), (s) => void (s.rounds[2].weightPercent = 40));
    const problems = validateContest(bad);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'stages[0].rounds.weightPercent' });
    expect(problems[0].message).toContain('sum to 90 %, not 100 %');
    expect(problems[0].message).toContain('投诉处理情景 40 %');
    expect(problems[0].messageZh).toContain('权重合计 90%');
  });

  it('property: any split of 100 into whole weights is accepted; any other sum is refused', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }), (weights) => {
        const def = withPrelim(referenceContest(), (s) => {
          s.rounds = weights.map((w, i) => ({ id: `r${i}`, name: `r${i}`, kind: 'written', role: 'scored', normalisation: { kind: 'raw' }, weightPercent: w }));
          s.tieBreaks = [];
        });
        const sum = weights.reduce((a, b) => a + b, 0);
        const refused = validateContest(def).some((p) => p.field === 'stages[0].rounds.weightPercent');
        expect(refused).toBe(sum !== 100);
      }),
    );
  }, 60_000); // heavy (oracle / property): generous under a loaded CI

  it('decimal weights that sum to 100 (33.3 + 33.3 + 33.4) are accepted', () => {
    const def = withPrelim(referenceContest(), (s) => {
      s.rounds[0].weightPercent = 33.3;
      s.rounds[1].weightPercent = 33.3;
      s.rounds[2].weightPercent = 33.4;
    });
    expect(validateContest(def)).toEqual([]);
  });

  it('refuses an odd team size, a quota below zero, stages out of order, an unknown tie-break round, a group size of 6', () => {
    const def = referenceContest();
    def.entrants = { kind: 'team', size: 1.5 };
    def.quotas = [{ organisationId: 'zj', trackId: 'voice', max: -1 }];
    def.stages = [def.stages[1], def.stages[0], def.stages[2]];
    def.stages[1].tieBreaks = [{ kind: 'roundScore', roundId: 'nope' }];
    def.stages[0].advancement = { kind: 'groupPk', groupSize: 6, outPerGroup: 1, remain: 8 };
    const fields = validateContest(def).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['entrants.size', 'quotas[0].max', 'stages[1].kind', 'stages[1].tieBreaks[0].roundId', 'stages[0].advancement.groupSize']),
    );
  });

  it('a decider tie-break must name a decider round, and a decider round carries no weight', () => {
    const def = withPrelim(referenceContest(), (s) => {
      s.tieBreaks = [{ kind: 'decider', roundId: 'theory' }];
      s.rounds[3].weightPercent = 5;
    });
    const fields = validateContest(def).map((p) => p.field);
    expect(fields).toContain('stages[0].tieBreaks[0].roundId');
    expect(fields).toContain('stages[0].rounds[3].weightPercent');
  });

  it('orThrow turns problems into AppError VALIDATION with the first field and all problems as details', () => {
    const p = problem('stages[0].rounds.weightPercent', 'weights sum to 90 %', '权重合计 90%');
    try {
      orThrow(fail(p, p));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: 'VALIDATION', field: p.field, details: [p, p], status: 400 });
    }
  });
});
