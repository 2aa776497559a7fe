import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardOrder, emptyBoard, placeOf, podiumOf, topOf, updateBoard, zeroStanding, type Standing } from './leaderboard.ts';
import { scoreMassAnswer, speedPoints, streakBonus } from './mass-quiz.ts';
import { defaultConfig, startProblems, validateConfig, type MassQuizConfig, type RoundConfig } from './model.ts';
import { choiceQ, HOST, newRound, player, SYSTEM } from './test-support.ts';
import { passedOf, passView, viewFor } from './views.ts';

const T0 = 1_700_000_000_000;
const cfg = (formula: MassQuizConfig['formula']): MassQuizConfig => ({ formula, streakBonus: { perAnswer: 100, max: 500 }, allowLateJoin: true });

describe('scoring formulas', () => {
  it('speed: full points within 0.5 s, linearly down to half at the deadline', () => {
    expect(speedPoints(1000, 0, 20_000)).toBe(1000);
    expect(speedPoints(1000, 500, 20_000)).toBe(1000);
    expect(speedPoints(1000, 20_000, 20_000)).toBe(500);
    expect(speedPoints(1000, 10_250, 20_000)).toBe(750);
    fc.assert(fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), (a, b) => {
      const [x, y] = a <= b ? [a, b] : [b, a];
      expect(speedPoints(1000, x, 20_000)).toBeGreaterThanOrEqual(speedPoints(1000, y, 20_000));
      expect(speedPoints(1000, y, 20_000)).toBeGreaterThanOrEqual(500);
    }));
  });

  it('streak bonus grows per consecutive correct answer, capped', () => {
    expect([1, 2, 3, 7, 20].map((s) => streakBonus(cfg('speed'), s))).toEqual([0, 100, 200, 500, 500]);
  });

  it('correctness first: speed and streak never outweigh one more correct answer', () => {
    const q = choiceQ('q', { points: 10, timeLimitMs: 20_000 });
    const arbRun = fc.array(fc.record({ right: fc.boolean(), ms: fc.integer({ min: 0, max: 20_000 }) }), { minLength: 1, maxLength: 30 });
    const play = (run: { right: boolean; ms: number }[]) =>
      run.reduce<Standing>((s, a) => scoreMassAnswer(cfg('correctness-first'), q, a.right ? ['B'] : ['A'], a.ms, s).next, zeroStanding());
    fc.assert(fc.property(arbRun, arbRun, (ra, rb) => {
      const a = play(ra);
      const b = play(rb);
      if (a.correct <= b.correct) return;
      const board = updateBoard(emptyBoard(), ['a', 'b'], (u) => (u === 'a' ? a : b));
      expect(boardOrder(board)[0]).toBe('a');
      expect(placeOf(board, 'a', (u) => (u === 'a' ? a : b))).toBe(1);
      expect(placeOf(board, 'b', (u) => (u === 'a' ? a : b))).toBe(2);
    }));
  });
});

describe('leaderboard', () => {
  const arbScores = fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), fc.record({ score: fc.integer({ min: -3, max: 6 }), bonus: fc.integer({ min: 0, max: 2 }) }), { minKeys: 1 });

  it('incremental updates give the same order as a full sort; ties share a place (1-2-2-4)', () => {
    fc.assert(fc.property(arbScores, arbScores, (first, second) => {
      const table = new Map<string, Standing>(Object.entries(first).map(([k, v]) => [k, { ...zeroStanding(), ...v }]));
      const get = (u: string) => table.get(u) ?? zeroStanding();
      let board = updateBoard(emptyBoard(), table.keys(), get);
      for (const [k, v] of Object.entries(second)) {
        table.set(k, { ...zeroStanding(), ...v });
        board = updateBoard(board, [k], get);
      }
      const full = updateBoard(emptyBoard(), [...table.keys()], get);
      expect(boardOrder(board)).toEqual(boardOrder(full));
      const ranked = topOf(board, get, 1000);
      for (const r of ranked) {
        const ahead = [...table.values()].filter((s) => s.score > r.score || (s.score === r.score && s.bonus > r.bonus)).length;
        expect(r.place).toBe(ahead + 1);
        expect(placeOf(board, r.unitId, get)).toBe(r.place);
      }
    }));
  });

  it('a board of more than one chunk: one-at-a-time joins, moves (with and without the standing before) and removals match a full sort', () => {
    const op = fc.record({ unit: fc.integer({ min: 0, max: 1499 }), score: fc.integer({ min: -2, max: 8 }), bonus: fc.integer({ min: 0, max: 3 }), kind: fc.constantFrom('move', 'hinted', 'remove') });
    fc.assert(fc.property(fc.integer({ min: 300, max: 1500 }), fc.array(op, { minLength: 1, maxLength: 300 }), (n, ops) => {
      const table = new Map<string, Standing>();
      const get = (u: string) => table.get(u) ?? zeroStanding();
      let board = emptyBoard();
      // joins one by one, as a mass quiz fills (newcomers are 'absent')
      for (let i = 0; i < n; i++) {
        table.set(`u${i}`, { ...zeroStanding(), score: i % 5 });
        board = updateBoard(board, [`u${i}`], get, [], 'absent');
      }
      const on = new Set(table.keys());
      for (const o of ops) {
        const u = `u${o.unit % n}`;
        if (o.kind === 'remove') {
          board = updateBoard(board, [], get, [u]);
          on.delete(u);
          continue;
        }
        const before = new Map(table);
        table.set(u, { ...zeroStanding(), score: o.score, bonus: o.bonus });
        board = updateBoard(board, [u], get, [], o.kind === 'hinted' && on.has(u) ? (x) => before.get(x) ?? zeroStanding() : undefined);
        on.add(u);
      }
      const full = updateBoard(emptyBoard(), [...on], get);
      expect(boardOrder(board)).toEqual(boardOrder(full));
      expect(board.size).toBe(on.size);
      for (const u of [...on].slice(0, 50)) {
        const ahead = [...on].filter((x) => get(x).score > get(u).score || (get(x).score === get(u).score && get(x).bonus > get(u).bonus)).length;
        expect(placeOf(board, u, get)).toBe(ahead + 1);
      }
    }), { numRuns: 25 });
  });

  it('the podium includes everyone tied for third', () => {
    const t = new Map<string, Standing>([['a', 9], ['b', 7], ['c', 5], ['d', 5], ['e', 1]].map(([u, s]) => [u as string, { ...zeroStanding(), score: s as number }]));
    const get = (u: string) => t.get(u)!;
    const board = updateBoard(emptyBoard(), t.keys(), get);
    expect(podiumOf(board, get).map((r) => [r.unitId, r.place])).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 3]]);
  });
});

const massConfig = (over: Partial<RoundConfig> = {}) =>
  defaultConfig({ roundId: 'mq', format: 'mass-quiz', players: [], questions: [choiceQ('m1'), choiceQ('m2', { answer: ['C'] }), choiceQ('m3')], ...over });

describe('mass quiz', () => {
  it('scores at the close only; late joiners enter; a rejoin keeps the score; removed and re-admitted', () => {
    const r = newRound(massConfig({ massQuiz: cfg('speed') }));
    r.ok({ type: 'join', name: '甲' }, player('a'));
    r.ok({ type: 'join', name: '乙' }, player('b'));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, T0);
    r.ok({ type: 'answer', choice: ['B'] }, player('a'), T0 + 400);
    r.ok({ type: 'answer', choice: ['A'] }, player('b'), T0 + 300);
    expect(viewFor(r.state, { role: 'player', playerId: 'a' }).me?.score).toBe(0);
    r.ok({ type: 'join', name: '丙' }, player('c'), T0 + 500);
    r.ok({ type: 'answer', choice: ['B'] }, player('c'), T0 + 10_250);
    r.ok({ type: 'tick' }, SYSTEM, T0 + 20_001);
    expect(r.state.q?.phase).toBe('closed');
    expect(Object.fromEntries(['a', 'b', 'c'].map((p) => [p, r.state.standings.get(p)?.score ?? 0]))).toEqual({ a: 10, b: 0, c: 8 });
    expect(r.run({ type: 'join', name: '甲' }, player('a'))).toEqual({ ok: true, events: [] });
    expect(r.state.standings.get('a')?.score).toBe(10);
    r.ok({ type: 'removePlayer', playerId: 'c', reason: '作弊' });
    expect(topOf(r.state.board, (u) => r.state.standings.get(u) ?? zeroStanding()).map((x) => x.unitId)).toEqual(['a', 'b']);
    r.ok({ type: 'readmitPlayer', playerId: 'c' });
    expect(viewFor(r.state, { role: 'player', playerId: 'c' }).me).toMatchObject({ score: 8, place: 2 });
  });

  it('wrong-out elimination: a wrong or missing answer eliminates; no late join after the first question', () => {
    const r = newRound(massConfig({ elimination: { mode: 'wrong-out' } }));
    for (const p of ['a', 'b', 'c']) r.ok({ type: 'join', name: p }, player(p));
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, T0);
    r.ok({ type: 'answer', choice: ['B'] }, player('a'), T0 + 1000);
    r.ok({ type: 'answer', choice: ['D'] }, player('b'), T0 + 1000);
    r.ok({ type: 'closeQuestion' }, HOST, T0 + 2000);
    expect([...r.state.eliminated].sort()).toEqual(['b', 'c']);
    expect(r.run({ type: 'join', name: 'd' }, player('d'))).toMatchObject({ ok: false, code: 'LATE_JOIN_CLOSED' });
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, T0 + 3000);
    expect(r.run({ type: 'answer', choice: ['C'] }, player('b'), T0 + 3100)).toMatchObject({ ok: false, code: 'ELIMINATED' });
  });

  it('10,000 players: joins, answers and a close stay fast (no per-answer sort or copy)', () => {
    const r = newRound(massConfig({ massQuiz: cfg('correctness-first') }));
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) r.ok({ type: 'join', name: `p${i}` }, player(`p${i}`), T0);
    r.ok({ type: 'next' });
    r.ok({ type: 'openQuestion' }, HOST, T0);
    for (let i = 0; i < 10_000; i++) r.ok({ type: 'answer', choice: [i % 3 ? 'B' : 'A'] }, player(`p${i}`), T0 + 1 + (i % 15_000));
    r.ok({ type: 'closeQuestion' }, HOST, T0 + 19_000);
    const ms = performance.now() - started;
    expect(r.state.q?.distribution).toMatchObject({ A: 3334, B: 6666 });
    const get = (u: string) => r.state.standings.get(u) ?? zeroStanding();
    const top = topOf(r.state.board, get, 3);
    expect(top[0]).toMatchObject({ place: 1, score: 10 });
    expect(placeOf(r.state.board, 'p0', get)).toBe(6667);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('通关 (a declared pass mark)', () => {
  it('property: the passed count, the pass list and each player’s own flag agree with counting correct answers directly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        (minCorrect, answers) => {
          const questions = [0, 1, 2, 3].map((i) => choiceQ(`q${i}`));
          const r = newRound(massConfig({ questions, massQuiz: { ...cfg('correctness-first'), pass: { minCorrect, reward: '流量包' } } }));
          answers.forEach((_, p) => r.ok({ type: 'join', name: `选手${p}` }, player(`p${p}`)));
          expect(passView(r.state)).toMatchObject({ passed: 0, units: answers.length });
          questions.forEach((_, qi) => {
            r.ok({ type: 'next' });
            r.ok({ type: 'openQuestion' }, HOST, T0 + qi * 100_000);
            answers.forEach((row, p) => r.ok({ type: 'answer', choice: [row[qi] ? 'B' : 'A'] }, player(`p${p}`), T0 + qi * 100_000 + 1000 + p));
            r.ok({ type: 'closeQuestion' }, HOST, T0 + qi * 100_000 + 5000);
          });
          const expected = answers.map((row, p) => ({ id: `p${p}`, correct: row.filter(Boolean).length })).filter((x) => x.correct >= minCorrect);
          expect(passView(r.state)?.passed).toBe(expected.length);
          const list = passedOf(r.state);
          expect(list.map((x) => x.unitId).sort()).toEqual(expected.map((x) => x.id).sort());
          // leaderboard order: places never go down the list
          list.forEach((x, i) => i > 0 && expect(x.place).toBeGreaterThanOrEqual(list[i - 1].place));
          answers.forEach((row, p) => {
            const me = viewFor(r.state, { role: 'player', playerId: `p${p}` }).me!;
            expect(me.correct).toBe(row.filter(Boolean).length);
            expect(me.passed).toBe(me.correct >= minCorrect);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('without a pass mark: no pass view, no list, and the phone’s flag is null', () => {
    const r = newRound(massConfig({ massQuiz: cfg('speed') }));
    r.ok({ type: 'join', name: '甲' }, player('a'));
    expect(passView(r.state)).toBeNull();
    expect(passedOf(r.state)).toEqual([]);
    expect(viewFor(r.state, { role: 'player', playerId: 'a' }).me?.passed).toBeNull();
  });

  it('a pass mark is refused when it is not a positive whole number or names no reward, and at the start when no one could reach it', () => {
    const base = massConfig({ questions: [choiceQ('q1'), choiceQ('q2')] });
    const withPass = (pass: { minCorrect: number; reward: string }) => ({ ...base, massQuiz: { ...base.massQuiz, pass } });
    expect(validateConfig(withPass({ minCorrect: 0, reward: 'x' })).map((p) => p.path)).toEqual(['massQuiz.pass.minCorrect']);
    expect(validateConfig(withPass({ minCorrect: 1.5, reward: 'x' })).map((p) => p.path)).toEqual(['massQuiz.pass.minCorrect']);
    expect(validateConfig(withPass({ minCorrect: 1, reward: ' ' })).map((p) => p.path)).toEqual(['massQuiz.pass.reward']);
    expect(validateConfig(withPass({ minCorrect: 3, reward: 'x' }))).toEqual([]);
    expect(startProblems(withPass({ minCorrect: 3, reward: 'x' })).map((p) => p.path)).toEqual(['massQuiz.pass.minCorrect']);
    expect(startProblems(withPass({ minCorrect: 2, reward: 'x' }))).toEqual([]);
  });
});
