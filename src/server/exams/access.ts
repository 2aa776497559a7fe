import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { forbidden, notFound } from '../errors.ts';
import { hasAnyRole, hasRoleAt, type Actor } from '../identity/engine/authz.ts';
import type { ExamRow } from './exam-repo.ts';

/**
 * Who may do what with an exam (docs/exams.md):
 * - manage (settings, candidates, proctoring, release, results, exports): an organiser over the
 *   exam's organisation node or an ancestor (and a platform admin);
 * - mark subjective items: those organisers, and judges over the exam's node;
 * - sit it: the people on its candidate list, once it is published.
 */
export async function loadExam(ctx: AppContext, id: number, tx: Db = ctx.db): Promise<ExamRow> {
  const exam = await ctx.exams.exams.get(id, tx);
  if (!exam) throw notFound('exam');
  return exam;
}

export async function loadManagedExam(ctx: AppContext, actor: Actor, id: number, tx: Db = ctx.db): Promise<ExamRow> {
  if (!hasAnyRole(actor, ['organiser'])) throw forbidden('only organisers manage exams');
  const exam = await loadExam(ctx, id, tx);
  if (!hasRoleAt(actor, ['organiser'], exam.organisationPath)) throw forbidden(`exam ${exam.title} belongs to ${exam.organisationName}, outside your organisation subtree`);
  return exam;
}

export async function loadMarkableExam(ctx: AppContext, actor: Actor, id: number, tx: Db = ctx.db): Promise<ExamRow> {
  const exam = await loadExam(ctx, id, tx);
  if (!hasRoleAt(actor, ['organiser', 'judge'], exam.organisationPath)) throw forbidden('only organisers and judges over this exam may mark it');
  return exam;
}

export const byActor = (actor: Actor): number | null => (actor.personId > 0 ? actor.personId : null);
