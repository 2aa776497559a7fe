import { describe, expect, it } from 'vitest';
import { loadIdentityDemo } from '../../src/server/demo/identity-demo.ts';
import { loadBankDemo } from '../../src/server/demo/bank-demo.ts';
import { DEMO_FINISHED_EXAM, DEMO_OPEN_EXAM, loadExamsDemo } from '../../src/server/demo/exams-demo.ts';
import { systemActor } from '../../src/server/identity/system-actor.ts';
import { listMyExams } from '../../src/server/exams/attempt-service.ts';
import { itemAnalysis, rankings } from '../../src/server/exams/results-service.ts';
import { useDemoApp } from '../support/demo.ts';

const d = useDemoApp([loadIdentityDemo, loadBankDemo, loadExamsDemo]);

describe('exams demo', () => {
  it('has an open exam for the demo contestant, a finished one with live results, and levels; a second load adds nothing', async () => {
    const summary = d.loaded;
    expect(summary.attempts).toBeGreaterThanOrEqual(50);
    const actor = await d.actor('contestant');
    const mine = await listMyExams(d.ctx, actor);
    expect(mine.items.find((e) => e.title === DEMO_OPEN_EXAM)?.state).toBe('open');
    const system = await systemActor(d.ctx);
    const finished = (await d.ctx.exams.exams.listUnder(null)).find((e) => e.title === DEMO_FINISHED_EXAM)!;
    expect(finished.resultsReleasedAt).not.toBeNull();
    const ranks = await rankings(d.ctx, system, finished.id, 'organisation', 2);
    expect(ranks.groups.reduce((n, g) => n + g.sat, 0)).toBe(summary.attempts);
    const analysis = await itemAnalysis(d.ctx, system, finished.id);
    expect(analysis.papers[0].analysis.test.cic).not.toBeNull();
    expect((await d.ctx.exams.practice.levelsFor(actor.organisationPath)).length).toBe(3);
    expect(await loadExamsDemo(d.ctx)).toMatchObject({ attempts: 0, levels: 0 });
  });
});
