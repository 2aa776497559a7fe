import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFunnel, FUNNEL_STEPS, genderShare, type FunnelPerson } from './funnel.ts';

describe('participation funnel', () => {
  it('494 registered → 278 sat → 96 finalists, 81.2 % women among finalists (the reference figures)', () => {
    const people: FunnelPerson[] = Array.from({ length: 494 }, (_, i) => ({
      id: `p${i}`,
      gender: i < 78 ? 'F' : i < 96 ? 'M' : i % 2 === 0 ? 'F' : 'M',
      organisationId: `org${i % 5}`,
      reached: i < 96 ? 'finalist' : i < 278 ? 'sat' : 'registered',
    }));
    const r = computeFunnel(people);
    if (!r.ok) throw new Error('funnel');
    expect(r.value.steps.map((s) => s.count)).toEqual([494, 278, 96, 96]);
    expect(genderShare(r.value.steps[3], 'F')).toBeCloseTo(0.8125, 4);
    expect(r.value.steps[1].ofPrevious).toBeCloseTo(278 / 494, 9);
    expect(Object.values(r.value.steps[0].byOrganisation).reduce((a, b) => a + b, 0)).toBe(494);
  });

  it('property: counts never grow along the funnel and the splits add up', () => {
    const person = fc.record({ gender: fc.constantFrom('F', 'M'), organisationId: fc.constantFrom('a', 'b', 'c'), reached: fc.constantFrom(...FUNNEL_STEPS) });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 80 }), (list) => {
        const r = computeFunnel(list.map((p, i) => ({ ...p, id: `p${i}` })));
        if (!r.ok) throw new Error('funnel');
        const counts = r.value.steps.map((s) => s.count);
        for (let k = 1; k < counts.length; k++) expect(counts[k]).toBeLessThanOrEqual(counts[k - 1]);
        for (const s of r.value.steps) {
          expect(Object.values(s.byGender).reduce((a, b) => a + b, 0)).toBe(s.count);
          expect(Object.values(s.byOrganisation).reduce((a, b) => a + b, 0)).toBe(s.count);
        }
      }),
    );
  }, 60_000); // heavy (oracle / property): generous under a loaded CI

  it('refuses a person counted twice or an unknown step', () => {
    expect(computeFunnel([{ id: 'a', gender: 'F', organisationId: 'o', reached: 'sat' }, { id: 'a', gender: 'F', organisationId: 'o', reached: 'sat' }]).ok).toBe(false);
    expect(computeFunnel([{ id: 'a', gender: 'F', organisationId: 'o', reached: 'won' as never }]).ok).toBe(false);
  });
});
