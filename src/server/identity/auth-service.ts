import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { hasRoleAt, type Actor } from './engine/authz.ts';
import { afterFailure, checkPasswordStrength, isLocked } from './engine/lockout.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

/** The session id stored for a cookie token (its hash); exported for judging's guest sessions. */
export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function signIn(ctx: AppContext, input: { employeeNo: string; password: string; ip?: string; userAgent?: string }) {
  const { people, sessions, misc } = ctx.identity;
  const now = ctx.now();
  const person = await people.findByEmployeeNo(input.employeeNo.trim());
  if (person && isLocked({ failedAttempts: person.failed_attempts, lockedUntil: person.locked_until }, now)) {
    throw new AppError('LOCKED', `account locked after too many failed sign-ins; try again after ${person.locked_until!.toISOString()}`, {
      details: { lockedUntil: person.locked_until!.toISOString() },
    });
  }
  const ok = await verifyPassword(person?.password_hash ?? null, input.password);
  if (!person || !ok || !person.active) {
    if (person) {
      const next = afterFailure({ failedAttempts: person.failed_attempts, lockedUntil: person.locked_until }, now);
      await people.recordFailedSignIn(person.id, next.failedAttempts, next.lockedUntil);
      if (next.lockedUntil) {
        await misc.audit({ actorId: person.id, action: 'account.locked', targetType: 'person', targetId: person.id });
        throw new AppError('LOCKED', `account locked for 15 minutes after 5 failed sign-ins`, { details: { lockedUntil: next.lockedUntil.toISOString() } });
      }
    }
    throw new AppError('UNAUTHENTICATED', 'wrong 工号 or password', { details: { reasonZh: '工号或密码错误' } });
  }
  if (person.failed_attempts > 0 || person.locked_until) await people.recordFailedSignIn(person.id, 0, null);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3600_000);
  await sessions.insert({ id: tokenId(token), personId: person.id, expiresAt, ip: input.ip ?? null, userAgent: input.userAgent?.slice(0, 300) ?? null });
  return { token, expiresAt, mustChangePassword: person.must_change_password };
}

export async function signOut(ctx: AppContext, token: string) {
  await ctx.identity.sessions.delete(tokenId(token));
}

export async function loadActor(ctx: AppContext, token: string): Promise<Actor | undefined> {
  const id = tokenId(token);
  const cached = ctx.sessionCache.get(id);
  if (cached) return cached;
  const s = await ctx.identity.sessions.findValid(id, ctx.now());
  if (!s || !s.active) return undefined;
  const grants = (await ctx.identity.people.grantsOf([s.personId])).get(s.personId) ?? [];
  const actor: Actor = {
    personId: s.personId,
    employeeNo: s.employeeNo,
    name: s.name,
    organisationId: s.organisationId,
    organisationPath: s.organisationPath,
    mustChangePassword: s.mustChangePassword,
    grants: grants.map((g) => ({ role: g.role, organisationId: g.organisationId, idPath: g.idPath })),
  };
  ctx.sessionCache.set(id, actor);
  return actor;
}

export async function changePassword(ctx: AppContext, actor: Actor, input: { currentPassword: string; newPassword: string; token: string }) {
  const person = await ctx.identity.people.findByEmployeeNo(actor.employeeNo);
  if (!person) throw notFound('person');
  if (!(await verifyPassword(person.password_hash, input.currentPassword))) {
    throw new AppError('VALIDATION', 'the current password is wrong', { field: 'currentPassword' });
  }
  const strength = checkPasswordStrength(input.newPassword);
  if (!strength.ok) throw new AppError('VALIDATION', strength.reason, { field: 'newPassword', details: { reasonZh: strength.reasonZh } });
  if (input.newPassword === input.currentPassword) throw new AppError('VALIDATION', 'the new password must differ from the current one', { field: 'newPassword' });
  await ctx.identity.people.setPassword(person.id, await hashPassword(input.newPassword), false);
  // other devices signed in with the old password are signed out
  await ctx.identity.sessions.deleteAllOf(person.id, tokenId(input.token));
  await ctx.identity.misc.audit({ actorId: actor.personId, action: 'password.changed', targetType: 'person', targetId: person.id });
}

/** An organiser (over the person's node) or a platform admin sets a temporary password that must be changed at next sign-in. */
export async function resetPassword(ctx: AppContext, actor: Actor, personId: number, newPassword?: string) {
  const target = await ctx.identity.people.get(personId);
  if (!target) throw notFound('person');
  if (!hasRoleAt(actor, ['organiser'], target.organisationPath)) throw forbidden('you may reset passwords only of people in your organisation subtree');
  const targetGrants = (await ctx.identity.people.grantsOf([personId])).get(personId) ?? [];
  if (targetGrants.some((g) => g.role === 'platform_admin') && !actor.grants.some((g) => g.role === 'platform_admin')) {
    throw forbidden('only a platform admin may reset a platform admin');
  }
  const temporary = newPassword ?? ctx.config.initialPassword;
  await ctx.identity.people.setPassword(personId, await hashPassword(temporary), true);
  await ctx.identity.sessions.deleteAllOf(personId, null);
  await ctx.identity.misc.audit({ actorId: actor.personId, action: 'password.reset', targetType: 'person', targetId: personId });
  return { temporaryPassword: temporary };
}
