import type { AppContext } from '../context.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { toCsv } from '../lib/csv.ts';
import { writeXlsx } from '../lib/spreadsheet.ts';
import { loadBank } from './access.ts';
import type { Question, QuestionStatus } from './engine/model.ts';
import { exportMoodleXml } from './engine/moodle-xml-export.ts';
import { questionsToSheetRows } from './engine/sheet-rows.ts';

export type FileOut = { body: Buffer; fileName: string; contentType: string };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NOTES: string[][] = [
  ['列', '说明'],
  ['题型', '必填：单选、多选、判断、填空、简答、案例分析、情景'],
  ['题干', '必填。填空题用 _____（五个下划线）标出每个空'],
  ['选项A…选项F', '选择题的选项，按顺序填写；不够可在右侧加“选项G”等列'],
  ['答案', '选择题填字母如 AC；判断题填 对/错；填空题各空用 | 分隔，同一空的可接受答案用 / 分隔（如 光猫/ONU|192.168.1.1）；主观题填参考答案或评分要点'],
  ['专业', '选填：语音客服、智能客服、互联网融合客服、质差修复客服；空 = 通用'],
  ['知识点', '选填：路径如 宽带/故障/光猫，多个用 ; 分隔'],
  ['难度', '1–5（或 容易 较易 中等 较难 困难），空 = 3'],
  ['分值', '空 = 该题型默认分值'],
  ['解析 / 来源', '选填'],
  ['状态', '草稿 / 启用 / 停用，空 = 启用'],
  ['附件', '选填：每行一个，类型|名称|地址，如 图片|光猫面板.png|/media/onu.png'],
  ['编号', '选填：题目的外部编号；有编号时按编号识别同一题，重复导入不会重复'],
];

const EXAMPLES: Question[] = [
  { type: 'single', stem: '光猫 LOS 指示灯红色闪烁，最可能的原因是？', options: [{ key: 'A', text: '光纤信号中断' }, { key: 'B', text: '路由器未开机' }, { key: 'C', text: '账号欠费停机' }, { key: 'D', text: 'WiFi 密码错误' }], answer: { kind: 'choice', keys: ['A'] }, attachments: [], track: '质差修复客服', knowledgePoints: ['宽带/故障/光猫'], difficulty: 2, score: 1, explanation: 'LOS 灯亮红表示光信号丢失，需检查光路。', source: '示例', status: 'active', externalKey: null },
  { type: 'fill', stem: '光纤到户的英文缩写是 _____。', options: [], answer: { kind: 'fill', blanks: [['FTTH', 'ftth']] }, attachments: [], track: null, knowledgePoints: ['宽带/基础'], difficulty: 1, score: 1, explanation: '', source: '示例', status: 'active', externalKey: null },
];

export async function questionTemplate(format: 'xlsx' | 'csv'): Promise<FileOut> {
  const rows = questionsToSheetRows(EXAMPLES);
  if (format === 'csv') {
    return { body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(rows))]), fileName: '题目导入模板.csv', contentType: 'text/csv; charset=utf-8' };
  }
  const body = await writeXlsx([
    { name: '题目', rows, widths: [10, 48, 18, 18, 18, 18, 18, 18, 12, 14, 20, 6, 6, 30, 10, 8, 24, 12] },
    { name: '说明', rows: NOTES, widths: [14, 100] },
  ]);
  return { body, fileName: '题目导入模板.xlsx', contentType: XLSX };
}

/** The bank's current questions as .xlsx (the template's columns) or Moodle XML; importing either gives them back. */
export async function exportQuestions(ctx: AppContext, actor: Actor, bankId: number, opts: { format: 'xlsx' | 'moodle'; status?: QuestionStatus }): Promise<FileOut> {
  const bank = await loadBank(ctx, actor, bankId, 'use');
  const questions = (await ctx.bank.questions.listAll({ bankId, status: opts.status })).map((r) => r.question);
  await ctx.identity.misc.audit({ actorId: actor.personId, action: 'questions.exported', targetType: 'bank', targetId: bankId, data: { format: opts.format, questions: questions.length } });
  if (opts.format === 'moodle') {
    return { body: Buffer.from(exportMoodleXml(questions)), fileName: `${bank.name}.moodle.xml`, contentType: 'application/xml; charset=utf-8' };
  }
  const body = await writeXlsx([{ name: '题目', rows: questionsToSheetRows(questions), widths: [10, 48, 18, 18, 18, 18, 18, 18, 12, 14, 20, 6, 6, 30, 10, 8, 24, 12] }]);
  return { body, fileName: `${bank.name}.xlsx`, contentType: XLSX };
}
