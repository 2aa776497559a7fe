/**
 * Journey: the round builder. The 浙江 organiser (organiser-zj) creates a buzzer round in the web
 * app (新建现场赛), adds the questions of a demo bank paper, sets two teams of 浙江 people, starts
 * the round and lands on the host console. Then a mass quiz whose pass mark (通关) is more than its
 * questions: the start is refused and the page says why in Chinese.
 */
import type { Page } from 'playwright-core';
import { baseUrl, confirmPopover, DESKTOP, expect, journey, screenshot, signIn, step } from './support.ts';

const stamp = Date.now().toString(36).slice(-4);

/** the open dropdown of a Select (antd keeps closed ones in the DOM, hidden) */
const openOptions = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:not(.ant-select-item-option-disabled)');

async function createRound(page: Page, title: string, fill?: (dialog: ReturnType<Page['locator']>) => Promise<void>) {
  await page.goto(`${baseUrl}/arena`);
  await page.getByTestId('create-round').click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '新建现场赛' });
  await dialog.getByTestId('round-title-input').fill(title);
  // one top node (浙江) is picked already
  await dialog.locator('.ant-form-item').filter({ hasText: '所属组织' }).getByText('浙江', { exact: true }).waitFor();
  await fill?.(dialog);
  return dialog;
}

await journey('arena builder: create, questions from a paper, two teams, start', DESKTOP, async ({ page }) => {
  await step('organiser-zj signs in and opens the live arena', async () => {
    await signIn(page, 'organiser-zj');
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await page.goto(`${baseUrl}/arena`);
    await page.getByTestId('arena-list').waitFor();
    await page.getByTestId('create-round').waitFor();
  });

  const title = `E2E 抢答赛 ${stamp}`;
  const roundId = await step('新建现场赛: a public buzzer round, then the setup page', async () => {
    const dialog = await createRound(page, title, async () => {
      await page.getByTestId('round-public').click();
    });
    await screenshot(page, 'arena-builder-create', false);
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.waitForURL((u) => /^\/arena\/\d+\/setup$/.test(u.pathname));
    await page.getByTestId('round-setup').waitFor();
    await page.getByRole('heading', { name: title }).waitFor();
    return Number(new URL(page.url()).pathname.split('/')[2]);
  });

  await step('the draft is listed with 继续设置', async () => {
    await page.goto(`${baseUrl}/arena`);
    const card = page.getByTestId(`arena-round-${roundId}`);
    await card.getByText('草稿').waitFor();
    await screenshot(page, 'arena-builder-list', false);
    await card.getByTestId('round-continue-setup').click();
    await page.waitForURL((u) => u.pathname === `/arena/${roundId}/setup`);
    expect(await page.getByTestId('round-start').isDisabled(), 'start waits for questions and a roster');
  });

  await step('questions from a demo paper of the 浙江 bank', async () => {
    await page.getByTestId('round-paper').click();
    await page.keyboard.type('浙江');
    await openOptions(page).first().click();
    await page.getByTestId('round-paper-add').click();
    await page.getByText(/已添加 \d+ 道题/).first().waitFor();
    const rows = await page.getByTestId('round-questions').locator('.ant-table-tbody tr.ant-table-row').count();
    expect(rows > 0, `the questions are listed (${rows})`);
    await page.getByTestId('round-questions').getByText('抢答题').first().waitFor();
  });

  await step('two teams of 浙江 people, picked with the people search', async () => {
    const roster = page.getByTestId('round-roster');
    for (const n of [1, 2]) {
      await roster.getByTestId('round-team-add').click();
      const team = roster.getByTestId(`round-team-${n}`);
      await team.getByTestId('round-team-name').fill(n === 1 ? '红队' : '蓝队');
      await team.getByTestId('round-team-members').click();
      for (let pick = 0; pick < 2; pick++) {
        const free = openOptions(page).and(page.locator(':not(.ant-select-item-option-selected)'));
        await free.first().waitFor();
        await free.first().click();
      }
      await page.keyboard.press('Escape');
    }
    await roster.getByTestId('round-roster-save').click();
    await page.getByText('名单已保存').first().waitFor();
    await page.getByTestId('round-setup').getByText('2 个参赛单位').waitFor();
    await screenshot(page, 'arena-builder-setup', false);
  });

  await step('开始: the round goes live and the host console opens', async () => {
    await page.getByTestId('round-start').click();
    await confirmPopover(page, '#round-start-ok');
    await page.waitForURL((u) => u.pathname === `/arena/${roundId}/host`);
    await page.getByTestId('host-console').waitFor();
    await page.getByText('红队').first().waitFor();
    await page.getByText('蓝队').first().waitFor();
    await screenshot(page, 'arena-builder-host-console', false);
  });

  await step('a mass quiz with a pass mark above its questions: the start is refused, in Chinese', async () => {
    const dialog = await createRound(page, `E2E 全员答题 ${stamp}`, async (dialog) => {
      await page.getByTestId('round-format').click();
      await openOptions(page).filter({ hasText: '全员答题' }).click();
      await page.getByTestId('round-mass-rules').waitFor();
      await page.getByTestId('round-pass').click();
      await dialog.getByLabel('答对题数').fill('999');
      await dialog.getByLabel('通关激励').fill('1GB 流量包');
    });
    await screenshot(page, 'arena-builder-create-mass', false);
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.waitForURL((u) => /^\/arena\/\d+\/setup$/.test(u.pathname));
    await page.getByTestId('round-setup').getByText('答对 ≥ 999 题 · 1GB 流量包').waitFor();
    await page.getByTestId('round-paper').click();
    await page.keyboard.type('浙江');
    await openOptions(page).first().click();
    await page.getByTestId('round-paper-add').click();
    await page.getByTestId('round-questions').locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('round-start').click();
    await confirmPopover(page, '#round-start-ok');
    const error = page.getByTestId('round-setup-error');
    await error.getByText('通关线（答对 999 题）超过了本场的全员答题题目数', { exact: false }).waitFor();
    expect(new URL(page.url()).pathname.endsWith('/setup'), 'still on the setup page');
    await screenshot(page, 'arena-builder-refused', false);
  });
});
