import type { AppContext } from '../context.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { systemActor } from '../identity/system-actor.ts';
import { seededRandom } from '../lib/random.ts';
import { addCandidates } from '../exams/candidate-service.ts';
import { createExam, setExamStatus } from '../exams/exam-service.ts';
import { getAttempt, saveToAttempt, startAttempt, submitAttempt } from '../exams/attempt-service.ts';
import { releaseResults } from '../exams/release-service.ts';
import { createLevel } from '../exams/practice-level-service.ts';
import type { Response } from '../exams/engine/grading.ts';
import { loadPaperContent } from '../exams/paper-content.ts';
import { DEMO_ZJ_BANK } from './bank-demo.ts';
import { loadMockDemo } from './exams-mock-demo.ts';

export const DEMO_OPEN_EXAM = '浙江初赛理论笔试';
export const DEMO_FINISHED_EXAM = '浙江初赛理论模拟考（已结束）';
const DAY = 86_400_000;

const asActor = (p: { id: number; employeeNo: string; name: string; organisationId: number; organisationPath: string }): Actor => ({
  personId: p.id, employeeNo: p.employeeNo, name: p.name, organisationId: p.organisationId, organisationPath: p.organisationPath, grants: [], mustChangePassword: false,
});

/**
 * Written rounds in the demo: an open exam (浙江初赛理论笔试, the demo contestant among its
 * candidates, open now for three days, dealt from the 浙江 A/B/C paper set), a finished one with
 * about 60 attempts simulated through the services with a fixed seed (so results, rankings and
 * item analysis are alive), and three practice levels; then exams-mock-demo.ts adds a mock exam
 * with the contestant's mock history, their sitting of the finished exam and two appeals.
 * Idempotent: skipped when present.
 */
export async function loadExamsDemo(ctx: AppContext): Promise<{ exams: number; attempts: number; levels: number; mocks?: number; mockAttempts?: number; weeklyAttempts?: number; appeals?: number }> {
  const system = await systemActor(ctx);
  const root = (await ctx.identity.orgs.findRoot())!;
  const zj = await ctx.identity.orgs.findChildByName(root.id, '浙江');
  const bank = await ctx.bank.banks.findByName(DEMO_ZJ_BANK);
  if (!zj || !bank) return { exams: 0, attempts: 0, levels: 0 };
  const set = (await ctx.bank.papers.listPaperSets(bank.id))[0];
  if (!set) return { exams: 0, attempts: 0, levels: 0 };
  const papers = await ctx.bank.papers.listPapers(set.id);
  const existing = await ctx.exams.exams.listUnder([zj.idPath]);
  let attempts = 0;
  let levels = 0;
  const now = ctx.now().getTime();

  if (!existing.some((e) => e.title === DEMO_OPEN_EXAM)) {
    const exam = await createExam(ctx, system, {
      organisationId: zj.id, title: DEMO_OPEN_EXAM, instructions: '本场为浙江公司服务之星省级初赛理论笔试，闭卷，限时 60 分钟。请全程开启摄像头并保持全屏；切屏 5 次将自动交卷。',
      opensAt: new Date(now - 3600_000), closesAt: new Date(now + 3 * DAY), durationMinutes: 60, attemptsAllowed: 1, paperMode: 'parallel', paperSetId: set.id, seed: 2026,
      settings: { proctoring: { fullscreenRequired: true, autoSubmitAfter: 5, snapshotIntervalSec: 60 }, release: { results: 'manual', answers: 'with-results' } },
    });
    await addCandidates(ctx, system, exam.id, { organisationIds: [zj.id], tracks: [], personIds: [], employeeNos: ['contestant'], replace: false });
    await setExamStatus(ctx, system, exam.id, 'published');
  }

  if (!existing.some((e) => e.title === DEMO_FINISHED_EXAM)) {
    const opensAt = now - 10 * DAY;
    const exam = await createExam(ctx, system, {
      organisationId: zj.id, title: DEMO_FINISHED_EXAM, instructions: '赛前模拟考，成绩已公布。', opensAt: new Date(opensAt), closesAt: new Date(opensAt + DAY), durationMinutes: 45,
      attemptsAllowed: 1, paperMode: 'shuffled', paperId: papers[0].id, seed: 571, settings: { release: { results: 'manual', answers: 'with-results' }, grading: { multiple: 'partial' } },
    });
    await addCandidates(ctx, system, exam.id, { organisationIds: [zj.id], tracks: [], personIds: [], employeeNos: [], replace: false });
    await setExamStatus(ctx, system, exam.id, 'published');
    const people = (await ctx.exams.exams.candidates(exam.id)).filter((c) => c.employeeNo !== 'contestant').slice(0, 60);
    const content = await loadPaperContent(ctx, papers[0].id);
    const rand = seededRandom(571);
    for (const [i, c] of people.entries()) {
      // each synthetic candidate has an ability; harder questions are missed more often
      const ability = 0.45 + 0.5 * rand();
      let clock = opensAt + 3600_000 + i * 45_000;
      const sim = { ...ctx, now: () => new Date(clock) };
      const actor = asActor({ id: c.personId, employeeNo: c.employeeNo, name: c.name, organisationId: c.organisationId, organisationPath: c.organisationPath });
      const started = await startAttempt(sim, actor, exam.id, { ip: `10.33.${Math.floor(i / 200)}.${(i % 200) + 10}`, userAgent: i % 3 ? 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4)' : 'Mozilla/5.0 (Windows NT 10.0)' });
      const view = await getAttempt(sim, actor, started.id, {});
      for (const item of view.paper.sections.flatMap((s) => s.items)) {
        clock += 20_000 + Math.floor(rand() * 40_000);
        const q = content.byPosition.get(Number(item.itemId))!.question;
        const p = Math.max(0.1, ability - 0.08 * (q.difficulty - 3));
        const right = rand() < p;
        let response: Response | null = null;
        if (item.type === 'truefalse' && q.answer.kind === 'truefalse') response = { kind: 'truefalse', value: right ? q.answer.value : !q.answer.value };
        else if (item.options.length) {
          const keys = item.options.map((o) => o.key);
          const correctTexts = q.answer.kind === 'choice' ? q.answer.keys.map((k) => q.options.find((o) => o.key === k)!.text) : [];
          const correct = item.options.filter((o) => correctTexts.includes(o.text)).map((o) => o.key);
          response = { kind: 'choice', keys: right ? correct : item.type === 'single' ? [keys.find((k) => !correct.includes(k))!] : correct.slice(0, Math.max(1, correct.length - 1)) };
        }
        if (rand() < 0.03) response = null;
        await saveToAttempt(sim, actor, started.id, { field: 'answer', itemId: item.itemId, tabId: 'demo', response });
      }
      await submitAttempt(sim, actor, started.id);
      attempts++;
    }
    await releaseResults({ ...ctx, now: () => new Date(opensAt + DAY + 3600_000) }, system, exam.id, { force: true });
  }

  if ((await ctx.exams.practice.levelsFor(zj.idPath)).length === 0) {
    for (const [i, p] of papers.slice(0, 3).entries()) {
      await createLevel(ctx, system, { organisationId: zj.id, name: `第${i + 1}关 · ${['新手上路', '业务能手', '服务之星'][i]}`, order: i + 1, paperId: p.id, passMark: Math.round(p.totalScore * (0.6 + 0.1 * i)) });
      levels++;
    }
  }
  // mock exams, the demo contestant's mock history, their sitting of the finished exam and two appeals
  const finished = (await ctx.exams.exams.listUnder([zj.idPath])).find((e) => e.title === DEMO_FINISHED_EXAM);
  const mock = await loadMockDemo(ctx, { zj, bankId: bank.id, finishedExamId: finished?.id ?? null });
  return { exams: 2, attempts: attempts + mock.examAttempts, levels, mocks: mock.mocks, mockAttempts: mock.mockAttempts, weeklyAttempts: mock.weeklyAttempts, appeals: mock.appeals };
}
