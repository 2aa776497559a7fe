/**
 * Journey: an organiser opens the demo contest and sees the flow diagram, the semifinal standings
 * with the incomplete banner, the participation funnel and the published awards; the reviewer
 * tries to approve a late registration (refused: the semifinal has started) and rejects it with a
 * reason; the public results page and a poster load without signing in; a captain registers a
 * team in a new contest, picking members with the contest's people picker on a phone.
 */
import { baseUrl, clickSettled, clickUntilClosed, DESKTOP, expect, journey, PHONE, screenshot, signIn, step } from './support.ts';

await journey('organiser runs the demo contest, reviewer screens, public results', DESKTOP, async ({ page, browser }) => {
  let contestUrl = '';
  await step('organiser opens 赛事 and the demo contest with its flow diagram', async () => {
    await signIn(page, 'organiser');
    await page.waitForURL(`${baseUrl}/admin`);
    await page.getByRole('menuitem', { name: '赛事' }).click();
    await page.waitForURL(`${baseUrl}/contests`);
    // the list's own card: while the lazy list page loads, the overview (with its to-do links to the same contest) may still be on screen
    await page.locator('a.ss-contest-card').filter({ hasText: '2026 服务之星技能竞赛' }).first().click();
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

  await step('the awards page shows the published preliminary prizes and the best individual', async () => {
    await page.goto(`${contestUrl}/awards`);
    await page.getByTestId('award-individuals').first().waitFor();
    expect((await page.locator('[data-testid^=poster-]').count()) > 0, 'every award offers a poster');
    await screenshot(page, 'contests-e2e-awards', true);
  });

  await step('the reviewer cannot approve a late registration once the semifinal runs, and rejects it with a reason', async () => {
    const context = await browser.newContext(DESKTOP);
    const reviewer = await context.newPage();
    await signIn(reviewer, 'reviewer');
    await reviewer.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await reviewer.goto(`${contestUrl}/screening`);
    const approve = reviewer.locator('[data-testid^=approve-]').first();
    await approve.waitFor();
    const pending = await reviewer.locator('[data-testid^=approve-]').count();
    const entryId = (await approve.getAttribute('data-testid'))!.replace('approve-', '');
    await approve.click();
    await clickSettled(reviewer, '.ant-modal', '[data-testid="review-confirm"]');
    const refused = reviewer.getByTestId('review-error');
    await refused.waitFor();
    expect((await refused.innerText()).includes('集团复赛'), 'the refusal names the stage that has started');
    await reviewer.getByRole('button', { name: /取\s*消/ }).click();
    await reviewer.getByTestId(`reject-${entryId}`).click();
    await reviewer.getByTestId('review-reason').fill('报名已截止：集团复赛已开始');
    await clickUntilClosed(reviewer, '.ant-modal', '[data-testid="review-confirm"]');
    await reviewer.waitForFunction((n) => document.querySelectorAll('[data-testid^=approve-]').length === n - 1, pending);
    await context.close();
  });

  await step('the public results page and a poster load without signing in', async () => {
    const context = await browser.newContext(DESKTOP);
    const visitor = await context.newPage();
    const id = contestUrl.split('/').pop();
    await visitor.goto(`${baseUrl}/results/${id}`);
    await visitor.getByTestId('award-board').waitFor();
    await visitor.getByTestId('award-individuals').waitFor();
    expect(!visitor.url().includes('/sign-in'), 'no sign-in is asked for');
    await screenshot(visitor, 'contests-e2e-public-results', true);
    const href = await visitor.locator('[data-testid^=poster-]').last().getAttribute('href');
    expect(href?.startsWith('/api/public/contests/'), 'the poster link is public');
    await visitor.setViewportSize({ width: 1080, height: 1440 });
    const res = await visitor.goto(`${baseUrl}${href}`);
    expect(res?.headers()['content-type']?.includes('image/svg+xml'), 'the poster is an SVG image');
    await screenshot(visitor, 'contests-e2e-poster', false);
    await context.close();
  });

  await step('a captain picks team members with the contest’s people picker and registers (phone)', async () => {
    const created = await page.request.post(`${baseUrl}/api/contests`, {
      data: {
        title: '2026 服务之星新秀赛',
        organisationId: (await (await page.request.get(`${baseUrl}/api/contests/${contestUrl.split('/').pop()}`)).json()).organisationId,
        definition: {
          tracks: [{ id: 'voice', name: '语音客服' }],
          entrants: { kind: 'team', size: 3 },
          quotas: [],
          stages: [{ id: 'prelim', name: '初赛', kind: 'preliminary', rounds: [{ id: 'written', name: '笔试', kind: 'written', role: 'scored', normalisation: { kind: 'raw' }, weightPercent: 100 }], tieBreaks: [], advancement: { kind: 'topN', perTrack: 3, tieAtCut: 'refuse' } }],
        },
      },
    });
    expect(created.status() === 201, `the organiser creates a contest (${created.status()})`);
    const newId = (await created.json()).id;
    expect((await page.request.post(`${baseUrl}/api/contests/${newId}/status`, { data: { status: 'registration' } })).ok(), 'registration opens');
    const context = await browser.newContext(PHONE);
    const captain = await context.newPage();
    await signIn(captain, 'contestant');
    await captain.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await captain.goto(`${baseUrl}/contests/${newId}/register`);
    const selects = captain.locator('.ss-register-form .ant-select');
    await selects.first().click();
    await captain.locator('.ant-select-item-option').filter({ hasText: '语音客服' }).click();
    // the track list closes with an animation: wait until it is gone, or its option is read as a person
    await captain.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' }).catch(() => undefined);
    await captain.waitForFunction(() => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0, undefined, { timeout: 5000 }).catch(() => undefined);
    await captain.locator('.ss-register-form input#name').fill('西湖新秀队');
    await selects.nth(1).click();
    const options = captain.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    // people are offered as "name · 工号 · organisation"
    await captain.waitForFunction(() => [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].some((o) => (o.textContent ?? '').includes('·')), undefined, { timeout: 10000 });
    const shown = (await options.allInnerTexts()).filter((o) => o !== '语音客服');
    expect(shown.every((o) => o.includes('客服一班')), `only the captain's own organisation is offered (${shown.slice(0, 3).join(' | ')})`);
    await screenshot(captain, 'contests-e2e-register-picker', false);
    await options.nth(0).click();
    await options.nth(1).click();
    await captain.keyboard.press('Escape');
    await captain.getByRole('button', { name: /提交报名/ }).click();
    await captain.getByTestId('review-reason-shown').or(captain.locator('.ss-entry-card')).first().waitFor();
    expect((await captain.locator('.ss-entry-card').first().innerText()).includes('西湖新秀队'), 'the registration is listed under 我的报名');
    await context.close();
  });
});
