import { describe, expect, it } from 'vitest';
import { planPeopleImport, type ImportContext } from './people-import.ts';
import type { SheetRow } from './people-rows.ts';

const org = (id: number, idPath: string) => ({ id, idPath });
function ctx(over: Partial<ImportContext> = {}): ImportContext {
  return {
    rootName: '星海集团',
    rootOrg: org(1, '/1/'),
    orgByPath: new Map([
      ['浙江', org(2, '/1/2/')],
      ['浙江/杭州', org(3, '/1/2/3/')],
      ['浙江/杭州/客服一班', org(4, '/1/2/3/4/')],
      ['江苏', org(5, '/1/5/')],
    ]),
    trackByName: new Map([['语音客服', 1], ['voice', 1], ['智能客服', 2]]),
    existing: new Map(),
    canManageAt: () => true,
    canGrant: () => true,
    createOrganisations: false,
    ...over,
  };
}
const sheet = (...lines: string[][]): SheetRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));
const HEADER = ['工号', '姓名', '性别', '组织', '手机', '专业', '角色'];

describe('planPeopleImport', () => {
  it('reports every kind of bad row with its row number and reason, and keeps the good ones', () => {
    const plan = planPeopleImport(
      sheet(
        HEADER,
        ['E1', '张三', '男', '集团/浙江/杭州/客服一班', '13800138000', '语音客服', '选手'],
        ['E1', '张三三', '男', '集团/浙江/杭州', '', '', ''],
        ['', '无工号', '女', '浙江', '', '', ''],
        ['E3', '', '女', '浙江', '', '', ''],
        ['E4', '李四', '未知', '浙江', '', '', ''],
        ['E5', '王五', '女', '集团/火星', '', '', ''],
        ['E6', '赵六', '女', '浙江', '1380013', '', ''],
        ['E7', '钱七', '女', '浙江', '', '魔法客服', ''],
        ['E8', '孙八', '女', '浙江', '', '', '国王'],
        ['E9 9', '周九', '女', '浙江', '', '', ''],
        ['', '', '', '', '', '', ''],
        ['Guest-ab12', '冒名评委', '女', '浙江', '', '', ''],
        ['E10', '吴十', '女', '星海集团/江苏', '+86 139-0000-0000', 'voice;智能客服', '评委;组织者'],
      ),
      ctx(),
    );
    expect(plan.rejected.map((r) => [r.row, r.code])).toEqual([
      [3, 'duplicate_employee_no'],
      [4, 'missing_employee_no'],
      [5, 'missing_name'],
      [6, 'bad_gender'],
      [7, 'unknown_organisation'],
      [8, 'bad_phone'],
      [9, 'unknown_track'],
      [10, 'unknown_role'],
      [11, 'bad_employee_no'],
      [13, 'reserved_employee_no'],
    ]);
    expect(plan.rejected[0].reason).toContain('first on row 2');
    expect(plan.rejected[0].reasonZh).toContain('第 2 行');
    expect(plan.creates.map((c) => c.employeeNo)).toEqual(['E1', 'E10']);
    const e10 = plan.creates[1];
    expect(e10).toMatchObject({ phone: '13900000000', trackIds: [1, 2], roles: ['judge', 'organiser'], organisation: { id: 5 } });
    expect(plan.creates[0].roles).toEqual(['contestant']);
  });

  it('treats the same data as unchanged and a difference as an update', () => {
    const existing = new Map([
      ['E1', { id: 10, employeeNo: 'E1', name: '张三', gender: 'M' as const, organisationId: 4, organisationPath: '/1/2/3/4/', phone: '13800138000', trackIds: [1], roles: ['contestant' as const] }],
      ['E2', { id: 11, employeeNo: 'E2', name: '李四', gender: 'F' as const, organisationId: 4, organisationPath: '/1/2/3/4/', phone: null, trackIds: [], roles: ['contestant' as const] }],
    ]);
    const plan = planPeopleImport(
      sheet(HEADER, ['E1', '张三', '男', '浙江/杭州/客服一班', '13800138000', '语音客服', '选手'], ['E2', '李四', '女', '浙江/杭州/客服一班', '', '', '选手;评委']),
      ctx({ existing }),
    );
    expect(plan.unchanged).toBe(1);
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0]).toMatchObject({ personId: 11, addRoles: ['judge'] });
  });

  it('plans the missing organisations along each path, parents first, only when asked', () => {
    const rows = sheet(HEADER, ['E1', '甲', '女', '浙江/温州/一班', '', '', ''], ['E2', '乙', '女', '浙江/温州/二班', '', '', ''], ['E3', '丙', '女', '安徽/合肥', '', '', '']);
    expect(planPeopleImport(rows, ctx()).rejected).toHaveLength(3);
    const plan = planPeopleImport(rows, ctx({ createOrganisations: true }));
    expect(plan.rejected).toEqual([]);
    expect(plan.newOrganisations).toEqual(['安徽', '浙江/温州', '安徽/合肥', '浙江/温州/一班', '浙江/温州/二班']);
    expect(plan.creates[0].organisation).toEqual({ newPath: '浙江/温州/一班' });
  });

  it('refuses rows outside the importer scope and roles the importer may not grant', () => {
    const rows = sheet(HEADER, ['E1', '甲', '女', '江苏', '', '', ''], ['E2', '乙', '女', '浙江', '', '', '平台管理员'], ['E3', '丙', '女', '江苏/苏州', '', '', '']);
    const plan = planPeopleImport(rows, ctx({ canManageAt: (p) => p.startsWith('/1/2/'), canGrant: (r) => r !== 'platform_admin', createOrganisations: true }));
    expect(plan.rejected.map((r) => [r.row, r.code])).toEqual([[2, 'organisation_out_of_scope'], [3, 'role_not_grantable'], [4, 'organisation_out_of_scope']]);
    expect(plan.newOrganisations).toEqual([]);
  });

  it('refuses a 工号 that belongs to someone outside the scope without revealing them', () => {
    const existing = new Map([['E1', { id: 10, employeeNo: 'E1', name: '外省人', gender: 'M' as const, organisationId: 5, organisationPath: '/1/5/', phone: null, trackIds: [], roles: [] }]]);
    const plan = planPeopleImport(sheet(HEADER, ['E1', '甲', '女', '浙江', '', '', '']), ctx({ existing, canManageAt: (p) => p.startsWith('/1/2/') }));
    expect(plan.rejected[0].code).toBe('employee_no_taken');
    expect(plan.rejected[0].reason).not.toContain('外省人');
  });

  it('accepts English headers in any order and names missing columns', () => {
    const ok = planPeopleImport(sheet(['roles', 'name', 'employeeNo', 'organisation', 'gender'], ['judge', 'Li', 'E1', '浙江', 'F']), ctx());
    expect(ok.creates[0]).toMatchObject({ employeeNo: 'E1', roles: ['judge'], gender: 'F' });
    const bad = planPeopleImport(sheet(['工号', '姓名', '手机']), ctx());
    expect(bad.fileError?.reason).toMatch(/missing column 性别, 组织/);
    expect(planPeopleImport([], ctx()).fileError?.reasonZh).toContain('文件为空');
  });
});
