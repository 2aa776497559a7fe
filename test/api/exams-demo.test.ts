import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIdentityDemo } from '../../src/server/demo/identity-demo.ts';
import { loadBankDemo } from '../../src/server/demo/bank-demo.ts';
import { DEMO_FINISHED_EXAM, DEMO_OPEN_EXAM, loadExamsDemo } from '../../src/server/demo/exams-demo.ts';
import { systemActor } from '../../src/server/identity/system-actor.ts';
import { listMyExams } from '../../src/server/exams/attempt-service.ts';
import { itemAnalysis, rankings } from '../../src/server/exams/results-service.ts';
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

describe('exams demo', () => {
  it('has an open exam for the demo contestant, a finished one with live results, and levels; a second load adds nothing', async () => {
    expect(summary.attempts).toBeGreaterThanOrEqual(50);
    const contestant = (await t.ctx.identity.people.findManyByEmployeeNo(['contestant']))[0];
    const org = (await t.ctx.identity.orgs.get(contestant.organisationId))!;
    const actor = { personId: contestant.id, employeeNo: 'contestant', name: contestant.name, organisationId: org.id, organisationPath: org.idPath, grants: [], mustChangePassword: false };
    const mine = await listMyExams(t.ctx, actor);
    expect(mine.items.find((e) => e.title === DEMO_OPEN_EXAM)?.state).toBe('open');
    const system = await systemActor(t.ctx);
    const finished = (await t.ctx.exams.exams.listUnder(null)).find((e) => e.title === DEMO_FINISHED_EXAM)!;
    expect(finished.resultsReleasedAt).not.toBeNull();
    const ranks = await rankings(t.ctx, system, finished.id, 'organisation', 2);
    expect(ranks.groups.reduce((n, g) => n + g.sat, 0)).toBe(summary.attempts);
    const analysis = await itemAnalysis(t.ctx, system, finished.id);
    expect(analysis.papers[0].analysis.test.cic).not.toBeNull();
    expect((await t.ctx.exams.practice.levelsFor(org.idPath)).length).toBe(3);
    expect(await loadExamsDemo(t.ctx)).toMatchObject({ attempts: 0, levels: 0 });
  });
});
