import { describe, expect, it } from 'vitest';
import { aggregateScores, type AggregationSpec } from './aggregation.ts';
import { assignPanel } from './conflicts.ts';
import { buildReveal, revealStateAt } from './reveal.ts';
import { COMPLAINT_HANDLING_TEMPLATE as R } from './rubric.ts';
import { createLedger, lockScores, mergeOfflineQueue, sheetsOf, submitScore, type Ledger } from './score-ledger.ts';
import { judgeStatistics } from './statistics.ts';

/**
 * The browser journey, on the engine alone: three judges score two contestants, one
 * judge offline for part of it; the organiser locks and reveals; the trimmed mean on the big
 * screen matches the hand-computed value.
 */
describe('three judges, two contestants, one offline, lock, reveal', () => {
  it('ends with the hand-computed trimmed means on the big screen', () => {
    const judges = [
      { id: 'j1', organisationPath: '/1/4/17/' },
      { id: 'j2', organisationPath: null }, // guest from a bank
      { id: 'j3', organisationPath: '/1/5/' },
    ];
    const contestants = [
      { id: 'zhang', organisationPath: '/1/6/40/' },
      { id: 'li', organisationPath: '/1/7/50/' },
    ];
    const assignment = assignPanel({ panel: { id: 'final', judgeIds: ['j1', 'j2', 'j3'], contestantIds: ['zhang', 'li'], minSize: 3 }, judges, contestants, policy: { depth: 1 } });
    expect(assignment.shortfalls).toEqual([]);
    let l: Ledger = createLedger({ itemId: 'final', rubric: R, judgeIds: ['j1', 'j2', 'j3'], contestantIds: ['zhang', 'li'], exclusions: assignment.conflicts });
    const s = (v: number[]) => Object.fromEntries(R.criteria.map((c, i) => [c.key, v[i]]));
    const at = '2026-11-23T10:00:00Z';
    const online = (judgeId: string, contestantId: string, v: number[]) => {
      const r = submitScore(l, { actor: { kind: 'judge', judgeId }, judgeId, contestantId, scores: s(v), at, clientId: `${judgeId}-${contestantId}` });
      if (!r.ok) throw new Error(r.reason);
      l = r.ledger;
    };
    // totals: weights 3, 2, 2.5, 1.5, 1
    online('j1', 'zhang', [9, 8, 8.5, 9, 9]); // 27+16+21.25+13.5+9 = 86.75
    online('j2', 'zhang', [8, 8, 8, 8, 8]); // 80
    online('j1', 'li', [7, 7, 7, 7, 7]); // 70
    online('j2', 'li', [9, 9, 9, 9, 9]); // 90
    // j3 went offline; queued both, and re-sends once the network returns
    const queue = [
      { clientId: 'j3-q1', actor: { kind: 'judge' as const, judgeId: 'j3' }, judgeId: 'j3', contestantId: 'zhang', scores: s([10, 9.5, 9.5, 9, 10]), at }, // 30+19+23.75+13.5+10 = 96.25
      { clientId: 'j3-q2', actor: { kind: 'judge' as const, judgeId: 'j3' }, judgeId: 'j3', contestantId: 'li', scores: s([8, 8.5, 8, 8, 8.5]), at }, // 24+17+20+12+8.5 = 81.5
    ];
    const merged = mergeOfflineQueue(l, queue);
    expect(merged.outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    l = mergeOfflineQueue(merged.ledger, queue).ledger; // re-send: nothing changes
    expect(l.audit).toHaveLength(6);
    const locked = lockScores(l, { actor: { kind: 'organiser', personId: 'org' }, at });
    if (!locked.ok) throw new Error(locked.reason);
    expect(locked.missing).toEqual([]);
    expect(mergeOfflineQueue(locked.ledger, [{ ...queue[0], clientId: 'j3-late', scores: s([5, 5, 5, 5, 5]) }]).outcomes[0]).toMatchObject({ status: 'refused', code: 'LOCKED' });

    const spec: AggregationSpec = { rule: { kind: 'trimmed-mean', trim: 1, fallback: 'mean' }, level: 'judge-total', rounding: { decimals: 2, mode: 'half-up' } };
    const result = aggregateScores({ rubric: R, spec, sheets: sheetsOf(locked.ledger) });
    const zhang = result.contestants.find((c) => c.contestantId === 'zhang')!;
    const li = result.contestants.find((c) => c.contestantId === 'li')!;
    expect(zhang.final).toBe(86.75); // drop 96.25 and 80
    expect(li.final).toBe(81.5); // drop 90 and 70
    const reveal = buildReveal({ result: zhang, spec, order: { kind: 'seat', judgeIds: ['j1', 'j2', 'j3'] } });
    if (!reveal.ok) throw new Error(reveal.reason);
    const screen = revealStateAt(reveal.reveal, Infinity);
    expect(screen.scores).toEqual([
      { judgeId: 'j1', value: 86.75, struck: [] },
      { judgeId: 'j2', value: 80, struck: [{ channel: 'total', side: 'low', value: 80 }] },
      { judgeId: 'j3', value: 96.25, struck: [{ channel: 'total', side: 'high', value: 96.25 }] },
    ]);
    expect(screen.final).toBe(86.75);
    const stats = judgeStatistics(
      result.contestants.flatMap((c) => c.judgeTotals.map((t) => ({ judgeId: t.judgeId, contestantId: c.contestantId, value: t.value }))),
      { maxDeviation: 15, minOthers: 2 },
    );
    expect(stats.judges.map((j) => j.judgeId)).toEqual(['j1', 'j2', 'j3']);
    // li: j1 gave 70, the others' median is (90 + 81.5) / 2 = 85.75 → 15.75 below, over the 15 threshold
    expect(stats.outliers).toEqual([expect.objectContaining({ judgeId: 'j1', contestantId: 'li', othersMedian: 85.75, deviation: -15.75 })]);
  });
});
