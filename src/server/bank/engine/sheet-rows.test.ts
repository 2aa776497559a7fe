import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { question } from '../../../../test/fixtures/bank/arbitraries.ts';
import { withoutLine } from './model.ts';
import { mapSheetRows, questionsToSheetRows, templateHeader } from './sheet-rows.ts';

const HEADER = templateHeader(6);
const row = (cells: Partial<Record<string, string>>): string[] => HEADER.map((h) => cells[h] ?? '');

describe('mapSheetRows', () => {
  it('reads every type from the Chinese template', () => {
    const r = mapSheetRows([
      HEADER,
      row({ 题型: '单选', 题干: '光猫 LOS 灯红闪表示？', 选项A: '断纤', 选项B: '升级', 答案: 'a', 专业: '语音客服', 知识点: '宽带/故障/光猫；宽带/装机', 难度: '4', 分值: '2' }),
      row({ 题型: '多选题', 题干: '携号转网条件', 选项A: '实名', 选项B: '无欠费', 选项C: '有合约', 答案: 'A、B' }),
      row({ 题型: '判断', 题干: '宽带可随时移机。', 选项A: '对', 选项B: '错', 答案: 'B' }),
      row({ 题型: '填空', 题干: '光猫地址 _____，超级密码找 _____', 答案: '192.168.1.1|装维人员/10000号' }),
      row({ 题型: '简答', 题干: '简述首问负责制。', 答案: '谁首问谁负责' }),
      row({ 题型: '案例分析', 题干: '用户三天未修复…', 难度: '较难', 状态: '草稿' }),
      row({ 题型: '情景', 题干: '听录音，安抚客户。', 附件: '音频|投诉录音.mp3|https://f.example.cn/a.mp3\n图片|工单.png' }),
    ]);
    expect(r.skipped).toEqual([]);
    expect(r.questions.map((q) => [q.line, q.type])).toEqual([[2, 'single'], [3, 'multiple'], [4, 'truefalse'], [5, 'fill'], [6, 'short'], [7, 'case'], [8, 'scenario']]);
    const [single, multiple, tf, fill, short, kase, scenario] = r.questions;
    expect(single).toMatchObject({ answer: { kind: 'choice', keys: ['A'] }, track: '语音客服', knowledgePoints: ['宽带/故障/光猫', '宽带/装机'], difficulty: 4, score: 2 });
    expect(multiple).toMatchObject({ answer: { kind: 'choice', keys: ['A', 'B'] }, score: 2, difficulty: 3, status: 'active' });
    expect(tf).toMatchObject({ answer: { kind: 'truefalse', value: false }, options: [] });
    expect(fill.answer).toEqual({ kind: 'fill', blanks: [['192.168.1.1'], ['装维人员', '10000号']] });
    expect(short.answer).toEqual({ kind: 'text', reference: '谁首问谁负责' });
    expect(kase).toMatchObject({ difficulty: 4, status: 'draft', score: 10 });
    expect(scenario.attachments).toEqual([{ kind: 'audio', name: '投诉录音.mp3', url: 'https://f.example.cn/a.mp3' }, { kind: 'image', name: '工单.png' }]);
  });

  it('accepts English headers and a title row above the header', () => {
    const r = mapSheetRows([
      ['ServiceStar 题库导入模板'],
      ['Type', 'Stem', 'Option A', 'Option B', 'Answer', 'Difficulty'],
      ['single', '5G 是第几代？', '四', '五', 'B', '2'],
    ]);
    expect(r.questions).toMatchObject([{ line: 3, type: 'single', difficulty: 2, answer: { kind: 'choice', keys: ['B'] } }]);
  });

  it('reports each bad row with its row number and reason, and reads the rest', () => {
    const r = mapSheetRows([
      HEADER,
      row({ 题型: '单选', 题干: '无答案', 选项A: 'x', 选项B: 'y' }),
      row({ 题型: '单选', 题干: '答案不在选项中', 选项A: 'x', 选项B: 'y', 答案: 'D' }),
      row({ 题型: '单选', 题干: '两个答案', 选项A: 'x', 选项B: 'y', 答案: 'AB' }),
      [],
      row({ 题型: '问卷', 题干: '未知题型' }),
      row({ 题型: '判断', 题干: '难度越界', 答案: '对', 难度: '6' }),
      row({ 题型: '多选', 题干: '选项断档', 选项A: 'x', 选项C: 'z', 答案: 'AC' }),
      row({ 题型: '判断', 题干: '正常', 答案: '正确' }),
    ]);
    expect(r.questions.map((q) => q.line)).toEqual([9]);
    expect(r.skipped).toEqual([
      { line: 2, reason: '答案 is empty: the question has no correct answer', reasonZh: '答案为空：没有正确答案' },
      { line: 3, reason: 'answer D is not among the options AB', reasonZh: '答案 D 不在选项 AB 中' },
      { line: 4, reason: 'a single-choice question has one answer, not AB', reasonZh: '单选题只能有一个答案，而不是 AB' },
      { line: 6, reason: expect.stringMatching(/^题型 "问卷" is not one of 单选/), reasonZh: '题型“问卷”无效，应为 单选、多选、判断、填空、简答、案例分析、情景 之一' },
      { line: 7, reason: '难度 "6" is not 1–5', reasonZh: '难度“6”无效，应为 1–5' },
      { line: 8, reason: '选项B is empty but a later option is filled', reasonZh: '选项B 为空，但后面的选项有内容' },
    ]);
  });

  it('names row 1 when the header lacks a required column, and refuses an empty sheet', () => {
    expect(() => mapSheetRows([['题型', '题干'], ['单选', 'x']])).toThrow(/row 1: the header row lacks 答案/);
    expect(() => mapSheetRows([['', '']])).toThrow(/empty/);
  });
});

describe('questionsToSheetRows', () => {
  it('round-trips through mapSheetRows', () => {
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 8 }), (qs) => {
        const back = mapSheetRows(questionsToSheetRows(qs));
        expect(back.skipped).toEqual([]);
        expect(back.questions.map(withoutLine)).toEqual(qs);
      }),
      { numRuns: 300 },
    );
  });

  it('writes the template header and the answer conventions', () => {
    const rows = questionsToSheetRows([
      { ...mapSheetRows([HEADER, row({ 题型: '填空', 题干: 'a', 答案: '1\\/2|x/y' })]).questions[0] },
    ]);
    expect(rows[0].slice(0, 9)).toEqual(['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案']);
    expect(rows[1][0]).toBe('填空');
    expect(rows[1][8]).toBe('1\\/2|x/y');
  });
});
