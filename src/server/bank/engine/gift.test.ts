import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANK_FIXTURES, MOODLE_TESTDATA } from '../../../../test/fixtures/bank/paths.ts';
import { parseGift } from './gift.ts';

const read = (dir: string, name: string): Buffer => fs.readFileSync(path.join(dir, name));

describe('parseGift on Moodle’s own files', () => {
  it('reads all 9 questions of questions.gift.txt with Moodle’s types', () => {
    const r = parseGift(read(MOODLE_TESTDATA, 'questions.gift.txt'));
    expect(r.skipped).toEqual([]);
    // essay, matching, choice, multi-response, numerical, short answer, true/false ×3
    expect(r.questions.map((q) => q.type)).toEqual(['short', 'fill', 'single', 'multiple', 'fill', 'fill', 'truefalse', 'truefalse', 'truefalse']);
    expect(r.questions.map((q) => q.line)).toEqual([2, 5, 14, 22, 31, 34, 41, 46, 49]);
    const [essay, matching, single, multiple, numerical, shortanswer, tf1, tf2, tf3] = r.questions;
    expect(essay.stem).toBe('How are you?');
    expect(matching.answer).toEqual({ kind: 'fill', blanks: [['Forum'], ['Choice'], ['Database'], ['Wiki']] });
    expect(matching.stem).toContain('(1) An activity supporting asynchronous discussions. _____');
    expect(matching.stem).toContain('Forum / Choice / Database / Wiki / Chat');
    expect(single.options.map((o) => o.text)).toEqual(['yellow', 'red', 'blue']);
    expect(single.answer).toEqual({ kind: 'choice', keys: ['A'] });
    expect(multiple.answer).toEqual({ kind: 'choice', keys: ['A', 'C'] });
    expect(numerical.answer).toEqual({ kind: 'fill', blanks: [['3±2']] });
    expect(shortanswer.answer).toEqual({ kind: 'fill', blanks: [['Frog']] });
    expect(tf1.answer).toEqual({ kind: 'truefalse', value: false });
    expect(tf1.explanation).toBe('This is, of course, a Hitchiker\'s Guide to the Galaxy reference.');
    expect([tf2.answer, tf3.answer]).toEqual([{ kind: 'truefalse', value: true }, { kind: 'truefalse', value: true }]);
  });

  it('reads questions_in_category.gift.txt: escapes, HTML, one-answer short answer, {TRUE}', () => {
    const r = parseGift(read(MOODLE_TESTDATA, 'questions_in_category.gift.txt'));
    expect(r.skipped).toEqual([]);
    expect(r.questions.map((q) => q.type)).toEqual(['fill', 'single', 'fill', 'truefalse']);
    const greeting = r.questions[1];
    expect(greeting.stem).toBe('Listen to this greeting:\nWhat language is being spoken?');
    expect(greeting.answer).toEqual({ kind: 'choice', keys: ['B'] });
    expect(r.questions[2].answer).toEqual({ kind: 'fill', blanks: [['Moodler']] });
    expect(r.questions[3].stem).toBe('Moodle is an acronym for Modular Object-Oriented Dynamic Learning Environment.');
    // "$course$/Default for New Features" is Moodle's default category: no knowledge point.
    expect(r.questions.every((q) => q.knowledgePoints.length === 0)).toBe(true);
  });
});

describe('parseGift on Chinese questions', () => {
  const r = parseGift(read(BANK_FIXTURES, 'telecom.gift.txt'));

  it('maps every type and keeps the categories as knowledge points', () => {
    expect(r.questions.map((q) => q.type)).toEqual(['single', 'multiple', 'truefalse', 'fill', 'truefalse', 'fill', 'short', 'fill', 'single']);
    expect(r.questions[0].knowledgePoints).toEqual(['宽带/故障']);
    expect(r.questions[4].knowledgePoints).toEqual(['携号转网/流程']);
    expect(r.questions[1].stem).toBe('用户反映宽带网速慢，客服应首先引导用户做哪些排查？');
    expect(r.questions[1].answer).toEqual({ kind: 'choice', keys: ['A', 'B'] });
    expect(r.questions[3]).toMatchObject({ stem: '光纤到户的英文缩写是 _____ 。', answer: { kind: 'fill', blanks: [['FTTH', 'ftth']] } });
    expect(r.questions[4]).toMatchObject({ answer: { kind: 'truefalse', value: false }, explanation: '合约需在原运营商处理完毕后才能办理携转。' });
    expect(r.questions[5].answer).toEqual({ kind: 'fill', blanks: [['10']] });
    expect(r.questions[7].answer).toEqual({ kind: 'fill', blanks: [['发送短信 CXXZ 到 10086'], ['拨打 10000 号'], ['网上营业厅']] });
  });

  it('unescapes \\{ \\} \\: in the stem', () => {
    expect(r.questions[8].stem).toBe('资费说明中 {5G} 套餐的月费为 129: 元，下列说法正确的是？');
  });

  it('skips the broken questions with their lines and reasons, and reads the rest', () => {
    expect(r.skipped).toEqual([
      { line: 52, reason: 'the answer block { is never closed with }', reasonZh: '答案块 { 没有用 } 结束' },
      { line: 57, reason: expect.stringMatching(/no correct answer/), reasonZh: expect.stringMatching(/没有正确答案/) },
    ]);
  });

  it('refuses a 0-byte file', () => {
    expect(() => parseGift(read(BANK_FIXTURES, 'empty.gift.txt'))).toThrow(/GIFT file is empty \(0 bytes\)/);
  });

  it('reports a description (no answer block) and a stray } with their lines', () => {
    const s = parseGift('只是一段说明文字。\n\n多余的括号 }\n\n正常题 {T}').skipped;
    expect(s).toEqual([
      { line: 1, reason: expect.stringMatching(/description/), reasonZh: '没有答案块 {…}：这是一段说明文字，不是题目' },
      { line: 3, reason: expect.stringMatching(/never opened/), reasonZh: '出现了 }，但前面没有用 { 开始答案块' },
    ]);
  });
});
