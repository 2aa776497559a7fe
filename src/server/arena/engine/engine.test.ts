import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import type { ArenaEvent } from './events.ts';
import { evolve, EventSequenceError, replay } from './evolve.ts';
import { viewFor } from './views.ts';
import { defaultConfig } from './model.ts';
import { arbGuidedStream, arbStream, choiceQ, HOST, mixedConfig, newRound, oralQ, player, runSteps, scores, SYSTEM, teamConfig } from './test-support.ts';

const T0 = 1_700_000_000_000;
const snapshot = (s: ReturnType<typeof replay>) => viewFor(s, { role: 'host' }, { leaderboardSize: 1000 });

describe('buzzer question (抢答题)', () => {
  it('a buzz before the host opens it is a false start with the declared penalty', () => {
    const r = newRound(teamConfig());
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' });
    const [e] = r.ok({ type: 'buzz' }, player('p3'));
    expect(e).toMatchObject({ type: 'falseStart', unitId: 't2', penalty: 5, lockedOut: true });
    expect(scores(r.state).t2).toBe(-5);
    expect(r.run({ type: 'buzz' }, player('p4'))).toMatchObject({ ok: false, code: 'LOCKED_OUT' });
  });

  it('the first valid buzz answers; a team-mate buzz does not count twice; a wrong answer reopens to the others', () => {
    const r = newRound(teamConfig({ buzz: { mode: 'arrival', compensationCapMs: 0, decisionWindowMs: 0, tieMarginMs: 0, answerTimeMs: 10_000 } }));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, T0 + 1000);
    r.ok({ type: 'openBuzz' }, HOST, T0 + 2000);
    const ev = r.ok({ type: 'buzz' }, player('p1'), T0 + 2150);
    expect(ev.map((e) => e.type)).toEqual(['buzzed', 'buzzResolved']);
    expect(r.run({ type: 'buzz' }, player('p2'), T0 + 2160)).toMatchObject({ ok: false, code: 'DUPLICATE' });
    const late = r.ok({ type: 'buzz' }, player('p3'), T0 + 2170);
    expect(late[0]).toMatchObject({ type: 'buzzed', late: true });
    expect(r.run({ type: 'answer', choice: ['B'] }, player('p3'), T0 + 2200)).toMatchObject({ ok: false, code: 'NOT_YOUR_TURN' });
    const judged = r.ok({ type: 'answer', choice: ['A'] }, player('p2'), T0 + 3000);
    expect(judged.map((e) => e.type)).toEqual(['answered', 'judged', 'buzzOpened']);
    expect(scores(r.state).t1).toBe(-10);
    expect(r.run({ type: 'buzz' }, player('p1'), T0 + 3100)).toMatchObject({ ok: false, code: 'LOCKED_OUT' });
    r.ok({ type: 'buzz' }, player('p5'), T0 + 3200);
    r.ok({ type: 'answer', choice: ['B'] }, player('p6'), T0 + 4000);
    expect(scores(r.state)).toEqual({ t1: -10, t2: 0, t3: 10 });
    expect(r.state.q?.phase).toBe('done');
  });

  it('compensated mode decides after the window, reports a tie, and the host can give the question', () => {
    const r = newRound(teamConfig({ buzz: { mode: 'compensated', compensationCapMs: 80, decisionWindowMs: 150, tieMarginMs: 15, answerTimeMs: 10_000 } }));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, T0);
    r.ok({ type: 'openBuzz' }, HOST, T0 + 1000);
    r.ok({ type: 'buzz', rttMs: 20 }, player('p1'), T0 + 1300); // counts at 1290
    r.ok({ type: 'buzz', rttMs: 60 }, player('p3'), T0 + 1310); // counts at 1280: wins
    r.ok({ type: 'buzz', rttMs: 5000 }, player('p5'), T0 + 1360); // cap 80 → 1280 as well, later receive
    expect(r.state.q?.phase).toBe('buzzing');
    const [resolved] = r.ok({ type: 'tick' }, SYSTEM, T0 + 1450);
    expect(resolved).toMatchObject({ type: 'buzzResolved', winner: 't2' });
    if (resolved.type !== 'buzzResolved') throw new Error();
    expect(resolved.order.map((b) => [b.unitId, b.marginMs])).toEqual([['t2', 0], ['t3', 0], ['t1', 10]]);
    expect(resolved.tie.sort()).toEqual(['t1', 't2', 't3']);
    r.ok({ type: 'grantTurn', unitId: 't1' });
    expect(r.state.q?.turn?.unitId).toBe('t1');
  });

  it('an oral answer is judged by the host; judging with nobody answering is refused', () => {
    const r = newRound(teamConfig({ questions: [oralQ('o1')], buzz: { mode: 'arrival', compensationCapMs: 0, decisionWindowMs: 0, tieMarginMs: 0, answerTimeMs: 10_000 } }));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' });
    expect(r.run({ type: 'judge', verdict: 'right' })).toMatchObject({ ok: false, code: 'NO_ANSWER' });
    r.ok({ type: 'openBuzz' });
    r.ok({ type: 'buzz' }, player('p4'));
    r.ok({ type: 'judge', verdict: 'right' });
    expect(scores(r.state).t2).toBe(10);
  });

  it('a choice answer not given in time is judged wrong by the server clock', () => {
    const r = newRound(teamConfig({ reopenAfterWrong: 'never', buzz: { mode: 'arrival', compensationCapMs: 0, decisionWindowMs: 0, tieMarginMs: 0, answerTimeMs: 5_000 } }));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, T0);
    r.ok({ type: 'openBuzz' }, HOST, T0 + 10);
    r.ok({ type: 'buzz' }, player('p1'), T0 + 20);
    expect(r.run({ type: 'answer', choice: ['B'] }, player('p1'), T0 + 6_000)).toMatchObject({ ok: false });
    const ev = r.ok({ type: 'tick' }, SYSTEM, T0 + 6_000);
    expect(ev.map((e) => e.type)).toEqual(['timeUp', 'judged']);
    expect(scores(r.state).t1).toBe(-10);
  });
});

describe('risk, mandatory and team PK', () => {
  it('stakes are picked before the question is shown; right wins the stake, wrong loses it', () => {
    const r = newRound(teamConfig({ questions: [choiceQ('r', { format: 'risk' })] }));
    r.ok({ type: 'next' });
    r.ok({ type: 'pickStake', stake: 30 }, player('p1'));
    expect(r.run({ type: 'pickStake', stake: 25 }, player('p3'))).toMatchObject({ ok: false, code: 'INVALID' });
    r.ok({ type: 'pickStake', stake: 20 }, player('p3'));
    r.ok({ type: 'openQuestion' }, HOST, T0);
    expect(r.run({ type: 'pickStake', stake: 10 }, player('p5'))).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    r.ok({ type: 'answer', choice: ['B'] }, player('p2'), T0 + 100);
    r.ok({ type: 'answer', choice: ['C'] }, player('p4'), T0 + 100);
    r.ok({ type: 'closeQuestion' }, HOST, T0 + 200);
    expect(scores(r.state)).toEqual({ t1: 30, t2: -20, t3: -10 }); // t3 took the smallest stake by default and did not answer
  });

  it('a mandatory question belongs to its team, with a timer', () => {
    const r = newRound(teamConfig({ questions: [choiceQ('m', { format: 'mandatory', assignedTo: 't3' })] }));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, T0);
    expect(r.run({ type: 'answer', choice: ['B'] }, player('p1'))).toMatchObject({ ok: false, code: 'NOT_YOUR_TURN' });
    r.ok({ type: 'answer', choice: ['B'] }, player('p5'), T0 + 1000);
    expect(scores(r.state).t3).toBe(10);
  });

  it('team PK: everyone answers at once, scored at the close; lowest-out eliminates the single lowest', () => {
    const r = newRound(teamConfig({ format: 'team-pk', questions: [choiceQ('k1'), choiceQ('k2')], elimination: { mode: 'lowest-out', afterQuestions: ['k1'] } }));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, T0);
    r.ok({ type: 'answer', choice: ['B'] }, player('p1'), T0 + 10);
    r.ok({ type: 'answer', choice: ['B'] }, player('p4'), T0 + 20);
    expect(r.run({ type: 'answer', choice: ['A'] }, player('p2'))).toMatchObject({ ok: false, code: 'DUPLICATE' });
    expect(scores(r.state)).toEqual({ t1: 0, t2: 0, t3: 0 });
    r.ok({ type: 'tick' }, SYSTEM, T0 + 25_000);
    expect(r.state.q?.phase).toBe('closed');
    expect(scores(r.state)).toEqual({ t1: 10, t2: 10, t3: 0 });
    r.ok({ type: 'next' });
    expect([...r.state.eliminated]).toEqual(['t3']);
    r.ok({ type: 'openQuestion' });
    expect(r.run({ type: 'answer', choice: ['B'] }, player('p5'))).toMatchObject({ ok: false, code: 'ELIMINATED' });
  });
});

describe('host controls and refusals', () => {
  it('refuses strangers, removed players, players doing host things, stale and malformed commands, without throwing', () => {
    const r = newRound(teamConfig());
    expect(r.run({ type: 'next' }, player('p1'))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(r.run({ type: 'buzz' }, player('nobody'))).toMatchObject({ ok: false, code: 'NOT_IN_ROUND' });
    expect(r.run({ type: 'bogus' })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(r.run({ type: 'adjustScore', unitId: 't1', delta: 5 })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(decide(r.state, null, { now: T0, actor: HOST })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(r.run({ type: 'next', expectedSeq: 7 } as never)).toMatchObject({ ok: false, code: 'STALE' });
    r.ok({ type: 'removePlayer', playerId: 'p1', reason: '场外提示' });
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' });
    expect(r.run({ type: 'buzz' }, player('p1'))).toMatchObject({ ok: false, code: 'REMOVED' });
    r.ok({ type: 'readmitPlayer', playerId: 'p1' });
    expect(r.run({ type: 'buzz' }, player('p1'))).toMatchObject({ ok: true });
  });

  it('one-on-one PK (一对一): a team PK of two one-person teams plays through; the right answer scores and leads the board', () => {
    const r = newRound(defaultConfig({
      roundId: 'pk1',
      format: 'team-pk',
      teams: [{ id: 't1', name: '张三', members: ['p1'] }, { id: 't2', name: '李四', members: ['p2'] }],
      players: [{ id: 'p1', name: '张三', teamId: 't1' }, { id: 'p2', name: '李四', teamId: 't2' }],
      questions: [choiceQ('k1'), choiceQ('k2', { answer: ['A'] })],
    }));
    for (const [right, wrong] of [['p1', 'p2'], ['p1', 'p2']] as const) {
      r.ok({ type: 'next' });
      r.ok({ type: 'openQuestion' });
      const key = r.state.q!.index === 0 ? 'B' : 'A';
      r.ok({ type: 'answer', choice: [key] }, player(right));
      r.ok({ type: 'answer', choice: [key === 'A' ? 'C' : 'A'] }, player(wrong));
      r.ok({ type: 'closeQuestion' });
    }
    expect(scores(r.state).t1).toBe(20);
    expect(scores(r.state).t2 ?? 0).toBeLessThanOrEqual(0);
    r.ok({ type: 'finish' });
    expect(viewFor(r.state, { role: 'host' }).podium!.map((p) => [p.unitId, p.place])).toEqual([['t1', 1], ['t2', 2]]);
  });

  it('pause freezes the clock: deadlines move by the paused time', () => {
    const r = newRound(teamConfig({ format: 'team-pk', questions: [choiceQ('k1', { timeLimitMs: 10_000 })] }));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, T0);
    r.ok({ type: 'pause' }, HOST, T0 + 4_000);
    expect(r.run({ type: 'answer', choice: ['B'] }, player('p1'), T0 + 5_000)).toMatchObject({ ok: false, code: 'PAUSED' });
    r.ok({ type: 'resume' }, HOST, T0 + 64_000);
    expect(r.state.q?.deadline).toBe(T0 + 70_000);
    const [a] = r.ok({ type: 'answer', choice: ['B'] }, player('p1'), T0 + 65_000);
    expect(a).toMatchObject({ type: 'answered', elapsedMs: 5_000 });
  });

  it('undo of a judgement restores the prior scores exactly and gives the turn back', () => {
    const r = newRound(teamConfig({ questions: [oralQ('o1')], buzz: { mode: 'arrival', compensationCapMs: 0, decisionWindowMs: 0, tieMarginMs: 0, answerTimeMs: 10_000 } }));
    r.ok({ type: 'adjustScore', unitId: 't1', delta: 3, reason: '上一轮加分' });
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' });
    r.ok({ type: 'openBuzz' });
    r.ok({ type: 'buzz' }, player('p1'));
    const before = scores(r.state);
    r.ok({ type: 'judge', verdict: 'wrong' });
    expect(scores(r.state)).not.toEqual(before);
    r.ok({ type: 'undoLastJudgement' });
    expect(scores(r.state)).toEqual(before);
    expect(r.state.q?.turn?.unitId).toBe('t1');
    expect(r.run({ type: 'undoLastJudgement' })).toMatchObject({ ok: false, code: 'NOTHING_TO_UNDO' });
  });

  it('evolve refuses a gap in the sequence', () => {
    const r = newRound(teamConfig());
    const [e] = r.ok({ type: 'next' });
    expect(() => evolve(r.state, { ...e, seq: 5 })).toThrow(EventSequenceError);
  });
});

const SCORE_EVENTS = new Set(['falseStart', 'judged', 'judgementUndone', 'questionClosed', 'scoreAdjusted']);
const players = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
const units = ['t1', 't2', 't3'];

describe('properties over random command streams', () => {
  const stream = fc.oneof(arbStream(players, units), arbGuidedStream(players, units, 6));

  it('replaying the log from scratch yields the state of the live fold; scores change only through score events', () => {
    fc.assert(
      fc.property(stream, fc.constantFrom('arrival', 'compensated'), (steps, mode) => {
        const config = mixedConfig({ buzz: { mode, compensationCapMs: 50, decisionWindowMs: 100, tieMarginMs: 20, answerTimeMs: 8_000 } });
        const r = newRound(config);
        runSteps(r, steps);
        expect(snapshot(replay(config, r.log))).toEqual(snapshot(r.state));
        let s = replay(config, []);
        for (const e of r.log) {
          const next = evolve(s, e);
          if (!SCORE_EVENTS.has(e.type)) expect(scores(next)).toEqual(scores(s));
          s = next;
        }
        expect(r.log.map((e) => e.seq)).toEqual(r.log.map((_, i) => i + 1));
      }),
      { numRuns: 150 },
    );
  });

  it('undoing the last judgement restores exactly the scores before it', () => {
    fc.assert(
      fc.property(stream, (steps) => {
        const r = newRound(mixedConfig());
        for (const step of steps) {
          r.run(step.cmd, step.actor, r.now + step.dt);
          const last = r.log.at(-1);
          if (r.state.undo && last) {
            const judgedAt = r.state.undo.judgedSeq;
            const prior = replay(r.state.config, r.log.filter((e: ArenaEvent) => e.seq < judgedAt));
            const u = r.run({ type: 'undoLastJudgement' });
            expect(u.ok).toBe(true);
            expect(scores(r.state)).toEqual(scores(prior));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
