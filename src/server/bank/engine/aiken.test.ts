import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANK_FIXTURES, MOODLE_TESTDATA } from '../../../../test/fixtures/bank/paths.ts';
import { parseAiken } from './aiken.ts';

const read = (dir: string, name: string): Buffer => fs.readFileSync(path.join(dir, name));

describe('parseAiken on Moodle’s own files', () => {
  it('reads the 2 single-choice questions of questions.aiken.txt, HTML characters kept as text', () => {
    const r = parseAiken(read(MOODLE_TESTDATA, 'questions.aiken.txt'));
    expect(r.skipped).toEqual([]);
    expect(r.questions.map((q) => q.type)).toEqual(['single', 'single']);
    expect(r.questions[0]).toMatchObject({ line: 1, stem: 'The Moodle project was started by:', answer: { kind: 'choice', keys: ['B'] } });
    expect(r.questions[0].options.map((o) => o.text)).toEqual(['Petr Skoda', 'Martin Dougiamas', 'Eloy Lafuente', 'Tim Hunt']);
    expect(r.questions[1].stem).toBe('Moodle\'s abilities include handling user input that includes <html class="cool"> & images:');
    expect(r.questions[1].answer).toEqual({ kind: 'choice', keys: ['A'] });
  });

  it('keeps the 2 good questions of aiken_errors.txt and reports the errors at lines 3, 5, 7 and 18', () => {
    const r = parseAiken(read(MOODLE_TESTDATA, 'aiken_errors.txt'));
    expect(r.questions.map((q) => q.stem)).toEqual(['A good question', 'A second good question']);
    expect(r.questions[1].options.map((o) => o.text)).toEqual(['Incorrect (No space)', 'Correct (No space)']);
    expect(r.questions[1].answer).toEqual({ kind: 'choice', keys: ['B'] });
    expect(r.skipped.map((s) => s.line)).toEqual([3, 5, 7, 18]);
    expect(r.skipped[0].reason).toMatch(/too few answers/);
    expect(r.skipped[1].reason).toMatch(/no question before it/);
    expect(r.skipped[2].reason).toMatch(/ANSWER: with no question/);
    expect(r.skipped[3].reason).toMatch(/line 14 has no ANSWER/);
  });
});

describe('parseAiken on Chinese questions', () => {
  const r = parseAiken(read(BANK_FIXTURES, 'telecom.aiken.txt'));

  it('reads A. A) A、 option styles and ANSWER: ABD as a multiple choice', () => {
    expect(r.questions.map((q) => [q.line, q.type])).toEqual([[1, 'single'], [8, 'multiple'], [15, 'single']]);
    expect(r.questions[1].answer).toEqual({ kind: 'choice', keys: ['A', 'B', 'D'] });
    expect(r.questions[2].options[0].text).toBe('“这不归我们管”');
  });

  it('skips an answer letter that is not an option, naming the line', () => {
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0].line).toBe(23);
    expect(r.skipped[0].reason).toMatch(/E is not among the options AB/);
  });

  it('refuses an empty file with a clear message', () => {
    expect(() => parseAiken(Buffer.alloc(0))).toThrow(/empty \(0 bytes\)/);
    expect(() => parseAiken('  \n\n')).toThrow(/empty/);
  });

  it('reads GB18030 bytes as saved by Chinese Windows', () => {
    const gbk = Buffer.from([0xbf, 0xed, 0xb4, 0xf8, 0x0a, 0x41, 0x2e, 0x31, 0x0a, 0x42, 0x2e, 0x32, 0x0a, 0x41, 0x4e, 0x53, 0x57, 0x45, 0x52, 0x3a, 0x41]);
    expect(parseAiken(gbk).questions[0].stem).toBe('宽带');
  });
});
