import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/server/demo/index.ts';
import { exportDisputeRecord, replay } from '../../src/server/arena/engine/index.ts';
import { useDemoApp } from '../support/demo.ts';

const d = useDemoApp([loadDemo]);

describe('arena demo', () => {
  it('has a stage round ready to host, a mass quiz from the group bank, and a finished round with its log', async () => {
    const rounds = await d.ctx.arena.rounds.list(null);
    expect(rounds).toHaveLength(4);
    const stage = rounds.find((r) => r.title === '浙江决赛 抢答/风险')!;
    const host = await d.ctx.identity.people.findByEmployeeNo('host');
    const contestant = await d.ctx.identity.people.findByEmployeeNo('contestant');
    expect(stage.status).toBe('live');
    expect(stage.config.teams.length).toBeGreaterThanOrEqual(3);
    expect(stage.hostIds).toContain(host!.id);
    expect(stage.config.players.map((p) => p.id)).toContain(`p${contestant!.id}`);
    const mass = rounds.find((r) => r.config.format === 'mass-quiz' && r.status === 'live')!;
    expect(mass.config.massQuiz.pass).toMatchObject({ minCorrect: Math.ceil(mass.config.questions.length * 0.6) });
    expect(mass.joinCode).toMatch(/^\d{6}$/);
    expect(mass.config.questions.length).toBeGreaterThanOrEqual(5);
    const done = rounds.find((r) => r.status === 'finished' && r.config.format !== 'mass-quiz')!;
    const events = await d.ctx.arena.events.list(done.id);
    expect(replay(done.config, events).status).toBe('finished');
    const text = exportDisputeRecord(done.config, events);
    expect(text).toMatch(/FALSE START/);
    expect(text).toMatch(/buzz decided/);
    expect(text).toMatch(/staked/);
  });

  it('the demo contestant finds the stage round (their team) and the mass quiz to join; the demo host a round to host; the demo screen token opens the screen', async () => {
    const { listMyRounds, listRounds } = await import('../../src/server/arena/round-service.ts');
    const { verifyScreenToken } = await import('../../src/server/arena/access.ts');
    const mine = (await listMyRounds(d.ctx, await d.actor('contestant'))).items;
    const stage = mine.find((r) => r.title === '浙江决赛 抢答/风险')!;
    expect(stage).toMatchObject({ onRoster: true, status: 'waiting', teamName: '红队（杭州）', playPath: `/arena/${stage.id}/play` });
    expect(mine.find((r) => r.format === 'mass-quiz' && r.status !== 'finished')).toMatchObject({ onRoster: false, status: 'waiting' });
    expect(mine.filter((r) => r.status === 'finished').map((r) => r.title)).toEqual(expect.arrayContaining([expect.stringMatching(/彩排/), '全省在线答题（上周，已结束）']));
    expect(mine.filter((r) => r.status !== 'finished').length).toBeGreaterThanOrEqual(2);
    const hosted = (await listRounds(d.ctx, await d.actor('host'))).items.filter((r) => r.status === 'live' && r.canHost);
    expect(hosted.map((r) => r.title)).toContain('浙江决赛 抢答/风险');
    const row = (await d.ctx.arena.rounds.get(stage.id))!;
    expect(verifyScreenToken(row, 'demo-screen-zj-final')).toBe(true);
  });

  it('last week’s quiz is finished by 48 colleagues, and its 通关名单 lists exactly those with the pass mark of correct answers', async () => {
    const past = (await d.ctx.arena.rounds.list(null)).find((r) => r.title === '全省在线答题（上周，已结束）')!;
    expect(past.status).toBe('finished');
    const s = replay(past.config, await d.ctx.arena.events.list(past.id));
    const mark = past.config.massQuiz.pass!.minCorrect;
    const expected = [...s.standings.values()].filter((x) => x.correct >= mark).length;
    expect(s.roster.count).toBe(48);
    expect(expected).toBeGreaterThan(5);
    expect(expected).toBeLessThan(48);
    const res = await d.as('organiser-zj').get(`/api/arena/rounds/${past.id}/passed`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ passed: expected, players: 48, reward: '1GB 省内流量包' });
    const nos = res.json().rows.map((r: { employeeNo: string }) => r.employeeNo);
    expect(nos).toContain('contestant');
    expect(nos.filter((n: string) => n !== 'contestant').every((n: string) => n.startsWith('ZJ'))).toBe(true);
  });

  it('loads only once', async () => {
    await loadDemo(d.ctx);
    expect(await d.ctx.arena.rounds.list(null)).toHaveLength(4);
  });
});
