import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay, viewFor } from '../engine/index.ts';
import { arbGuidedStream, arbStream, choiceQ, HOST, mixedConfig, newRound, player, runSteps, SYSTEM } from '../engine/test-support.ts';
import { defaultConfig } from '../engine/model.ts';
import { BIG_ROUND_SNAPSHOT_MS, decodeSnapshot, encodeSnapshot, foldFrom, snapshotDue } from './snapshot.ts';

const players = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
const units = ['t1', 't2', 't3'];
/** Everything a state holds, as plain data (Maps, Sets and keyed logs included). */
const plain = (s: Parameters<typeof encodeSnapshot>[0]) => JSON.parse(JSON.stringify(encodeSnapshot(s)));

describe('snapshots', () => {
  it('a snapshot taken at any event, plus the events after it, folds to the same state as the whole log', () => {
    fc.assert(
      fc.property(fc.oneof(arbStream(players, units), arbGuidedStream(players, units, 6)), fc.nat(), (steps, cut) => {
        const r = newRound(mixedConfig());
        runSteps(r, steps);
        const k = r.log.length ? cut % (r.log.length + 1) : 0;
        const at = replay(r.state.config, r.log.slice(0, k));
        const snap = JSON.parse(JSON.stringify(encodeSnapshot(at)));
        const resumed = foldFrom(r.state.config, snap, r.log.slice(k));
        expect(resumed).not.toBeNull();
        expect(plain(resumed!)).toEqual(plain(r.state));
        expect(viewFor(resumed!, { role: 'host' })).toEqual(viewFor(r.state, { role: 'host' }));
        for (const p of players) expect(viewFor(resumed!, { role: 'player', playerId: p })).toEqual(viewFor(r.state, { role: 'player', playerId: p }));
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  it('a mass quiz with late joiners resumes from a mid-question snapshot with the same scores, places and answers', () => {
    const config = defaultConfig({ roundId: 'm', format: 'mass-quiz', questions: [choiceQ('q1'), choiceQ('q2')], players: [] });
    const r = newRound(config);
    const ids = Array.from({ length: 30 }, (_, i) => `g${i}`);
    for (const id of ids.slice(0, 20)) r.ok({ type: 'join', name: id }, player(id));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, r.now + 10);
    ids.slice(0, 12).forEach((id, i) => r.ok({ type: 'answer', choice: [i % 3 ? 'B' : 'A'] }, player(id), r.now + 100));
    const snap = JSON.parse(JSON.stringify(encodeSnapshot(r.state)));
    const cut = r.log.length;
    for (const id of ids.slice(20)) r.ok({ type: 'join', name: id }, player(id));
    ids.slice(12, 25).forEach((id) => r.ok({ type: 'answer', choice: ['B'] }, player(id), r.now + 300));
    r.ok({ type: 'closeQuestion' });
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, r.now + 10);
    ids.slice(0, 5).forEach((id) => r.ok({ type: 'answer', choice: ['B'] }, player(id), r.now + 50));
    r.ok({ type: 'tick' }, SYSTEM, r.now + 25_000);
    const resumed = foldFrom(config, snap, r.log.slice(cut))!;
    expect(plain(resumed)).toEqual(plain(r.state));
    expect(viewFor(resumed, { role: 'host' }).leaderboard).toEqual(viewFor(r.state, { role: 'host' }).leaderboard);
    expect(viewFor(resumed, { role: 'host' }).leaderboard[0].score).toBeGreaterThan(0);
    // the resumed state goes on like the original: one more join is accepted by both
    expect(resumed.seq).toBe(r.state.seq);
  });

  it('a snapshot of another state shape, or a gap after it, is not used', () => {
    const r = newRound(mixedConfig());
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' });
    const snap = encodeSnapshot(r.state);
    expect(decodeSnapshot(r.state.config, { ...snap, shape: 'older engine' })).toBeNull();
    r.ok({ type: 'openBuzz' });
    r.ok({ type: 'buzz' }, player('p1'));
    expect(foldFrom(r.state.config, snap, r.log.slice(3))).toBeNull(); // seq 3 is missing after the snapshot at 2
    expect(plain(foldFrom(r.state.config, snap, r.log.slice(2))!)).toEqual(plain(r.state));
  });
});

describe('when the writer snapshots (snapshotDue)', () => {
  const base = { every: 500, seq: 1000, lastSeq: 400, big: false, now: 100_000, lastAt: 99_000, phase: 'open' as const };
  it('every K events in a small round, whatever the phase; never with K = 0', () => {
    expect(snapshotDue(base)).toBe(true);
    expect(snapshotDue({ ...base, seq: 899 })).toBe(false);
    expect(snapshotDue({ ...base, every: 0 })).toBe(false);
  });
  it('in a big round only between questions, and at most every BIG_ROUND_SNAPSHOT_MS', () => {
    const big = { ...base, big: true, lastAt: base.now - BIG_ROUND_SNAPSHOT_MS };
    for (const phase of ['open', 'buzzing', 'answering'] as const) expect(snapshotDue({ ...big, phase }), phase).toBe(false);
    for (const phase of ['ready', 'done', 'closed', null] as const) expect(snapshotDue({ ...big, phase }), String(phase)).toBe(true);
    expect(snapshotDue({ ...big, phase: 'closed', lastAt: base.now - BIG_ROUND_SNAPSHOT_MS + 1 })).toBe(false);
  });
});
