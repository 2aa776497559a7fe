import type { AppContext } from '../../src/server/context.ts';
import type { Role } from '../../src/server/identity/engine/roles.ts';
import type { OrgRow } from '../../src/server/identity/org-repo.ts';
import { hashPassword } from '../../src/server/identity/passwords.ts';

export const PASSWORD = 'Test@1234';

export type Seed = {
  root: OrgRow;
  zj: OrgRow;
  hz: OrgRow;
  hzTeam: OrgRow;
  js: OrgRow;
  nj: OrgRow;
  people: Record<string, number>;
};

/**
 * A small group: 测试集团 → 浙江 → 杭州 → 客服一班, and 江苏 → 南京. One person per role,
 * organisers scoped to one province each, so every "outside the subtree" case has someone.
 */
export async function seedBasic(ctx: AppContext): Promise<Seed> {
  const { orgs, people } = ctx.identity;
  const root = await orgs.insert({ parent: null, name: '测试集团', kind: 'group' });
  const zj = await orgs.insert({ parent: root, name: '浙江', kind: 'province' });
  const hz = await orgs.insert({ parent: zj, name: '杭州', kind: 'city' });
  const hzTeam = await orgs.insert({ parent: hz, name: '客服一班', kind: 'team' });
  const js = await orgs.insert({ parent: root, name: '江苏', kind: 'province' });
  const nj = await orgs.insert({ parent: js, name: '南京', kind: 'city' });
  const hash = await hashPassword(PASSWORD);
  const specs: [string, string, OrgRow, Role[]][] = [
    ['admin', '管理员', root, ['platform_admin']],
    ['org-root', '集团组织者', root, ['organiser']],
    ['org-zj', '浙江组织者', zj, ['organiser']],
    ['org-js', '江苏组织者', js, ['organiser']],
    ['reviewer-zj', '浙江审核员', zj, ['reviewer']],
    ['judge-zj', '浙江评委', zj, ['judge']],
    ['host-zj', '浙江主持人', zj, ['host']],
    ['c-hz', '杭州选手', hzTeam, ['contestant']],
    ['c-nj', '南京选手', nj, ['contestant']],
  ];
  const ids = await people.insertMany(
    specs.map(([no, name, org]) => ({ employeeNo: no, name, gender: 'F', organisationId: org.id, phone: null, passwordHash: hash, mustChangePassword: false })),
  );
  await people.insertGrants(specs.flatMap(([no, , org, roles]) => roles.map((role) => ({ personId: ids.get(no)!, role, organisationId: org.id }))));
  return { root, zj, hz, hzTeam, js, nj, people: Object.fromEntries(ids) };
}
