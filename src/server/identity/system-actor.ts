import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './engine/authz.ts';

/** The command-line tool acts as the system: a platform admin over the root, person 0. */
export async function systemActor(ctx: AppContext): Promise<Actor> {
  const root = await ctx.identity.orgs.findRoot();
  if (!root) throw new AppError('CONFLICT', 'there is no root organisation yet: run `servicestar demo` or finish the first-admin setup');
  return {
    personId: 0,
    employeeNo: 'system',
    name: 'servicestar CLI',
    organisationId: root.id,
    organisationPath: root.idPath,
    mustChangePassword: false,
    grants: [{ role: 'platform_admin', organisationId: root.id, idPath: root.idPath }],
  };
}
