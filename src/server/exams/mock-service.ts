import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { hasAnyRole, hasRoleAt, isPlatformAdmin, scopeRoots, type Actor } from '../identity/engine/authz.ts';
import { loadBank } from '../bank/access.ts';
import { toAssemblyItem } from '../bank/blueprint-service.ts';
import { assemblePapers } from '../bank/engine/assemble.ts';
import { checkFeasibility } from '../bank/engine/feasibility.ts';
import type { Question } from '../bank/engine/model.ts';
import { DEFAULT_GRADING, gradeResponse, type Response } from './engine/grading.ts';
import { attemptsLeft, gradeMock, MOCK_GRACE_MS, mockClock, mockSeed, mockTrend, percentOf, validateMockBlueprint } from './engine/mock.ts';
import { rankWeek, weekOfDay, weekRange, weekSeed } from './engine/mock-week.ts';
import { buildWrongBook } from './engine/practice.ts';
import { createMockRepo, type MockAttemptRow, type MockCadence, type MockExamRow, type MockPaper } from './mock-repo.ts';
import { blankCount } from './paper-content.ts';
import { practiceDay } from './practice-service.ts';

/**
 * Mock exams (模拟考, docs/exams.md): an organiser declares them for an organisation subtree over a
 * bank blueprint; a learner in the subtree starts one, gets a paper assembled for that attempt,
 * answers against the server's clock (closing the tab resumes the same attempt), and at submit
 * the attempt is graded and every item goes into the practice log (mode `mock`), so the
 * wrong-answer book and mastery follow mock exams as they follow practice.
 */
const repo = (ctx: AppContext) => createMockRepo(ctx.db);
const byActor = (actor: Actor): number | null => (actor.personId > 0 ? actor.personId : null);

// ── organisers ──────────────────────────────────────────────────────────────────────

export const mockView = (m: MockExamRow, counts?: { attempts: number; learners: number }) => ({
  id: m.id, organisationId: m.organisationId, organisationName: m.organisationName, name: m.name, bankId: m.bankId, bankName: m.bankName, blueprintId: m.blueprintId, blueprintName: m.blueprintName,
  durationMinutes: m.durationMs / 60_000, attemptsPerDay: m.attemptsPerDay, cadence: m.cadence, active: m.active, createdAt: m.createdAt, attempts: counts?.attempts ?? 0, learners: counts?.learners ?? 0,
});

async function loadManagedMock(ctx: AppContext, actor: Actor, id: number): Promise<MockExamRow> {
  if (!hasAnyRole(actor, ['organiser'])) throw forbidden('only organisers manage mock exams');
  const m = await repo(ctx).get(id);
  if (!m) throw notFound('mock exam');
  if (!hasRoleAt(actor, ['organiser'], m.organisationPath)) throw forbidden(`mock exam ${m.name} belongs to ${m.organisationName}, outside your organisation subtree`);
  return m;
}

/** A blueprint a mock exam may use: in the bank, objective only, and one paper can be assembled from the bank now. */
async function checkBlueprint(ctx: AppContext, bankId: number, blueprintId: number, tx: Db = ctx.db) {
  const bp = await ctx.bank.papers.getBlueprint(blueprintId, tx);
  if (!bp || bp.bankId !== bankId) throw invalid('blueprintId', `blueprint ${blueprintId} is not in this bank`);
  validateMockBlueprint(bp.blueprint);
  const problems = checkFeasibility((await ctx.bank.questions.listAll({ bankId }, tx)).map(toAssemblyItem), bp.blueprint, 1);
  if (problems.length > 0) throw new AppError('VALIDATION', problems.map((p) => p.message).join('; '), { field: 'blueprintId', details: { problems } });
  return bp;
}

export async function declareMock(ctx: AppContext, actor: Actor, input: { organisationId: number; name: string; bankId: number; blueprintId: number; durationMinutes: number; attemptsPerDay: number | null; cadence?: MockCadence }) {
  const org = await ctx.identity.orgs.get(input.organisationId);
  if (!org) throw invalid('organisationId', 'no such organisation');
  if (!hasRoleAt(actor, ['organiser'], org.idPath)) throw forbidden(`${org.name} is outside your organisation subtree`);
  const bank = await loadBank(ctx, actor, input.bankId, 'use');
  // every learner of the subtree must have the bank in their practice pool (wrong-answer book, mastery)
  if (!org.idPath.startsWith(bank.organisationPath)) throw invalid('bankId', `bank ${bank.name} belongs to ${bank.organisationName} and is not shared with all of ${org.name}`);
  await checkBlueprint(ctx, bank.id, input.blueprintId);
  if (await repo(ctx).findByName(org.id, input.name)) throw new AppError('CONFLICT', `${org.name} already has a mock exam named ${input.name}`, { field: 'name' });
  const cadence = input.cadence ?? 'free';
  // a weekly quiz is one attempt per week: attempts per day do not apply
  const attemptsPerDay = cadence === 'weekly' ? null : input.attemptsPerDay;
  const id = await ctx.db.transaction().execute(async (tx) => {
    const newId = await createMockRepo(tx).insert({ organisationId: org.id, name: input.name, bankId: bank.id, blueprintId: input.blueprintId, durationMs: Math.round(input.durationMinutes * 60_000), attemptsPerDay, cadence, createdBy: byActor(actor) }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'mock.declared', targetType: 'mock_exam', targetId: newId, data: { organisationId: org.id, bankId: bank.id, blueprintId: input.blueprintId, cadence } }, tx);
    return newId;
  });
  return mockView((await repo(ctx).get(id))!);
}

export async function listDeclaredMocks(ctx: AppContext, actor: Actor) {
  if (!hasAnyRole(actor, ['organiser'])) throw forbidden('only organisers manage mock exams');
  const rows = await repo(ctx).under(isPlatformAdmin(actor) ? null : scopeRoots(actor, ['organiser']));
  const counts = await repo(ctx).attemptCounts(rows.map((r) => r.id));
  return { items: rows.map((r) => mockView(r, counts.get(r.id))) };
}

export async function updateMock(ctx: AppContext, actor: Actor, id: number, patch: { name?: string; durationMinutes?: number; attemptsPerDay?: number | null; active?: boolean }) {
  const m = await loadManagedMock(ctx, actor, id);
  if (m.cadence === 'weekly' && patch.attemptsPerDay != null) throw invalid('attemptsPerDay', 'a weekly quiz is one attempt per learner and week; attempts per day do not apply');
  if (patch.name !== undefined && patch.name !== m.name && (await repo(ctx).findByName(m.organisationId, patch.name))) throw new AppError('CONFLICT', `${m.organisationName} already has a mock exam named ${patch.name}`, { field: 'name' });
  await repo(ctx).update(id, { name: patch.name, durationMs: patch.durationMinutes === undefined ? undefined : Math.round(patch.durationMinutes * 60_000), attemptsPerDay: patch.attemptsPerDay, active: patch.active });
  const counts = await repo(ctx).attemptCounts([id]);
  return mockView((await repo(ctx).get(id))!, counts.get(id));
}

// ── learners ────────────────────────────────────────────────────────────────────────

/** A mock exam the learner may sit: declared at their node or an ancestor. */
async function loadMockFor(ctx: AppContext, actor: Actor, id: number): Promise<MockExamRow> {
  const m = await repo(ctx).get(id);
  if (!m) throw notFound('mock exam');
  if (!actor.organisationPath.startsWith(m.organisationPath)) throw forbidden(`mock exam ${m.name} is for ${m.organisationName}`);
  return m;
}

const clockOf = (m: Pick<MockExamRow, 'durationMs'>, a: MockAttemptRow, now: Date) =>
  mockClock({ startedAt: a.startedAt.getTime(), durationMs: a.deadline.getTime() - a.startedAt.getTime(), now: now.getTime() });

const summaryOf = (m: MockExamRow, a: MockAttemptRow, now: Date) => {
  const c = a.submittedAt ? null : clockOf(m, a, now);
  return {
    id: a.id, mockId: a.mockExamId, attemptNo: a.attemptNo, week: a.week, startedAt: a.startedAt, deadline: a.deadline, submittedAt: a.submittedAt, submitReason: a.submitReason,
    score: a.score, maxScore: a.maxScore, percent: a.score === null || a.maxScore === null ? null : percentOf(a.score, a.maxScore), lastSeq: a.lastSeq,
    clock: c && { serverNow: now, remainingMs: c.remainingMs, deadline: new Date(c.deadline), autoSubmitAt: new Date(c.autoSubmitAt) },
  };
};

/** Submits the attempt as it stands if its time (deadline + grace) is up; returns it as it now is. */
async function submitIfDue(ctx: AppContext, m: MockExamRow, a: MockAttemptRow): Promise<MockAttemptRow> {
  if (a.submittedAt) return a;
  const c = clockOf(m, a, ctx.now());
  if (!c.autoSubmitDue) return a;
  await gradeAndClose(ctx, a.id, 'deadline', new Date(c.autoSubmitAt));
  return (await repo(ctx).getAttempt(a.id))!;
}

async function versionsOf(ctx: AppContext, paper: MockPaper, tx: Db = ctx.db): Promise<Map<number, Question>> {
  const v = await ctx.bank.questions.versionsByIds(paper.items.map((i) => i.versionId), tx);
  return new Map([...v].map(([id, x]) => [id, x.question]));
}

/** Grade and close in one transaction (the row lock orders it after any save in flight); idempotent. */
async function gradeAndClose(ctx: AppContext, attemptId: number, reason: string, at: Date): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const r = createMockRepo(tx);
    const a = await r.lockAttempt(attemptId, tx);
    if (!a || a.submittedAt) return;
    const questions = await versionsOf(ctx, a.paper, tx);
    const answers = new Map((await r.answers(attemptId, tx)).map((x) => [x.position, x.response]));
    const items = a.paper.items.map((i) => ({ position: i.position, points: i.points, question: questions.get(i.versionId)! }));
    const g = gradeMock(items, answers);
    await r.setGraded(attemptId, { submittedAt: at, reason, score: g.score, maxScore: g.maxScore, itemScores: g.itemScores }, tx);
    await ctx.exams.practice.insertAnswers(
      a.paper.items.map((i) => ({
        personId: a.personId, questionId: i.questionId, versionId: i.versionId, knowledgePoints: questions.get(i.versionId)!.knowledgePoints, correct: g.itemScores[i.position].c,
        score: g.itemScores[i.position].s, maxScore: i.points, mode: 'mock', levelId: null, at,
      })),
      tx,
    );
  });
}

export async function myMocks(ctx: AppContext, actor: Actor) {
  const now = ctx.now();
  const today = practiceDay(now);
  const week = weekOfDay(today);
  const items = [];
  for (const m of await repo(ctx).forLearner(actor.organisationPath)) {
    const attempts = [];
    for (const a of await repo(ctx).attemptsOf(actor.personId, m.id)) attempts.push(await submitIfDue(ctx, m, a));
    const open = attempts.find((a) => !a.submittedAt);
    const done = attempts.filter((a) => a.submittedAt && a.score !== null && a.maxScore);
    const last = done.at(-1);
    const thisWeek = m.cadence === 'weekly' ? attempts.find((a) => a.week === week) : undefined;
    items.push({
      ...mockView(m),
      available: m.blueprintId !== null,
      startedToday: attempts.filter((a) => a.day === today).length,
      attemptsLeft: m.cadence === 'weekly' ? (thisWeek ? 0 : 1) : attemptsLeft(m.attemptsPerDay, attempts.filter((a) => a.day === today).length),
      weekly: m.cadence === 'weekly' ? { week, ...rangeOf(week), done: Boolean(thisWeek?.submittedAt), attempt: thisWeek ? summaryOf(m, thisWeek, now) : null } : null,
      inProgress: open ? summaryOf(m, open, now) : null,
      best: done.length ? Math.max(...done.map((a) => percentOf(a.score!, a.maxScore!))) : null,
      last: last ? summaryOf(m, last, now) : null,
    });
  }
  return { items };
}

function paperView(a: MockAttemptRow, questions: Map<number, Question>) {
  return {
    label: a.paper.label,
    totalScore: a.paper.totalScore,
    sections: a.paper.sections.map((s, k) => ({
      title: s.title,
      items: a.paper.items
        .filter((i) => i.section === k)
        .map((i) => {
          const q = questions.get(i.versionId)!;
          return { itemId: String(i.position), number: i.position, type: q.type, stem: q.stem, options: q.type === 'single' || q.type === 'multiple' ? q.options : [], attachments: q.attachments, blanks: blankCount(q), points: i.points };
        }),
    })),
  };
}

async function attemptView(ctx: AppContext, m: MockExamRow, a: MockAttemptRow, resumed?: boolean) {
  const questions = await versionsOf(ctx, a.paper);
  const answers = await repo(ctx).answers(a.id);
  return {
    attempt: { ...summaryOf(m, a, ctx.now()), ...(resumed !== undefined && { resumed }) },
    mock: { id: m.id, name: m.name, organisationName: m.organisationName, durationMinutes: m.durationMs / 60_000 },
    paper: paperView(a, questions),
    answers: answers.map((x) => ({ itemId: String(x.position), response: x.response, answerSeq: x.answerSeq, flagged: x.flagged, flagSeq: x.flagSeq })),
  };
}

/** Start, or resume the attempt in progress (same paper, same deadline, from any tab or device). */
export async function startMock(ctx: AppContext, actor: Actor, mockId: number) {
  const m = await loadMockFor(ctx, actor, mockId);
  if (!m.active) throw new AppError('CONFLICT', `mock exam ${m.name} is closed`);
  const now = ctx.now();
  const attempts = [];
  for (const a of await repo(ctx).attemptsOf(actor.personId, m.id)) attempts.push(await submitIfDue(ctx, m, a));
  const open = attempts.find((a) => !a.submittedAt);
  if (open) return attemptView(ctx, m, open, true);
  const day = practiceDay(now);
  const week = m.cadence === 'weekly' ? weekOfDay(day) : null;
  if (week !== null && attempts.some((a) => a.week === week)) throw weekDone(m, week);
  if (week === null && attemptsLeft(m.attemptsPerDay, attempts.filter((a) => a.day === day).length) === 0) throw new AppError('CONFLICT', `you have used today's ${m.attemptsPerDay} attempt(s) of ${m.name}`);
  const attemptNo = (attempts.at(-1)?.attemptNo ?? 0) + 1;
  const seed = week === null ? mockSeed(m.id, actor.personId, attemptNo) : weekSeed(m.id, week);
  const paper = week === null ? await assembleFor(ctx, m, seed) : ((await repo(ctx).weekPaper(m.id, week)) ?? (await repo(ctx).putWeekPaper(m.id, week, seed, await assembleFor(ctx, m, seed))));
  const c = mockClock({ startedAt: now.getTime(), durationMs: m.durationMs, now: now.getTime() });
  const id = await repo(ctx).insertAttempt({ mockExamId: m.id, personId: actor.personId, attemptNo, day, week, seed, paper, startedAt: now, deadline: new Date(c.deadline) });
  // two tabs pressing start at once: the unique keys let one insert; both get that attempt
  const mine = id ? [] : await repo(ctx).attemptsOf(actor.personId, m.id);
  const attempt = id ? (await repo(ctx).getAttempt(id))! : mine.find((a) => !a.submittedAt);
  if (!attempt && week !== null && mine.some((a) => a.week === week)) throw weekDone(m, week);
  if (!attempt) throw new AppError('CONFLICT', 'another start is in progress; try again');
  return attemptView(ctx, m, attempt, id === undefined);
}

const weekDone = (m: MockExamRow, week: string) =>
  new AppError('CONFLICT', `本周（${week}）的每周小测「${m.name}」你已提交，每人每周一次；下周一 0 点（北京时间）开放下一期`);

/** One paper from the mock's blueprint with the given seed (the bank's assembler, K = 1). */
async function assembleFor(ctx: AppContext, m: MockExamRow, seed: number): Promise<MockPaper> {
  if (m.blueprintId === null) throw new AppError('CONFLICT', `the blueprint of ${m.name} was removed; tell the organiser`);
  const bp = (await ctx.bank.papers.getBlueprint(m.blueprintId))!;
  validateMockBlueprint(bp.blueprint);
  const records = await ctx.bank.questions.listAll({ bankId: m.bankId });
  const result = assemblePapers({ bank: records.map(toAssemblyItem), blueprint: bp.blueprint, papers: 1, seed });
  if (!result.ok) throw new AppError('CONFLICT', `no paper can be assembled now: ${result.problems.map((p) => p.message).join('; ')}`, { field: 'blueprint', details: { problems: result.problems } });
  const versionOf = new Map(records.map((r) => [String(r.id), r.versionId]));
  const p = result.papers[0];
  return {
    label: m.name,
    totalScore: p.totalScore,
    sections: bp.blueprint.sections.map((s) => ({ title: s.title ?? null, type: s.type })),
    items: p.sections.flatMap((s, k) => s.questionIds.map((qid) => ({ section: k, questionId: Number(qid), versionId: versionOf.get(qid)!, points: s.pointsEach }))).map((i, n) => ({ position: n + 1, ...i })),
  };
}

async function loadOwnMockAttempt(ctx: AppContext, actor: Actor, attemptId: number) {
  const a = await repo(ctx).getAttempt(attemptId);
  if (!a) throw notFound('mock attempt');
  if (a.personId !== actor.personId) throw forbidden('this mock attempt is not yours');
  const m = (await repo(ctx).get(a.mockExamId))!;
  return { m, a: await submitIfDue(ctx, m, a) };
}

export async function getMockAttempt(ctx: AppContext, actor: Actor, attemptId: number) {
  const { m, a } = await loadOwnMockAttempt(ctx, actor, attemptId);
  return attemptView(ctx, m, a);
}

type SaveInput = { itemId: string } & ({ field: 'answer'; response: Response | null } | { field: 'flag'; flagged: boolean });

/** Save one answer or flag; acknowledged with a sequence number and the time left. 409 once submitted or past deadline + grace. */
export async function saveMockAnswer(ctx: AppContext, actor: Actor, attemptId: number, input: SaveInput) {
  const { m, a } = await loadOwnMockAttempt(ctx, actor, attemptId);
  if (a.submittedAt) throw new AppError('CONFLICT', 'this mock attempt has been submitted');
  const now = ctx.now();
  const c = clockOf(m, a, now);
  if (!c.acceptsSaves) throw new AppError('CONFLICT', 'time is up');
  const position = Number(input.itemId);
  const item = a.paper.items.find((i) => String(i.position) === input.itemId);
  if (!item) throw invalid('itemId', `item ${input.itemId} is not on this paper`);
  if (input.field === 'answer' && input.response !== null) {
    const q = (await versionsOf(ctx, { ...a.paper, items: [item] })).get(item.versionId)!;
    gradeResponse({ ...q, score: item.points }, input.response, DEFAULT_GRADING); // a malformed response → 400 `response`
  }
  const seq = await ctx.db.transaction().execute(async (tx) => {
    const r = createMockRepo(tx);
    const s = await r.nextSeq(attemptId, tx);
    if (s === undefined) return undefined;
    await r.saveAnswer(attemptId, position, s, now, input.field === 'answer' ? { response: input.response } : { flagged: input.flagged }, tx);
    return s;
  });
  if (seq === undefined) throw new AppError('CONFLICT', 'this mock attempt has been submitted');
  return { itemId: input.itemId, seq, savedAt: now, remainingMs: c.remainingMs };
}

export async function submitMock(ctx: AppContext, actor: Actor, attemptId: number) {
  const { a } = await loadOwnMockAttempt(ctx, actor, attemptId);
  if (!a.submittedAt) await gradeAndClose(ctx, attemptId, 'submitted', ctx.now());
  return mockResult(ctx, actor, attemptId);
}

const displayAnswer = (q: Question): unknown => q.answer;

/** The result, once submitted: score, by knowledge point, every item with the key and whether it is now in the wrong-answer book. */
export async function mockResult(ctx: AppContext, actor: Actor, attemptId: number) {
  const { m, a } = await loadOwnMockAttempt(ctx, actor, attemptId);
  if (!a.submittedAt) throw new AppError('CONFLICT', 'submit the mock exam first');
  const questions = await versionsOf(ctx, a.paper);
  const answers = new Map((await repo(ctx).answers(a.id)).map((x) => [x.position, x.response]));
  const g = gradeMock(a.paper.items.map((i) => ({ position: i.position, points: i.points, question: questions.get(i.versionId)! })), answers);
  const book = buildWrongBook((await ctx.exams.practice.history(actor.personId)).map((h) => ({ questionId: String(h.questionId), correct: h.correct, at: h.at.getTime() })));
  return {
    attemptId: a.id, mockId: m.id, mockName: m.name, attemptNo: a.attemptNo, startedAt: a.startedAt, submittedAt: a.submittedAt, submitReason: a.submitReason,
    score: a.score ?? g.score, maxScore: a.maxScore ?? g.maxScore, percent: percentOf(a.score ?? g.score, a.maxScore ?? g.maxScore),
    byKnowledgePoint: g.byKnowledgePoint,
    items: a.paper.items.map((i) => {
      const q = questions.get(i.versionId)!;
      const s = a.itemScores?.[i.position] ?? g.itemScores[i.position];
      return {
        itemId: String(i.position), number: i.position, questionId: i.questionId, type: q.type, stem: q.stem, options: q.type === 'single' || q.type === 'multiple' ? q.options : [],
        response: answers.get(i.position) ?? null, answer: displayAnswer(q), explanation: q.explanation, score: s.s, max: s.m, correct: s.c, inWrongBook: String(i.questionId) in book,
      };
    }),
  };
}

/** My mock scores over time (every mock exam), for the chart. */
export async function myMockHistory(ctx: AppContext, actor: Actor) {
  const mocks = new Map<number, MockExamRow>();
  const rows = [];
  for (const a of await repo(ctx).attemptsOf(actor.personId, null)) {
    if (!mocks.has(a.mockExamId)) mocks.set(a.mockExamId, (await repo(ctx).get(a.mockExamId))!);
    const current = await submitIfDue(ctx, mocks.get(a.mockExamId)!, a);
    if (current.submittedAt && current.score !== null && current.maxScore !== null) rows.push({ attemptId: current.id, mockId: current.mockExamId, submittedAt: current.submittedAt.getTime(), score: current.score, maxScore: current.maxScore });
  }
  return { items: mockTrend(rows).map((r) => ({ ...r, submittedAt: new Date(r.submittedAt), mockName: mocks.get(r.mockId)!.name })) };
}

// ── weekly quizzes (每周小测) ─────────────────────────────────────────────────────────

const rangeOf = (week: string) => {
  const r = weekRange(week);
  return { weekStart: r.start, weekEnd: r.end, firstDay: r.firstDay, lastDay: r.lastDay };
};

/** A weekly quiz's leaderboard is for its subtree: its learners, and organisers over it. */
async function loadWeeklyForBoard(ctx: AppContext, actor: Actor, id: number): Promise<MockExamRow> {
  const m = await repo(ctx).get(id);
  if (!m) throw notFound('mock exam');
  const learner = actor.organisationPath.startsWith(m.organisationPath);
  if (!learner && !hasRoleAt(actor, ['organiser'], m.organisationPath)) throw forbidden(`the leaderboard of ${m.name} is for ${m.organisationName}`);
  if (m.cadence !== 'weekly') throw new AppError('CONFLICT', `${m.name} is not a weekly quiz; it has no weekly leaderboard`);
  return m;
}

/** Ranks a week: attempts whose time is up are closed first, so nobody waits on a learner who walked away. */
async function rankedWeek(ctx: AppContext, m: MockExamRow, week: string) {
  for (const a of await repo(ctx).dueInWeek(m.id, week, new Date(ctx.now().getTime() - MOCK_GRACE_MS))) await submitIfDue(ctx, m, a);
  const rows = await repo(ctx).weekBoard(m.id, week);
  const who = new Map(rows.map((r) => [r.personId, r]));
  return rankWeek(rows.map((r) => ({ personId: r.personId, score: r.score, maxScore: r.maxScore, startedAt: r.startedAt.getTime(), submittedAt: r.submittedAt.getTime() })), m.durationMs)
    .map((r) => ({ place: r.place, personId: r.personId, name: who.get(r.personId)!.name, organisationName: who.get(r.personId)!.organisationName, score: r.score, maxScore: r.maxScore, percent: percentOf(r.score, r.maxScore), seconds: r.seconds }));
}

/** A week's leaderboard (default the current week): the top `limit`, and my place if I took it. */
export async function weekLeaderboard(ctx: AppContext, actor: Actor, mockId: number, week: string | null, limit = 10) {
  const m = await loadWeeklyForBoard(ctx, actor, mockId);
  const current = weekOfDay(practiceDay(ctx.now()));
  const w = week ?? current;
  const range = rangeOf(w); // a malformed week is a 400 naming `week`
  const ranked = await rankedWeek(ctx, m, w);
  return {
    mockId: m.id, mockName: m.name, organisationName: m.organisationName, week: w, current: w === current, ...range,
    participants: ranked.length, top: ranked.slice(0, limit), me: ranked.find((r) => r.personId === actor.personId) ?? null,
  };
}

/** My weekly scores on a weekly quiz over the weeks: score, percent, place among that week's participants. */
export async function myWeeks(ctx: AppContext, actor: Actor, mockId: number) {
  const m = await loadMockFor(ctx, actor, mockId);
  if (m.cadence !== 'weekly') throw new AppError('CONFLICT', `${m.name} is not a weekly quiz`);
  const weeks = [...new Set((await repo(ctx).attemptsOf(actor.personId, m.id)).map((a) => a.week).filter((w): w is string => w !== null))].sort();
  const items = [];
  for (const week of weeks) {
    const ranked = await rankedWeek(ctx, m, week);
    const me = ranked.find((r) => r.personId === actor.personId);
    if (me) items.push({ week, firstDay: weekRange(week).firstDay, score: me.score, maxScore: me.maxScore, percent: me.percent, seconds: me.seconds, place: me.place, participants: ranked.length });
  }
  return { mockId: m.id, items };
}
