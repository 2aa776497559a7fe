import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/server/demo/index.ts';
import { exportDisputeRecord, replay } from '../../src/server/arena/engine/index.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await loadDemo(t.ctx);
});
afterAll(async () => t?.cleanup());

describe('arena demo', () => {
  it('has a stage round ready to host, a mass quiz from the group bank, and a finished round with its log', async () => {
    const rounds = await t.ctx.arena.rounds.list(null);
    expect(rounds).toHaveLength(3);
    const stage = rounds.find((r) => r.title === '浙江决赛 抢答/风险')!;
    const host = await t.ctx.identity.people.findByEmployeeNo('host');
    const contestant = await t.ctx.identity.people.findByEmployeeNo('contestant');
    expect(stage.status).toBe('live');
    expect(stage.config.teams.length).toBeGreaterThanOrEqual(3);
    expect(stage.hostIds).toContain(host!.id);
    expect(stage.config.players.map((p) => p.id)).toContain(`p${contestant!.id}`);
    const mass = rounds.find((r) => r.config.format === 'mass-quiz')!;
    expect(mass.status).toBe('live');
    expect(mass.joinCode).toMatch(/^\d{6}$/);
    expect(mass.config.questions.length).toBeGreaterThanOrEqual(5);
    const done = rounds.find((r) => r.status === 'finished')!;
    const events = await t.ctx.arena.events.list(done.id);
    expect(replay(done.config, events).status).toBe('finished');
    const text = exportDisputeRecord(done.config, events);
    expect(text).toMatch(/FALSE START/);
    expect(text).toMatch(/buzz decided/);
    expect(text).toMatch(/staked/);
  });

  it('loads only once', async () => {
    await loadDemo(t.ctx);
    expect(await t.ctx.arena.rounds.list(null)).toHaveLength(3);
  });
});
