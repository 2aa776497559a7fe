import type { AppContext } from '../context.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadContest } from './access.ts';
import { computeFunnel, funnelStepLabel, type FunnelPerson, type FunnelStep } from './engine/funnel.ts';
import { orThrow } from './engine/result.ts';
import { stageEntrants } from './standings-service.ts';

/**
 * registered (every member of a registration) → sat (has a score in the first stage) →
 * advanced (went on from the first stage) → finalist (in the last stage), by gender and by
 * the organisation the entry registered under.
 */
export async function contestFunnel(ctx: AppContext, actor: Actor, contestId: number) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const stages = c.definition.stages;
  const entries = await ctx.contests.entries.list(c.id, { statuses: ['submitted', 'approved', 'rejected'] });
  const sat = new Set((await ctx.contests.scores.list(c.id, stages[0].rounds.map((r) => r.id))).map((s) => s.entryId));
  const advanced = new Set((await ctx.contests.scores.listAdvancement(c.id, stages[0].id)).filter((r) => r.advances).map((r) => r.entryId));
  const finalists = new Set(stages.length > 1 ? (await stageEntrants(ctx, c, stages.length - 1)).map((e) => e.id) : []);
  const genders = new Map<number, string>();
  const people: FunnelPerson[] = [];
  const seen = new Set<number>();
  for (const e of entries) {
    const reached: FunnelStep = finalists.has(e.id) ? 'finalist' : advanced.has(e.id) ? 'advanced' : sat.has(e.id) ? 'sat' : 'registered';
    for (const m of e.members) {
      if (seen.has(m.personId)) continue;
      seen.add(m.personId);
      genders.set(m.personId, m.gender ?? 'unknown');
      people.push({ id: String(m.personId), gender: m.gender ?? 'unknown', organisationId: e.organisationName, reached });
    }
  }
  const funnel = orThrow(computeFunnel(people));
  return { contestId: c.id, ...funnel, steps: funnel.steps.map((s) => ({ ...s, label: funnelStepLabel(s.step).en, labelZh: funnelStepLabel(s.step).zh })) };
}
