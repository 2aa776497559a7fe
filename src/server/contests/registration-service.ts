import type { AppContext } from '../context.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { hasAnyRole, isInSubtree, type Actor } from '../identity/engine/authz.ts';
import { canScreen, loadContest, screeningScope, trackName } from './access.ts';
import type { ContestRow } from './contest-repo.ts';
import { quotaFor } from './engine/contest-model.ts';
import type { EntryDetails, EntryRow, EntryStatus } from './entry-repo.ts';

export const toEntryView = (e: EntryRow) => ({
  id: e.id,
  contestId: e.contestId,
  trackId: e.trackKey,
  kind: e.kind,
  name: e.name,
  organisationId: e.organisationId,
  organisationName: e.organisationName,
  captainId: e.captainId,
  status: e.status,
  seed: e.seed,
  introduction: e.details.introduction ?? '',
  materials: e.details.materials ?? [],
  review: e.details.review ? { decision: e.details.review.decision, reason: e.details.review.reason, at: e.details.review.at } : null,
  late: e.details.late ?? null,
  members: e.members.map((m) => ({ personId: m.personId, employeeNo: m.employeeNo, name: m.name, role: m.role })),
  createdAt: e.createdAt,
});

export type RegisterInput = { trackId: string; name?: string; memberIds: number[]; organisationId?: number; introduction: string; materials: string[] };

const idsOnPath = (path: string): number[] => path.split('/').filter(Boolean).map(Number);

/** The quota that applies to an entry of `path` in a track: the nearest node on its path that has one. */
async function checkQuota(ctx: AppContext, c: ContestRow, trackId: string, entryPath: string, tx: AppContext['db']): Promise<void> {
  for (const orgId of idsOnPath(entryPath).reverse()) {
    const max = quotaFor(c.definition, String(orgId), trackId);
    if (max === undefined) continue;
    const org = await ctx.identity.orgs.get(orgId, tx);
    const used = await ctx.contests.entries.countInTrackUnder(c.id, trackId, org!.idPath, tx);
    if (used >= max) {
      throw new AppError('CONFLICT', `${org!.name} has used its quota in ${trackName(c, trackId)}: ${used} of ${max} registrations (${org!.name} 在 ${trackName(c, trackId)} 的名额已满 ${used}/${max})`, { field: 'trackId', details: { organisationId: orgId, trackId, used, max } });
    }
    return;
  }
}

/**
 * A contestant registers alone or as the captain of a team of exactly the declared size,
 * into the quota of their own organisation (or an ancestor of it); team members come from
 * that organisation's subtree unless the contest allows otherwise.
 */
export async function register(ctx: AppContext, actor: Actor, contestId: number, input: RegisterInput) {
  const c = await loadContest(ctx, actor, contestId, 'read');
  if (c.status !== 'registration') throw new AppError('CONFLICT', `registration for ${c.title} is not open (the contest is ${c.status})`, { field: 'status' });
  if (!hasAnyRole(actor, ['contestant'])) throw forbidden('only contestants register for a contest');
  if (!c.definition.tracks.some((t) => t.id === input.trackId)) throw invalid('trackId', `contest ${c.title} has no track ${input.trackId}`);
  const orgId = input.organisationId ?? actor.organisationId;
  const org = await ctx.identity.orgs.get(orgId);
  if (!org || org.archived) throw invalid('organisationId', `organisation ${orgId} does not exist`);
  if (!isInSubtree(actor.organisationPath, org.idPath)) {
    throw forbidden(`you belong to another organisation than ${org.name}: register into your own organisation's quota`);
  }
  const team = c.definition.entrants.kind === 'team';
  const others = [...new Set(input.memberIds.filter((id) => id !== actor.personId))];
  if (team) {
    const size = (c.definition.entrants as { size: number }).size;
    if (others.length + 1 !== size) throw invalid('memberIds', `a team of ${c.title} has exactly ${size} members including the captain; you named ${others.length + 1} (团队须为 ${size} 人)`);
    if (!input.name) throw invalid('name', 'a team needs a name');
  } else if (others.length > 0) throw invalid('memberIds', `${c.title} is for individuals: name no team members`);
  const members: { id: number; name: string }[] = [];
  for (const id of others) {
    const p = await ctx.identity.people.get(id);
    if (!p || !p.active) throw invalid('memberIds', `person ${id} does not exist or is inactive`);
    if (!c.settings.allowCrossOrganisationTeams && !isInSubtree(p.organisationPath, org.idPath)) {
      throw invalid('memberIds', `${p.name} (${p.employeeNo}) is not in ${org.name}; this contest takes team members from the captain's own organisation only`);
    }
    members.push(p);
  }
  const materials: NonNullable<EntryDetails['materials']> = [];
  for (const uploadId of input.materials) {
    const u = await ctx.contests.uploads.get(uploadId);
    if (!u || (u.ownerId !== null && u.ownerId !== actor.personId)) throw invalid('materials', `upload ${uploadId} is not yours`);
    if (u.status !== 'complete') throw invalid('materials', `upload ${u.fileName} is not complete yet: send the missing chunks, then complete it`);
    materials.push({ uploadId, kind: u.kind, fileName: u.fileName });
  }
  if (c.settings.requireVideo && !materials.some((m) => m.kind === 'video')) throw invalid('materials', 'this contest asks for a 5-minute introduction video');
  const id = await ctx.db.transaction().execute(async (tx) => {
    const taken = await ctx.contests.entries.registeredAmong(c.id, [actor.personId, ...others], tx);
    if (taken.length > 0) {
      const who = [{ id: actor.personId, name: actor.name }, ...members].filter((p) => taken.includes(p.id)).map((p) => p.name).join(', ');
      throw new AppError('CONFLICT', `${who} already registered for ${c.title}`, { field: 'memberIds' });
    }
    await checkQuota(ctx, c, input.trackId, org.idPath, tx);
    const entryId = await ctx.contests.entries.insert(
      {
        contestId: c.id,
        trackKey: input.trackId,
        kind: team ? 'team' : 'individual',
        name: team ? input.name! : actor.name,
        organisationId: org.id,
        captainId: team ? actor.personId : null,
        details: { introduction: input.introduction, materials },
        members: [{ personId: actor.personId, role: team ? 'captain' : 'member' }, ...others.map((personId) => ({ personId, role: 'member' }))],
      },
      tx,
    );
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'contest.registered', targetType: 'contest_entry', targetId: entryId, data: { contestId: c.id, trackId: input.trackId } }, tx);
    return entryId;
  });
  return toEntryView((await ctx.contests.entries.get(id))!);
}

/** The screening queue (or every entry for a manager), within the actor's scope. */
export async function listEntries(ctx: AppContext, actor: Actor, contestId: number, query: { status?: EntryStatus }) {
  const c = await loadContest(ctx, actor, contestId, 'read');
  const scope = screeningScope(actor, c);
  if (scope && scope.length === 0) throw forbidden('only organisers and reviewers see registrations; see yours under my-entries');
  const rows = await ctx.contests.entries.list(c.id, { statuses: query.status ? [query.status] : undefined, underPaths: scope });
  return rows.map(toEntryView);
}

export async function myEntries(ctx: AppContext, actor: Actor, contestId: number) {
  const c = await loadContest(ctx, actor, contestId, 'read');
  return (await ctx.contests.entries.list(c.id, { memberId: actor.personId })).map(toEntryView);
}

/**
 * The people a team captain may pick, for the registration page's picker (GET /people is for
 * managers): active people inside the entry organisation's subtree (the contestant's own
 * organisation, or an ancestor of it if named; the contest owner's subtree when the contest
 * allows cross-organisation teams), not already in a live entry. Id, name, 工号, organisation.
 */
export async function eligiblePeople(ctx: AppContext, actor: Actor, contestId: number, query: { q?: string; organisationId?: number; trackId?: string }) {
  const c = await loadContest(ctx, actor, contestId, 'read');
  if (!hasAnyRole(actor, ['contestant'])) throw forbidden('only contestants pick team members');
  if (c.definition.entrants.kind !== 'team') throw invalid('entrants', `${c.title} is for individuals: there are no team members to pick`);
  if (query.trackId !== undefined && !c.definition.tracks.some((t) => t.id === query.trackId)) throw invalid('trackId', `contest ${c.title} has no track ${query.trackId}`);
  const orgId = query.organisationId ?? actor.organisationId;
  const org = await ctx.identity.orgs.get(orgId);
  if (!org || org.archived) throw invalid('organisationId', `organisation ${orgId} does not exist`);
  if (!isInSubtree(actor.organisationPath, org.idPath)) throw forbidden(`you belong to another organisation than ${org.name}: you can pick people of your own organisation only`);
  const under = c.settings.allowCrossOrganisationTeams ? c.organisationPath : org.idPath;
  const items = await ctx.contests.entries.eligiblePeople(c.id, { underPaths: [under], q: query.q?.trim() || undefined, exclude: [actor.personId], limit: 20 });
  return { items };
}

/** 海选: approve, or reject with a reason the registrant sees. */
export async function reviewEntry(ctx: AppContext, actor: Actor, contestId: number, entryId: number, input: { decision: 'approved' | 'rejected'; reason: string; acceptLate?: boolean }) {
  const c = await loadContest(ctx, actor, contestId, 'read');
  const e = await ctx.contests.entries.get(entryId);
  if (!e || e.contestId !== c.id) throw notFound('registration');
  if (!canScreen(actor, c, e.organisationPath)) throw forbidden(`registration ${e.name} comes from ${e.organisationName}, outside the organisations you screen`);
  if (e.status !== 'submitted') throw new AppError('CONFLICT', `registration ${e.name} was already ${e.status}`, { field: 'decision' });
  if (input.decision === 'rejected' && !input.reason) throw invalid('reason', 'say why the registration is rejected: the registrant sees the reason');
  const late = input.decision === 'approved' ? await lateApproval(ctx, c, e.name, input.acceptLate === true) : undefined;
  const details: EntryDetails = { ...e.details, review: { decision: input.decision, reason: input.reason, by: actor.personId, at: ctx.now().toISOString() }, ...(late && { late }) };
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.contests.entries.setStatus(e.id, input.decision, details, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: `contest.entry.${input.decision}`, targetType: 'contest_entry', targetId: e.id, data: { reason: input.reason } }, tx);
  });
  return toEntryView((await ctx.contests.entries.get(e.id))!);
}

/**
 * Approving an entry once the first stage has scores makes it a late entry (docs/contests.md):
 * refused while the screener has not confirmed it (`acceptLate`), refused outright once the next
 * stage has scores (the first stage's advancement is final then). A confirmed late entry is
 * flagged; standings list it as incomplete and advancement names it until it is scored.
 */
async function lateApproval(ctx: AppContext, c: ContestRow, name: string, acceptLate: boolean): Promise<EntryDetails['late']> {
  const [first, next] = c.definition.stages;
  if (!first) return undefined;
  const scored = await ctx.contests.scores.list(c.id, first.rounds.map((r) => r.id));
  if (scored.length === 0) return undefined;
  if (next && (await ctx.contests.scores.list(c.id, next.rounds.map((r) => r.id))).length > 0) {
    throw new AppError('CONFLICT', `too late to approve ${name}: ${next.name} has started, so the entrants of ${first.name} are final; reject it with a reason (${next.name} 已开始，${first.name} 的参赛名单已确定，无法再通过审核)`, { field: 'decision' });
  }
  if (!acceptLate) {
    const rounds = first.rounds.filter((r) => r.role === 'scored').map((r) => r.name).join(', ');
    throw new AppError('CONFLICT', `${first.name} already has scores: approving ${name} now makes it a late entry with no score in ${rounds}, and the stage cannot advance until they are entered; confirm with acceptLate (${first.name} 已有成绩，现在通过将成为补录报名，须补录成绩后方可晋级)`, { field: 'acceptLate', details: { stageKey: first.id, late: true } });
  }
  return { stageKey: first.id, at: ctx.now().toISOString() };
}
