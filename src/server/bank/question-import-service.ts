import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadBank } from './access.ts';
import { parseAiken } from './engine/aiken.ts';
import { detectQuestionFormat, type QuestionFileFormat } from './engine/detect-format.ts';
import { contentHash } from './engine/fingerprint.ts';
import { parseGift } from './engine/gift.ts';
import { planImport, type ImportSummary } from './engine/import-plan.ts';
import type { ParseResult, ParsedQuestion, Question, Skipped } from './engine/model.ts';
import { parseMoodleXml } from './engine/moodle-xml.ts';
import { readQuestionSheet } from './question-sheet.ts';
import { canonicalQuestion, toWrite } from './question-write.ts';
import type { ImportPreview } from './schema.ts';

export type ImportFile = { buffer: Buffer; fileName: string };
export type ImportFormatOption = 'auto' | QuestionFileFormat;

/** Reads a question file in any supported format; a file that cannot be read at all is a 400 naming the place. */
export async function parseQuestionFile(file: ImportFile, format: ImportFormatOption): Promise<{ format: QuestionFileFormat; parsed: ParseResult }> {
  if (file.buffer.length === 0) {
    throw new AppError('VALIDATION', `${file.fileName} is empty (0 bytes)`, { field: 'file', details: { line: 0, reasonZh: `${file.fileName} 是空文件（0 字节）` } });
  }
  const detected = format === 'auto' ? detectQuestionFormat(file.buffer, file.fileName) : format;
  if (!detected) {
    throw new AppError('UNSUPPORTED_FILE', `${file.fileName}: cannot tell the format; use .xlsx/.csv (the template), Moodle XML, GIFT or Aiken, or name the format`, {
      field: 'format',
      details: { reasonZh: `${file.fileName}：无法判断文件格式；请使用 .xlsx/.csv（模板）、Moodle XML、GIFT 或 Aiken，或指定格式` },
    });
  }
  const parsed =
    detected === 'xlsx' || detected === 'csv'
      ? await readQuestionSheet(file.buffer, file.fileName)
      : detected === 'moodle'
        ? parseMoodleXml(file.buffer)
        : detected === 'gift'
          ? parseGift(file.buffer)
          : parseAiken(file.buffer);
  return { format: detected, parsed: { questions: parsed.questions.map((q) => ({ ...canonicalQuestion(q), line: q.line })), skipped: parsed.skipped } };
}

const byActor = (actor: Actor): number | null => (actor.personId > 0 ? actor.personId : null);

/** What an import would do, without writing the questions; the parsed file is kept as an import job for the commit. */
export async function previewQuestionImport(ctx: AppContext, actor: Actor, bankId: number, file: ImportFile, format: ImportFormatOption): Promise<ImportPreview> {
  await loadBank(ctx, actor, bankId, 'manage');
  const { format: detected, parsed } = await parseQuestionFile(file, format);
  const { plan, summary } = planImport(await ctx.bank.questions.existingKeys(bankId), parsed);
  const jobId = randomUUID();
  await ctx.identity.misc.insertImportJob({ id: jobId, kind: 'questions', createdBy: byActor(actor), fileName: file.fileName, options: { bankId, format: detected, skipped: parsed.skipped }, rows: parsed.questions });
  return {
    jobId,
    fileName: file.fileName,
    format: detected,
    summary,
    items: plan.slice(0, 200).map((p) => ({
      line: p.line,
      action: p.action,
      type: p.question.type,
      stem: p.question.stem.length > 120 ? `${p.question.stem.slice(0, 120)}…` : p.question.stem,
      existingId: p.existingId === null ? null : Number(p.existingId),
      nearDuplicates: { existingIds: p.nearDuplicates.existingIds.map(Number), lines: p.nearDuplicates.lines },
    })),
    nearDuplicates: plan.filter((p) => p.nearDuplicates.existingIds.length > 0 || p.nearDuplicates.lines.length > 0).length,
  };
}

export async function commitQuestionImport(ctx: AppContext, actor: Actor, bankId: number, jobId: string): Promise<ImportSummary> {
  await loadBank(ctx, actor, bankId, 'manage');
  const job = await ctx.identity.misc.getImportJob(jobId);
  const opts = job?.options as { bankId?: number; skipped?: Skipped[] } | undefined;
  if (!job || job.kind !== 'questions' || opts?.bankId !== bankId) throw notFound('import');
  if ((job.created_by ?? null) !== byActor(actor)) throw forbidden('this import was started by someone else');
  if (job.status !== 'previewed') throw new AppError('CONFLICT', 'this import has already been committed');
  // the job keeps each skipped line with both reasons; a job previewed before reasons had Chinese shows the English twice
  const skipped = (opts.skipped ?? []).map((x) => ({ line: x.line, reason: x.reason, reasonZh: x.reasonZh ?? x.reason }));
  const parsed: ParseResult = { questions: job.rows as ParsedQuestion[], skipped };
  return ctx.db.transaction().execute(async (tx) => {
    const summary = await writeImport(ctx, actor, bankId, parsed, tx);
    await ctx.identity.misc.finishImportJob(jobId, summary as unknown as Record<string, unknown>, tx);
    return summary;
  });
}

/**
 * Plans against the bank as it is inside the transaction (a stale preview cannot write a
 * duplicate) and writes it: new questions with version 1, changed ones as a new version.
 */
export async function writeImport(ctx: AppContext, actor: Actor, bankId: number, parsed: ParseResult, tx: Db): Promise<ImportSummary> {
  const { plan, summary } = planImport(await ctx.bank.questions.existingKeys(bankId, tx), parsed);
  const creates = plan.filter((p) => p.action === 'create');
  await ctx.bank.questions.insertMany(bankId, creates.map((p) => toWrite(p.question)), byActor(actor), tx);
  for (const p of plan.filter((x) => x.action === 'update')) {
    const id = Number(p.existingId);
    const current = (await ctx.bank.questions.get(id, tx))!;
    const sameContent = (q: Question) => contentHash({ ...q, status: 'active' });
    if (sameContent(current.question) === sameContent(p.question)) await ctx.bank.questions.setStatus(id, p.question.status, p.contentHash, tx);
    else await ctx.bank.questions.addVersion(id, toWrite(p.question), byActor(actor), tx);
  }
  await ctx.bank.banks.ensureKnowledgePoints(bankId, plan.flatMap((p) => p.question.knowledgePoints), tx);
  await ctx.identity.misc.audit(
    { actorId: actor.personId, action: 'questions.imported', targetType: 'bank', targetId: bankId, data: { imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged, skipped: summary.skipped.length } },
    tx,
  );
  return summary;
}

/** Parse and write in one go (the CLI and the demo): a bank named `bankName` is created under the root when missing. */
export async function importQuestionFile(ctx: AppContext, actor: Actor, bankName: string, file: ImportFile, format: ImportFormatOption): Promise<ImportSummary & { bankId: number }> {
  const { parsed } = await parseQuestionFile(file, format);
  const existing = await ctx.bank.banks.findByName(bankName);
  if (existing) await loadBank(ctx, actor, existing.id, 'manage');
  return ctx.db.transaction().execute(async (tx) => {
    let bankId = existing?.id;
    if (bankId === undefined) {
      const root = await ctx.identity.orgs.findRoot(tx);
      if (!root) throw new AppError('CONFLICT', 'there is no root organisation yet');
      bankId = await ctx.bank.banks.insert({ organisationId: root.id, name: bankName, description: '', createdBy: byActor(actor) }, tx);
    }
    return { ...(await writeImport(ctx, actor, bankId, parsed, tx)), bankId };
  });
}
