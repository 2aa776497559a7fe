import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { writeXlsx } from '../../src/server/lib/spreadsheet.ts';
import { multipart, type TestApp } from '../support/app.ts';
import { BANK_FIXTURES } from '../fixtures/bank/paths.ts';

export const fixture = (name: string): Buffer => fs.readFileSync(path.join(BANK_FIXTURES, name));

export const HEADER = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '专业', '知识点', '难度', '分值', '解析', '来源', '状态'];

/** A Chinese sheet with every type; row 9 (the last) has no correct answer. */
export const SHEET_ROWS: string[][] = [
  HEADER,
  ['单选', '光猫 LOS 指示灯红色闪烁，最可能的原因是？', '光纤信号中断', '路由器未开机', '账号欠费停机', 'WiFi 密码错误', 'A', '质差修复客服', '宽带/故障/光猫', '2', '1', 'LOS 灯红表示光信号丢失', '自编', '启用'],
  ['多选', '办理携号转网前，客服应提醒用户核对哪些事项？', '号码已实名', '无欠费', '已解除合约', '已开通国际漫游', 'ABC', '语音客服', '携号转网/条件', '3', '2', '', '自编', ''],
  ['判断', '国际漫游开通后，用户在境外接听电话不收费。', '', '', '', '', '错', '语音客服', '国际漫游/资费', '2', '1', '境外接听通常收费', '', ''],
  ['填空', '光纤到户的英文缩写是 _____，光猫的另一个名称是 _____。', '', '', '', '', 'FTTH/ftth|ONU', '', '宽带/基础', '1', '2', '', '', ''],
  ['简答', '简述处理话费争议投诉的基本步骤。', '', '', '', '', '安抚情绪；核实账单；解释或退费；回访', '语音客服', '投诉处理/话费争议', '4', '5', '', '', ''],
  ['案例分析', '用户因 5G 套餐降档被拒而升级投诉，请分析服务问题并提出改进措施。', '', '', '', '', '首问负责；规则解释；升级处理', '互联网融合客服', '投诉处理/升级投诉', '5', '10', '', '', ''],
  ['情景', '模拟：用户来电称宽带一周内断线三次，情绪激动，请现场应答。', '', '', '', '', '共情；查障；派单；回访', '质差修复客服', '宽带/故障', '4', '10', '', '', ''],
  ['单选', '以下哪项是服务规范要求的标准开头语？', '您好，很高兴为您服务', '喂，什么事', '说吧', '快点讲', '', '语音客服', '服务规范/用语', '1', '1', '', '', ''],
];

export const sheetXlsx = (rows: string[][] = SHEET_ROWS, name = '题目') => writeXlsx([{ name, rows }]);

export async function createBank(t: TestApp, who: string, name: string, organisationId: number): Promise<number> {
  const res = await t.app.inject({ method: 'POST', url: '/api/banks', headers: { cookie: await t.signIn(who) }, payload: { name, organisationId } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

export async function upload(t: TestApp, who: string, bankId: number, fileName: string, content: Buffer, format?: string) {
  const body = multipart(format ? { format } : {}, { name: 'file', fileName, content });
  return t.app.inject({ method: 'POST', url: `/api/banks/${bankId}/import`, headers: { ...body.headers, cookie: await t.signIn(who) }, payload: body.payload });
}

/** Preview then commit; returns the commit's summary. */
export async function importFile(t: TestApp, who: string, bankId: number, fileName: string, content: Buffer, format?: string) {
  const preview = await upload(t, who, bankId, fileName, content, format);
  expect(preview.statusCode, preview.body).toBe(200);
  const commit = await t.app.inject({ method: 'POST', url: `/api/banks/${bankId}/import/${preview.json().jobId}/commit`, headers: { cookie: await t.signIn(who) } });
  expect(commit.statusCode, commit.body).toBe(200);
  return { preview: preview.json(), summary: commit.json() };
}

export async function get(t: TestApp, who: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: await t.signIn(who) } });
}

export async function send(t: TestApp, who: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie: await t.signIn(who) }, ...(payload ? { payload } : {}) });
}
