/**
 * The participation funnel (参赛漏斗) for a chart: registered → sat → advanced → finalists,
 * each step with its count, its share of the previous step and of the first, and the split
 * by gender and by organisation. Reaching a step implies the earlier ones.
 */
import { fail, ok, problem, type Problem, type Result } from './result.ts';

export const FUNNEL_STEPS = ['registered', 'sat', 'advanced', 'finalist'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export type FunnelPerson = { id: string; gender: string; organisationId: string; reached: FunnelStep };

export type FunnelRow = {
  step: FunnelStep;
  count: number;
  /** count / previous step's count (1 for the first step, 0 when the previous is empty). */
  ofPrevious: number;
  ofFirst: number;
  byGender: Record<string, number>;
  byOrganisation: Record<string, number>;
};

export type Funnel = { steps: FunnelRow[]; genders: string[]; organisations: string[] };

const STEP_LABELS: Record<FunnelStep, { en: string; zh: string }> = {
  registered: { en: 'registered', zh: '报名' },
  sat: { en: 'sat the written round', zh: '参加笔试' },
  advanced: { en: 'advanced', zh: '晋级' },
  finalist: { en: 'finalists', zh: '决赛' },
};

export const funnelStepLabel = (step: FunnelStep): { en: string; zh: string } => STEP_LABELS[step];

export function computeFunnel(people: FunnelPerson[]): Result<Funnel> {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  people.forEach((p, i) => {
    if (!FUNNEL_STEPS.includes(p.reached)) problems.push(problem(`people[${i}].reached`, `unknown funnel step "${p.reached}"`, `未知漏斗环节"${p.reached}"`));
    if (seen.has(p.id)) problems.push(problem(`people[${i}].id`, `${p.id} is counted twice`, `${p.id} 被重复计数`));
    seen.add(p.id);
  });
  if (problems.length > 0) return fail(...problems);
  const genders = [...new Set(people.map((p) => p.gender))].sort();
  const organisations = [...new Set(people.map((p) => p.organisationId))].sort();
  const level = (p: FunnelPerson): number => FUNNEL_STEPS.indexOf(p.reached);
  const steps: FunnelRow[] = [];
  FUNNEL_STEPS.forEach((step, k) => {
    const inStep = people.filter((p) => level(p) >= k);
    const byGender = Object.fromEntries(genders.map((g) => [g, 0]));
    const byOrganisation = Object.fromEntries(organisations.map((o) => [o, 0]));
    for (const p of inStep) {
      byGender[p.gender]++;
      byOrganisation[p.organisationId]++;
    }
    const first = steps[0]?.count ?? inStep.length;
    const previous = steps[k - 1]?.count ?? inStep.length;
    steps.push({
      step,
      count: inStep.length,
      ofPrevious: previous === 0 ? 0 : inStep.length / previous,
      ofFirst: first === 0 ? 0 : inStep.length / first,
      byGender,
      byOrganisation,
    });
  });
  return ok({ steps, genders, organisations });
}

/** Share of one gender in a step, e.g. 0.812 for "81.2 % women". */
export function genderShare(row: FunnelRow, gender: string): number {
  return row.count === 0 ? 0 : (row.byGender[gender] ?? 0) / row.count;
}
