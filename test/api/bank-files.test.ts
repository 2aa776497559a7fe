import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createTestDb } from '../support/db.ts';
import { seedBasic } from '../support/seed.ts';
import { createTestApp, multipart, type TestApp } from '../support/app.ts';
import { MOODLE_TESTDATA } from '../fixtures/bank/paths.ts';
import { HEADER, SHEET_ROWS, createBank, fixture, get, importFile, upload } from './bank-helpers.ts';

let t: TestApp;
let bankId: number;
beforeAll(async () => {
  t = await createTestApp();
  bankId = await createBank(t, 'org-root', '集团题库', t.seed.root.id);
});
afterAll(async () => t?.cleanup());

const count = async (id = bankId) => (await get(t, 'org-root', `/api/banks/${id}/questions`)).json().total as number;
const moodle = (name: string) => fs.readFileSync(path.join(MOODLE_TESTDATA, name));
type Q = { type: string; stem: string };
const questionsOf = async (id: number) => {
  const items = (await get(t, 'org-root', `/api/banks/${id}/questions?pageSize=200`)).json().items as Record<string, unknown>[];
  return items.map(({ id: _i, bankId: _b, versionId: _v, versionNo: _n, createdAt: _c, updatedAt: _u, ...q }) => q).sort((a, b) => String(a.stem).localeCompare(String(b.stem)));
};

describe('Moodle’s own test files, through the API', () => {
  it.each([
    // Moodle makes 9; lines 46 and 49 are the same question ({T} and {TRUE}), which ServiceStar keeps once (re-import must not duplicate)
    ['questions.gift.txt', ['short', 'fill', 'single', 'multiple', 'fill', 'fill', 'truefalse', 'truefalse'], [{ line: 49, reason: 'the same question as line 46', reasonZh: '与第 46 行的题目相同' }]],
    ['questions_in_category.gift.txt', ['fill', 'single', 'fill', 'truefalse']],
    ['questions.aiken.txt', ['single', 'single']],
    ['nested_categories_with_questions.xml', ['truefalse', 'truefalse', 'truefalse', 'truefalse', 'short']],
    ['multichoice_testquestion.moodle.xml', ['multiple']],
  ] as [string, string[], { line: number; reason: string; reasonZh: string }[]?][])('%s gives the counts and types Moodle makes of it', async (name, types, skipped = []) => {
    const id = await createBank(t, 'org-root', `Moodle ${name}`, t.seed.root.id);
    const { summary } = await importFile(t, 'org-root', id, name, moodle(name));
    expect(summary.imported).toBe(types.length);
    expect(summary.skipped).toEqual(skipped);
    const byType: Record<string, number> = {};
    for (const ty of types) byType[ty] = (byType[ty] ?? 0) + 1;
    expect(Object.fromEntries(Object.entries(summary.byType).filter(([, n]) => n))).toEqual(byType);
  });

  it('aiken_errors.txt: the 2 good questions imported, every error reported with its line', async () => {
    const id = await createBank(t, 'org-root', 'Aiken errors', t.seed.root.id);
    const { summary } = await importFile(t, 'org-root', id, 'aiken_errors.txt', moodle('aiken_errors.txt'), 'aiken');
    expect(summary.imported).toBe(2);
    expect(summary.skipped.map((s: { line: number }) => s.line)).toEqual(expect.arrayContaining([3, 5, 7]));
    expect(summary.skipped.every((s: { reason: string }) => s.reason.length > 5)).toBe(true);
    expect(summary.skipped.map((s: { reasonZh: string }) => s.reasonZh)).toEqual([
      '选项太少：第 1 行的题目只有 1 个选项，至少需要 2 个',
      '选项 A 前面没有题目',
      'ANSWER: 行前面没有题目',
      '第 14 行的题目在下一题开始前没有 ANSWER: 行',
    ]);
  });
});

describe('bad input: a clear message naming the place, nothing written, the server stays up', () => {
  it('malformed XML names the line', async () => {
    const before = await count();
    const res = await upload(t, 'org-root', bankId, 'bad.xml', fixture('telecom-malformed.moodle.xml'));
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('file');
    expect(res.json().message).toMatch(/line \d+/);
    expect(res.json().reasonZh).toMatch(/^XML 格式错误（第 \d+ 行）：/);
    expect(await count()).toBe(before);
  });

  it('a broken GIFT question is skipped with its line; the good ones import', async () => {
    const gift = '// 电信 GIFT\n::好题:: 宽带报障电话是 10000 号。{T}\n\n::坏题:: 光猫指示灯含义 {=正常 ~异常\n\n::又一好题:: 携号转网需要实名登记。{TRUE}\n';
    const id = await createBank(t, 'org-root', 'GIFT 坏题', t.seed.root.id);
    const { summary } = await importFile(t, 'org-root', id, 'broken.gift', Buffer.from(gift));
    expect(summary.skipped).toEqual([{ line: 4, reason: 'the answer block { is never closed with }', reasonZh: '答案块 { 没有用 } 结束' }]);
    expect(summary.imported).toBe(2);
  });

  it('an xlsx row with merged cells is skipped with its row number', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('题目');
    for (const r of SHEET_ROWS.slice(0, 4)) ws.addRow(r);
    ws.mergeCells('H3:I3');
    const id = await createBank(t, 'org-root', '合并单元格', t.seed.root.id);
    const { summary } = await importFile(t, 'org-root', id, 'merged.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(summary.skipped).toEqual([
      { line: 3, reason: 'row 3 has merged cells: unmerge them and fill every cell of the question', reasonZh: '第 3 行有合并单元格：请取消合并，并把这道题的每个单元格都填上' },
    ]);
    expect(summary.imported).toBe(2);
  });

  it('an xlsx whose sheet is not the template says which header is missing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('成绩').addRow(['姓名', '分数']);
    const res = await upload(t, 'org-root', bankId, 'wrong.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'file' });
    expect(res.json().message).toMatch(/题型.*题干/);
    expect(res.json().reasonZh).toMatch(/^wrong\.xlsx：所读的工作表.*第 1 行：表头缺少 题型、题干、答案 列/);
  });

  it('a 0-byte file is refused', async () => {
    const res = await upload(t, 'org-root', bankId, 'empty.xlsx', Buffer.alloc(0));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/0 bytes/);
    expect(res.json().reasonZh).toBe('empty.xlsx 是空文件（0 字节）');
  });

  it('a committed import cannot be committed twice', async () => {
    const preview = (await upload(t, 'org-root', bankId, 'q.csv', Buffer.from([HEADER, SHEET_ROWS[3]].map((r) => r.join(',')).join('\n')))).json();
    const commit = () => t.app.inject({ method: 'POST', url: `/api/banks/${bankId}/import/${preview.jobId}/commit`, headers: { cookie: '' } });
    expect((await commit()).statusCode).toBe(401);
    const url = `/api/banks/${bankId}/import/${preview.jobId}/commit`;
    const cookie = await t.signIn('org-root');
    expect((await t.app.inject({ method: 'POST', url, headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url, headers: { cookie } })).statusCode).toBe(409);
  });

  it('a file over the upload limit is a 413 and the server answers the next request', async () => {
    const db = await createTestDb({ maxUploadMb: 1 });
    try {
      await seedBasic(db.ctx);
      const app = await buildApp({ ctx: db.ctx, serveWeb: false });
      const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'org-root', password: 'Test@1234' } });
      const cookie = `ss_session=${signIn.cookies.find((c) => c.name === 'ss_session')!.value}`;
      const root = (await db.ctx.identity.orgs.findRoot())!;
      const bank = await app.inject({ method: 'POST', url: '/api/banks', headers: { cookie }, payload: { name: '大文件', organisationId: root.id } });
      const body = multipart({}, { name: 'file', fileName: 'big.csv', content: Buffer.alloc(2 * 1024 * 1024, 'a') });
      const res = await app.inject({ method: 'POST', url: `/api/banks/${bank.json().id}/import`, headers: { ...body.headers, cookie }, payload: body.payload });
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toMatch(/1 MB/);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      await app.close();
    } finally {
      await db.cleanup();
    }
  });
});

describe('export', () => {
  it('import(export(bank)) gives the same questions, as .xlsx and as Moodle XML; re-importing the export changes nothing', async () => {
    await importFile(t, 'org-root', bankId, '题库.xlsx', await (await import('./bank-helpers.ts')).sheetXlsx());
    await importFile(t, 'org-root', bankId, 'telecom.gift.txt', fixture('telecom.gift.txt'));
    const original = await questionsOf(bankId);
    expect(original.length).toBeGreaterThan(10);
    for (const format of ['xlsx', 'moodle'] as const) {
      const file = await get(t, 'org-root', `/api/banks/${bankId}/export?format=${format}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toContain('attachment');
      const again = await importFile(t, 'org-root', bankId, `export.${format === 'xlsx' ? 'xlsx' : 'xml'}`, file.rawPayload);
      expect(again.summary).toMatchObject({ imported: 0, updated: 0, unchanged: original.length });
      const copy = await createBank(t, 'org-root', `副本 ${format}`, t.seed.root.id);
      await importFile(t, 'org-root', copy, `export.${format === 'xlsx' ? 'xlsx' : 'xml'}`, file.rawPayload);
      expect(await questionsOf(copy)).toEqual(original);
    }
  });

  it('the template downloads and imports as it is', async () => {
    const file = await get(t, 'org-root', '/api/banks/import/template?format=xlsx');
    expect(file.statusCode).toBe(200);
    const id = await createBank(t, 'org-root', '模板', t.seed.root.id);
    const { summary } = await importFile(t, 'org-root', id, '题目导入模板.xlsx', file.rawPayload);
    expect(summary.imported).toBe(2);
  });
});
