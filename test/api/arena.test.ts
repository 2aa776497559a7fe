import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addContestants, api, choiceQ, Client, FAST_BUZZ, oralQ, stageRound, wsUrl, type Msg } from './arena-helpers.ts';

let t: TestApp;
let base: string;
let ids: Record<string, number>;
let roundId: number;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  ids = { ...(await addContestants(t, ['c-hz2', 'c-hz3'])), 'c-hz': t.seed.people['c-hz'] };
  roundId = await stageRound(t, {
    teams: [['红队', ids['c-hz']], ['蓝队', ids['c-hz2']], ['绿队', ids['c-hz3']]],
    questions: [oralQ('b1'), choiceQ('r1', { format: 'risk' }), choiceQ('b2')],
    rules: FAST_BUZZ,
  });
});
afterAll(async () => t?.cleanup());

const connect = async (who: string, query = '') => Client.open(wsUrl(base, roundId, query), await t.signIn(who));

describe('live round over WebSocket (engine through the hub)', () => {
  let host: Client;
  let red: Client;
  let blue: Client;

  it('a buzzer question end to end: the host opens, two players buzz, the server decides, the host judges', async () => {
    host = await connect('host-zj', 'as=host');
    red = await connect('c-hz');
    blue = await connect('c-hz2');
    const hello = await red.until((m) => m.type === 'hello');
    expect(hello).toMatchObject({ role: 'player', playerId: `p${ids['c-hz']}`, seq: 0 });
    expect((await host.until((m) => m.type === 'hello')).role).toBe('host');
    await host.ok({ type: 'next' });
    await host.ok({ type: 'openQuestion' });
    await host.ok({ type: 'openBuzz' });
    await blue.view((v) => v.me?.canBuzz === true);
    const [a, b] = await Promise.all([red.cmd({ type: 'buzz' }), blue.cmd({ type: 'buzz' })]);
    expect([a.type, b.type]).toEqual(['ack', 'ack']);
    const resolved = await host.until((m) => m.type === 'events' && m.events.some((e: any) => e.type === 'buzzResolved'));
    const decided = resolved.events.find((e: any) => e.type === 'buzzResolved');
    expect(['t1', 't2']).toContain(decided.winner);
    // the host sees receive times and round trips; a player never does
    const playerSeen = await red.until((m) => m.type === 'events' && m.events.some((e: any) => e.type === 'buzzResolved'));
    expect(playerSeen.events.find((e: any) => e.type === 'buzzResolved').order[0].rttMs).toBeNull();
    await host.ok({ type: 'judge', verdict: 'right' });
    const v = await host.view((x) => x.leaderboard.some((r: any) => r.score === 10));
    expect(v.leaderboard.find((r: any) => r.unitId === decided.winner).score).toBe(10);
    const winnerClient = decided.winner === 't1' ? red : blue;
    expect((await winnerClient.view((x) => x.me?.score === 10)).me.place).toBe(1);
    await host.ok({ type: 'closeQuestion' });
  });

  it('a risk question: stakes picked before the question is shown, won or lost', async () => {
    await host.ok({ type: 'next' });
    await red.ok({ type: 'pickStake', stake: 30 });
    await blue.ok({ type: 'pickStake', stake: 20 });
    expect((await red.cmd({ type: 'pickStake', stake: 15 })).code).toBe('INVALID');
    await host.ok({ type: 'openQuestion' });
    await red.ok({ type: 'answer', choice: ['B'] });
    await blue.ok({ type: 'answer', choice: ['A'] });
    await host.ok({ type: 'closeQuestion' });
    const before = (await host.view((x) => x.question?.phase === 'closed' && x.question.questionId === 'r1')).leaderboard;
    const score = (u: string) => before.find((r: any) => r.unitId === u).score;
    const won = score('t1') - (score('t1') >= 30 ? 0 : 0);
    expect(won === 30 || won === 40).toBe(true); // 30 staked and won, plus 10 if red won the buzzer question
    expect([-20, -10]).toContain(score('t2'));
    expect(score('t3')).toBe(-10); // the smallest stake, lost by not answering
  });

  it('a phone that drops reconnects from its last seq into the same state', async () => {
    await new Promise((r) => setTimeout(r, 100));
    const lastSeq = red.latestView().seq;
    red.close();
    await host.ok({ type: 'next' });
    await host.ok({ type: 'openQuestion' });
    red = await connect('c-hz', `lastSeq=${lastSeq}`);
    const resync = await red.until((m) => m.type === 'resync');
    expect(resync.fromSeq).toBe(lastSeq);
    expect(resync.events.map((e: any) => e.type)).toEqual(['questionReady', 'questionOpened']);
    expect(resync.events[0].seq).toBe(lastSeq + 1);
    const hostView = await host.view((x) => x.question?.questionId === 'b2' && x.question.phase === 'open');
    const mine = (await red.view((x) => x.question?.questionId === 'b2')).me;
    expect(mine.score).toBe(hostView.leaderboard.find((r: any) => r.unitId === 't1').score);
  });

  it('malformed, oversized and too frequent messages are refused with a reason and counted; the round goes on', async () => {
    red.send('this is not json');
    expect((await red.until((m) => m.type === 'refused')).code).toBe('MALFORMED');
    red.send({ type: 'buzz', pad: 'x'.repeat(5000) });
    expect((await red.until((m) => m.type === 'refused')).code).toBe('TOO_LARGE');
    red.send({ type: 'fly' });
    expect((await red.until((m) => m.type === 'refused')).reason).toMatch(/unknown command/);
    expect((await red.cmd({ type: 'judge', verdict: 'right' })).code).toBe('FORBIDDEN');
    for (let i = 0; i < 40; i++) red.send({ type: 'answer', choice: ['Z'] });
    await red.until((m) => m.type === 'refused' && m.code === 'RATE_LIMITED');
    await new Promise((r) => setTimeout(r, 2100));
    await host.ok({ type: 'openBuzz' });
    await red.ok({ type: 'buzz' });
    const stats = (await api(t, 'host-zj', 'GET', `/api/arena/rounds/${roundId}/stats`)).json();
    expect(stats.refused.MALFORMED).toBeGreaterThanOrEqual(2);
    expect(stats.refused.TOO_LARGE).toBe(1);
    expect(stats.refused.RATE_LIMITED).toBeGreaterThan(0);
    expect(stats.refused.FORBIDDEN).toBe(1);
  });

  it('refuses a contestant not in the round, and an organiser outside the subtree', async () => {
    await expect(connect('c-nj', 'as=player')).rejects.toMatchObject({ statusCode: 403 });
    await expect(connect('org-js', 'as=host')).rejects.toMatchObject({ statusCode: 403 });
    expect((await api(t, 'org-js', 'GET', `/api/arena/rounds/${roundId}`)).statusCode).toBe(403);
    expect((await api(t, 'c-hz', 'GET', `/api/arena/rounds/${roundId}/events`)).statusCode).toBe(403);
    await expect(Client.open(wsUrl(base, roundId))).rejects.toMatchObject({ statusCode: 401 });
    await expect(Client.open(wsUrl(base, roundId, 'as=screen&token=nope'))).rejects.toMatchObject({ statusCode: 403 });
  });

  it('the big screen joins with its token and sees no host-only detail; the log exports and replays', async () => {
    const token = (await api(t, 'org-zj', 'POST', `/api/arena/rounds/${roundId}/screen-token`)).json().token;
    const screen = await Client.open(wsUrl(base, roundId, `as=screen&token=${token}`));
    const hello = await screen.until((m) => m.type === 'hello');
    expect(hello.role).toBe('screen');
    expect(hello.view.question.correct).toBeNull();
    expect((await screen.cmd({ type: 'next' })).code).toBe('READ_ONLY');
    const text = await api(t, 'host-zj', 'GET', `/api/arena/rounds/${roundId}/export`);
    expect(text.statusCode).toBe(200);
    expect(text.body).toMatch(/buzz decided/);
    const step = (await api(t, 'host-zj', 'GET', `/api/arena/rounds/${roundId}/replay/3`)).json();
    expect(step.event.seq).toBe(3);
    expect(step.view.seq).toBe(3);
    for (const c of [screen, host, red, blue]) c.close();
  });
});

describe('a contestant’s rounds (GET /api/arena/my-rounds)', () => {
  it('lists the rounds whose roster names them and the mass quizzes of their organisation; never another organisation’s private team round', async () => {
    const quizZj = await api(t, 'org-zj', 'POST', '/api/arena/rounds', { title: '浙江全员答题', organisationId: t.seed.zj.id, format: 'mass-quiz', questions: [choiceQ('m1')] });
    const quizJs = await api(t, 'org-js', 'POST', '/api/arena/rounds', { title: '江苏全员答题', organisationId: t.seed.js.id, format: 'mass-quiz', questions: [choiceQ('m1')] });
    const draft = await api(t, 'org-zj', 'POST', '/api/arena/rounds', { title: '未开始的浙江全员答题', organisationId: t.seed.zj.id, format: 'mass-quiz', questions: [choiceQ('m1')] });
    for (const [who, r] of [['org-zj', quizZj], ['org-js', quizJs]] as const) expect((await api(t, who, 'POST', `/api/arena/rounds/${r.json().id}/start`)).statusCode).toBe(200);
    const mine = await api(t, 'c-hz', 'GET', '/api/arena/my-rounds');
    expect(mine.statusCode, mine.body).toBe(200);
    const items = mine.json().items as Msg[];
    const stage = items.find((r) => r.id === roundId)!;
    expect(stage).toMatchObject({ title: '浙江决赛 抢答/风险', onRoster: true, teamName: '红队', format: 'buzzer', playPath: `/arena/${roundId}/play` });
    expect(['live', 'finished']).toContain(stage.status); // the host has shown questions
    expect(items.find((r) => r.id === quizZj.json().id)).toMatchObject({ status: 'waiting', onRoster: false, teamName: null });
    expect(items.some((r) => r.id === quizJs.json().id)).toBe(false); // another province's quiz
    expect(items.some((r) => r.id === draft.json().id)).toBe(false); // not started
    const nanjing = (await api(t, 'c-nj', 'GET', '/api/arena/my-rounds')).json().items as Msg[];
    expect(nanjing.map((r) => r.id)).toEqual([quizJs.json().id]); // not the 浙江 private team round, not the 浙江 quiz
    expect((await t.app.inject({ method: 'GET', url: '/api/arena/my-rounds' })).statusCode).toBe(401);
  });
});

describe('the big screen’s token', () => {
  it('is rotated and revoked from the console: a revoked token is refused at once, even while the round is loaded, and its screens are closed', async () => {
    const first = (await api(t, 'host-zj', 'POST', `/api/arena/rounds/${roundId}/screen-token`)).json();
    expect(first.screenPath).toBe(`/arena/${roundId}/screen?token=${first.token}`);
    const screen = await Client.open(wsUrl(base, roundId, `as=screen&token=${first.token}`));
    await screen.until((m) => m.type === 'hello');
    const open = await t.app.inject({ method: 'GET', url: `/api/arena/rounds/${roundId}/public?token=${first.token}` });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({ title: '浙江决赛 抢答/风险', format: 'buzzer' });
    const closed = new Promise<number>((resolve) => screen.ws.once('close', (code: number) => resolve(code)));
    const revoked = await api(t, 'host-zj', 'DELETE', `/api/arena/rounds/${roundId}/screen-token`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toEqual({ revoked: true });
    expect(await closed).toBe(4003);
    await expect(Client.open(wsUrl(base, roundId, `as=screen&token=${first.token}`))).rejects.toMatchObject({ statusCode: 403 });
    expect((await t.app.inject({ method: 'GET', url: `/api/arena/rounds/${roundId}/public?token=${first.token}` })).statusCode).toBe(403);
    const second = (await api(t, 'org-zj', 'POST', `/api/arena/rounds/${roundId}/screen-token`)).json();
    const again = await Client.open(wsUrl(base, roundId, `as=screen&token=${second.token}`));
    expect((await again.until((m) => m.type === 'hello')).role).toBe('screen');
    again.close();
    expect((await api(t, 'c-hz', 'POST', `/api/arena/rounds/${roundId}/screen-token`)).statusCode).toBe(403);
    expect((await api(t, 'org-js', 'DELETE', `/api/arena/rounds/${roundId}/screen-token`)).statusCode).toBe(403);
    // a private round shows its title to its players and hosts only
    expect((await t.app.inject({ method: 'GET', url: `/api/arena/rounds/${roundId}/public` })).statusCode).toBe(403);
    expect((await api(t, 'c-nj', 'GET', `/api/arena/rounds/${roundId}/public`)).statusCode).toBe(403);
    expect((await api(t, 'c-hz', 'GET', `/api/arena/rounds/${roundId}/public`)).json().title).toBe('浙江决赛 抢答/风险');
    expect((await api(t, 'host-zj', 'GET', `/api/arena/rounds/${roundId}/public`)).statusCode).toBe(200);
  });
});

describe('questions from a bank paper (POST …/questions/from-paper)', () => {
  const rows = [
    ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '专业', '知识点', '难度', '分值', '解析', '来源', '状态'],
    ['单选', '光猫 LOS 指示灯红色闪烁，最可能的原因是？', '光纤信号中断', '路由器未开机', '账号欠费停机', 'WiFi 密码错误', 'A', '语音客服', '宽带/故障', '2', '1', '', '', ''],
    ['多选', '办理携号转网前，客服应提醒用户核对哪些事项？', '号码已实名', '无欠费', '已解除合约', '已开通国际漫游', 'ABC', '语音客服', '携号转网', '3', '2', '', '', ''],
    ['判断', '国际漫游开通后，用户在境外接听电话不收费。', '', '', '', '', '错', '语音客服', '国际漫游', '2', '1', '', '', ''],
    ['简答', '简述处理话费争议投诉的基本步骤。', '', '', '', '', '安抚情绪；核实账单；回访', '语音客服', '投诉处理', '4', '5', '', '', ''],
  ];
  const paperOf = async (who: string, organisationId: number) => {
    const { createBank, importFile } = await import('./bank-helpers.ts');
    const { writeXlsx } = await import('../../src/server/lib/spreadsheet.ts');
    const bankId = await createBank(t, who, `${who} 题库`, organisationId);
    await importFile(t, who, bankId, '题库.xlsx', await writeXlsx([{ name: '题目', rows }]));
    const blueprint = { sections: [{ type: 'single', count: 1, pointsEach: 5 }, { type: 'multiple', count: 1, pointsEach: 5 }, { type: 'truefalse', count: 1, pointsEach: 5 }, { type: 'short', count: 1, pointsEach: 5 }], totalScore: 20 };
    const made = await api(t, who, 'POST', `/api/banks/${bankId}/assemble`, { name: '现场赛卷', blueprint, papers: 1, seed: 3 });
    expect(made.statusCode, made.body).toBe(201);
    return made.json().papers[0].id as number;
  };
  const draft = async (format: string) => (await api(t, 'org-zj', 'POST', '/api/arena/rounds', { title: `从试卷 ${format}`, organisationId: t.seed.zj.id, format })).json().id as number;

  it('copies the paper: choices stay choices, true/false becomes 正确/错误, the rest is judged aloud; a mass quiz skips the oral ones', async () => {
    const paperId = await paperOf('org-zj', t.seed.zj.id);
    const stageId = await draft('buzzer');
    const res = await api(t, 'org-zj', 'POST', `/api/arena/rounds/${stageId}/questions/from-paper`, { paperId, timeLimitMs: 45_000 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ added: 4, skipped: 0 });
    const qs = res.json().round.config.questions as Msg[];
    expect(qs.map((q) => q.kind).sort()).toEqual(['multiple', 'oral', 'single', 'true-false']);
    expect(qs.find((q) => q.kind === 'true-false')).toMatchObject({ options: [{ key: 'T', text: '正确' }, { key: 'F', text: '错误' }], answer: ['F'], points: 5, timeLimitMs: 45_000 });
    expect(qs.find((q) => q.kind === 'multiple')!.answer).toEqual(['A', 'B', 'C']);
    const again = await api(t, 'org-zj', 'POST', `/api/arena/rounds/${stageId}/questions/from-paper`, { paperId, points: 20 });
    expect(again.json().round.config.questions).toHaveLength(8); // appended, with fresh ids
    expect(new Set((again.json().round.config.questions as Msg[]).map((q) => q.id)).size).toBe(8);
    const replaced = await api(t, 'org-zj', 'POST', `/api/arena/rounds/${stageId}/questions/from-paper`, { paperId, replace: true, format: 'risk' });
    expect((replaced.json().round.config.questions as Msg[]).map((q) => q.format)).toEqual(['risk', 'risk', 'risk', 'risk']);
    const quizId = await draft('mass-quiz');
    const quiz = await api(t, 'org-zj', 'POST', `/api/arena/rounds/${quizId}/questions/from-paper`, { paperId });
    expect(quiz.json()).toMatchObject({ added: 3, skipped: 1 });
  });

  it('refuses a paper outside the organiser’s subtree, a round they may not manage, a started round, and bad ids', async () => {
    const jsPaper = await paperOf('org-js', t.seed.js.id);
    const stageId = await draft('buzzer');
    const outside = await api(t, 'org-zj', 'POST', `/api/arena/rounds/${stageId}/questions/from-paper`, { paperId: jsPaper });
    expect(outside.statusCode, outside.body).toBe(403);
    expect((await api(t, 'org-js', 'POST', `/api/arena/rounds/${stageId}/questions/from-paper`, { paperId: jsPaper })).statusCode).toBe(403); // their paper, not their round
    expect((await api(t, 'host-zj', 'POST', `/api/arena/rounds/${stageId}/questions/from-paper`, { paperId: jsPaper })).statusCode).toBe(403);
    expect((await api(t, 'org-zj', 'POST', `/api/arena/rounds/${roundId}/questions/from-paper`, { paperId: jsPaper })).statusCode).toBe(409); // started
    expect((await api(t, 'org-zj', 'POST', `/api/arena/rounds/${stageId}/questions/from-paper`, { paperId: 999_999 })).statusCode).toBe(404);
    for (const [url, body, field] of [
      [`/api/arena/rounds/${stageId}/questions/from-paper`, { paperId: 'x' }, 'paperId'],
      [`/api/arena/rounds/${stageId}/questions/from-paper`, { paperId: -3 }, 'paperId'],
      [`/api/arena/rounds/${stageId}/questions/from-paper`, {}, 'paperId'],
      [`/api/arena/rounds/${stageId}/questions/from-paper`, { paperId: jsPaper, timeLimitMs: 0 }, 'timeLimitMs'],
      ['/api/arena/rounds/abc/questions/from-paper', { paperId: jsPaper }, 'id'],
    ] as const) {
      const bad = await api(t, 'org-zj', 'POST', url, body);
      expect(bad.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(bad.body).toContain(field);
    }
    const unchanged = (await api(t, 'org-zj', 'GET', `/api/arena/rounds/${stageId}`)).json();
    expect(unchanged.config.questions).toEqual([]);
  });
});
