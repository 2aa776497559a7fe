/**
 * Live-arena demo: 浙江决赛 抢答/风险 ready to host (demo accounts `host` and `contestant`,
 * four teams), a 全省在线答题 mass quiz from the group bank (join code shown on its page) with
 * a pass mark (通关), last week's quiz finished by 48 colleagues (its 通关名单 to export), and
 * one finished stage round with its event log, played by the engine itself with a fixed clock,
 * so replay and export have something to show. Idempotent.
 */
import type { AppContext } from '../context.ts';
import { createRound, setRoster, startRound } from '../arena/round-service.ts';
import { fromBank } from '../arena/questions.ts';
import { decide, defaultConfig, evolve, initialState, withSeq, type ArenaEvent, type Command, type Question } from '../arena/engine/index.ts';
import { personPlayerId } from '../arena/access.ts';
import { finishRound } from '../arena/score-service.ts';
import { systemActor } from '../identity/system-actor.ts';
import { DEMO_GROUP_BANK } from './bank-demo.ts';

const STAGE_TITLE = '浙江决赛 抢答/风险';
const FINISHED_TITLE = '浙江决赛 抢答/风险（彩排，已结束）';
const PAST_QUIZ_TITLE = '全省在线答题（上周，已结束）';
const PASS_REWARD = '1GB 省内流量包';
const q = (id: string, prompt: string, opts: [string, string][] | null, answer: string[] | 'oral', extra: Partial<Question> = {}): Question => ({
  id, kind: opts ? 'single' : 'oral', prompt, options: (opts ?? []).map(([key, text]) => ({ key, text })), answer, points: 10, timeLimitMs: 30_000, ...extra,
});
const STAGE_QUESTIONS: Question[] = [
  q('b1', '光猫 LOS 指示灯红色闪烁，最可能的原因是？', [['A', '光纤信号中断'], ['B', '路由器未开机'], ['C', '账号欠费停机'], ['D', 'WiFi 密码错误']], ['A']),
  q('b2', '请简述处理话费争议投诉的基本步骤。', null, 'oral'),
  q('b3', '携号转网的办理条件不包括下列哪项？', [['A', '号码已实名'], ['B', '无欠费'], ['C', '已开通国际漫游'], ['D', '已解除合约']], ['C']),
  q('r1', '风险题：国际漫游开通后，在境外接听电话是否收费？', [['A', '收费'], ['B', '不收费']], ['A'], { format: 'risk' }),
  q('r2', '风险题：用户宽带一周断线三次、情绪激动，请现场应答。', null, 'oral', { format: 'risk' }),
];

export async function loadArenaDemo(ctx: AppContext): Promise<{ rounds: number }> {
  const existing = await ctx.db.selectFrom('arena_round').select('title').execute();
  if (existing.some((r) => r.title === STAGE_TITLE)) return { rounds: 0 };
  const actor = await systemActor(ctx);
  const root = (await ctx.identity.orgs.findRoot())!;
  const zj = (await ctx.identity.orgs.findChildByName(root.id, '浙江')) ?? root;
  const zjIds = (await ctx.db.selectFrom('person').select('id').where('employee_no', 'like', 'ZJ%').orderBy('employee_no').limit(7).execute()).map((p) => p.id);
  const hostId = (await ctx.identity.people.findByEmployeeNo('host'))?.id;
  const contestantId = (await ctx.identity.people.findByEmployeeNo('contestant'))?.id;
  const members = [[contestantId, zjIds[0]], [zjIds[1], zjIds[2]], [zjIds[3], zjIds[4]], [zjIds[5], zjIds[6]]].map((m) => m.filter((x): x is number => !!x));
  const teams = ['红队（杭州）', '蓝队（宁波）', '绿队（10000号）', '黄队（温州）'].map((name, i) => ({ name, memberIds: members[i] })).filter((t) => t.memberIds.length > 0);

  const stageRules = { buzz: { mode: 'compensated' as const, compensationCapMs: 80, decisionWindowMs: 150, tieMarginMs: 15, answerTimeMs: 20_000 } };
  const stage = await createRound(ctx, actor, { title: STAGE_TITLE, organisationId: zj.id, format: 'buzzer', isPublic: true, hostIds: hostId ? [hostId] : [], questions: STAGE_QUESTIONS, rules: stageRules });
  await setRoster(ctx, actor, stage.id, { teams });
  await startRound(ctx, actor, stage.id);
  await ctx.arena.rounds.update(stage.id, { screenToken: 'demo-screen-zj-final' });

  const bank = await ctx.db.selectFrom('bank').select('id').where('name', '=', DEMO_GROUP_BANK).executeTakeFirst();
  const versions = bank
    ? await ctx.db.selectFrom('question').innerJoin('question_version', 'question_version.id', 'question.current_version_id').select(['question_version.id', 'question_version.data']).where('question.bank_id', '=', bank.id).where('question.type', 'in', ['single', 'multiple', 'truefalse']).where('question.status', '=', 'active').orderBy('question.id').limit(10).execute()
    : [];
  const massQuestions = versions.map((v) => fromBank(v.data as never, { id: `q${v.id}`, points: 10, timeLimitMs: 20_000 }));
  const quizQuestions = massQuestions.length ? massQuestions : STAGE_QUESTIONS.filter((x) => x.answer !== 'oral').map((x) => ({ ...x, format: undefined }));
  // 通关: answer at least 60 % right and earn the declared reward (the reference's 800+ players, 200+ 通关激励)
  const massRules = (n: number) => ({ massQuiz: { ...defaultConfig({ roundId: 'x', questions: [] }).massQuiz, pass: { minCorrect: Math.max(1, Math.ceil(n * 0.6)), reward: PASS_REWARD } } });
  const mass = await createRound(ctx, actor, { title: '全省在线答题（集团题库）', organisationId: zj.id, format: 'mass-quiz', isPublic: true, hostIds: hostId ? [hostId] : [], questions: quizQuestions, rules: massRules(quizQuestions.length) });
  await startRound(ctx, actor, mass.id);

  // last week's quiz, finished: a leaderboard, a podium and a 通关名单 of colleagues to hand the reward to
  // the demo contestant played too (and passed: their phone shows the reward), with 47 colleagues
  const contestantRow = await ctx.db.selectFrom('person').select(['id', 'name']).where('employee_no', '=', 'contestant').execute();
  const quizPeople = [...contestantRow, ...(await ctx.db.selectFrom('person').select(['id', 'name']).where('employee_no', 'like', 'ZJ%').orderBy('employee_no').limit(48 - contestantRow.length).execute())];
  const lastWeek = await createRound(ctx, actor, { title: PAST_QUIZ_TITLE, organisationId: zj.id, format: 'mass-quiz', isPublic: true, hostIds: hostId ? [hostId] : [], questions: quizQuestions, rules: massRules(quizQuestions.length) });
  await startRound(ctx, actor, lastWeek.id);
  await playPastQuiz(ctx, lastWeek.id, quizPeople);

  const done = await createRound(ctx, actor, { title: FINISHED_TITLE, organisationId: zj.id, format: 'buzzer', isPublic: true, hostIds: hostId ? [hostId] : [], questions: STAGE_QUESTIONS.slice(0, 4), rules: stageRules });
  await setRoster(ctx, actor, done.id, { teams });
  await startRound(ctx, actor, done.id);
  await playRehearsal(ctx, done.id);
  return { rounds: 4 };
}

/** The rehearsal, played through decide/evolve with a fixed clock: a false start, a tie, a wrong answer, a risk question. */
async function playRehearsal(ctx: AppContext, roundId: number) {
  const row = (await ctx.arena.rounds.get(roundId))!;
  const p = (i: number) => row.config.teams[i]?.members[0] ?? row.config.players[0].id;
  let s = initialState(row.config);
  let now = Date.UTC(2026, 10, 20, 6, 30, 0);
  const log: ArenaEvent[] = [];
  const run = (command: Command, who: 'host' | number | 'system' = 'host', dt = 1500) => {
    now += dt;
    const actor = who === 'host' ? { role: 'host' as const } : who === 'system' ? { role: 'system' as const } : { role: 'player' as const, playerId: p(who) };
    const d = decide(s, command, { now, actor });
    if (!d.ok) return;
    for (const e of withSeq(s.seq, d.events)) (s = evolve(s, e)), log.push(e);
  };
  run({ type: 'next' });
  run({ type: 'openQuestion' }, 'host', 4000);
  run({ type: 'buzz', rttMs: 40 }, 2, 800); // false start
  run({ type: 'openBuzz' }, 'host', 5000);
  run({ type: 'buzz', rttMs: 60 }, 1, 420);
  run({ type: 'buzz', rttMs: 20 }, 0, 12);
  run({ type: 'tick' }, 'system', 200);
  run({ type: 'answer', choice: s.q?.turn?.unitId === 't1' ? ['A'] : ['B'] }, s.q?.turn?.unitId === 't1' ? 0 : 1, 3000);
  run({ type: 'closeQuestion' });
  run({ type: 'next' });
  run({ type: 'openQuestion' }, 'host', 3000);
  run({ type: 'openBuzz' }, 'host', 6000);
  run({ type: 'buzz', rttMs: 35 }, 3, 380);
  run({ type: 'tick' }, 'system', 200);
  run({ type: 'judge', verdict: 'right' }, 'host', 25_000);
  run({ type: 'closeQuestion' });
  run({ type: 'next' });
  run({ type: 'openQuestion' }, 'host', 3000);
  run({ type: 'closeQuestion' }, 'host', 30_000); // nobody buzzed: the host moves on
  run({ type: 'next' });
  for (const [i, stake] of [[0, 30], [1, 10], [2, 20], [3, 30]] as const) run({ type: 'pickStake', stake }, i, 2000);
  run({ type: 'openQuestion' });
  for (const [i, c] of [[0, 'A'], [1, 'A'], [2, 'B'], [3, 'A']] as const) run({ type: 'answer', choice: [c] }, i, 3000);
  run({ type: 'closeQuestion' });
  run({ type: 'adjustScore', unitId: 't3', delta: 5, reason: '第2题评分争议复核，补加5分' }, 'host', 20_000);
  run({ type: 'finish' });
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.arena.events.append(roundId, log, tx);
    await finishRound(ctx, row, s, tx);
  });
}

/** Last week's mass quiz, played through decide/evolve with a fixed clock: each colleague gets a skill, and answers right as often. */
async function playPastQuiz(ctx: AppContext, roundId: number, people: { id: number; name: string }[]) {
  const row = (await ctx.arena.rounds.get(roundId))!;
  let s = initialState(row.config);
  let now = Date.UTC(2026, 10, 16, 12, 0, 0);
  const log: ArenaEvent[] = [];
  const run = (command: Command, actor: { role: 'host' } | { role: 'system' } | { role: 'player'; playerId: string }, dt = 200) => {
    now += dt;
    const d = decide(s, command, { now, actor });
    if (!d.ok) return;
    for (const e of withSeq(s.seq, d.events)) (s = evolve(s, e)), log.push(e);
  };
  const host = { role: 'host' as const };
  const players = people.map((p, i) => ({ actor: { role: 'player' as const, playerId: personPlayerId(p.id) }, name: p.name, skill: i === 0 ? 90 : 35 + ((i * 37) % 60) }));
  for (const p of players) run({ type: 'join', name: p.name }, p.actor, 50);
  row.config.questions.forEach((question, qi) => {
    run({ type: 'next' }, host, 4000);
    run({ type: 'openQuestion' }, host, 3000);
    const keys = question.options.map((o) => o.key);
    const right = question.answer === 'oral' ? [] : question.answer;
    players.forEach((p, pi) => {
      const roll = (pi * 53 + qi * 29 + 11) % 100;
      const wrong = keys.find((k) => !right.includes(k)) ?? keys[0];
      run({ type: 'answer', choice: roll < p.skill ? right : [wrong] }, p.actor, 90 + ((pi * 13 + qi * 7) % 120));
    });
    run({ type: 'closeQuestion' }, host, 1500);
  });
  run({ type: 'finish' }, host, 5000);
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.arena.events.append(roundId, log, tx);
    await finishRound(ctx, row, s, tx);
  });
}
