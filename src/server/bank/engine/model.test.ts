import { describe, expect, it } from 'vitest';
import { contentHash, fingerprint, identityKey, normaliseStem } from './fingerprint.ts';
import { newQuestion, type Question } from './model.ts';
import { validateQuestion } from './validate.ts';

const choice = (patch: Partial<Question> = {}): Question =>
  newQuestion('single', '光猫 LOS 灯红闪表示什么？', {
    options: [{ key: 'A', text: '光信号中断' }, { key: 'B', text: '正在升级' }],
    answer: { kind: 'choice', keys: ['A'] },
    ...patch,
  });

describe('normaliseStem and fingerprint', () => {
  it('ignores width, case, spaces, punctuation and blank styles', () => {
    expect(normaliseStem('光猫ＬＯＳ灯 红闪，表示什么？')).toBe(normaliseStem('光猫los灯红闪表示什么?'));
    expect(normaliseStem('地址是（  ）')).toBe(normaliseStem('地址是____'));
    expect(normaliseStem('5G')).not.toBe(normaliseStem('4G'));
  });

  it('flags near-duplicates: same normalised stem and options, even reordered', () => {
    const a = choice();
    const b = choice({ stem: '光猫LOS灯红闪，表示什么?', options: [{ key: 'A', text: '正在升级' }, { key: 'B', text: '光信号中断。' }], answer: { kind: 'choice', keys: ['B'] } });
    expect(fingerprint(b)).toBe(fingerprint(a));
    expect(fingerprint({ ...a, type: 'multiple' })).not.toBe(fingerprint(a));
    expect(fingerprint({ ...a, options: [...a.options, { key: 'C', text: '停电' }] })).not.toBe(fingerprint(a));
    expect(fingerprint(a)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('identityKey prefers the external key; contentHash changes with any field', () => {
    const a = choice();
    expect(identityKey({ ...a, externalKey: 'TC-1' })).toBe('ext:TC-1');
    expect(identityKey(a)).toBe(identityKey(choice()));
    expect(identityKey({ ...a, stem: a.stem + ' ' })).not.toBe(identityKey(a));
    expect(contentHash(a)).toBe(contentHash(choice()));
    expect(contentHash({ ...a, explanation: '见规范' })).not.toBe(contentHash(a));
    expect(contentHash({ ...a, difficulty: 4 })).not.toBe(contentHash(a));
  });
});

describe('validateQuestion', () => {
  it('accepts a well-formed question of each type', () => {
    expect(validateQuestion(choice())).toEqual([]);
    expect(validateQuestion(newQuestion('truefalse', '宽带可移机'))).toEqual([]);
    expect(validateQuestion(newQuestion('fill', '地址 _____', { answer: { kind: 'fill', blanks: [['192.168.1.1']] } }))).toEqual([]);
    expect(validateQuestion(newQuestion('scenario', '听录音', { attachments: [{ kind: 'audio', name: 'a.mp3' }] }))).toEqual([]);
  });

  it('names each problem', () => {
    const messages = (q: Question): string[] => validateQuestion(q).map((p) => p.message);
    expect(messages(choice({ answer: { kind: 'choice', keys: [] } }))).toEqual(['the question has no correct answer']);
    expect(messages(choice({ answer: { kind: 'choice', keys: ['C'] } }))).toEqual(['answer C is not among the options AB']);
    expect(messages(choice({ answer: { kind: 'choice', keys: ['A', 'B'] } }))).toEqual(['a single-choice question has one answer, not AB']);
    expect(messages(choice({ difficulty: 6 as never }))).toEqual(['difficulty 6 is not an integer from 1 to 5']);
    expect(messages(choice({ options: [{ key: 'A', text: '光信号中断' }] }))).toEqual(['a choice question needs at least 2 options, it has 1']);
    expect(messages(choice({ stem: ' ', score: 0 }))).toEqual(['the stem is empty', 'score 0 must be a positive number']);
    expect(messages(newQuestion('fill', 'x', { answer: { kind: 'fill', blanks: [['a'], []] } }))).toEqual(['blank 2 has no accepted answer']);
    expect(validateQuestion(choice({ knowledgePoints: ['宽带//光猫'] }))[0].messageZh).toBe('知识点"宽带//光猫"含空层级');
  });
});
