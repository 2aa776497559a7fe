import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipart, type TestApp } from '../support/app.ts';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.signIn('org-root');
});
afterAll(async () => t?.cleanup());

const HEADER = '工号,姓名,性别,组织,手机,专业,角色';

async function preview(content: Buffer, fileName: string, fields: Record<string, string> = {}, as = cookie) {
  const m = multipart(fields, { name: 'file', fileName, content });
  return t.app.inject({ method: 'POST', url: '/api/people/import', headers: { cookie: as, ...m.headers }, payload: m.payload });
}
const commit = (jobId: string, mode = 'valid-rows', as = cookie) => t.app.inject({ method: 'POST', url: `/api/people/import/${jobId}/commit`, headers: { cookie: as }, payload: { mode } });
const count = async (q: string) => (await t.app.inject({ url: `/api/people?q=${encodeURIComponent(q)}&pageSize=1`, headers: { cookie } })).json().total as number;

async function xlsx(rows: (string | number)[][], merge?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  rows.forEach((r) => ws.addRow(r));
  if (merge) ws.mergeCells(merge);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('people import', () => {
  it('previews a file with every kind of bad row, writes nothing, then imports the valid rows', async () => {
    const csv = [
      HEADER,
      'A001,章一,女,测试集团/浙江/杭州/客服一班,13800000001,语音客服;智能客服,选手',
      'A001,章一一,女,测试集团/浙江/杭州/客服一班,13800000002,,选手',
      ',无工号,女,测试集团/浙江,,,',
      'A003,,女,测试集团/浙江,,,',
      'A004,章四,X,测试集团/浙江,,,',
      'A005,章五,女,测试集团/火星,,,',
      'A006,章六,女,测试集团/浙江,12345678901,,',
      'A007,章七,女,测试集团/浙江,,未知专业,',
      'A008,章八,女,测试集团/浙江,,,魔法师',
      'c-nj,冒名,女,测试集团/浙江,,,',
      'A010,章十,男,浙江/杭州,13800000010,质差修复客服,评委',
    ].join('\n');
    const res = await preview(Buffer.from(csv), 'people.csv');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.counts).toMatchObject({ create: 2, update: 1, unchanged: 0, rejected: 8 });
    expect(p.rejected.map((r: { row: number }) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(p.rejected.find((r: { row: number }) => r.row === 8).reasonZh).toContain('手机');
    expect(await count('A001')).toBe(0); // a preview writes nothing
    const done = await commit(p.jobId);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ imported: 2, updated: 1, unchanged: 0 });
    expect(await count('A001')).toBe(1);
    const a010 = (await t.app.inject({ url: '/api/people?q=A010', headers: { cookie } })).json().items[0];
    expect(a010.organisation.path).toBe('测试集团/浙江/杭州');
    expect(a010.roles.map((r: { role: string }) => r.role)).toEqual(['judge']);
    expect(a010.mustChangePassword).toBe(true);
    // the imported account signs in with the initial password and must change it
    const si = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo: 'A010', password: 'Init@2026' } });
    expect(si.json().mustChangePassword).toBe(true);
    // the job cannot be committed twice
    expect((await commit(p.jobId)).statusCode).toBe(409);
  });

  it('importing the same file twice changes nothing', async () => {
    const csv = Buffer.from(`${HEADER}\nB001,贝一,女,测试集团/江苏/南京,13900000001,语音客服,选手\nB002,贝二,男,测试集团/江苏/南京,,,选手;评委\n`);
    const first = await commit((await preview(csv, 'b.csv')).json().jobId);
    expect(first.json()).toMatchObject({ imported: 2, updated: 0, unchanged: 0 });
    const again = await preview(csv, 'b.csv');
    expect(again.json().counts).toMatchObject({ create: 0, update: 0, unchanged: 2, rejected: 0 });
    const second = await commit(again.json().jobId);
    expect(second.json()).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
    expect(await count('B00')).toBe(2);
  });

  it('all-or-nothing writes nothing when a row is bad', async () => {
    const csv = Buffer.from(`${HEADER}\nC001,晨一,女,测试集团/江苏/南京,,,\nC002,晨二,女,测试集团/江苏/南京,1,,\n`);
    const res = await commit((await preview(csv, 'c.csv')).json().jobId, 'all-or-nothing');
    expect(res.statusCode).toBe(400);
    expect(res.json().details.rejected[0].row).toBe(3);
    expect(await count('C00')).toBe(0);
  });

  it('creates missing organisations along the path when asked', async () => {
    const csv = Buffer.from(`${HEADER}\nD001,丁一,女,测试集团/江苏/无锡/客服一班,,,\n`);
    const without = await preview(csv, 'd.csv');
    expect(without.json().rejected[0].code).toBe('unknown_organisation');
    const withOrgs = await preview(csv, 'd.csv', { createOrganisations: 'true' });
    expect(withOrgs.json().newOrganisations).toEqual(['测试集团/江苏/无锡', '测试集团/江苏/无锡/客服一班']);
    const r = await commit(withOrgs.json().jobId);
    expect(r.json()).toMatchObject({ imported: 1, organisationsCreated: 2 });
    const orgs = (await t.app.inject({ url: '/api/organisations', headers: { cookie } })).json().items as { path: string; kind: string }[];
    expect(orgs.find((o) => o.path === '测试集团/江苏/无锡/客服一班')?.kind).toBe('team');
  });

  it('reads GB18030 and UTF-8-with-BOM CSV and .xlsx alike', async () => {
    const text = `${HEADER}\nG001,葛一,女,测试集团/浙江,,,\n`;
    const gb = await preview(iconv.encode(text, 'gb18030'), 'gb.csv');
    expect(gb.json()).toMatchObject({ encoding: 'gb18030', counts: { create: 1, rejected: 0 } });
    expect(gb.json().creates[0].name).toBe('葛一');
    const bom = await preview(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'bom.csv');
    expect(bom.json().creates[0].employeeNo).toBe('G001');
    const book = await xlsx([HEADER.split(','), ['X001', '徐一', '男', '测试集团/浙江/杭州', 13800000099, '语音客服', '选手']]);
    const x = await preview(book, 'people.xlsx');
    expect(x.json()).toMatchObject({ format: 'xlsx', counts: { create: 1, rejected: 0 } });
  });

  it('refuses merged cells by row, and empty, fake and headerless files with a clear message', async () => {
    const book = await xlsx([HEADER.split(','), ['M001', '马一', '男', '测试集团/浙江', '', '', ''], ['M002', '马二', '男', '测试集团/浙江', '', '', '']], 'B3:C3');
    const merged = await preview(book, 'm.xlsx');
    expect(merged.json().rejected).toEqual([expect.objectContaining({ row: 3, code: 'merged_cells' })]);
    const empty = await preview(Buffer.alloc(0), 'empty.csv');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ field: 'file', message: expect.stringContaining('empty') });
    const fake = await preview(Buffer.from('not really a workbook'), 'fake.xlsx');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().message).toContain('not an Excel workbook');
    const headerless = await preview(Buffer.from('a,b,c\n1,2,3\n'), 'h.csv');
    expect(headerless.json().fileError.reason).toMatch(/missing column 工号/);
    const none = await t.app.inject({ method: 'POST', url: '/api/people/import', headers: { cookie, 'content-type': 'application/json' }, payload: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().field).toBe('file');
  });

  it('someone else cannot commit my import', async () => {
    const p = await preview(Buffer.from(`${HEADER}\nO001,欧一,女,测试集团/浙江,,,\n`), 'o.csv');
    const other = await t.signIn('org-zj');
    expect((await commit(p.json().jobId, 'valid-rows', other)).statusCode).toBe(403);
  });

  it('serves templates whose header is the import header', async () => {
    const csv = await t.app.inject({ url: '/api/people/import/template?format=csv', headers: { cookie } });
    expect(csv.rawPayload.subarray(3).toString('utf8').split('\r\n')[0]).toBe(HEADER);
    const x = await t.app.inject({ url: '/api/people/import/template?format=xlsx&lang=en', headers: { cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(['employeeNo', 'name', 'gender', 'organisation', 'phone', 'tracks', 'roles']);
    // the filled-in template imports as it is
    const p = await preview(x.rawPayload, 'template.xlsx', { createOrganisations: 'true' });
    expect(p.json().counts).toMatchObject({ create: 1, rejected: 0 });
  });

  it('imports a 10,000-row file, and the second time changes nothing', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i++) {
      const org = i % 2 ? '测试集团/浙江/杭州/客服一班' : '测试集团/江苏/南京';
      lines.push(`K${String(i).padStart(5, '0')},测试${i},${i % 5 ? '女' : '男'},${org},139${String(i).padStart(8, '0')},${i % 3 ? '语音客服' : '智能客服;互联网融合客服'},${i % 50 ? '选手' : '选手;评委'}`);
    }
    const buf = Buffer.from(lines.join('\n'));
    const p = await preview(buf, 'big.csv');
    expect(p.json().counts).toMatchObject({ create: 10_000, rejected: 0 });
    expect(p.json().creates).toHaveLength(50);
    const r = await commit(p.json().jobId);
    expect(r.json()).toMatchObject({ imported: 10_000, updated: 0, unchanged: 0 });
    expect(await count('K0')).toBe(10_000);
    const again = await commit((await preview(buf, 'big.csv')).json().jobId);
    expect(again.json()).toMatchObject({ imported: 0, updated: 0, unchanged: 10_000 });
    const judges = (await t.app.inject({ url: '/api/people?q=K0&role=judge&pageSize=1', headers: { cookie } })).json();
    expect(judges.total).toBe(200);
  });

  it('keeps the guest- prefix for guest judges: an organiser cannot create, and an import cannot bring, a guest-… 工号', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/people', headers: { cookie }, payload: { employeeNo: 'guest-x9', name: '冒名评委', gender: 'F', organisationId: t.seed.hzTeam.id } });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toMatchObject({ field: 'employeeNo' });
    const p = await preview(Buffer.from(`${HEADER}\nGUEST-Y1,冒名评委,女,集团/浙江,,,\n`), 'guest.csv');
    expect(p.json().rejected).toEqual([expect.objectContaining({ row: 2, code: 'reserved_employee_no' })]);
    expect(await count('GUEST-Y1')).toBe(0);
  });
});
