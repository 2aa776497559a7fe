/** Test kit (not shipped logic): an in-memory round driven like the hub would drive it. */
import fc from 'fast-check';
import { withSeq, type Actor, type Command, type Decision } from './commands.ts';
import { decide } from './decide.ts';
import type { ArenaEvent } from './events.ts';
import { evolve } from './evolve.ts';
import { defaultConfig, type Question, type RoundConfig } from './model.ts';
import { initialState, type ArenaState } from './state.ts';

export const HOST: Actor = { role: 'host' };
export const SYSTEM: Actor = { role: 'system' };
export const player = (playerId: string): Actor => ({ role: 'player', playerId });

export const choiceQ = (id: string, over: Partial<Question> = {}): Question => ({
  id,
  kind: 'single',
  prompt: `prompt ${id}`,
  options: [{ key: 'A', text: 'a' }, { key: 'B', text: 'b' }, { key: 'C', text: 'c' }, { key: 'D', text: 'd' }],
  answer: ['B'],
  points: 10,
  timeLimitMs: 20_000,
  ...over,
});
export const oralQ = (id: string, over: Partial<Question> = {}): Question => choiceQ(id, { kind: 'oral', options: [], answer: 'oral', ...over });

/** Three teams of two: t1 = p1,p2; t2 = p3,p4; t3 = p5,p6. */
export function teamConfig(over: Partial<RoundConfig> = {}): RoundConfig {
  return defaultConfig({
    roundId: 'r1',
    teams: [
      { id: 't1', name: '红队', members: ['p1', 'p2'] },
      { id: 't2', name: '蓝队', members: ['p3', 'p4'] },
      { id: 't3', name: '绿队', members: ['p5', 'p6'] },
    ],
    players: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((id, i) => ({ id, name: `选手${i + 1}`, teamId: `t${Math.floor(i / 2) + 1}` })),
    questions: [choiceQ('q1'), oralQ('q2'), choiceQ('q3')],
    ...over,
  });
}

export type Round = {
  state: ArenaState;
  log: ArenaEvent[];
  now: number;
  run: (cmd: Command | Record<string, unknown>, actor?: Actor, at?: number) => Decision;
  ok: (cmd: Command, actor?: Actor, at?: number) => ArenaEvent[];
};

export function newRound(config: RoundConfig, start = 1_700_000_000_000): Round {
  const r: Round = {
    state: initialState(config),
    log: [],
    now: start,
    run(cmd, actor = HOST, at) {
      if (at !== undefined) r.now = at;
      const d = decide(r.state, cmd, { now: r.now, actor });
      if (d.ok) {
        const events = withSeq(r.state.seq, d.events);
        for (const e of events) r.state = evolve(r.state, e);
        r.log.push(...events);
      }
      return d;
    },
    ok(cmd, actor = HOST, at) {
      const before = r.log.length;
      const d = r.run(cmd, actor, at);
      if (!d.ok) throw new Error(`refused ${cmd.type}: ${d.code} ${d.reason}`);
      return r.log.slice(before);
    },
  };
  return r;
}

export const scores = (s: ArenaState) => Object.fromEntries([...s.standings].map(([u, st]) => [u, st.score]));

const PLAYER_CMDS = new Set(['buzz', 'answer', 'pickStake', 'join']);

/** A random command after a random pause, mostly from the actor allowed to send it (sometimes not): for the property tests. */
export const arbStep = (playerIds: string[], unitIds: string[]) =>
  fc
    .record({
      dt: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 12_000 })),
      cmd: fc.oneof(
        { weight: 30, arbitrary: fc.constantFrom<Command>({ type: 'next' }, { type: 'openQuestion' }, { type: 'openBuzz' }, { type: 'openBuzz' }, { type: 'closeQuestion' }, { type: 'tick' }) },
        { weight: 6, arbitrary: fc.constant<Command>({ type: 'undoLastJudgement' }) },
        { weight: 2, arbitrary: fc.constant<Command>({ type: 'pause' }) },
        { weight: 4, arbitrary: fc.constant<Command>({ type: 'resume' }) },
        { weight: 1, arbitrary: fc.constant<Command>({ type: 'finish' }) },
        { weight: 15, arbitrary: fc.record({ type: fc.constant('buzz' as const), rttMs: fc.option(fc.integer({ min: 0, max: 800 })) }) },
        { weight: 15, arbitrary: fc.record({ type: fc.constant('answer' as const), choice: fc.constantFrom(['A'], ['B'], ['B'], ['C'], ['Z']) }) },
        { weight: 12, arbitrary: fc.record({ type: fc.constant('judge' as const), verdict: fc.constantFrom('right' as const, 'wrong' as const), unitId: fc.option(fc.constantFrom(...unitIds), { nil: undefined }) }) },
        { weight: 6, arbitrary: fc.record({ type: fc.constant('pickStake' as const), stake: fc.constantFrom(10, 20, 30, 15) }) },
        { weight: 3, arbitrary: fc.record({ type: fc.constant('grantTurn' as const), unitId: fc.constantFrom(...unitIds) }) },
        { weight: 3, arbitrary: fc.record({ type: fc.constant('adjustScore' as const), unitId: fc.constantFrom(...unitIds), delta: fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0), reason: fc.constant('题目争议') }) },
        { weight: 2, arbitrary: fc.record({ type: fc.constant('removePlayer' as const), playerId: fc.constantFrom(...playerIds), reason: fc.constant('违规') }) },
        { weight: 3, arbitrary: fc.record({ type: fc.constant('readmitPlayer' as const), playerId: fc.constantFrom(...playerIds) }) },
        { weight: 2, arbitrary: fc.record({ type: fc.constant('join' as const), name: fc.constant('新人') }) },
      ),
      who: fc.constantFrom(...playerIds, 'stranger'),
      misrouted: fc.integer({ min: 0, max: 19 }),
    })
    .map(({ dt, cmd, who, misrouted }) => {
      const forPlayer = PLAYER_CMDS.has(cmd.type);
      let actor: Actor = forPlayer ? player(who) : cmd.type === 'tick' ? SYSTEM : HOST;
      if (misrouted === 0) actor = forPlayer ? HOST : player(who);
      return { dt, cmd: cmd as Command, actor };
    });

export const arbStream = (playerIds: string[], unitIds: string[]) => fc.array(arbStep(playerIds, unitIds), { minLength: 20, maxLength: 160 });

/** Mixed stage round: 抢答 (choice, oral), 风险, 必答 (assigned), team PK. */
export const mixedConfig = (over: Partial<RoundConfig> = {}) =>
  teamConfig({
    questions: [
      choiceQ('b1'),
      oralQ('b2'),
      choiceQ('r1', { format: 'risk' }),
      choiceQ('m1', { format: 'mandatory', assignedTo: 't2' }),
      oralQ('r2', { format: 'risk', assignedTo: 't1' }),
      choiceQ('pk', { format: 'team-pk' }),
    ],
    ...over,
  });

export type Step = { dt: number; actor: Actor; cmd: Command };
export const runSteps = (r: Round, steps: Step[]) => {
  for (const s of steps) r.run(s.cmd, s.actor, r.now + s.dt);
};

const SKELETON: Command[] = [{ type: 'next' }, { type: 'openQuestion' }, { type: 'openBuzz' }, { type: 'tick' }, { type: 'judge', verdict: 'wrong' }, { type: 'tick' }, { type: 'judge', verdict: 'right' }, { type: 'closeQuestion' }];

/** The host walking every question in order, with random player and host noise between the steps. */
export const arbGuidedStream = (playerIds: string[], unitIds: string[], questions: number) =>
  fc
    .array(fc.array(arbStep(playerIds, unitIds), { minLength: 0, maxLength: 6 }), { minLength: SKELETON.length * questions, maxLength: SKELETON.length * questions })
    .map((noise): Step[] => noise.flatMap((n, i) => [{ dt: 200, cmd: SKELETON[i % SKELETON.length], actor: SKELETON[i % SKELETON.length].type === 'tick' ? SYSTEM : HOST }, ...n.filter((x) => x.cmd.type !== 'finish' && x.cmd.type !== 'pause')]));
