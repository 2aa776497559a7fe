import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOODLE_TESTDATA } from '../../../../test/fixtures/bank/paths.ts';
import { parseAiken } from './aiken.ts';
import { parseGift } from './gift.ts';
import { planImport } from './import-plan.ts';
import type { Skipped } from './model.ts';
import { parseMoodleXml } from './moodle-xml.ts';
import { mapSheetRows, templateHeader } from './sheet-rows.ts';

/**
 * Every skipped line carries a Chinese reason (the product is zh-CN first): deliberately
 * broken files of each format, one question per error path of its reader.
 */

const CJK = /[\u4e00-\u9fff]/;
/** English words that would mean an untranslated reason (the Aiken keyword ANSWER:, XML tags and quoted file content aside). */
const ENGLISH = /\b(option|options|answer|answers|question|questions|line|row|the|is|not|no|with|must|empty|has|choice|blank|title|file|never|closed|missing)\b/i;
const withoutLiterals = (zh: string): string =>
  zh
    .replace(/“[^”]*”/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/ANSWER\s*:/g, '');

function expectChineseReasons(skipped: Skipped[]): void {
  for (const s of skipped) {
    expect(s.reasonZh, `line ${s.line}: ${s.reason}`).toMatch(CJK);
    expect(withoutLiterals(s.reasonZh), `line ${s.line}: ${s.reasonZh}`).not.toMatch(ENGLISH);
    expect(s.reason.trim(), `line ${s.line}`).not.toBe('');
  }
}

const HEADER = templateHeader(4).concat([]);
const row = (cells: Partial<Record<string, string>>): string[] => HEADER.map((h) => cells[h] ?? '');

describe('every skipped line has a Chinese reason', () => {
  it('spreadsheet rows (xlsx/csv): each cell error, several errors in one row joined with ；', () => {
    const r = mapSheetRows([
      HEADER,
      row({ 题型: '单选', 题干: '无答案', 选项A: 'x', 选项B: 'y' }),
      row({ 题型: '单选', 题干: '答案不在选项中', 选项A: 'x', 选项B: 'y', 答案: 'D' }),
      row({ 题型: '单选', 题干: '两个答案', 选项A: 'x', 选项B: 'y', 答案: 'AB' }),
      row({ 题型: '问卷', 题干: '未知题型' }),
      row({ 题型: '判断', 题干: '难度和状态都不对', 答案: '对', 难度: '9', 状态: '待定' }),
      row({ 题型: '多选', 题干: '选项断档', 选项A: 'x', 选项C: 'z', 答案: 'AC' }),
      row({ 题型: '单选', 题干: '答案不是字母', 选项A: 'x', 选项B: 'y', 答案: '1' }),
      row({ 题型: '判断', 题干: '答案不是对错', 答案: '也许' }),
      row({ 题型: '填空', 题干: '没有答案 _____' }),
      row({ 题型: '判断', 题干: '附件类型不对', 答案: '对', 附件: '声音|a.mp3' }),
      row({ 题型: '判断', 题干: '', 答案: '对', 分值: '-1' }),
      row({ 题型: '判断', 题干: '正常', 答案: '错' }),
    ]);
    expect(r.questions.map((q) => q.line)).toEqual([13]);
    expect(r.skipped.map((s) => s.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expectChineseReasons(r.skipped);
    expect(r.skipped[4]).toEqual({
      line: 6,
      reason: '难度 "9" is not 1–5; 状态 "待定" is not 草稿, 启用 or 停用',
      reasonZh: '难度“9”无效，应为 1–5；状态“待定”无效，应为 草稿、启用 或 停用',
    });
    expect(r.skipped[10]).toEqual({
      line: 12,
      reason: 'the stem is empty; score -1 must be a positive number',
      reasonZh: '题干为空；分值 -1 必须为正数',
    });
  });

  it('GIFT: every broken question, and a repeat within the file', () => {
    const text = [
      '::标题没有关 光猫亮红灯？{T}',
      '多余的括号 }',
      '只是一段说明文字。',
      '题一 {=甲 ~乙',
      '题二 {=甲 ~乙} 又一个 {=丙}',
      '::只有标题:: {T}',
      '短答 {甲 =乙}',
      '短答没有满分 {=%50%乙}',
      '多选没有对的 {~甲 ~乙}',
      '选择有一项没标记 {甲 ~乙 =丙}',
      '匹配少箭头 {=甲 -> 乙 =丙}',
      '匹配缺答案 {=甲 -> 乙 =丁 -> }',
      '匹配没有小题 {= -> 乙}',
      '数值不是数 {#abc}',
      '数值没有正确答案 {#~3}',
      '选项为空 {=甲 ~}',
      '光猫 LOS 灯红闪表示？{=断纤 ~升级}',
      '光猫 LOS 灯红闪表示？{=断纤 ~升级}',
    ].join('\n\n');
    const { summary } = planImport([], parseGift(text));
    expect(summary.skipped.map((s) => s.line)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 35]);
    expectChineseReasons(summary.skipped);
    expect(summary.skipped[3]).toEqual({ line: 7, reason: 'the answer block { is never closed with }', reasonZh: '答案块 { 没有用 } 结束' });
    expect(summary.skipped.at(-1)).toEqual({ line: 35, reason: 'the same question as line 33', reasonZh: '与第 33 行的题目相同' });
  });

  it('Moodle XML: unsupported types, broken cloze, no correct answer, a stray element', () => {
    const q = (type: string | null, body: string): string =>
      `<question${type === null ? '' : ` type="${type}"`}><questiontext format="html"><text>${body}</text></questiontext></question>`;
    const xml = [
      '<quiz>',
      q('multianswer', '光猫是 {1:MULTICHOICE:=光网络终端~路由器}'),
      q('multianswer', '光猫是 {1:SHORTANSWER:=光网络终端'),
      q('multianswer', '没有字段'),
      q('ddwtos', '拖放'),
      q('description', '说明'),
      q('calculated', '计算'),
      q('foo', '未知'),
      q(null, '没有类型'),
      '<question type="multichoice"><questiontext><text>没有对的</text></questiontext><answer fraction="0"><text>甲</text></answer><answer fraction="0"><text>乙</text></answer></question>',
      '<question type="truefalse"><questiontext><text>判断</text></questiontext><answer fraction="0"><text>true</text></answer></question>',
      '<question type="matching"><questiontext><text>匹配</text></questiontext></question>',
      '<question type="essay"><questiontext><text></text></questiontext></question>',
      '<foo/>',
      '</quiz>',
    ].join('\n');
    const r = parseMoodleXml(xml);
    expect(r.questions).toEqual([]);
    expect(r.skipped.map((s) => s.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expectChineseReasons(r.skipped);
    expect(r.skipped[3]).toEqual({ line: 5, reason: 'unsupported question type "ddwtos" (drag and drop into text)', reasonZh: '不支持的题型“ddwtos”（拖放到文本）' });
    expect(r.skipped[9]).toEqual({ line: 11, reason: 'truefalse question: the question has no correct answer', reasonZh: '判断题没有正确答案' });
  });

  it('Aiken: Moodle’s aiken_errors.txt and every other error path', () => {
    const moodle = parseAiken(fs.readFileSync(path.join(MOODLE_TESTDATA, 'aiken_errors.txt')));
    expect(moodle.skipped).toHaveLength(4);
    expectChineseReasons(moodle.skipped);
    const text = [
      '选项乱序？', 'A. 甲', 'C. 丙', 'ANSWER: A',
      '答案不是字母？', 'A. 甲', 'B. 乙', 'ANSWER: 1',
      '答案不在选项中？', 'A. 甲', 'B. 乙', 'ANSWER: E',
      'B. 没有题目的选项',
      '没有答案行？', 'A. 甲', 'B. 乙',
      '结尾的题？', 'A. 甲', 'B. 乙',
    ].join('\n');
    const r = parseAiken(text);
    expect(r.skipped.map((s) => s.line)).toEqual([3, 4, 8, 12, 13, 17, 17]);
    expectChineseReasons(r.skipped);
    expect(r.skipped[0]).toEqual({ line: 3, reason: 'option C found where option B was expected', reasonZh: '此处应为选项 B，却是选项 C' });
    expect(r.skipped[3]).toEqual({ line: 12, reason: 'line 12: answer E is not among the options AB', reasonZh: '第 12 行：答案 E 不在选项 AB 中' });
  });

  it('a file that cannot be read at all carries a Chinese reason in its details', () => {
    const zhOf = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return (e as { details: { reasonZh: string } }).details.reasonZh;
      }
      throw new Error('expected a file error');
    };
    expect(zhOf(() => parseGift(new Uint8Array()))).toBe('GIFT 文件为空（0 字节）');
    expect(zhOf(() => parseAiken('  \n'))).toBe('Aiken 文件是空的');
    expect(zhOf(() => parseMoodleXml('<questions/>'))).toBe('第 1 行：根元素是 <questions>，Moodle XML 文件的根元素应为 <quiz>');
    expect(zhOf(() => parseMoodleXml('<quiz>\n<question>\n</quiz>'))).toMatch(/^XML 格式错误（第 3 行）/);
    expect(zhOf(() => mapSheetRows([['题型', '题干']]))).toMatch(/^第 1 行：表头缺少 答案 列/);
    expect(zhOf(() => mapSheetRows([['', '']]))).toBe('表格是空的');
  });
});
