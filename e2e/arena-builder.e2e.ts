/**
 * Journey: the round builder. The 浙江 organiser (organiser-zj) creates a buzzer round in the web
 * app (新建现场赛), adds the questions of a demo bank paper, sets two teams of 浙江 people, starts
 * the round and lands on the host console. Then a mass quiz whose pass mark (通关) is more than its
 * questions: the start is refused and the page says why in Chinese. Then the group organiser
 * (`organiser`, who manages the group-level demo contest) creates a round linked to the demo
 * contest's 集团复赛 · 理论知识比拼, imports the 语音客服 teams from the contest's entries (names,
 * members and entry ids), edits them, saves, starts, and the host console opens.
 */
import type { Page } from 'playwright-core';
import { baseUrl, clickUntilClosed, confirmPopover, DESKTOP, expect, journey, screenshot, signIn, step, watchConsole } from './support.ts';

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

await journey('arena builder: create, questions from a paper, two teams, start; a round linked to a contest round', DESKTOP, async ({ page, browser }) => {
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

  const renamed = `${title} 改`;
  await step('编辑设置: the draft is renamed, the header shows the new title', async () => {
    await page.getByTestId('round-settings-edit').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '编辑场次设置' });
    const input = modal.getByTestId('round-edit-title');
    await input.waitFor();
    expect((await input.inputValue()) === title, 'the dialog starts from the saved title');
    expect(await modal.getByTestId('round-public').isChecked(), 'the dialog starts from the saved public switch');
    await input.fill(renamed);
    await page.locator('.ant-modal:not([class*="-appear"]):not([class*="-enter"])').filter({ hasText: '编辑场次设置' }).waitFor();
    await screenshot(page, 'arena-builder-edit', false);
    await clickUntilClosed(page, '.ant-modal', '#round-edit-ok');
    await page.getByText('设置已保存').first().waitFor();
    await page.getByRole('heading', { name: renamed }).waitFor();
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
      // the next team's options only once this dropdown has closed (a closing one still matches openOptions)
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first().waitFor({ state: 'hidden' });
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
    // 编辑设置 opens on the saved rules (the pass mark the start refused)
    await page.getByTestId('round-settings-edit').click();
    const edit = page.locator('.ant-modal:not([class*="-appear"]):not([class*="-enter"])').filter({ hasText: '编辑场次设置' });
    await edit.getByTestId('round-mass-rules').waitFor();
    expect((await edit.getByLabel('答对题数').inputValue()) === '999', 'the dialog starts from the saved pass mark');
    await screenshot(page, 'arena-builder-edit-mass', false);
    await clickUntilClosed(page, '.ant-modal', '.ant-modal-footer button:not(.ant-btn-primary)');
  });

  // ── a round linked to a contest round: the group organiser manages the demo contest ──
  const organiser = await (await browser.newContext(DESKTOP)).newPage();
  const problems = watchConsole(organiser);
  const linkedTitle = `E2E 复赛理论 ${stamp}`;

  const linkedId = await step('organiser creates a round linked to 2026 服务之星技能竞赛 · 集团复赛 · 理论知识比拼', async () => {
    await signIn(organiser, 'organiser');
    await organiser.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await organiser.goto(`${baseUrl}/arena`);
    await organiser.getByTestId('create-round').click();
    const dialog = organiser.locator('.ant-modal').filter({ hasText: '新建现场赛' });
    await dialog.getByTestId('round-title-input').fill(linkedTitle);
    await dialog.getByText('关联赛事轮次（可选）').waitFor();
    await dialog.getByTestId('round-contest').click();
    const menu = organiser.locator('.arena-builder-contest-popup:not(.ant-select-dropdown-hidden) .ant-cascader-menu-item');
    await menu.filter({ hasText: '2026 服务之星技能竞赛' }).first().click();
    await menu.filter({ hasText: '集团复赛 · 理论知识比拼' }).click();
    await dialog.getByTestId('round-contest').locator('[title^="2026 服务之星技能竞赛 / 集团复赛 · 理论知识比拼"]').waitFor();
    await screenshot(organiser, 'arena-builder-create-linked', false);
    await dialog.getByRole('button', { name: '创建' }).click();
    await organiser.waitForURL((u) => /^\/arena\/\d+\/setup$/.test(u.pathname));
    const link = organiser.getByTestId('round-contest-link');
    await link.getByText('2026 服务之星技能竞赛').waitFor();
    await link.getByText('集团复赛 · 理论知识比拼').waitFor();
    return Number(new URL(organiser.url()).pathname.split('/')[2]);
  });

  const imported = await step('从赛事导入队伍: the 语音客服 teams of the semifinal, with their members', async () => {
    await organiser.getByTestId('round-contest-import').click();
    const modal = organiser.locator('.ant-modal').filter({ hasText: '从赛事导入队伍 · 集团复赛' });
    await modal.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await modal.getByTestId('round-contest-track').click();
    await openOptions(organiser).filter({ hasText: '语音客服' }).click();
    const rows = modal.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasNotText: '语音客服' }).first().waitFor({ state: 'detached' });
    const n = await rows.count();
    expect(n >= 2, `the semifinal has 语音客服 teams (${n})`);
    const names = await rows.locator('td:nth-child(2)').allInnerTexts();
    expect(names.every((x) => x.includes('语音客服')), `only 语音客服 teams are shown: ${names.join(', ')}`);
    await modal.locator('.ant-table-thead .ant-checkbox-input').check();
    await modal.getByText(`已选 ${n} /`).waitFor();
    await organiser.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first().waitFor({ state: 'hidden' });
    await modal.locator('.ant-table-tbody .ant-checkbox-checked').nth(n - 1).waitFor();
    await screenshot(organiser, 'arena-builder-import', false);
    await organiser.locator('#round-contest-import-ok').click();
    await modal.waitFor({ state: 'hidden' });
    const roster = organiser.getByTestId('round-roster');
    for (let i = 1; i <= n; i++) {
      const team = roster.getByTestId(`round-team-${i}`);
      expect((await team.getByTestId('round-team-name').inputValue()) === names[i - 1].trim(), `team ${i} keeps its entry's name (${names[i - 1]})`);
      await team.getByTestId('round-team-entry').waitFor();
      expect((await team.locator('.ant-select-selection-item').count()) === 3, `team ${i} has its entry's 3 members`);
    }
    return { n, names };
  });

  await step('the organiser edits the imported teams, saves the roster with the entry ids', async () => {
    const roster = organiser.getByTestId('round-roster');
    // rename the first team, drop the last one
    await roster.getByTestId('round-team-1').getByTestId('round-team-name').fill(`${imported.names[0].trim()}（决赛席）`);
    await roster.getByTestId(`round-team-${imported.n}`).getByRole('button', { name: '移除队伍' }).click();
    const kept = imported.n - 1;
    await organiser.getByTestId('round-contest-link').getByText(`${kept} / ${kept} 支队伍已关联报名`).waitFor();
    await roster.getByTestId('round-roster-save').click();
    await organiser.getByText('名单已保存').first().waitFor();
    await organiser.getByTestId('round-setup').getByText(`${kept} 个参赛单位`).waitFor();
    const round = await (await organiser.request.get(`${baseUrl}/api/arena/rounds/${linkedId}`)).json();
    expect(round.contest?.roundKey === 'semi-theory', `the round is linked to semi-theory (${JSON.stringify(round.contest)})`);
    expect(Object.keys(round.contest.entryMap).length === kept, `every team carries its entry id (${JSON.stringify(round.contest.entryMap)})`);
    expect(round.config.teams[0].name.endsWith('（决赛席）'), 'the renamed team is saved');
    // after a reload the saved teams still show their link
    await organiser.reload();
    await organiser.getByTestId('round-roster').getByTestId('round-team-entry').first().waitFor();
    expect((await organiser.getByTestId('round-team-entry').count()) === kept, 'each saved team shows its contest entry');
    await screenshot(organiser, 'arena-builder-setup-linked', true);
  });

  await step('questions from a paper, 开始: the host console opens with the imported teams', async () => {
    await organiser.getByTestId('round-paper').click();
    await organiser.keyboard.type('浙江');
    await openOptions(organiser).first().click();
    await organiser.getByTestId('round-paper-add').click();
    await organiser.getByText(/已添加 \d+ 道题/).first().waitFor();
    await organiser.getByTestId('round-start').click();
    await confirmPopover(organiser, '#round-start-ok');
    await organiser.waitForURL((u) => u.pathname === `/arena/${linkedId}/host`);
    await organiser.getByTestId('host-console').waitFor();
    await organiser.getByText(imported.names[1].trim()).first().waitFor();
    await screenshot(organiser, 'arena-builder-host-linked', false);
    expect(problems.length === 0, `no errors in the organiser's browser console:\n    ${problems.join('\n    ')}`);
  });
});
