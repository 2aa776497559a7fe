/**
 * Journey: an organiser signs in, imports a people spreadsheet with one bad row, sees the row's
 * number and reason in the preview, imports the valid rows and finds a new person by searching.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { baseUrl, DESKTOP, expect, journey, screenshot, signIn, step } from './support.ts';

const ORG = '星海通信集团/浙江/杭州/客服一班';
const tag = Date.now().toString(36).slice(-5).toUpperCase();
const rows = [
  ['工号', '姓名', '性别', '组织', '手机', '专业', '角色'],
  [`E2E${tag}1`, '顾清妍', '女', ORG, '13800138001', '语音客服', '选手'],
  [`E2E${tag}2`, '沈嘉木', '男', ORG, '13900139002', '智能客服;语音客服', '选手'],
  [`E2E${tag}3`, '许知远', '男', ORG, '12345', '语音客服', '选手'], // row 4: the bad phone
  [`E2E${tag}4`, '宋语桐', '女', ORG, '', '互联网融合客服', '选手'],
];

async function writeWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  for (const r of rows) ws.addRow(r);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-e2e-')), `人员导入-${tag}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

await journey('organiser imports people', DESKTOP, async ({ page }) => {
  const file = await writeWorkbook();

  await step('sign-in page renders', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.getByTestId('demo-hint').waitFor();
    await screenshot(page, 'sign-in', false);
  });

  await step('organiser signs in and lands on the overview', async () => {
    await signIn(page, 'organiser');
    await page.waitForURL(`${baseUrl}/admin`);
    await page.getByRole('menuitem', { name: '组织架构' }).waitFor();
    await page.getByText('各专业人数').waitFor();
    await page.waitForTimeout(600); // the chart animates in
    await screenshot(page, 'admin-overview', false);
  });

  await step('the organisation tree shows the demo group', async () => {
    await page.getByRole('menuitem', { name: '组织架构' }).click();
    await page.waitForURL(`${baseUrl}/admin/organisations`);
    await page.locator('.ss-org-tree').getByText('浙江', { exact: true }).waitFor();
    await screenshot(page, 'organisations', false);
  });

  await step('upload the spreadsheet for a preview', async () => {
    await page.getByRole('menuitem', { name: '导入人员' }).click();
    await page.waitForURL(`${baseUrl}/admin/people/import`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('picked-file').getByText(path.basename(file)).waitFor();
    await page.getByRole('button', { name: '上传并预检' }).click();
    await page.getByTestId('import-counts').waitFor();
  });

  await step('the preview lists the bad row with its number and reason', async () => {
    const table = page.getByTestId('rejected-table');
    await table.getByText('第 4 行').waitFor();
    await table.getByText('手机“12345”无效').waitFor();
    const created = await page.getByTestId('count-create').locator('.ant-statistic-content').innerText();
    const rejected = await page.getByTestId('count-rejected').locator('.ant-statistic-content').innerText();
    expect(created.trim() === '3', `3 rows to create, saw ${created}`);
    expect(rejected.trim() === '1', `1 rejected row, saw ${rejected}`);
    await screenshot(page, 'import-preview');
  });

  await step('import the valid rows', async () => {
    await page.getByTestId('commit-valid').click();
    await page.getByText('导入完成').waitFor();
    const imported = await page.getByTestId('import-result').locator('.ant-statistic-content').first().innerText();
    expect(imported.trim() === '3', `3 people imported, saw ${imported}`);
    await screenshot(page, 'import-result', false);
  });

  await step('the people list shows everyone, paginated', async () => {
    await page.getByTestId('go-people').click();
    await page.waitForURL(`${baseUrl}/admin/people`);
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'people-list');
  });

  await step('search finds the new person, and not the refused one', async () => {
    const search = page.getByPlaceholder('搜索工号、姓名或手机');
    await search.fill(`E2E${tag}3`);
    await search.press('Enter');
    await page.waitForURL(/q=/);
    await page.locator('.ant-table-placeholder').waitFor();
    await search.fill('沈嘉木');
    await search.press('Enter');
    const row = page.locator('.ant-table-row', { hasText: `E2E${tag}2` });
    await row.waitFor();
    await row.getByText('浙江/杭州/客服一班', { exact: true }).waitFor();
    await row.getByText('智能客服').waitFor();
  });

  await step('the person drawer opens with roles and password reset', async () => {
    await page.locator('.ant-table-row', { hasText: `E2E${tag}2` }).getByRole('button', { name: '编辑' }).click();
    await page.getByText('角色与管理范围').waitFor();
    await page.getByRole('button', { name: '重置密码' }).waitFor();
    await page.waitForTimeout(500); // let the drawer finish sliding in
    await screenshot(page, 'person-drawer', false);
  });
});
