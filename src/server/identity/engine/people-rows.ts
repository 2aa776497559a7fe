import { parseRole, type Role } from './roles.ts';
import { splitOrgPath } from './org-tree.ts';
import { EMPLOYEE_NO, isReservedEmployeeNo } from './employee-no.ts';

/** One row of a people spreadsheet, numbered as the spreadsheet shows it (header = row 1). */
export type SheetRow = { row: number; cells: string[] };

export type PeopleColumn = 'employeeNo' | 'name' | 'gender' | 'organisation' | 'phone' | 'tracks' | 'roles';

export const PEOPLE_TEMPLATE_HEADER_ZH = ['工号', '姓名', '性别', '组织', '手机', '专业', '角色'] as const;
export const PEOPLE_TEMPLATE_HEADER_EN = ['employeeNo', 'name', 'gender', 'organisation', 'phone', 'tracks', 'roles'] as const;

const HEADER_ALIASES: Record<string, PeopleColumn> = {
  工号: 'employeeNo', 员工编号: 'employeeNo', employeeno: 'employeeNo', 'employee no': 'employeeNo', employee_no: 'employeeNo',
  姓名: 'name', name: 'name',
  性别: 'gender', gender: 'gender', sex: 'gender',
  组织: 'organisation', 单位: 'organisation', 组织路径: 'organisation', organisation: 'organisation', organization: 'organisation', org: 'organisation',
  手机: 'phone', 手机号: 'phone', 手机号码: 'phone', phone: 'phone', mobile: 'phone',
  专业: 'tracks', 赛道: 'tracks', tracks: 'tracks', track: 'tracks',
  角色: 'roles', roles: 'roles', role: 'roles',
};

const REQUIRED: PeopleColumn[] = ['employeeNo', 'name', 'gender', 'organisation'];

export type HeaderMap = Partial<Record<PeopleColumn, number>>;

export type HeaderResult = { ok: true; columns: HeaderMap } | { ok: false; reason: string; reasonZh: string };

export function mapHeader(cells: string[]): HeaderResult {
  const columns: HeaderMap = {};
  cells.forEach((c, i) => {
    const key = HEADER_ALIASES[c.trim().toLowerCase()] ?? HEADER_ALIASES[c.trim()];
    if (key && columns[key] === undefined) columns[key] = i;
  });
  const missing = REQUIRED.filter((k) => columns[k] === undefined);
  if (missing.length > 0) {
    const zh = missing.map((k) => PEOPLE_TEMPLATE_HEADER_ZH[PEOPLE_TEMPLATE_HEADER_EN.indexOf(k)]);
    return {
      ok: false,
      reason: `row 1: missing column ${zh.join(', ')} (${missing.join(', ')}); the header row must be ${PEOPLE_TEMPLATE_HEADER_ZH.join(',')}`,
      reasonZh: `第 1 行：缺少列 ${zh.join('、')}；表头应为 ${PEOPLE_TEMPLATE_HEADER_ZH.join(',')}`,
    };
  }
  return { ok: true, columns };
}

export type RowProblem = { code: string; reason: string; reasonZh: string };

/** A row that passed the checks that need no database. */
export type ParsedPerson = {
  row: number;
  employeeNo: string;
  name: string;
  gender: 'M' | 'F';
  orgPath: string[];
  phone: string | null;
  trackNames: string[];
  roles: Role[];
};

const GENDERS: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F', m: 'M', f: 'F', male: 'M', female: 'F', 男性: 'M', 女性: 'F' };
const MOBILE = /^1[3-9]\d{9}$/;

export const splitList = (text: string) =>
  text
    .split(/[;；,，、|]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** '+86 138-0000-0000' → '13800000000'; anything else is left for the check to refuse. */
export function normalisePhone(text: string): string {
  return text.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

const problem = (code: string, reason: string, reasonZh: string): RowProblem => ({ code, reason, reasonZh });

export function parsePersonRow(r: SheetRow, columns: HeaderMap): { person?: ParsedPerson; problems: RowProblem[] } {
  const cell = (k: PeopleColumn) => (columns[k] === undefined ? '' : (r.cells[columns[k]!] ?? '').trim());
  const problems: RowProblem[] = [];
  const employeeNo = cell('employeeNo');
  const name = cell('name');
  const genderText = cell('gender');
  const orgText = cell('organisation');
  const phoneText = normalisePhone(cell('phone'));
  if (!employeeNo) problems.push(problem('missing_employee_no', 'missing 工号 (employee number)', '缺少工号'));
  else if (!EMPLOYEE_NO.test(employeeNo)) problems.push(problem('bad_employee_no', `bad 工号 "${employeeNo}": letters, digits, - and _ only, at most 32`, `工号“${employeeNo}”格式不正确：只能包含字母、数字、- 和 _，最多 32 位`));
  else if (isReservedEmployeeNo(employeeNo)) problems.push(problem('reserved_employee_no', `工号 "${employeeNo}": the prefix guest- is reserved for guest judges`, `工号“${employeeNo}”不可用：guest- 开头的工号留给外部评委`));
  if (!name) problems.push(problem('missing_name', 'missing name (姓名)', '缺少姓名'));
  else if (name.length > 50) problems.push(problem('bad_name', 'name longer than 50 characters', '姓名超过 50 个字符'));
  const gender = GENDERS[genderText.toLowerCase()];
  if (!genderText) problems.push(problem('missing_gender', 'missing 性别 (gender): 男 or 女', '缺少性别（男/女）'));
  else if (!gender) problems.push(problem('bad_gender', `bad 性别 "${genderText}": 男 or 女`, `性别“${genderText}”无效，应为 男 或 女`));
  const orgPath = splitOrgPath(orgText);
  if (orgPath.length === 0) problems.push(problem('missing_organisation', 'missing 组织 (organisation path such as 集团/浙江/杭州/客服一班)', '缺少组织（如 集团/浙江/杭州/客服一班）'));
  if (phoneText && !MOBILE.test(phoneText)) problems.push(problem('bad_phone', `bad phone "${cell('phone')}": an 11-digit mainland mobile number such as 13800138000`, `手机“${cell('phone')}”无效：应为 11 位大陆手机号`));
  const roles: Role[] = [];
  for (const t of splitList(cell('roles'))) {
    const role = parseRole(t);
    if (!role) problems.push(problem('unknown_role', `unknown role "${t}" (平台管理员, 组织者, 审核员, 评委, 主持人, 选手)`, `未知角色“${t}”（可选：平台管理员、组织者、审核员、评委、主持人、选手）`));
    else if (!roles.includes(role)) roles.push(role);
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    person: {
      row: r.row,
      employeeNo,
      name,
      gender: gender!,
      orgPath,
      phone: phoneText || null,
      trackNames: [...new Set(splitList(cell('tracks')))],
      // a person listed with no role is a contestant: that is what most rows of a contest roster are
      roles: roles.length > 0 ? roles : ['contestant'],
    },
  };
}

export const isBlankRow = (r: SheetRow) => r.cells.every((c) => (c ?? '').trim() === '');
