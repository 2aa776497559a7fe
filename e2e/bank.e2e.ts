/**
 * Journey: an organiser opens the group question bank, searches a stem, opens a question and sees
 * the candidate's preview; makes a blueprint infeasible and reads the Chinese reason; opens a
 * paper of a demo paper set and its print view with the answer sheet.
 */
import { baseUrl, DESKTOP, expect, journey, screenshot, signIn, step } from './support.ts';

await journey('organiser browses the bank and previews a paper', DESKTOP, async ({ page }) => {
  await step('organiser signs in and opens 题库', async () => {
    await signIn(page, 'organiser');
    await page.waitForURL(`${baseUrl}/admin`);
    await page.getByRole('menuitem', { name: '题库' }).click();
    await page.waitForURL(`${baseUrl}/banks`);
    await page.locator('a.ss-bank-card').filter({ hasText: '集团客服知识题库' }).waitFor();
  });

  await step('open the group bank and search a stem', async () => {
    await page.locator('a.ss-bank-card').filter({ hasText: '集团客服知识题库' }).click();
    await page.getByTestId('question-table').locator('tbody tr.ant-table-row').first().waitFor();
    const search = page.getByTestId('question-search').locator('input');
    await search.fill('携号转网');
    const searched = page.waitForResponse((r) => r.url().includes('/questions?') && r.url().includes('q=') && !r.url().includes('pageSize=1'));
    await search.press('Enter');
    const found = (await (await searched).json()) as { total: number; items: { stem: string }[] };
    expect(found.total > 0 && found.total < 276, `the search narrows the bank, found ${found.total}`);
    await page.getByText(`共 ${found.total} 道题`).first().waitFor();
    const stems = await page.getByTestId('question-table').locator('tbody tr.ant-table-row a').allInnerTexts();
    expect(stems[0] === found.items[0].stem, 'the table shows the search results');
    await page.locator('[data-testid=distribution-charts][data-loading=false]').waitFor();
    await page.waitForTimeout(400); // the bars animate in
    await screenshot(page, 'bank-browser', false);
  });

  await step('open a question and see the candidate preview', async () => {
    const link = page.getByTestId('question-table').locator('tbody tr.ant-table-row a').first();
    const stem = (await link.innerText()).replace('…', '').slice(0, 12);
    await link.click();
    await page.waitForURL(/\/questions\/\d+$/);
    const preview = page.getByTestId('question-preview');
    await preview.getByText(stem, { exact: false }).first().waitFor();
    await page.getByTestId('stem-input').fill('预览测试：题干随输入实时更新');
    await preview.getByText('预览测试：题干随输入实时更新').waitFor();
    await screenshot(page, 'bank-editor', false);
  });

  await step('an infeasible blueprint says why, in Chinese', async () => {
    await page.goto(`${baseUrl}/banks/1/assembly`);
    await page.getByText('集团初赛理论卷').first().click();
    await page.getByTestId('feasibility-ok').waitFor();
    await page.getByTestId('section-count-0').fill('500');
    await page.getByTestId('feasibility-problems').waitFor();
    await page.getByTestId('problem-list').getByText(/需要 500 道单选题，题库只有 \d+ 道/).waitFor();
    expect(await page.getByTestId('assemble').isDisabled(), 'assembling is refused while infeasible');
    await screenshot(page, 'bank-blueprint-problem', false);
  });

  await step('open paper A of a demo paper set and print it', async () => {
    await page.goto(`${baseUrl}/banks/1/assembly`);
    await page.getByRole('link', { name: /集团初赛理论 A\/B\/C/ }).click();
    await page.getByTestId('open-paper-A').click();
    await page.waitForURL(/\/papers\/\d+$/);
    const sheet = page.getByTestId('paper-sheet');
    await sheet.getByText('一、单项选择题').waitFor();
    await sheet.getByText('A 卷').waitFor();
    await page.getByTestId('toggle-answer-sheet').click();
    await page.getByTestId('answer-sheet').waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    expect(!(await page.getByTestId('print').isVisible()), 'the toolbar is hidden in print');
    expect(await sheet.isVisible(), 'the paper is printed');
    await screenshot(page, 'bank-paper-print', false);
    await page.emulateMedia({ media: 'screen' });
  });
});
