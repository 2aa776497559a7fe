import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../server/errors.ts';
import { importPeopleRows } from '../server/identity/people-import-service.ts';
import { systemActor } from '../server/identity/system-actor.ts';
import type { ImportPreview, ImportResult } from '../server/identity/schema.ts';
import { readSheet } from '../server/lib/spreadsheet.ts';
import { loadDemo, demoSignIns } from '../server/demo/index.ts';
import { CliError, expectOk, type Backend } from './backend.ts';

export type PeopleImportOutput = { imported: number; updated: number; unchanged: number; rejected: { row: number; reason: string }[] };

const toOutput = (r: ImportResult): PeopleImportOutput => ({
  imported: r.imported,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected.map((x) => ({ row: x.row, reason: x.reason })),
});

/** servicestar import people FILE [--create-organisations] [--all-or-nothing] */
export async function importPeople(backend: Backend, file: string, opts: { createOrganisations: boolean; allOrNothing: boolean }): Promise<PeopleImportOutput> {
  if (!fs.existsSync(file)) throw new CliError(`no such file: ${file}`, 2);
  const buffer = fs.readFileSync(file);
  const mode = opts.allOrNothing ? 'all-or-nothing' : 'valid-rows';
  if (backend.mode === 'local') {
    const sheet = await readSheet(buffer, path.basename(file), { sheetNames: ['人员', 'people', 'People'] });
    const merged = sheet.rows.filter((r) => r.row > 1 && sheet.mergedRows.has(r.row));
    const rows = sheet.rows.filter((r) => !(r.row > 1 && sheet.mergedRows.has(r.row)));
    const extraRejected = merged.map((r) => ({ row: r.row, code: 'merged_cells', reason: 'the row has merged cells: unmerge them and fill every cell', reasonZh: '该行含有合并单元格' }));
    try {
      return toOutput(await importPeopleRows(backend.ctx, await systemActor(backend.ctx), rows, { createOrganisations: opts.createOrganisations, mode, extraRejected }));
    } catch (e) {
      return rejectedOutput(e);
    }
  }
  const form = new FormData();
  form.append('createOrganisations', String(opts.createOrganisations));
  form.append('file', new Blob([buffer]), path.basename(file));
  const preview = await expectOk<ImportPreview>(await backend.call('POST', '/api/people/import', form));
  if (preview.fileError) throw new CliError(preview.fileError.reason);
  try {
    return toOutput(await expectOk<ImportResult>(await backend.call('POST', `/api/people/import/${preview.jobId}/commit`, { mode })));
  } catch (e) {
    return rejectedOutput(e);
  }
}

/** all-or-nothing with rejected rows: nothing imported, every rejected row reported */
function rejectedOutput(e: unknown): PeopleImportOutput {
  const details = e instanceof AppError ? (e.details as { rejected?: ImportResult['rejected'] } | undefined) : ((e as { body?: { details?: { rejected?: ImportResult['rejected'] } } }).body?.details);
  if (details?.rejected) return { imported: 0, updated: 0, unchanged: 0, rejected: details.rejected.map((x) => ({ row: x.row, reason: x.reason })) };
  if (e instanceof AppError) throw new CliError(e.message);
  throw e;
}

/** servicestar demo */
export async function demo(backend: Backend): Promise<string> {
  if (backend.mode === 'local') {
    const { summary } = await loadDemo(backend.ctx);
    return `demo data loaded: ${JSON.stringify(summary)}\n${demoSignIns()}`;
  }
  const r = await expectOk<{ summary: Record<string, number> }>(await backend.call('POST', '/api/demo', {}));
  return `demo data loaded through the running server: ${JSON.stringify(r.summary)}\n${demoSignIns()}`;
}
