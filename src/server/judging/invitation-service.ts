import { randomBytes, randomInt } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { tokenId } from '../identity/auth-service.ts';
import { loadContestAsOrganiser } from './access.ts';
import type { InvitationRow } from './invitation-repo.ts';
import { GUEST_PREFIX } from '../identity/engine/employee-no.ts';

/**
 * Guest judges (外部评委) from banks, insurers, government hotlines …: no 工号, invited by a
 * code (or a link carrying it), scoped to one contest and expiring with it. Redeeming the code
 * creates a `person` (employee_no 'guest-<code>', no password, under the contest's
 * organisation, no role grant) and a normal session that ends when the invitation does.
 * Authorisation stays server-side in judging: a guest sees only panels of the invitation's
 * contest they are seated on (access.ts), and no other domain grants them anything.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read out over the phone
const newCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const DEFAULT_DAYS = 30;

function statusOf(i: InvitationRow, now: Date): 'pending' | 'redeemed' | 'expired' | 'revoked' {
  if (i.revokedAt) return 'revoked';
  if (i.expiresAt <= now) return 'expired';
  return i.personId ? 'redeemed' : 'pending';
}

const view = (i: InvitationRow, now: Date) => ({
  id: i.id,
  code: i.code,
  contestId: i.contestId,
  name: i.name,
  affiliation: i.affiliation,
  expiresAt: i.expiresAt.toISOString(),
  personId: i.personId,
  status: statusOf(i, now),
  link: `/judge/join?code=${i.code}`,
});

export async function createInvitation(ctx: AppContext, actor: Actor, contestId: number, input: { name: string; affiliation: string; expiresAt?: Date }) {
  await loadContestAsOrganiser(ctx, actor, contestId);
  const now = ctx.now();
  const expiresAt = input.expiresAt ?? new Date(now.getTime() + DEFAULT_DAYS * 86_400_000);
  if (expiresAt <= now) throw new AppError('VALIDATION', 'the invitation must expire in the future', { field: 'expiresAt', details: { reasonZh: '过期时间必须晚于现在' } });
  const id = await ctx.db.transaction().execute(async (tx) => {
    const invitationId = await ctx.judging.invitations.insert({ code: newCode(), contestId, name: input.name, affiliation: input.affiliation, expiresAt, createdBy: actor.personId > 0 ? actor.personId : null }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId || null, action: 'judge-invitation.created', targetType: 'judge_invitation', targetId: invitationId, data: { contestId, affiliation: input.affiliation } }, tx);
    return invitationId;
  });
  return view((await ctx.judging.invitations.get(id))!, now);
}

export async function listInvitations(ctx: AppContext, actor: Actor, contestId: number) {
  await loadContestAsOrganiser(ctx, actor, contestId);
  const now = ctx.now();
  return { items: (await ctx.judging.invitations.list(contestId)).map((i) => view(i, now)) };
}

/** Revoking ends the guest's sessions at once; their scores stay in the audit trail. */
export async function revokeInvitation(ctx: AppContext, actor: Actor, id: number) {
  const inv = await ctx.judging.invitations.get(id);
  if (!inv) throw notFound('invitation');
  await loadContestAsOrganiser(ctx, actor, inv.contestId);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.judging.invitations.revoke(id, now, tx);
    if (inv.personId) {
      await ctx.identity.people.update(inv.personId, { active: false }, tx);
      await ctx.identity.sessions.deleteAllOf(inv.personId, null, tx);
    }
    await ctx.identity.misc.audit({ actorId: actor.personId || null, action: 'judge-invitation.revoked', targetType: 'judge_invitation', targetId: id }, tx);
  });
  return view((await ctx.judging.invitations.get(id))!, now);
}

/** Public: the guest opens the link or types the code; a session cookie comes back. Re-redeeming (a new phone) opens another session. */
export async function redeemInvitation(ctx: AppContext, input: { code: string; ip?: string; userAgent?: string }) {
  const now = ctx.now();
  const inv = await ctx.judging.invitations.findByCode(input.code.trim().toUpperCase());
  if (!inv) throw new AppError('NOT_FOUND', 'no such invitation code', { field: 'code', details: { code: 'INVITATION_UNKNOWN', reasonZh: '邀请码不存在' } });
  if (inv.revokedAt) throw new AppError('FORBIDDEN', 'this invitation was revoked', { field: 'code', details: { code: 'INVITATION_REVOKED', reasonZh: '该评委邀请已被撤销' } });
  if (inv.expiresAt <= now) throw new AppError('FORBIDDEN', 'this invitation has expired', { field: 'code', details: { code: 'INVITATION_EXPIRED', reasonZh: '该评委邀请已过期' } });
  const contest = (await ctx.judging.contests.contest(inv.contestId))!;
  const token = randomBytes(32).toString('base64url');
  const personId = await ctx.db.transaction().execute(async (tx) => {
    let pid = inv.personId;
    if (!pid) {
      const employeeNo = `${GUEST_PREFIX}${inv.code.toLowerCase()}`;
      const ids = await ctx.identity.people.insertMany(
        [{ employeeNo, name: inv.name, gender: null, organisationId: contest.organisationId, phone: null, passwordHash: null, mustChangePassword: false }],
        tx,
      );
      pid = ids.get(employeeNo)!;
      await ctx.judging.invitations.markRedeemed(inv.id, pid, now, tx);
      await ctx.identity.misc.audit({ actorId: pid, action: 'judge-invitation.redeemed', targetType: 'judge_invitation', targetId: inv.id }, tx);
    }
    await ctx.identity.sessions.insert({ id: tokenId(token), personId: pid, expiresAt: inv.expiresAt, ip: input.ip ?? null, userAgent: input.userAgent?.slice(0, 300) ?? null }, tx);
    return pid;
  });
  return { token, expiresAt: inv.expiresAt, result: { personId, name: inv.name, contestId: contest.id, contestTitle: contest.title, expiresAt: inv.expiresAt.toISOString() } };
}
