import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANK_FIXTURES, MOODLE_TESTDATA } from '../../../../test/fixtures/bank/paths.ts';
import { categoryPath, parseMoodleXml } from './moodle-xml.ts';

const read = (dir: string, name: string): Buffer => fs.readFileSync(path.join(dir, name));

describe('parseMoodleXml on Moodle’s own files', () => {
  it('nested categories: 4 true/false and 1 essay, each under its category', () => {
    const r = parseMoodleXml(read(MOODLE_TESTDATA, 'nested_categories_with_questions.xml'));
    expect(r.skipped).toEqual([]);
    expect(r.questions.map((q) => [q.type, q.stem, q.knowledgePoints])).toEqual([
      ['truefalse', 'Testing Iota Question', ['Iota']],
      ['short', 'Testing Kappa Essay Question', ['Iota/Kappa']],
      ['truefalse', 'Testing Kappa Question', ['Iota/Kappa']],
      ['truefalse', 'Testing Lambda Question', ['Iota/Kappa/Lambda']],
      ['truefalse', 'Testing Mu Question', ['Iota/Mu']],
    ]);
    expect(r.questions[0]).toMatchObject({ line: 15, answer: { kind: 'truefalse', value: true }, score: 1 });
  });

  it('one multiple-answer question with two answers at 50 %', () => {
    const r = parseMoodleXml(read(MOODLE_TESTDATA, 'multichoice_testquestion.moodle.xml'));
    expect(r.questions).toHaveLength(1);
    const q = r.questions[0];
    expect(q.type).toBe('multiple');
    expect(q.options.map((o) => `${o.key}:${o.text}`)).toEqual(['A:Tokyo', 'B:Spain', 'C:London', 'D:Barcelona', 'E:Paris']);
    expect(q.answer).toEqual({ kind: 'choice', keys: ['C', 'E'] });
    expect(q.explanation).toBe('Berlin, Paris and London');
  });
});

describe('parseMoodleXml on Chinese questions', () => {
  const r = parseMoodleXml(read(BANK_FIXTURES, 'telecom.moodle.xml'));
  const byLine = new Map(r.questions.map((q) => [q.line, q]));

  it('maps the supported types and skips the others with a reason naming the type', () => {
    expect(r.questions.map((q) => [q.line, q.type])).toEqual([
      [8, 'single'], [22, 'multiple'], [36, 'truefalse'], [44, 'fill'], [52, 'fill'], [58, 'case'], [66, 'fill'], [74, 'fill'],
    ]);
    expect(r.skipped).toEqual([
      { line: 79, reason: expect.stringMatching(/cloze .*MULTICHOICE/), reasonZh: '含 MULTICHOICE 子题的嵌入答案（cloze）题不是填空题' },
      { line: 84, reason: 'unsupported question type "ddwtos" (drag and drop into text)', reasonZh: '不支持的题型“ddwtos”（拖放到文本）' },
      { line: 89, reason: expect.stringMatching(/"description"/), reasonZh: expect.stringMatching(/“description”/) },
      { line: 94, reason: expect.stringMatching(/no correct answer/), reasonZh: 'Moodle 选择题（multichoice）：没有正确答案' },
    ]);
  });

  it('reads CDATA, entities and HTML into plain text with line breaks', () => {
    const single = byLine.get(8)!;
    expect(single.stem).toBe('某用户月均流量 40GB，下列哪个套餐最合适？\n（按月费从低到高）');
    expect(single.options.map((o) => o.text)).toEqual(['59 元 20GB', '129 元 60GB & 不限速', '199 元']);
    expect(single.explanation).toBe('59 元 套餐只含 20GB。');
    expect(single).toMatchObject({ score: 2, externalKey: 'TC-001', knowledgePoints: ['套餐/资费'], answer: { kind: 'choice', keys: ['B'] } });
    expect(byLine.get(22)!.stem).toBe('融合套餐通常包含哪些业务？ "宽带" & \'手机\'');
    expect(byLine.get(22)!.answer).toEqual({ kind: 'choice', keys: ['A', 'B', 'C'] });
    expect(byLine.get(36)!.stem).toBe('投诉工单必须在 24 小时内首次回复。\n越级投诉需同步上报。');
    expect(byLine.get(36)!.answer).toEqual({ kind: 'truefalse', value: false });
  });

  it('short answer keeps the 100 % alternatives; numerical and cloze become fill', () => {
    expect(byLine.get(44)!.answer).toEqual({ kind: 'fill', blanks: [['情绪', '心情']] });
    expect(byLine.get(52)!.answer).toEqual({ kind: 'fill', blanks: [['15']] });
    expect(byLine.get(74)!).toMatchObject({
      stem: '光猫默认地址是 _____，超级密码需联系 _____。',
      answer: { kind: 'fill', blanks: [['192.168.1.1'], ['装维人员', '10000号']] },
    });
  });

  it('essay with a <servicestar> element becomes a case question with its metadata', () => {
    expect(byLine.get(58)!).toMatchObject({
      type: 'case',
      difficulty: 4,
      track: '语音客服',
      knowledgePoints: ['投诉处理/升级流程', '宽带/故障'],
      answer: { kind: 'text', reference: '要点：1. 情绪安抚；2. 升级流程；3. 回访。' },
    });
  });

  it('matching becomes one blank per sub-question, the distractor listed among the choices', () => {
    const m = byLine.get(66)!;
    expect(m.answer).toEqual({ kind: 'fill', blanks: [['未注册'], ['光信号中断']] });
    expect(m.stem.split('\n')).toEqual(['将指示灯状态与含义对应。', '(1) PON 灯熄灭 _____', '(2) LOS 灯红闪 _____', '选项 / Choices: 未注册 / 光信号中断 / 设备升级']);
  });
});

describe('parseMoodleXml on bad input', () => {
  it('names the line of a closing tag that does not match', () => {
    expect(() => parseMoodleXml(read(BANK_FIXTURES, 'telecom-malformed.moodle.xml'))).toThrow(
      'malformed XML at line 9: </questiontext> found where </question> (opened at line 3) was expected',
    );
  });

  it('names the line of an element never closed, and refuses a non-Moodle root and empty input', () => {
    expect(() => parseMoodleXml('<quiz>\n<question type="essay">\n')).toThrow(/line 2: <question> is never closed/);
    expect(() => parseMoodleXml('<?xml version="1.0"?>\n<html></html>')).toThrow(/line 2: the root element is <html>/);
    expect(() => parseMoodleXml(Buffer.alloc(0))).toThrow(/empty \(0 bytes\)/);
    expect(() => parseMoodleXml('<quiz>a < b</quiz>')).toThrow(/line 1: "<" is not followed by a tag name/);
  });

  it('carries the line in the error details for the API', () => {
    try {
      parseMoodleXml('<quiz>\n\n<question>\n</quiz>');
      expect.unreachable();
    } catch (e) {
      expect((e as { details?: unknown }).details).toEqual({ line: 4, reasonZh: 'XML 格式错误（第 4 行）：此处应为 </question>（第 3 行打开），却是 </quiz>' });
    }
  });
});

describe('categoryPath', () => {
  it('drops $course$, top and Moodle’s default level', () => {
    expect(categoryPath('$course$/top/Default for 初赛/宽带/故障')).toBe('宽带/故障');
    expect(categoryPath('$system$/top')).toBeNull();
    expect(categoryPath('$course$/Iota/Kappa')).toBe('Iota/Kappa');
  });
});
