import type { AppContext } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadContest, stageOf } from './access.ts';

/**
 * Venues: a stage runs in at most one main venue plus any number of branch venues (分会场),
 * online, on site or both; rounds and people (contestants, judges, hosts, staff) are assigned
 * to venues, a person to one venue per stage. The organiser reads all venues of a stage at once.
 */
export async function listVenues(ctx: AppContext, actor: Actor, contestId: number, stageKey?: string) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  if (stageKey) stageOf(c, stageKey);
  const venues = await ctx.contests.venues.list(c.id, stageKey);
  return { items: venues, stages: c.definition.stages.filter((s) => !stageKey || s.id === stageKey).map((s) => ({ id: s.id, name: s.name, venues: venues.filter((v) => v.stageKey === s.id).length, people: venues.filter((v) => v.stageKey === s.id).reduce((n, v) => n + v.people.length, 0) })) };
}

export async function createVenue(ctx: AppContext, actor: Actor, contestId: number, stageKey: string, input: { name: string; role: 'main' | 'branch'; mode: 'online' | 'onsite' | 'hybrid'; organisationId?: number; address: string; roundKeys: string[] }) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const { stage } = stageOf(c, stageKey);
  const unknown = input.roundKeys.find((k) => !stage.rounds.some((r) => r.id === k));
  if (unknown) throw invalid('roundKeys', `stage ${stage.name} has no round ${unknown}`);
  const existing = await ctx.contests.venues.list(c.id, stage.id);
  if (input.role === 'main' && existing.some((v) => v.role === 'main')) throw new AppError('CONFLICT', `stage ${stage.name} already has a main venue`, { field: 'role' });
  if (input.organisationId !== undefined && !(await ctx.identity.orgs.get(input.organisationId))) throw invalid('organisationId', `organisation ${input.organisationId} does not exist`);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const venueId = await ctx.contests.venues.insert({ contestId: c.id, stageKey: stage.id, name: input.name, role: input.role, mode: input.mode, organisationId: input.organisationId ?? null, address: input.address, roundKeys: input.roundKeys }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.venue.created', targetType: 'contest', targetId: c.id, data: { venueId, stageKey, name: input.name } }, tx);
    return venueId;
  });
  return (await ctx.contests.venues.list(c.id, stage.id)).find((v) => v.id === id)!;
}

export async function assignVenuePeople(ctx: AppContext, actor: Actor, contestId: number, venueId: number, input: { people: { personId: number; role: string }[] }) {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const all = await ctx.contests.venues.list(c.id, undefined);
  const venue = all.find((v) => v.id === venueId);
  if (!venue) throw notFound('venue');
  const elsewhere = new Map(all.filter((v) => v.stageKey === venue.stageKey && v.id !== venue.id).flatMap((v) => v.people.map((p) => [p.personId, v.name] as const)));
  for (const p of input.people) {
    const person = await ctx.identity.people.get(p.personId);
    if (!person) throw invalid('people', `person ${p.personId} does not exist`);
    const other = elsewhere.get(p.personId);
    if (other) throw new AppError('CONFLICT', `${person.name} is already assigned to ${other} in this stage`, { field: 'people' });
  }
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.contests.venues.setPeople(venue.id, input.people, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.venue.people', targetType: 'contest', targetId: c.id, data: { venueId, people: input.people.length } }, tx);
  });
  return (await ctx.contests.venues.list(c.id, venue.stageKey)).find((v) => v.id === venue.id)!;
}
