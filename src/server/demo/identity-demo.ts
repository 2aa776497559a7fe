import type { AppContext } from '../context.ts';
import { systemActor } from '../identity/system-actor.ts';
import { importPeopleRows } from '../identity/people-import-service.ts';
import { hashPassword } from '../identity/passwords.ts';
import type { SheetRow } from '../lib/spreadsheet.ts';
import { pick, seededRandom } from '../lib/random.ts';
import { syntheticPeople } from './synthetic-people.ts';

export const DEMO_ROOT = '星海通信集团';
export const DEMO_PASSWORD = 'Demo@2026';

/** Provinces, their cities and centres, and the teams in each: a synthetic group. */
export const DEMO_TREE: { province: string; code: string; units: { name: string; teams: string[] }[] }[] = [
  { province: '浙江', code: 'ZJ', units: [{ name: '杭州', teams: ['客服一班', '客服二班', '智能客服组'] }, { name: '宁波', teams: ['客服一班', '质差修复班'] }, { name: '10000号运营中心', teams: ['语音一班', '在线客服班'] }] },
  { province: '江苏', code: 'JS', units: [{ name: '南京', teams: ['客服一班', '客服二班'] }, { name: '苏州', teams: ['客服一班', '视频营业厅班'] }] },
  { province: '重庆', code: 'CQ', units: [{ name: '10000号运营中心', teams: ['语音一班', '语音二班', '互联网客服班'] }, { name: '渝北', teams: ['客服一班'] }] },
  { province: '广东', code: 'GD', units: [{ name: '广州', teams: ['客服一班', '客服二班'] }, { name: '深圳', teams: ['客服一班', '质差修复班'] }] },
];

const TRACKS = ['语音客服', '智能客服', '互联网融合客服', '质差修复客服'];

/** The accounts a newcomer signs in with, one per role. */
export const DEMO_ACCOUNTS: { employeeNo: string; name: string; gender: 'M' | 'F'; org: string; roles: string; tracks?: string; label: string }[] = [
  { employeeNo: 'admin', name: '平台管理员（演示）', gender: 'M', org: '', roles: '平台管理员', label: 'platform admin 平台管理员' },
  { employeeNo: 'organiser', name: '林思远', gender: 'M', org: '', roles: '组织者', label: 'organiser over the whole group 组织者（集团）' },
  { employeeNo: 'organiser-zj', name: '周雅琴', gender: 'F', org: '浙江', roles: '组织者', label: 'organiser over 浙江 only 组织者（浙江）' },
  { employeeNo: 'reviewer', name: '沈慧敏', gender: 'F', org: '', roles: '审核员', label: 'reviewer 审核员' },
  { employeeNo: 'judge', name: '高文博', gender: 'M', org: '', roles: '评委', label: 'judge 评委' },
  { employeeNo: 'host', name: '许嘉怡', gender: 'F', org: '', roles: '主持人', label: 'host 主持人' },
  { employeeNo: 'contestant', name: '陈晓雯', gender: 'F', org: '浙江/杭州/客服一班', roles: '选手', tracks: '语音客服', label: 'contestant 选手' },
];

/** About 300 synthetic people over the four tracks, most of them contestants, loaded through the people importer itself. */
export function demoPeopleRows(seed = 2026): SheetRow[] {
  const rand = seededRandom(seed);
  const rows: SheetRow[] = [{ row: 1, cells: ['工号', '姓名', '性别', '组织', '手机', '专业', '角色'] }];
  for (const a of DEMO_ACCOUNTS) rows.push({ row: rows.length + 1, cells: [a.employeeNo, a.name, a.gender === 'M' ? '男' : '女', a.org ? `集团/${a.org}` : '集团', '', a.tracks ?? '', a.roles] });
  const teams = DEMO_TREE.flatMap((p) => p.units.flatMap((u) => u.teams.map((t) => ({ code: p.code, path: `集团/${p.province}/${u.name}/${t}` }))));
  const people = syntheticPeople(300, seed);
  const counters = new Map<string, number>();
  people.forEach((p, i) => {
    const team = teams[i % teams.length];
    const n = (counters.get(team.code) ?? 0) + 1;
    counters.set(team.code, n);
    const track = team.path.includes('智能') ? '智能客服' : team.path.includes('质差') ? '质差修复客服' : team.path.includes('在线') || team.path.includes('视频') || team.path.includes('互联网') ? '互联网融合客服' : pick(rand, TRACKS);
    // one in twelve leads a team and also judges or reviews
    const roles = i % 12 === 0 ? '选手;审核员' : i % 25 === 1 ? '评委' : '选手';
    rows.push({ row: rows.length + 1, cells: [`${team.code}${String(n).padStart(4, '0')}`, p.name, p.gender === 'M' ? '男' : '女', team.path, p.phone, track, roles] });
  });
  return rows;
}

export async function loadIdentityDemo(ctx: AppContext): Promise<{ people: number }> {
  let root = await ctx.identity.orgs.findRoot();
  if (!root) root = await ctx.identity.orgs.insert({ parent: null, name: DEMO_ROOT, kind: 'group' });
  // provinces are 省公司, the 10000号 centres are 运营中心: create the skeleton with the right kinds first
  for (const p of DEMO_TREE) {
    const prov = (await ctx.identity.orgs.findChildByName(root.id, p.province)) ?? (await ctx.identity.orgs.insert({ parent: root, name: p.province, kind: 'province' }));
    for (const u of p.units) {
      const unit = (await ctx.identity.orgs.findChildByName(prov.id, u.name)) ?? (await ctx.identity.orgs.insert({ parent: prov, name: u.name, kind: u.name.includes('中心') ? 'centre' : 'city' }));
      for (const t of u.teams) if (!(await ctx.identity.orgs.findChildByName(unit.id, t))) await ctx.identity.orgs.insert({ parent: unit, name: t, kind: 'team' });
    }
  }
  const actor = await systemActor(ctx);
  const rows = demoPeopleRows();
  const result = await importPeopleRows(ctx, actor, rows, { createOrganisations: true, mode: 'all-or-nothing' });
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    const p = await ctx.identity.people.findByEmployeeNo(a.employeeNo);
    if (p) await ctx.identity.people.setPassword(p.id, hash, false);
  }
  return { people: result.imported + result.updated + result.unchanged };
}
