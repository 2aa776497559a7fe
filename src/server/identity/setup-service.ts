import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { checkPasswordStrength } from './engine/lockout.ts';
import { hashPassword } from './passwords.ts';

/** An empty database (SERVICESTAR_DEMO=0) asks for its first platform admin; once one exists, never again. */
export async function needsSetup(ctx: AppContext): Promise<boolean> {
  return (await ctx.identity.people.countAll()) === 0;
}

export async function setupFirstAdmin(ctx: AppContext, input: { organisationName: string; employeeNo: string; name: string; password: string }) {
  const strength = checkPasswordStrength(input.password);
  if (!strength.ok) throw new AppError('VALIDATION', strength.reason, { field: 'password', details: { reasonZh: strength.reasonZh } });
  const hash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (tx) => {
    // checked inside the transaction: two browsers racing to set up get one admin
    if ((await ctx.identity.people.countAll(tx)) > 0) throw new AppError('CONFLICT', 'setup is already done');
    let root = await ctx.identity.orgs.findRoot(tx);
    if (!root) root = await ctx.identity.orgs.insert({ parent: null, name: input.organisationName, kind: 'group' }, tx);
    else if (root.name !== input.organisationName) await ctx.identity.orgs.rename(root.id, input.organisationName, tx);
    const ids = await ctx.identity.people.insertMany(
      [{ employeeNo: input.employeeNo, name: input.name, gender: null, organisationId: root.id, phone: null, passwordHash: hash, mustChangePassword: false }],
      tx,
    );
    await ctx.identity.people.insertGrants([{ personId: ids.get(input.employeeNo)!, role: 'platform_admin', organisationId: root.id }], tx);
    await ctx.identity.misc.audit({ actorId: ids.get(input.employeeNo)!, action: 'setup.done', targetType: 'organisation', targetId: root.id }, tx);
  });
}
