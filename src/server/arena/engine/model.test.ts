import { describe, expect, it } from 'vitest';
import { isCorrectChoice, isSimultaneous, validateConfig } from './model.ts';
import { choiceQ, mixedConfig, oralQ, teamConfig } from './test-support.ts';

describe('round configuration', () => {
  it('a well-formed mixed round is valid', () => {
    expect(validateConfig(mixedConfig())).toEqual([]);
  });

  it('reports each structural problem with its path', () => {
    const bad = teamConfig({
      players: [{ id: 'p1', name: 'x', teamId: 'nope' }, { id: 'p1', name: 'y', teamId: 't1' }],
      questions: [choiceQ('q', { answer: ['Z'] }), choiceQ('q', { points: 0 }), oralQ('o', { format: 'mass-quiz' }), choiceQ('a', { assignedTo: 'ghost' })],
      riskStakes: [],
      buzz: { mode: 'compensated', compensationCapMs: 100, decisionWindowMs: 50, tieMarginMs: 5, answerTimeMs: 1 },
      elimination: { mode: 'lowest-out', afterQuestions: ['missing'] },
    });
    const paths = validateConfig(bad).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['players.p1', 'questions.0', 'questions.1', 'questions.2', 'questions.3', 'riskStakes', 'buzz.decisionWindowMs', 'elimination']));
    expect(validateConfig(bad).some((p) => p.message === 'duplicate question id')).toBe(true);
  });

  it('compares multiple-choice answers as sets; oral answers never auto-match', () => {
    const q = choiceQ('m', { kind: 'multiple', answer: ['A', 'C'] });
    expect(isCorrectChoice(q, ['C', 'A'])).toBe(true);
    expect(isCorrectChoice(q, ['A'])).toBe(false);
    expect(isCorrectChoice(q, ['A', 'C', 'D'])).toBe(false);
    expect(isCorrectChoice(oralQ('o'), ['A'])).toBe(false);
  });

  it('knows which questions everyone answers at once', () => {
    const c = mixedConfig();
    expect(c.questions.map((q) => isSimultaneous(c, q))).toEqual([false, false, true, false, false, true]);
  });
});
