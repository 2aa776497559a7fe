/**
 * Journey: an organiser opens the demo contest and sees the flow diagram, the semifinal standings
 * with the incomplete banner and the participation funnel; the reviewer approves a pending
 * registration; the public results page loads without signing in.
 */
import { baseUrl, DESKTOP, expect, journey, screenshot, signIn, step } from './support.ts';

await journey('organiser runs the demo contest, reviewer screens, public results', DESKTOP, async ({ page, browser }) => {
  let contestUrl = '';
  await step('organiser opens 赛事 and the demo contest with its flow diagram', async () => {
    await signIn(page, 'organiser');
    await page.waitForURL(`${baseUrl}/admin`);
    await page.getByRole('menuitem', { name: '赛事' }).click();
    await page.waitForURL(`${baseUrl}/contests`);
    await page.getByText('2026 服务之星技能竞赛').first().click();
    await page.waitForURL(/\/contests\/\d+$/);
    contestUrl = page.url();
    const diagram = page.getByTestId('flow-diagram');
    await diagram.waitFor();
    await diagram.getByText('集团复赛').waitFor();
    expect((await diagram.innerText()).includes('每赛道前 6 名晋级'), 'the diagram shows the preliminary advancement rule');
  });

  await step('the semifinal standings say who is missing which round', async () => {
    await page.getByTestId('contest-tab-standings').click();
    const banner = page.getByTestId('incomplete-banner');
    await banner.waitFor();
    expect((await banner.innerText()).includes('投诉场景处理'), 'the banner names the missing round');
    await page.getByTestId('advance-preview').click();
    await page.getByTestId('advance-refused').waitFor();
    await screenshot(page, 'contests-e2e-standings', false);
  });

  await step('the funnel chart draws', async () => {
    await page.getByTestId('contest-tab-funnel').click();
    await page.getByTestId('funnel-chart').locator('canvas').waitFor();
  });

  await step('the reviewer approves a pending registration', async () => {
    const context = await browser.newContext(DESKTOP);
    const reviewer = await context.newPage();
    await signIn(reviewer, 'reviewer');
    await reviewer.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await reviewer.goto(`${contestUrl}/screening`);
    const approve = reviewer.locator('[data-testid^=approve-]').first();
    await approve.waitFor();
    const pending = await reviewer.locator('[data-testid^=approve-]').count();
    await approve.click();
    await reviewer.getByTestId('review-confirm').click();
    await reviewer.waitForFunction((n) => document.querySelectorAll('[data-testid^=approve-]').length === n - 1, pending);
    await context.close();
  });

  await step('the public results page loads without signing in', async () => {
    const context = await browser.newContext(DESKTOP);
    const visitor = await context.newPage();
    const id = contestUrl.split('/').pop();
    await visitor.goto(`${baseUrl}/results/${id}`);
    await visitor.locator('[data-testid=results-not-published], [data-testid=award-board]').first().waitFor();
    expect(!visitor.url().includes('/sign-in'), 'no sign-in is asked for');
    await context.close();
  });
});
