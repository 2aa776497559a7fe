import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evolve, replay } from './evolve.ts';
import { arbGuidedStream, choiceQ, HOST, mixedConfig, newRound, player, teamConfig } from './test-support.ts';
import { eventFor, resync, viewFor, type Viewer } from './views.ts';

const players = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
const units = ['t1', 't2', 't3'];

describe('per-viewer views', () => {
  it('a player or the screen never sees the correct answer before the close, nor another unit\'s stake before the question is shown', () => {
    fc.assert(
      fc.property(arbGuidedStream(players, units, 6), (steps) => {
        const config = mixedConfig();
        const r = newRound(config);
        for (const step of steps) {
          r.run(step.cmd, step.actor, r.now + step.dt);
          const q = r.state.q;
          for (const viewer of [{ role: 'player', playerId: 'p1' }, { role: 'screen' }] as Viewer[]) {
            const v = viewFor(r.state, viewer);
            if (q && q.phase !== 'closed') expect(v.question?.correct).toBeNull();
            if (q && q.phase === 'ready') {
              expect(v.question?.prompt).toBeNull();
              expect(Object.keys(v.question?.stakes ?? {}).every((u) => u === 't1')).toBe(true);
            }
            expect(v.question?.tie ?? []).toEqual([]);
          }
        }
        let s = replay(config, []);
        for (const e of r.log) {
          s = evolve(s, e);
          const seen = eventFor(config, s, { role: 'player', playerId: 'p3' }, e);
          if (e.type === 'stakePicked' && e.unitId !== 't2') expect(seen).toBeNull();
          if (e.type === 'buzzResolved') expect(seen).toMatchObject({ tie: [] });
        }
      }),
      { numRuns: 80 },
    );
  }, 30_000); // 80 random rounds: seconds on a loaded 2-core machine

  it('the host sees answers, margins and round trips; the player sees their own state', () => {
    const r = newRound(teamConfig({ buzz: { mode: 'compensated', compensationCapMs: 50, decisionWindowMs: 100, tieMarginMs: 30, answerTimeMs: 9_000 } }));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, 1000);
    r.ok({ type: 'openBuzz' }, HOST, 2000);
    r.ok({ type: 'buzz', rttMs: 40 }, player('p1'), 2100);
    r.ok({ type: 'buzz', rttMs: 40 }, player('p3'), 2110);
    r.ok({ type: 'tick' }, { role: 'system' }, 2300);
    const host = viewFor(r.state, { role: 'host' });
    expect(host.question).toMatchObject({ correct: ['B'], winner: 't1', tie: ['t1', 't2'] });
    expect(host.question?.buzzes[1]).toMatchObject({ unitId: 't2', marginMs: 10, rttMs: 40, compensationMs: 20 });
    const p = viewFor(r.state, { role: 'player', playerId: 'p2' });
    expect(p.me).toMatchObject({ unitId: 't1', myTurn: true, canBuzz: false });
    expect(p.question?.buzzes[1]).not.toHaveProperty('rttMs');
    expect(JSON.parse(JSON.stringify(p))).toEqual(p); // plain JSON, ready for the wire
  });

  it('resync sends the missed events when the gap is small, a snapshot otherwise', () => {
    const r = newRound(teamConfig({ format: 'team-pk', questions: [choiceQ('k1')] }));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, 0);
    r.ok({ type: 'answer', choice: ['B'] }, player('p1'), 10);
    r.ok({ type: 'answer', choice: ['A'] }, player('p3'), 20);
    const viewer: Viewer = { role: 'player', playerId: 'p3' };
    const small = resync(r.state, viewer, 2, r.log);
    expect(small.kind).toBe('events');
    if (small.kind === 'events') expect(small.events.map((e) => e.type)).toEqual(['answered']); // p1's answer withheld
    expect(resync(r.state, viewer, 0, r.log.slice(2)).kind).toBe('snapshot');
    expect(resync(r.state, viewer, 0, r.log, 1).kind).toBe('snapshot');
    r.ok({ type: 'closeQuestion' }, HOST, 30);
    const after = resync(r.state, viewer, 4, r.log);
    expect(after.kind === 'events' && after.events[0]).toMatchObject({ type: 'questionClosed', correct: ['B'] });
  });

  it('the phone gets what it needs to show: the question kind, the declared stakes, how many picked, its names and lock state', () => {
    const r = newRound(mixedConfig({ riskStakes: [5, 15, 25] }));
    const phone = (id: string) => viewFor(r.state, { role: 'player', playerId: id });
    expect(phone('p1')).toMatchObject({ riskStakes: [5, 15, 25], question: null });
    expect(phone('p1').me).toMatchObject({ name: '选手1', unitName: '红队', inTeam: true, buzzed: false, lockedOut: false });
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, 1000);
    r.ok({ type: 'buzz' }, player('p3'), 1200); // false start: 蓝队 is out of this question
    expect(phone('p4').question).toMatchObject({ format: 'buzzer', kind: 'single', prompt: 'prompt b1' });
    expect(phone('p4').me).toMatchObject({ unitName: '蓝队', lockedOut: true, canBuzz: false });
    r.ok({ type: 'openBuzz' }, HOST, 2000);
    r.ok({ type: 'buzz' }, player('p2'), 2100);
    expect(phone('p1').me).toMatchObject({ buzzed: true, canBuzz: false, lockedOut: false });
    expect(phone('p5').me).toMatchObject({ buzzed: false, canBuzz: true });
    r.ok({ type: 'closeQuestion' }, HOST, 30_000);
    r.ok({ type: 'next' });
    expect(phone('p5').question).toMatchObject({ questionId: 'b2', kind: 'oral' });
    r.ok({ type: 'openQuestion' }, HOST, 30_500);
    r.ok({ type: 'closeQuestion' }, HOST, 31_000);
    r.ok({ type: 'next' }); // r1: a risk question, not shown yet
    expect(phone('p1').question).toMatchObject({ format: 'risk', kind: 'single', phase: 'ready', prompt: null, stakesPicked: 0 });
    r.ok({ type: 'pickStake', stake: 25 }, player('p1'), 32_000);
    r.ok({ type: 'pickStake', stake: 5 }, player('p4'), 32_100);
    const mine = phone('p2');
    expect(mine.question).toMatchObject({ stakesPicked: 2, stakes: { t1: 25 } });
    expect(mine.me).toMatchObject({ myStake: 25 });
    expect(phone('p5').question?.stakes).toEqual({});
    expect(phone('p5').question?.stakesPicked).toBe(2);
  });

  it('in individual mode the unit is the player: own name, own score, not a team', () => {
    const r = newRound(teamConfig({ teams: [], players: [{ id: 'a', name: '小王' }, { id: 'b', name: '小李' }], questions: [choiceQ('q1', { kind: 'multiple', answer: ['A', 'B'] })], format: 'mandatory' }));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, 10);
    expect(viewFor(r.state, { role: 'player', playerId: 'a' })).toMatchObject({ question: { kind: 'multiple', format: 'mandatory' }, me: { name: '小王', unitName: '小王', inTeam: false } });
  });
});
