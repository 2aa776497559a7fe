import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { readSheet, writeXlsx, type SheetRow } from '../lib/spreadsheet.ts';
import { toCsv } from '../lib/csv.ts';
import { hasRoleAt, scopeRoots, type Actor } from './engine/authz.ts';
import { defaultKindAtDepth } from './engine/org-tree.ts';
import { planPeopleImport, type ExistingPerson, type ImportPlan, type OrgRef } from './engine/people-import.ts';
import { mapHeader, PEOPLE_TEMPLATE_HEADER_EN, PEOPLE_TEMPLATE_HEADER_ZH } from './engine/people-rows.ts';
import { loadOrgIndex } from './org-service.ts';
import { canGrantRole } from './people-service.ts';
import { hashPassword } from './passwords.ts';
import type { ImportPreview, ImportResult, Rejection } from './schema.ts';

export type ImportOptions = { createOrganisations: boolean };

async function loadContext(ctx: AppContext, actor: Actor, rows: SheetRow[], opts: ImportOptions, tx: Db) {
  const { root, all, paths } = await loadOrgIndex(ctx, {}, tx);
  if (!root) throw new AppError('CONFLICT', 'there is no root organisation yet: finish the first-admin setup');
  const orgByPath = new Map<string, OrgRef>();
  for (const o of all) {
    if (o.id === root.id) continue;
    orgByPath.set(paths.get(o.id)!.slice(root.name.length + 1), { id: o.id, idPath: o.idPath });
  }
  const trackByName = new Map<string, number>();
  for (const t of await ctx.identity.misc.listTracks(tx)) {
    trackByName.set(t.name, t.id);
    trackByName.set(t.code.toLowerCase(), t.id);
    trackByName.set(t.nameEn.toLowerCase(), t.id);
  }
  const header = rows[0] ? mapHeader(rows[0].cells) : undefined;
  const existing = new Map<string, ExistingPerson>();
  if (header?.ok && header.columns.employeeNo !== undefined) {
    const col = header.columns.employeeNo;
    const nos = [...new Set(rows.slice(1).map((r) => (r.cells[col] ?? '').trim()).filter(Boolean))];
    const found = await ctx.identity.people.findManyByEmployeeNo(nos, tx);
    const ids = found.map((p) => p.id);
    const [tracks, grants] = await Promise.all([ctx.identity.people.tracksOf(ids, tx), ctx.identity.people.grantsOf(ids, tx)]);
    for (const p of found) {
      existing.set(p.employeeNo, {
        id: p.id,
        employeeNo: p.employeeNo,
        name: p.name,
        gender: p.gender,
        organisationId: p.organisationId,
        organisationPath: p.organisationPath,
        phone: p.phone,
        trackIds: tracks.get(p.id) ?? [],
        roles: (grants.get(p.id) ?? []).filter((g) => g.organisationId === p.organisationId).map((g) => g.role),
      });
    }
  }
  return {
    root,
    paths,
    planContext: {
      rootName: root.name,
      rootOrg: { id: root.id, idPath: root.idPath },
      orgByPath,
      trackByName,
      existing,
      canManageAt: (idPath: string) => hasRoleAt(actor, ['organiser'], idPath),
      canGrant: (role: Parameters<typeof canGrantRole>[1]) => canGrantRole(actor, role),
      createOrganisations: opts.createOrganisations,
    },
  };
}

/** Rows with merged cells cannot be trusted: they are refused, with their row number. */
function splitMerged(rows: SheetRow[], mergedRows: Set<number>): { rows: SheetRow[]; rejected: Rejection[] } {
  const rejected: Rejection[] = [];
  const kept = rows.filter((r) => {
    if (r.row === 1 || !mergedRows.has(r.row)) return true;
    rejected.push({ row: r.row, code: 'merged_cells', reason: 'the row has merged cells: unmerge them and fill every cell', reasonZh: '该行含有合并单元格：请取消合并并填写每个单元格' });
    return false;
  });
  return { rows: kept, rejected };
}

async function plan(ctx: AppContext, actor: Actor, rows: SheetRow[], opts: ImportOptions, tx: Db) {
  const loaded = await loadContext(ctx, actor, rows, opts, tx);
  return { ...loaded, plan: planPeopleImport(rows, loaded.planContext) };
}

function assertCanImport(actor: Actor) {
  if (scopeRoots(actor, ['organiser']).length === 0) throw forbidden('only organisers may import people');
}

export async function previewPeopleImport(ctx: AppContext, actor: Actor, file: { buffer: Buffer; fileName: string }, opts: ImportOptions): Promise<ImportPreview> {
  assertCanImport(actor);
  const sheet = await readSheet(file.buffer, file.fileName, { sheetNames: ['人员', 'people', 'People'] });
  const { rows, rejected: merged } = splitMerged(sheet.rows, sheet.mergedRows);
  const { plan: p, root } = await plan(ctx, actor, rows, opts, ctx.db);
  const jobId = randomUUID();
  await ctx.identity.misc.insertImportJob({ id: jobId, kind: 'people', createdBy: actor.personId > 0 ? actor.personId : null, fileName: file.fileName, options: { ...opts, merged }, rows });
  const rejected = [...merged, ...p.rejected].sort((a, b) => a.row - b.row);
  const orgText = (o: { id: number } | { newPath: string }, paths: Map<number, string>) => ('id' in o ? paths.get(o.id) ?? '' : `${root.name}/${o.newPath}`);
  const { paths } = await loadOrgIndex(ctx);
  return {
    jobId,
    fileName: file.fileName,
    format: sheet.format,
    encoding: sheet.encoding ?? null,
    counts: { create: p.creates.length, update: p.updates.length, unchanged: p.unchanged, rejected: rejected.length, newOrganisations: p.newOrganisations.length },
    rejected,
    creates: p.creates.slice(0, 50).map((c) => ({ row: c.row, employeeNo: c.employeeNo, name: c.name, organisation: orgText(c.organisation, paths) })),
    updates: p.updates.slice(0, 50).map((c) => ({ row: c.row, employeeNo: c.employeeNo, name: c.name, organisation: orgText(c.organisation, paths) })),
    newOrganisations: p.newOrganisations.map((x) => `${root.name}/${x}`),
    fileError: p.fileError ?? null,
  };
}

export async function commitPeopleImport(ctx: AppContext, actor: Actor, jobId: string, mode: 'valid-rows' | 'all-or-nothing'): Promise<ImportResult> {
  assertCanImport(actor);
  const job = await ctx.identity.misc.getImportJob(jobId);
  if (!job || job.kind !== 'people') throw notFound('import');
  if ((job.created_by ?? 0) !== (actor.personId > 0 ? actor.personId : 0)) throw forbidden('this import was started by someone else');
  if (job.status !== 'previewed') throw new AppError('CONFLICT', 'this import has already been committed');
  const opts = job.options as ImportOptions & { merged?: Rejection[] };
  const result = await importPeopleRows(ctx, actor, job.rows as SheetRow[], { createOrganisations: !!opts.createOrganisations, mode, extraRejected: opts.merged ?? [] });
  await ctx.identity.misc.finishImportJob(jobId, result);
  return result;
}

/**
 * Plans and writes in one transaction: the plan is made again against the database as it
 * is now, so a preview that went stale cannot write a duplicate.
 */
export async function importPeopleRows(
  ctx: AppContext,
  actor: Actor,
  rows: SheetRow[],
  opts: ImportOptions & { mode: 'valid-rows' | 'all-or-nothing'; extraRejected?: Rejection[]; initialPassword?: string },
): Promise<ImportResult> {
  assertCanImport(actor);
  const passwordHash = await hashPassword(opts.initialPassword ?? ctx.config.initialPassword);
  return ctx.db.transaction().execute(async (tx) => {
    const { plan: p, planContext } = await plan(ctx, actor, rows, opts, tx);
    if (p.fileError) throw new AppError('VALIDATION', p.fileError.reason, { field: 'file', details: { reasonZh: p.fileError.reasonZh } });
    const rejected = [...(opts.extraRejected ?? []), ...p.rejected].sort((a, b) => a.row - b.row);
    if (opts.mode === 'all-or-nothing' && rejected.length > 0) {
      throw new AppError('VALIDATION', `${rejected.length} rows were rejected; nothing was imported`, { field: 'file', details: { rejected } });
    }
    const created = await writePlan(ctx, tx, p, planContext.rootOrg, passwordHash);
    await ctx.identity.misc.audit(
      { actorId: actor.personId, action: 'people.imported', targetType: 'import', data: { imported: p.creates.length, updated: p.updates.length, unchanged: p.unchanged, rejected: rejected.length } },
      tx,
    );
    return { imported: p.creates.length, updated: p.updates.length, unchanged: p.unchanged, rejected, organisationsCreated: created };
  });
}

async function writePlan(ctx: AppContext, tx: Db, p: ImportPlan, rootRef: OrgRef, passwordHash: string): Promise<number> {
  const { orgs, people } = ctx.identity;
  const newOrgIds = new Map<string, number>();
  if (p.newOrganisations.length > 0) {
    const { byId, paths, root } = await loadOrgIndex(ctx, {}, tx);
    const idByPath = new Map<string, number>();
    for (const o of byId.values()) if (o.id !== root!.id) idByPath.set(paths.get(o.id)!.slice(root!.name.length + 1), o.id);
    for (const path of p.newOrganisations) {
      const parts = path.split('/');
      const parentPath = parts.slice(0, -1).join('/');
      const parentId = parentPath === '' ? rootRef.id : idByPath.get(parentPath) ?? newOrgIds.get(parentPath)!;
      const parent = (await orgs.get(parentId, tx))!;
      const o = await orgs.insert({ parent, name: parts[parts.length - 1], kind: defaultKindAtDepth(parent.depth + 1) }, tx);
      newOrgIds.set(path, o.id);
    }
  }
  const orgIdOf = (o: { id: number } | { newPath: string }) => ('id' in o ? o.id : newOrgIds.get(o.newPath)!);
  const ids = await people.insertMany(
    p.creates.map((c) => ({ employeeNo: c.employeeNo, name: c.name, gender: c.gender, organisationId: orgIdOf(c.organisation), phone: c.phone, passwordHash, mustChangePassword: true })),
    tx,
  );
  const trackRows: { personId: number; trackId: number }[] = [];
  const grantRows: { personId: number; role: (typeof p.creates)[number]['roles'][number]; organisationId: number }[] = [];
  for (const c of p.creates) {
    const personId = ids.get(c.employeeNo)!;
    for (const trackId of c.trackIds) trackRows.push({ personId, trackId });
    for (const role of c.roles) grantRows.push({ personId, role, organisationId: orgIdOf(c.organisation) });
  }
  for (const u of p.updates) {
    const organisationId = orgIdOf(u.organisation);
    await people.update(u.personId, { name: u.name, gender: u.gender, organisationId, phone: u.phone }, tx);
    await people.setTracks(u.personId, u.trackIds, tx);
    for (const role of u.addRoles) grantRows.push({ personId: u.personId, role, organisationId });
  }
  await people.insertTracks(trackRows, tx);
  await people.insertGrants(grantRows, tx);
  return newOrgIds.size;
}

export async function peopleTemplate(format: 'xlsx' | 'csv', lang: 'zh' | 'en'): Promise<{ body: Buffer; fileName: string; contentType: string }> {
  const header = [...(lang === 'zh' ? PEOPLE_TEMPLATE_HEADER_ZH : PEOPLE_TEMPLATE_HEADER_EN)];
  const example = ['E10001', '张晓晓', '女', '集团/浙江/杭州/客服一班', '13800138000', '语音客服;互联网融合客服', '选手'];
  const name = lang === 'zh' ? '人员导入模板' : 'people-import-template';
  if (format === 'csv') {
    return { body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv([header, example]))]), fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8' };
  }
  const notes = [
    ['列', '说明'],
    ['工号', '必填，集团内唯一；字母、数字、- 和 _'],
    ['姓名', '必填'],
    ['性别', '必填：男 或 女'],
    ['组织', '必填：从根开始的路径，如 集团/浙江/杭州/客服一班（“集团”可代表根，也可省略）'],
    ['手机', '选填：11 位大陆手机号'],
    ['专业', '选填：语音客服、智能客服、互联网融合客服、质差修复客服，多个用 ; 分隔'],
    ['角色', '选填（默认 选手）：平台管理员、组织者、审核员、评委、主持人、选手，多个用 ; 分隔'],
  ];
  const body = await writeXlsx([
    { name: '人员', rows: [header, example], widths: [12, 10, 6, 32, 14, 28, 16] },
    { name: '说明', rows: notes, widths: [10, 80] },
  ]);
  return { body, fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
