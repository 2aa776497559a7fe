import type { AppContext } from '../context.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { seededRandom } from '../lib/random.ts';
import type { PersonRow } from '../identity/person-repo.ts';
import type { OrgRow } from '../identity/org-repo.ts';
import { getAttempt, saveToAttempt, startAttempt, submitAttempt } from '../exams/attempt-service.ts';
import { actOnAppeal, fileMyAppeal } from '../exams/appeal-service.ts';
import { getMyResult } from '../exams/result-service.ts';
import type { Response } from '../exams/engine/grading.ts';
import { loadPaperContent } from '../exams/paper-content.ts';
import { createMockRepo } from '../exams/mock-repo.ts';
import { declareMock, saveMockAnswer, startMock, submitMock } from '../exams/mock-service.ts';
import type { Question } from '../bank/engine/model.ts';
import type { Blueprint } from '../bank/engine/blueprint.ts';
import { practiceDay } from '../exams/practice-service.ts';
import { shiftWeek, weekOfDay, weekRange } from '../exams/engine/mock-week.ts';

export const DEMO_MOCK = '浙江周周练 · 理论模拟考';
export const DEMO_WEEKLY = '浙江每周小测';
const WEEKLY_BLUEPRINT_NAME = '每周小测卷（10 题）';
// 10 questions, 10 points each: a short quiz a team leader can run every week
const WEEKLY_BLUEPRINT: Blueprint = {
  sections: [{ type: 'single', count: 6, pointsEach: 10, title: '一、单项选择题' }, { type: 'truefalse', count: 4, pointsEach: 10, title: '二、判断题' }],
  totalScore: 100,
};
const DAY = 86_400_000;

const asActor = (p: PersonRow, grants: Actor['grants'] = []): Actor => ({
  personId: p.id, employeeNo: p.employeeNo, name: p.name, organisationId: p.organisationId, organisationPath: p.organisationPath, grants, mustChangePassword: false,
});

/** A response to a question as the bank stores it (canonical keys): right, or a plausible wrong one. */
function responseTo(q: Question, right: boolean): Response | null {
  if (q.answer.kind === 'truefalse') return { kind: 'truefalse', value: right ? q.answer.value : !q.answer.value };
  if (q.answer.kind === 'choice') {
    const keys = q.answer.keys;
    if (right) return { kind: 'choice', keys };
    const other = q.options.map((o) => o.key).find((k) => !keys.includes(k))!;
    return { kind: 'choice', keys: q.type === 'single' ? [other] : [...keys.slice(0, Math.max(1, keys.length - 1)), other] };
  }
  if (q.answer.kind === 'fill') return { kind: 'fill', blanks: q.answer.blanks.map((alts) => (right ? alts[0] : '不清楚')) };
  return null;
}

/**
 * Mock exams and appeals in the demo (on top of loadExamsDemo's exams):
 * - a mock exam for 浙江 over the 浙江 bank's objective blueprint (30 minutes, 3 a day), and the
 *   demo contestant's two finished attempts (four and two days ago, the second better), so the
 *   practice area's mock tab, its score chart and the wrong-answer book are alive;
 * - the demo contestant's sitting of the finished exam, with two appeals: one decided by the
 *   浙江 organiser (upheld, with the reason) and one still waiting, so both the candidate's result
 *   page and the organiser's appeal queue have something to show.
 * - a weekly quiz (每周小测) for 浙江 (10 questions, 10 minutes) with eight colleagues' submitted
 *   attempts this week and in the two weeks before, and the contestant's in the two weeks before
 *   but not this week's, so the leaderboard has people on it and the contestant can take it;
 * Idempotent: each part is skipped when present (this week's attempts when the week has any).
 */
export async function loadMockDemo(ctx: AppContext, opts: { zj: OrgRow; bankId: number; finishedExamId: number | null }): Promise<{ mocks: number; mockAttempts: number; weeklyAttempts: number; examAttempts: number; appeals: number }> {
  const out = { mocks: 0, mockAttempts: 0, weeklyAttempts: 0, examAttempts: 0, appeals: 0 };
  const [contestantRow, organiserRow] = await Promise.all(['contestant', 'organiser-zj'].map(async (no) => (await ctx.identity.people.findManyByEmployeeNo([no]))[0]));
  if (!contestantRow || !organiserRow) return out;
  const contestant = asActor(contestantRow);
  const organiser = asActor(organiserRow, [{ role: 'organiser', organisationId: opts.zj.id, idPath: opts.zj.idPath }]);
  const now = ctx.now().getTime();
  const rand = seededRandom(20261124);

  const mocks = createMockRepo(ctx.db);
  let mockId = await mocks.findByName(opts.zj.id, DEMO_MOCK);
  const blueprint = (await ctx.bank.papers.listBlueprints(opts.bankId)).find((b) => b.blueprint.sections.every((s) => ['single', 'multiple', 'truefalse', 'fill'].includes(s.type)));
  if (!mockId && blueprint) {
    mockId = (await declareMock(ctx, organiser, { organisationId: opts.zj.id, name: DEMO_MOCK, bankId: opts.bankId, blueprintId: blueprint.id, durationMinutes: 30, attemptsPerDay: 3 })).id;
    out.mocks++;
  }
  if (mockId && (await mocks.attemptsOf(contestant.personId, mockId)).length === 0) {
    for (const [k, ability] of [[4, 0.55], [2, 0.75]] as const) {
      let clock = now - k * DAY;
      const sim = { ...ctx, now: () => new Date(clock) };
      const view = await startMock(sim, contestant, mockId);
      const attempt = (await mocks.getAttempt(view.attempt.id))!;
      const versions = await ctx.bank.questions.versionsByIds(attempt.paper.items.map((i) => i.versionId));
      for (const item of attempt.paper.items) {
        clock += 25_000 + Math.floor(rand() * 30_000);
        const q = versions.get(item.versionId)!.question;
        if (rand() < 0.04) continue;
        await saveMockAnswer(sim, contestant, attempt.id, { field: 'answer', itemId: String(item.position), response: responseTo(q, rand() < ability) });
      }
      await submitMock(sim, contestant, attempt.id);
      out.mockAttempts++;
    }
  }

  const examId = opts.finishedExamId;
  if (examId === null) return out;
  await loadWeeklyDemo(ctx, { ...opts, finishedExamId: examId, organiser, contestant, out, rand });
  const exam = (await ctx.exams.exams.get(examId))!;
  if ((await ctx.exams.attempts.ofPerson(examId, contestant.personId)).length === 0) {
    let clock = exam.opensAt.getTime() + 2 * 3600_000;
    const sim = { ...ctx, now: () => new Date(clock) };
    const started = await startAttempt(sim, contestant, examId, { ip: '10.33.9.88', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4)' });
    const view = await getAttempt(sim, contestant, started.id, {});
    const content = await loadPaperContent(ctx, (await ctx.exams.attempts.get(started.id))!.paperId);
    for (const item of view.paper.sections.flatMap((s) => s.items)) {
      clock += 30_000 + Math.floor(rand() * 30_000);
      const q = content.byPosition.get(Number(item.itemId))!.question;
      const right = rand() < 0.7;
      let response: Response | null = null;
      if (item.type === 'truefalse' && q.answer.kind === 'truefalse') response = { kind: 'truefalse', value: right ? q.answer.value : !q.answer.value };
      else if (item.options.length && q.answer.kind === 'choice') {
        // the candidate answers in display keys: find the options by their text
        const correctTexts = q.answer.keys.map((key) => q.options.find((o) => o.key === key)!.text);
        const correct = item.options.filter((o) => correctTexts.includes(o.text)).map((o) => o.key);
        const wrong = item.options.map((o) => o.key).find((key) => !correct.includes(key))!;
        response = { kind: 'choice', keys: right ? correct : item.type === 'single' ? [wrong] : [...correct.slice(1), wrong] };
      }
      await saveToAttempt(sim, contestant, started.id, { field: 'answer', itemId: item.itemId, tabId: 'demo', response });
    }
    await submitAttempt(sim, contestant, started.id);
    out.examAttempts++;
  }
  const attempt = (await ctx.exams.attempts.ofPerson(examId, contestant.personId)).find((a) => a.submittedAt);
  if (attempt && exam.resultsReleasedAt && (await ctx.exams.marking.appealsOfAttempt(attempt.id)).length === 0) {
    const after = Math.max(exam.resultsReleasedAt.getTime(), exam.closesAt.getTime());
    const at = (t: number) => ({ ...ctx, now: () => new Date(Math.min(t, now - 60_000)) });
    const wrong = (await getMyResult(ctx, contestant, attempt.id)).items.filter((i) => i.correct === false);
    if (wrong.length >= 2) {
      const decided = await fileMyAppeal(at(after + 3600_000), contestant, attempt.id, { itemId: wrong[0].itemId, reason: '题干“最可能的原因”有歧义，我选的选项在实际装维中同样常见，请复核。' });
      await actOnAppeal(at(after + 5 * 3600_000), organiser, decided.id, { type: 'start-review', note: '已调取题目出处，交命题组复核' });
      await actOnAppeal(at(after + 26 * 3600_000), organiser, decided.id, { type: 'uphold', note: '经命题组复核，题干已限定“最可能”，标准答案唯一，维持原分。' });
      await fileMyAppeal(at(after + 30 * 3600_000), contestant, attempt.id, { itemId: wrong[1].itemId, reason: '我的答案与教材第 3 章表述一致，请核对答案。' });
      out.appeals += 2;
    }
  }
  return out;
}

/** Sits a weekly quiz as `who` from `startAt`, answering in about `spanMs`, right with probability `ability`. */
async function sitWeekly(ctx: AppContext, who: Actor, mockId: number, startAt: number, spanMs: number, ability: number, rand: () => number): Promise<void> {
  let clock = startAt;
  const sim = { ...ctx, now: () => new Date(clock) };
  const view = await startMock(sim, who, mockId);
  if (view.attempt.submittedAt) return;
  const attempt = (await createMockRepo(ctx.db).getAttempt(view.attempt.id))!;
  const versions = await ctx.bank.questions.versionsByIds(attempt.paper.items.map((i) => i.versionId));
  const step = spanMs / (attempt.paper.items.length + 1);
  for (const item of attempt.paper.items) {
    clock += Math.floor(step * (0.6 + 0.8 * rand()));
    await saveMockAnswer(sim, who, attempt.id, { field: 'answer', itemId: String(item.position), response: responseTo(versions.get(item.versionId)!.question, rand() < ability) });
  }
  clock += Math.floor(step * rand());
  await submitMock(sim, who, attempt.id);
}

async function loadWeeklyDemo(ctx: AppContext, o: { zj: OrgRow; bankId: number; finishedExamId: number; organiser: Actor; contestant: Actor; out: { mocks: number; weeklyAttempts: number }; rand: () => number }): Promise<void> {
  const mocks = createMockRepo(ctx.db);
  let weeklyId = await mocks.findByName(o.zj.id, DEMO_WEEKLY);
  const fresh = !weeklyId;
  if (!weeklyId) {
    const blueprintId = (await ctx.bank.papers.findBlueprintByName(o.bankId, WEEKLY_BLUEPRINT_NAME))?.id ?? (await ctx.bank.papers.insertBlueprint({ bankId: o.bankId, name: WEEKLY_BLUEPRINT_NAME, blueprint: WEEKLY_BLUEPRINT, createdBy: null }));
    weeklyId = (await declareMock(ctx, o.organiser, { organisationId: o.zj.id, name: DEMO_WEEKLY, bankId: o.bankId, blueprintId, durationMinutes: 10, attemptsPerDay: null, cadence: 'weekly' })).id;
    o.out.mocks++;
  }
  // front-line colleagues (the finished exam's candidates below the province: not its staff), each with a steady ability
  const colleagues = (await ctx.exams.exams.candidates(o.finishedExamId)).filter((c) => c.employeeNo !== 'contestant' && c.organisationId !== o.zj.id).slice(0, 8)
    .map((c, i) => ({ actor: asActor({ id: c.personId, employeeNo: c.employeeNo, name: c.name, organisationId: c.organisationId, organisationPath: c.organisationPath } as PersonRow), ability: 0.5 + 0.06 * i }));
  const now = ctx.now().getTime();
  const week = weekOfDay(practiceDay(ctx.now()));
  const sitWeek = async (w: string, people: { actor: Actor; ability: number }[]) => {
    const { start, end } = weekRange(w);
    // every attempt starts and ends inside the week and before now, however early in the week it is
    const room = Math.min(end.getTime(), now - 60_000) - start.getTime();
    if (room < people.length * 2_000) return;
    for (const [i, p] of people.entries()) {
      const startAt = start.getTime() + Math.floor((room * (i + 0.2)) / (people.length + 1));
      const span = Math.min(9 * 60_000, Math.floor(room / (people.length + 1)) - 1_000) * (0.4 + 0.5 * o.rand());
      await sitWeekly(ctx, p.actor, weeklyId, startAt, span, p.ability, o.rand);
      o.out.weeklyAttempts++;
    }
  };
  if (fresh) for (const back of [2, 1]) await sitWeek(shiftWeek(week, -back), [...colleagues, { actor: o.contestant, ability: back === 2 ? 0.6 : 0.8 }]);
  if ((await mocks.weekBoard(weeklyId, week)).length === 0) await sitWeek(week, colleagues);
}
