import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIdentityDemo } from '../../src/server/demo/identity-demo.ts';
import { loadBankDemo } from '../../src/server/demo/bank-demo.ts';
import { DEMO_FINISHED_EXAM, loadExamsDemo } from '../../src/server/demo/exams-demo.ts';
import { DEMO_MOCK } from '../../src/server/demo/exams-mock-demo.ts';
import { systemActor } from '../../src/server/identity/system-actor.ts';
import { listMyExams } from '../../src/server/exams/attempt-service.ts';
import { listAppeals, myAppeals } from '../../src/server/exams/appeal-service.ts';
import { mockResult, myMockHistory, myMocks } from '../../src/server/exams/mock-service.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let t: TestDb;
let summary: Awaited<ReturnType<typeof loadExamsDemo>>;
beforeAll(async () => {
  t = await createTestDb();
  await loadIdentityDemo(t.ctx);
  await loadBankDemo(t.ctx);
  summary = await loadExamsDemo(t.ctx);
});
afterAll(async () => t?.cleanup());

describe('mock exam and appeals demo', () => {
  it('declares a mock exam, gives the contestant a mock history and two appeals (one decided, one waiting); a second load adds nothing', async () => {
    expect(summary).toMatchObject({ mocks: 1, mockAttempts: 2, appeals: 2 });
    const contestant = (await t.ctx.identity.people.findManyByEmployeeNo(['contestant']))[0];
    const actor = { personId: contestant.id, employeeNo: 'contestant', name: contestant.name, organisationId: contestant.organisationId, organisationPath: contestant.organisationPath, grants: [], mustChangePassword: false };
    const mock = (await myMocks(t.ctx, actor)).items.find((m) => m.name === DEMO_MOCK)!;
    expect(mock).toMatchObject({ durationMinutes: 30, attemptsPerDay: 3, attemptsLeft: 3, inProgress: null, available: true });
    const history = (await myMockHistory(t.ctx, actor)).items;
    expect(history).toHaveLength(2);
    expect(history[1].percent).toBeGreaterThan(0);
    const result = await mockResult(t.ctx, actor, history[0].attemptId);
    expect(result.items).toHaveLength(30);
    expect(result.items.some((i) => !i.correct && i.inWrongBook)).toBe(true);
    expect((await t.ctx.exams.practice.history(contestant.id)).filter((h) => h.mode === 'mock')).toHaveLength(60);

    const sat = (await listMyExams(t.ctx, actor)).items.find((e) => e.title === DEMO_FINISHED_EXAM)!;
    const mine = (await myAppeals(t.ctx, actor, sat.attempts[0].id)).items;
    expect(mine.map((a) => a.status).sort()).toEqual(['filed', 'upheld']);
    const upheld = mine.find((a) => a.status === 'upheld')!;
    expect(upheld.trail.map((e) => [e.to, e.actorName])).toEqual([['filed', contestant.name], ['under-review', null], ['upheld', null]]);
    const finished = (await t.ctx.exams.exams.listUnder(null)).find((e) => e.title === DEMO_FINISHED_EXAM)!;
    const queue = (await listAppeals(t.ctx, await systemActor(t.ctx), finished.id)).items;
    expect(queue.find((a) => a.status === 'upheld')!.trail.at(-1)!.actorName).toBe('周雅琴');
    expect(await loadExamsDemo(t.ctx)).toMatchObject({ attempts: 0, levels: 0, mocks: 0, mockAttempts: 0, appeals: 0 });
  });
});
