import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../server/errors.ts';
import { systemActor } from '../server/identity/system-actor.ts';
import type { ImportSummary } from '../server/bank/engine/import-plan.ts';
import type { AssemblyProblem, Blueprint } from '../server/bank/engine/blueprint.ts';
import { QUESTION_TYPES } from '../server/bank/engine/model.ts';
import { exportQuestions as exportBank } from '../server/bank/question-export-service.ts';
import { importQuestionFile, type ImportFormatOption } from '../server/bank/question-import-service.ts';
import { assemblePaperSet } from '../server/bank/paper-service.ts';
import { CliError, expectOk, type Backend } from './backend.ts';

const FORMATS = ['auto', 'xlsx', 'csv', 'moodle', 'gift', 'aiken'];

/** The output of `import questions`, in this key order. */
export type QuestionImportOutput = ImportSummary;

const ordered = (s: ImportSummary): QuestionImportOutput => ({
  imported: s.imported,
  updated: s.updated,
  unchanged: s.unchanged,
  skipped: s.skipped.map((x) => ({ line: x.line, reason: x.reason, reasonZh: x.reasonZh })),
  byType: Object.fromEntries(QUESTION_TYPES.map((t) => [t, s.byType[t] ?? 0])) as ImportSummary['byType'],
});

const asCliError = (e: unknown): never => {
  if (e instanceof AppError) throw new CliError(e.message);
  throw e;
};

async function remoteBankId(backend: Extract<Backend, { mode: 'remote' }>, name: string, create: boolean): Promise<number> {
  const found = await expectOk<{ items: { id: number }[] }>(await backend.call('GET', `/api/banks?name=${encodeURIComponent(name)}`));
  if (found.items[0]) return found.items[0].id;
  if (!create) throw new CliError(`no bank named ${name}`, 2);
  const orgs = await expectOk<{ items: { id: number; parentId: number | null }[] }>(await backend.call('GET', '/api/organisations'));
  const root = orgs.items.find((o) => o.parentId === null);
  if (!root) throw new CliError('there is no root organisation yet');
  return (await expectOk<{ id: number }>(await backend.call('POST', '/api/banks', { name, organisationId: root.id }))).id;
}

async function localBankId(backend: Extract<Backend, { mode: 'local' }>, name: string): Promise<number> {
  const bank = await backend.ctx.bank.banks.findByName(name);
  if (!bank) throw new CliError(`no bank named ${name}`, 2);
  return bank.id;
}

/** servicestar import questions FILE --bank NAME [--format …] */
export async function importQuestions(backend: Backend, file: string, opts: { bank: string; format: string }): Promise<QuestionImportOutput> {
  if (!fs.existsSync(file)) throw new CliError(`no such file: ${file}`, 2);
  if (!FORMATS.includes(opts.format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}`, 2);
  const buffer = fs.readFileSync(file);
  const fileName = path.basename(file);
  const format = opts.format as ImportFormatOption;
  if (backend.mode === 'local') {
    const actor = await systemActor(backend.ctx);
    return ordered(await importQuestionFile(backend.ctx, actor, opts.bank, { buffer, fileName }, format).catch(asCliError));
  }
  const bankId = await remoteBankId(backend, opts.bank, true);
  const form = new FormData();
  form.append('file', new Blob([buffer]), fileName);
  const preview = await expectOk<{ jobId: string }>(await backend.call('POST', `/api/banks/${bankId}/import?format=${format}`, form));
  return ordered(await expectOk<ImportSummary>(await backend.call('POST', `/api/banks/${bankId}/import/${preview.jobId}/commit`)));
}

/** servicestar export questions --bank NAME --format xlsx|moodle OUT */
export async function exportQuestions(backend: Backend, out: string, opts: { bank: string; format: string }): Promise<{ file: string; bytes: number }> {
  if (opts.format !== 'xlsx' && opts.format !== 'moodle') throw new CliError('--format must be xlsx or moodle', 2);
  let body: Buffer;
  if (backend.mode === 'local') {
    const bankId = await localBankId(backend, opts.bank);
    body = (await exportBank(backend.ctx, await systemActor(backend.ctx), bankId, { format: opts.format }).catch(asCliError)).body;
  } else {
    const bankId = await remoteBankId(backend, opts.bank, false);
    const res = await backend.call('GET', `/api/banks/${bankId}/export?format=${opts.format}`);
    if (!res.ok) await expectOk(res);
    body = Buffer.from(await res.arrayBuffer());
  }
  fs.writeFileSync(out, body);
  return { file: out, bytes: body.length };
}

export type AssembleOutput =
  | { ok: true; paperSetId: number; name: string; seed: number; papers: { label: string; totalScore: number; questions: number; difficultyCounts: Record<string, number>; coverage: { path: string; count: number }[] }[] }
  | { ok: false; problems: AssemblyProblem[] };

type SetDetail = { paperSet: { id: number; name: string; seed: number }; papers: { label: string; totalScore: number; questions: number; summary: { difficultyCounts: Record<string, number>; coverage: { path: string; count: number }[] } }[] };

/** servicestar assemble --bank NAME --blueprint FILE.json --papers K [--seed N] */
export async function assemble(backend: Backend, opts: { bank: string; blueprint: string; papers: number; seed?: number; name?: string }): Promise<AssembleOutput> {
  if (!fs.existsSync(opts.blueprint)) throw new CliError(`no such file: ${opts.blueprint}`, 2);
  let blueprint: Blueprint;
  try {
    blueprint = JSON.parse(fs.readFileSync(opts.blueprint, 'utf8'));
  } catch (e) {
    throw new CliError(`${opts.blueprint} is not valid JSON: ${(e as Error).message}`, 2);
  }
  if (!Number.isInteger(opts.papers) || opts.papers < 1) throw new CliError('--papers must be a whole number ≥ 1', 2);
  const input = { blueprint, papers: opts.papers, seed: opts.seed, name: opts.name };
  let detail: SetDetail;
  try {
    if (backend.mode === 'local') {
      const bankId = await localBankId(backend, opts.bank);
      detail = await assemblePaperSet(backend.ctx, await systemActor(backend.ctx), bankId, input);
    } else {
      const bankId = await remoteBankId(backend, opts.bank, false);
      detail = await expectOk<SetDetail>(await backend.call('POST', `/api/banks/${bankId}/assemble`, input));
    }
  } catch (e) {
    const details = e instanceof AppError ? e.details : (e as { body?: { details?: unknown } }).body?.details;
    const problems = (details as { problems?: AssemblyProblem[] } | undefined)?.problems;
    if (problems) return { ok: false, problems };
    return asCliError(e);
  }
  return {
    ok: true,
    paperSetId: detail.paperSet.id,
    name: detail.paperSet.name,
    seed: detail.paperSet.seed,
    papers: detail.papers.map((p) => ({ label: p.label, totalScore: p.totalScore, questions: p.questions, difficultyCounts: p.summary.difficultyCounts, coverage: p.summary.coverage })),
  };
}
