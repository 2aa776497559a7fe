import type { Role } from './roles.ts';
import { ROLE_NAMES_ZH } from './roles.ts';
import { isBlankRow, mapHeader, parsePersonRow, type SheetRow } from './people-rows.ts';
import { joinOrgPath } from './org-tree.ts';

/**
 * Plans a people import against what the database already holds, with no I/O: every
 * row becomes a create, an update, unchanged, or a rejection with its row number and
 * reason. The service loads the context, calls this, and writes the plan in one
 * transaction, so nothing is written when the organiser chooses "fix and retry".
 */
export type OrgRef = { id: number; idPath: string };

export type ExistingPerson = {
  id: number;
  employeeNo: string;
  name: string;
  gender: 'M' | 'F' | null;
  organisationId: number;
  organisationPath: string;
  phone: string | null;
  trackIds: number[];
  /** roles granted at the person's own organisation */
  roles: Role[];
};

export type ImportContext = {
  /** the root's name: a path may start with it, with 集团, or leave it out */
  rootName: string;
  /** joined name path from the root ('浙江/杭州/客服一班', root excluded) → node */
  orgByPath: Map<string, OrgRef>;
  rootOrg: OrgRef;
  /** track name, code or English name (lower case) → id */
  trackByName: Map<string, number>;
  existing: Map<string, ExistingPerson>;
  /** may the importer manage people at this node? */
  canManageAt: (idPath: string) => boolean;
  /** may the importer grant this role? */
  canGrant: (role: Role) => boolean;
  createOrganisations: boolean;
};

export type PlannedPerson = {
  row: number;
  employeeNo: string;
  name: string;
  gender: 'M' | 'F';
  /** an existing node, or a path (root excluded) created by this import */
  organisation: { id: number } | { newPath: string };
  phone: string | null;
  trackIds: number[];
  roles: Role[];
};

export type Rejection = { row: number; code: string; reason: string; reasonZh: string };

export type ImportPlan = {
  creates: PlannedPerson[];
  updates: (PlannedPerson & { personId: number; addRoles: Role[] })[];
  unchanged: number;
  rejected: Rejection[];
  /** paths (root excluded) to create, parents before children */
  newOrganisations: string[];
  /** a problem with the whole file (e.g. a missing column): nothing can be imported */
  fileError?: { reason: string; reasonZh: string };
};

const sameSet = (a: readonly (number | string)[], b: readonly (number | string)[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

function stripRoot(parts: string[], rootName: string): string[] {
  if (parts.length > 0 && (parts[0] === rootName || parts[0] === '集团')) return parts.slice(1);
  return parts;
}

export function planPeopleImport(rows: SheetRow[], ctx: ImportContext): ImportPlan {
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0, rejected: [], newOrganisations: [] };
  const [header, ...body] = rows;
  if (!header) {
    plan.fileError = { reason: 'the file is empty: no header row', reasonZh: '文件为空：没有表头行' };
    return plan;
  }
  const headerResult = mapHeader(header.cells);
  if (!headerResult.ok) {
    plan.fileError = { reason: headerResult.reason, reasonZh: headerResult.reasonZh };
    return plan;
  }
  const firstRowOf = new Map<string, number>();
  const newOrgs = new Set<string>();
  const reject = (row: number, code: string, reason: string, reasonZh: string) => plan.rejected.push({ row, code, reason, reasonZh });

  for (const r of body) {
    if (isBlankRow(r)) continue;
    const { person, problems } = parsePersonRow(r, headerResult.columns);
    if (!person) {
      reject(r.row, problems[0].code, problems.map((p) => p.reason).join('; '), problems.map((p) => p.reasonZh).join('；'));
      continue;
    }
    const seen = firstRowOf.get(person.employeeNo);
    if (seen !== undefined) {
      reject(r.row, 'duplicate_employee_no', `duplicate 工号 ${person.employeeNo} (first on row ${seen})`, `工号 ${person.employeeNo} 重复（首次出现在第 ${seen} 行）`);
      continue;
    }
    firstRowOf.set(person.employeeNo, r.row);

    // organisation
    const parts = stripRoot(person.orgPath, ctx.rootName);
    const key = joinOrgPath(parts);
    let organisation: PlannedPerson['organisation'];
    let orgIdPath: string;
    const found = parts.length === 0 ? ctx.rootOrg : ctx.orgByPath.get(key);
    if (found) {
      organisation = { id: found.id };
      orgIdPath = found.idPath;
    } else {
      // deepest existing ancestor decides the scope of a node this import would create
      let depth = parts.length - 1;
      while (depth > 0 && !ctx.orgByPath.has(joinOrgPath(parts.slice(0, depth)))) depth--;
      const ancestor = depth === 0 ? ctx.rootOrg : ctx.orgByPath.get(joinOrgPath(parts.slice(0, depth)))!;
      if (!ctx.createOrganisations) {
        reject(r.row, 'unknown_organisation', `unknown organisation ${person.orgPath.join('/')}`, `组织不存在：${person.orgPath.join('/')}`);
        continue;
      }
      if (!ctx.canManageAt(ancestor.idPath)) {
        reject(r.row, 'organisation_out_of_scope', `organisation ${person.orgPath.join('/')} is outside your scope`, `组织 ${person.orgPath.join('/')} 不在您的管理范围内`);
        continue;
      }
      for (let d = depth + 1; d <= parts.length; d++) newOrgs.add(joinOrgPath(parts.slice(0, d)));
      organisation = { newPath: key };
      orgIdPath = ancestor.idPath;
    }
    if (!ctx.canManageAt(orgIdPath)) {
      reject(r.row, 'organisation_out_of_scope', `organisation ${person.orgPath.join('/')} is outside your scope`, `组织 ${person.orgPath.join('/')} 不在您的管理范围内`);
      continue;
    }

    // tracks
    const trackIds: number[] = [];
    const unknownTracks = person.trackNames.filter((t) => {
      const id = ctx.trackByName.get(t) ?? ctx.trackByName.get(t.toLowerCase());
      if (id !== undefined && !trackIds.includes(id)) trackIds.push(id);
      return id === undefined;
    });
    if (unknownTracks.length > 0) {
      reject(r.row, 'unknown_track', `unknown track ${unknownTracks.join(', ')}`, `未知专业：${unknownTracks.join('、')}`);
      continue;
    }
    const forbiddenRoles = person.roles.filter((role) => !ctx.canGrant(role));
    if (forbiddenRoles.length > 0) {
      const names = forbiddenRoles.map((x) => ROLE_NAMES_ZH[x]);
      reject(r.row, 'role_not_grantable', `you may not grant the role ${forbiddenRoles.join(', ')}`, `您无权授予角色：${names.join('、')}`);
      continue;
    }

    const planned: PlannedPerson = {
      row: r.row,
      employeeNo: person.employeeNo,
      name: person.name,
      gender: person.gender,
      organisation,
      phone: person.phone,
      trackIds,
      roles: person.roles,
    };
    const existing = ctx.existing.get(person.employeeNo);
    if (!existing) {
      plan.creates.push(planned);
      continue;
    }
    if (!ctx.canManageAt(existing.organisationPath)) {
      reject(r.row, 'employee_no_taken', `工号 ${person.employeeNo} belongs to a person outside your scope`, `工号 ${person.employeeNo} 已被您管理范围之外的人员使用`);
      continue;
    }
    const addRoles = 'id' in organisation && organisation.id === existing.organisationId
      ? person.roles.filter((x) => !existing.roles.includes(x))
      : person.roles;
    const same =
      existing.name === person.name &&
      existing.gender === person.gender &&
      'id' in organisation &&
      organisation.id === existing.organisationId &&
      existing.phone === person.phone &&
      sameSet(existing.trackIds, trackIds) &&
      addRoles.length === 0;
    if (same) plan.unchanged++;
    else plan.updates.push({ ...planned, personId: existing.id, addRoles });
  }
  plan.newOrganisations = [...newOrgs].sort((a, b) => a.split('/').length - b.split('/').length);
  plan.rejected.sort((a, b) => a.row - b.row);
  return plan;
}
