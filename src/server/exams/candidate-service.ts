import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { invalid } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { readSheet } from '../lib/spreadsheet.ts';
import { dealParallelPapers } from './engine/paper-deal.ts';
import { loadManagedExam } from './access.ts';
import type { ExamRow, PersonPick } from './exam-repo.ts';
import type { CandidateSelection } from './schema.ts';

type Unknown = { row: number | null; employeeNo: string; reason: string };

/**
 * Papers per candidate: one paper for a shuffled exam; for a paper set, the engine deals the
 * whole list (balanced by organisation) again whenever it changes. A candidate who has started
 * keeps the paper of their attempt (the attempt records it), so a re-deal never moves them.
 */
export async function redealPapers(ctx: AppContext, examId: number, tx: Db): Promise<void> {
  const exam = (await ctx.exams.exams.get(examId, tx))!;
  const candidates = await ctx.exams.exams.candidates(examId, tx);
  if (candidates.length === 0) return;
  const assignment = new Map<number, number | null>();
  if (exam.paperMode === 'shuffled') {
    for (const c of candidates) assignment.set(c.personId, exam.paperId);
  } else {
    const papers = await ctx.bank.papers.listPapers(exam.paperSetId!, tx);
    const dealt = dealParallelPapers({
      seed: exam.seed,
      paperIds: papers.map((p) => String(p.id)),
      candidates: candidates.map((c) => ({ candidateId: String(c.personId), organisationId: c.organisationPath })),
      strategy: exam.settings.dealStrategy,
    });
    for (const c of candidates) assignment.set(c.personId, Number(dealt[String(c.personId)]));
  }
  await ctx.exams.exams.setPapers(examId, assignment, tx);
}

function insideExam(exam: ExamRow, people: PersonPick[], field: string): void {
  const outside = people.find((p) => !p.organisationPath.startsWith(exam.organisationPath));
  if (outside) throw invalid(field, `${outside.employeeNo} is outside ${exam.organisationName}, the exam's organisation`);
}

async function resolveSelection(ctx: AppContext, exam: ExamRow, sel: CandidateSelection, tx: Db): Promise<{ people: PersonPick[]; unknown: Unknown[] }> {
  const found: PersonPick[] = [];
  const tracks = sel.tracks.length ? sel.tracks : null;
  if (sel.organisationIds.length) {
    const paths: string[] = [];
    for (const id of sel.organisationIds) {
      const org = await ctx.identity.orgs.get(id, tx);
      if (!org) throw invalid('organisationIds', `organisation ${id} does not exist`);
      if (!org.idPath.startsWith(exam.organisationPath)) throw invalid('organisationIds', `${org.name} is outside ${exam.organisationName}, the exam's organisation`);
      paths.push(org.idPath);
    }
    found.push(...(await ctx.exams.exams.peopleUnder(paths, tracks, tx)));
  } else if (tracks) {
    found.push(...(await ctx.exams.exams.peopleUnder([exam.organisationPath], tracks, tx)));
  }
  const byId = await ctx.exams.exams.peopleByIds(sel.personIds, tx);
  if (byId.length !== new Set(sel.personIds).size) throw invalid('personIds', 'some people do not exist or are inactive');
  insideExam(exam, byId, 'personIds');
  found.push(...byId);
  const byNo = await ctx.exams.exams.peopleByEmployeeNos(sel.employeeNos, tx);
  const known = new Set(byNo.map((p) => p.employeeNo));
  const unknown = sel.employeeNos.filter((n) => !known.has(n)).map((n) => ({ row: null, employeeNo: n, reason: 'no active person has this 工号' }));
  insideExam(exam, byNo, 'employeeNos');
  found.push(...byNo);
  return { people: found, unknown };
}

async function applySelection(ctx: AppContext, actor: Actor, examId: number, pick: (exam: ExamRow, tx: Db) => Promise<{ people: PersonPick[]; unknown: Unknown[] }>, replace: boolean) {
  return ctx.db.transaction().execute(async (tx) => {
    const exam = await loadManagedExam(ctx, actor, examId, tx);
    const { people, unknown } = await pick(exam, tx);
    const ids = [...new Set(people.map((p) => p.personId))];
    let removed = 0;
    if (replace) {
      const keep = new Set(ids);
      const current = await ctx.exams.exams.candidates(examId, tx);
      removed = await ctx.exams.exams.removeCandidates(examId, current.map((c) => c.personId).filter((p) => !keep.has(p)), tx);
    }
    const added = await ctx.exams.exams.addCandidates(examId, ids, tx);
    await redealPapers(ctx, examId, tx);
    const total = (await ctx.exams.exams.counts([examId], tx)).get(examId)!.candidates;
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'exam.candidates', targetType: 'exam', targetId: examId, data: { added, removed, total } }, tx);
    return { added, removed, total, unknown };
  });
}

export async function addCandidates(ctx: AppContext, actor: Actor, examId: number, sel: CandidateSelection) {
  return applySelection(ctx, actor, examId, (exam, tx) => resolveSelection(ctx, exam, sel, tx), sel.replace);
}

/** A spreadsheet (.xlsx or .csv) whose column 工号 (or first column) lists the candidates. */
export async function importCandidates(ctx: AppContext, actor: Actor, examId: number, file: { buffer: Buffer; fileName: string }, replace: boolean) {
  const sheet = await readSheet(file.buffer, file.fileName);
  if (sheet.rows.length === 0) throw invalid('file', 'the sheet is empty');
  const header = sheet.rows[0].cells.map((c) => c.trim());
  let col = header.findIndex((h) => h === '工号' || /^employee ?no$/i.test(h));
  const body = col >= 0 ? sheet.rows.slice(1) : sheet.rows;
  if (col < 0) col = 0;
  const wanted = body.map((r) => ({ row: r.row, employeeNo: (r.cells[col] ?? '').trim() })).filter((r) => r.employeeNo !== '');
  if (wanted.length === 0) throw invalid('file', 'no 工号 found in the sheet');
  return applySelection(
    ctx,
    actor,
    examId,
    async (exam, tx) => {
      const people = await ctx.exams.exams.peopleByEmployeeNos(wanted.map((w) => w.employeeNo), tx);
      const byNo = new Map(people.map((p) => [p.employeeNo, p]));
      const unknown: Unknown[] = [];
      const ok: PersonPick[] = [];
      for (const w of wanted) {
        const p = byNo.get(w.employeeNo);
        if (!p) unknown.push({ row: w.row, employeeNo: w.employeeNo, reason: 'no active person has this 工号' });
        else if (!p.organisationPath.startsWith(exam.organisationPath)) unknown.push({ row: w.row, employeeNo: w.employeeNo, reason: `outside ${exam.organisationName}` });
        else ok.push(p);
      }
      return { people: ok, unknown };
    },
    replace,
  );
}

export async function listCandidates(ctx: AppContext, actor: Actor, examId: number) {
  const exam = await loadManagedExam(ctx, actor, examId);
  const rows = await ctx.exams.exams.candidates(examId);
  const labels = new Map<number, string>();
  if (exam.paperSetId) for (const p of await ctx.bank.papers.listPapers(exam.paperSetId)) labels.set(p.id, p.label);
  else if (exam.paperId) labels.set(exam.paperId, (await ctx.bank.papers.getPaper(exam.paperId))?.label ?? '');
  return {
    total: rows.length,
    items: rows.map((r) => ({ personId: r.personId, employeeNo: r.employeeNo, name: r.name, organisationName: r.organisationName, paperId: r.paperId, paperLabel: r.paperId ? (labels.get(r.paperId) ?? null) : null, extraMinutes: r.extraMs / 60_000 })),
  };
}

export async function removeCandidates(ctx: AppContext, actor: Actor, examId: number, personIds: number[]) {
  return ctx.db.transaction().execute(async (tx) => {
    await loadManagedExam(ctx, actor, examId, tx);
    const removed = await ctx.exams.exams.removeCandidates(examId, personIds, tx);
    await redealPapers(ctx, examId, tx);
    const total = (await ctx.exams.exams.counts([examId], tx)).get(examId)!.candidates;
    return { added: 0, removed, total, unknown: [] };
  });
}

/** Extra time (accommodation) for one candidate; it never runs past the window. */
export async function setExtraTime(ctx: AppContext, actor: Actor, examId: number, personId: number, extraMinutes: number) {
  await loadManagedExam(ctx, actor, examId);
  if (!(await ctx.exams.exams.setExtraTime(examId, personId, Math.round(extraMinutes * 60_000)))) throw invalid('personId', 'this person is not a candidate of the exam');
  return listCandidates(ctx, actor, examId);
}
