import type { AppContext } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { buildProctorView, summariseViolations, type ProctorEvent, type ProctorPolicy, type ViolationKind } from './engine/proctoring.ts';
import { byActor, loadManagedExam } from './access.ts';
import { autoSubmitIfDue, loadOwnAttempt } from './attempt-service.ts';
import type { ExamRow } from './exam-repo.ts';
import { submitAttemptNow } from './grading-service.ts';
import { loadPaperContent } from './paper-content.ts';

type Meta = { ip?: string | null; userAgent?: string | null };
export const MAX_SNAPSHOT_BYTES = 500 * 1024;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

const policyOf = (exam: ExamRow): ProctorPolicy => ({ autoSubmitAfter: exam.settings.proctoring.autoSubmitAfter, debounceMs: exam.settings.proctoring.debounceMs, counted: exam.settings.proctoring.counted });
const toEvents = (rows: { kind: string; at: Date }[]): ProctorEvent[] => rows.map((r) => ({ kind: r.kind as ViolationKind, at: r.at.getTime() }));

/** The browser reports what it saw; the server stamps each event with its own time, IP and device, counts violations, and auto-submits at the declared N-th. */
export async function recordEvents(ctx: AppContext, actor: Actor, attemptId: number, events: { kind: ViolationKind; clientAt?: Date }[], meta: Meta) {
  const loaded = await loadOwnAttempt(ctx, actor, attemptId);
  const attempt = await autoSubmitIfDue(ctx, loaded.exam, loaded.attempt);
  if (attempt.submittedAt) throw new AppError('CONFLICT', 'this attempt has been submitted');
  const now = ctx.now();
  await ctx.exams.proctor.insertEvents(events.map((e, i) => ({ attemptId, kind: e.kind, at: new Date(now.getTime() + i), clientAt: e.clientAt ?? null, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null })));
  const summary = summariseViolations(toEvents(await ctx.exams.proctor.eventsOf([attemptId])), policyOf(loaded.exam));
  let autoSubmitted = false;
  if (summary.autoSubmitDue) autoSubmitted = await submitAttemptNow(ctx, loaded.exam, attemptId, 'violations', now);
  return { violations: summary.count, remaining: summary.remaining, byKind: summary.byKind, autoSubmitted };
}

export async function uploadSnapshot(ctx: AppContext, actor: Actor, attemptId: number, image: { mime: string; bytes: Buffer }) {
  const { attempt, exam } = await loadOwnAttempt(ctx, actor, attemptId);
  if (attempt.submittedAt) throw new AppError('CONFLICT', 'this attempt has been submitted');
  if (exam.settings.proctoring.snapshotIntervalSec === null) throw new AppError('CONFLICT', 'this exam takes no camera snapshots');
  if (!IMAGE_TYPES.includes(image.mime)) throw new AppError('UNSUPPORTED_FILE', `a snapshot is a JPEG, PNG or WebP image, not ${image.mime}`, { field: 'image' });
  if (image.bytes.length === 0) throw invalid('image', 'the image is empty');
  if (image.bytes.length > MAX_SNAPSHOT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'a snapshot may be at most 500 KB', { field: 'image' });
  const takenAt = ctx.now();
  const id = await ctx.exams.proctor.insertSnapshot({ attemptId, takenAt, mime: image.mime, bytes: image.bytes });
  return { id, takenAt, size: image.bytes.length };
}

export async function myMessages(ctx: AppContext, actor: Actor, attemptId: number, after: number) {
  const { attempt } = await loadOwnAttempt(ctx, actor, attemptId);
  const items = await ctx.exams.proctor.messagesFor(attempt.examId, actor.personId, after);
  return { items: items.map((m) => ({ id: m.id, fromName: m.fromName, body: m.body, sentAt: m.sentAt, toEveryone: m.personId === null })) };
}

/** The live view: every candidate, who is in, progress, violations, last snapshot. */
export async function proctorView(ctx: AppContext, actor: Actor, examId: number) {
  const exam = await loadManagedExam(ctx, actor, examId);
  const candidates = await ctx.exams.exams.candidates(examId);
  const attempts = await ctx.exams.attempts.ofExam(examId);
  const latest = new Map<number, (typeof attempts)[number]>();
  for (const a of attempts) latest.set(a.personId, a);
  const answered = await ctx.exams.attempts.answeredCounts(examId);
  const events = await ctx.exams.proctor.eventsOf(attempts.map((a) => a.id));
  const snaps = await ctx.exams.proctor.lastSnapshots(examId);
  const totals = new Map<number, number>();
  for (const a of latest.values()) if (!totals.has(a.paperId)) totals.set(a.paperId, (await loadPaperContent(ctx, a.paperId)).items.length);
  const now = ctx.now();
  const rows = buildProctorView(
    candidates.map((c) => {
      const a = latest.get(c.personId);
      return {
        candidateId: String(c.personId), name: c.name, events: a ? toEvents(events.filter((e) => e.attemptId === a.id)) : [], answered: a ? (answered.get(a.id) ?? 0) : 0, total: a ? totals.get(a.paperId)! : 0,
        lastSeenAt: a?.lastSeenAt?.getTime() ?? null, submittedAt: a?.submittedAt?.getTime() ?? null, lastSnapshotAt: a ? (snaps.get(a.id)?.takenAt.getTime() ?? null) : null, ip: a?.ip ?? null, device: a?.userAgent ?? null,
      };
    }),
    now.getTime(),
    policyOf(exam),
  );
  const byPerson = new Map(candidates.map((c) => [String(c.personId), c]));
  return {
    examId, serverNow: now,
    rows: rows.map((r) => {
      const c = byPerson.get(r.candidateId)!;
      const a = latest.get(c.personId);
      return { ...r, personId: c.personId, employeeNo: c.employeeNo, organisationName: c.organisationName, attemptId: a?.id ?? null, deadline: a?.deadline ?? null, lastSnapshotId: a ? (snaps.get(a.id)?.id ?? null) : null, lastSeenAt: a?.lastSeenAt ?? null };
    }),
  };
}

async function loadAttemptOfExam(ctx: AppContext, actor: Actor, attemptId: number) {
  const attempt = await ctx.exams.attempts.get(attemptId);
  if (!attempt) throw notFound('attempt');
  const exam = await loadManagedExam(ctx, actor, attempt.examId);
  return { attempt, exam };
}

export async function attemptLog(ctx: AppContext, actor: Actor, attemptId: number) {
  const { attempt, exam } = await loadAttemptOfExam(ctx, actor, attemptId);
  const events = await ctx.exams.proctor.eventsOf([attemptId]);
  return {
    attemptId, personId: attempt.personId, ip: attempt.ip, userAgent: attempt.userAgent,
    summary: summariseViolations(toEvents(events), policyOf(exam)),
    events: events.map((e) => ({ kind: e.kind, at: e.at, clientAt: e.clientAt, ip: e.ip, userAgent: e.userAgent })),
    snapshots: await ctx.exams.proctor.snapshotsOf(attemptId),
  };
}

export async function getSnapshot(ctx: AppContext, actor: Actor, snapshotId: number) {
  const snap = await ctx.exams.proctor.snapshot(snapshotId);
  if (!snap) throw notFound('snapshot');
  await loadAttemptOfExam(ctx, actor, snap.attemptId);
  return snap;
}

export async function sendMessage(ctx: AppContext, actor: Actor, examId: number, input: { personId: number | null; body: string }) {
  await loadManagedExam(ctx, actor, examId);
  if (input.personId !== null && !(await ctx.exams.exams.candidate(examId, input.personId))) throw invalid('personId', 'this person is not a candidate of the exam');
  const id = await ctx.exams.proctor.insertMessage({ examId, personId: input.personId, fromId: byActor(actor), body: input.body });
  return { id };
}

export async function forceSubmit(ctx: AppContext, actor: Actor, attemptId: number, reason: string) {
  const { exam } = await loadAttemptOfExam(ctx, actor, attemptId);
  const submitted = await submitAttemptNow(ctx, exam, attemptId, 'proctor', ctx.now());
  if (submitted) await ctx.identity.misc.audit({ actorId: actor.personId, action: 'exam.force-submit', targetType: 'exam_attempt', targetId: attemptId, data: { reason } });
  return { submitted };
}
