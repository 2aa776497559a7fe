import { describe, expect, it } from 'vitest';
import { disputeRows, exportDisputeRecord, formatTime } from './replay-export.ts';
import { HOST, newRound, player, teamConfig } from './test-support.ts';

describe('dispute record', () => {
  it('formats server times at a declared offset', () => {
    expect(formatTime(Date.UTC(2026, 4, 1, 1, 2, 3, 45))).toBe('2026-05-01 09:02:03.045+08:00');
    expect(formatTime(0, 0)).toBe('1970-01-01 00:00:00.000+00:00');
  });

  it('lists every buzz with its times and margins, judgements, undo and adjustments with reasons', () => {
    const base = Date.UTC(2026, 4, 1, 1, 0, 0);
    const r = newRound(teamConfig({ buzz: { mode: 'compensated', compensationCapMs: 50, decisionWindowMs: 100, tieMarginMs: 5, answerTimeMs: 9_000 } }), base);
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' });
    r.ok({ type: 'buzz' }, player('p5'), base + 500);
    r.ok({ type: 'openBuzz' }, HOST, base + 1000);
    r.ok({ type: 'buzz', rttMs: 30 }, player('p1'), base + 1200);
    r.ok({ type: 'buzz', rttMs: 90 }, player('p3'), base + 1230);
    r.ok({ type: 'tick' }, { role: 'system' }, base + 1400);
    r.ok({ type: 'answer', choice: ['B'] }, player('p1'), base + 3000);
    r.ok({ type: 'undoLastJudgement' }, HOST, base + 4000);
    r.ok({ type: 'adjustScore', unitId: 't2', delta: 5, reason: '裁判组复核：抢答器故障' }, HOST, base + 5000);
    const text = exportDisputeRecord(r.state.config, r.log);
    expect(text).toContain('FALSE START by 绿队 (t3) (p5): -5');
    expect(text).toContain('buzz by 红队 (t1) (p1): received 2026-05-01 09:00:01.200+08:00, 200 ms after opening; rtt 30 ms, compensation 15 ms');
    expect(text).toContain('Order: #1 t1 +0 ms, #2 t2 +0 ms');
    expect(text).toContain('system judged 红队 (t1) RIGHT: +10');
    expect(text).toContain('undone: -10 reverted');
    expect(text).toContain('adjusted +5: 裁判组复核：抢答器故障');
    const rows = disputeRows(r.state.config, r.log);
    expect(rows.map((x) => x.seq)).toEqual(r.log.map((e) => e.seq));
    expect(rows.find((x) => x.type === 'buzzed')?.actor).toBe('player p1');
  });
});
