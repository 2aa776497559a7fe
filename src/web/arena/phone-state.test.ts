import { describe, expect, it } from 'vitest';
import { HOST, mixedConfig, newRound, player } from '../../server/arena/engine/test-support.ts';
import { viewFor } from '../../server/arena/engine/views.ts';
import { lightOf, phoneStateOf } from './phone-state.ts';

/** The phone's state and light, derived from real engine views of a round played step by step. */
describe('phone state', () => {
  it('walks a buzzer and a risk question: waiting, listen, open, answering / locked, stake, answer, submitted, closed', () => {
    const r = newRound(mixedConfig({ questions: mixedConfig().questions.filter((q) => q.id === 'b1' || q.id === 'r1') }));
    const phone = (id: string) => phoneStateOf(viewFor(r.state, { role: 'player', playerId: id }), r.log);
    expect(phone('p1').kind).toBe('waiting');
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, 1000);
    expect(phone('p1').kind).toBe('listen');
    expect(lightOf(phone('p1'))).toBe('waiting');
    r.ok({ type: 'openBuzz' }, HOST, 2000);
    expect(phone('p1').kind).toBe('buzz-open');
    expect(lightOf(phone('p1'))).toBe('open');
    r.ok({ type: 'buzz' }, player('p3'), 2100);
    r.ok({ type: 'tick' }, { role: 'system' }, 2400);
    expect(phone('p4').kind).toBe('your-turn'); // p3's teammate: the team answers
    expect(lightOf(phone('p4'))).toBe('answering');
    expect(phone('p1')).toMatchObject({ kind: 'locked', reason: 'other', name: '蓝队' });
    expect(lightOf(phone('p1'))).toBe('locked');
    r.ok({ type: 'answer', choice: ['B'] }, player('p3'), 3000);
    r.ok({ type: 'closeQuestion' }, HOST, 4000);
    expect(lightOf(phone('p1'))).toBe('done');
    r.ok({ type: 'next' }, HOST, 5000);
    expect(phone('p5').kind).toBe('stake');
    expect(lightOf(phone('p5'))).toBe('open');
    r.ok({ type: 'pickStake', stake: 20 }, player('p5'), 5100);
    r.ok({ type: 'openQuestion' }, HOST, 6000);
    expect(phone('p6').kind).toBe('answer');
    r.ok({ type: 'answer', choice: ['A'] }, player('p6'), 6500);
    expect(phone('p5')).toEqual({ kind: 'submitted', choice: ['A'] });
  });
});
