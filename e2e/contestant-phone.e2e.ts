/**
 * Journey: a contestant on a phone (390×844) is told about a wrong password, signs in, sees the
 * home page with honest empty sections, switches to English (kept after a reload) and signs out.
 */
import { baseUrl, expect, journey, PHONE, screenshot, signIn, step } from './support.ts';

await journey('contestant home on a phone', PHONE, async ({ page }) => {
  await step('sign-in page fits the phone', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await screenshot(page, 'sign-in-phone', false);
  });

  await step('a wrong password is explained', async () => {
    await signIn(page, 'contestant', 'not-the-password');
    await page.getByTestId('sign-in-error').getByText('工号或密码错误').waitFor();
  });

  await step('the contestant signs in to their home', async () => {
    await signIn(page, 'contestant');
    await page.waitForURL(`${baseUrl}/me`);
    await page.getByTestId('contestant-home').waitFor();
    await page.getByText(/^你好，/).waitFor();
    for (const section of ['practice', 'exams', 'contests']) await page.getByTestId(`home-${section}`).waitFor();
    await page.getByTestId('home-exams').locator('.ss-my-exam, .ss-home-empty').first().waitFor();
    await page.locator('.ss-hero__tag').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width <= 390, `no sideways scrolling on a phone (page is ${width}px wide)`);
    await screenshot(page, 'contestant-home-phone');
  });

  await step('the language switch changes the page and is remembered', async () => {
    await page.getByText('English', { exact: true }).first().click();
    await page.getByText('Practice', { exact: true }).waitFor();
    await page.reload();
    await page.getByText('Practice', { exact: true }).waitFor();
    await screenshot(page, 'contestant-home-phone-en');
    await page.getByText('中文', { exact: true }).first().click();
    await page.getByText('练习', { exact: true }).waitFor();
  });

  await step('sign out returns to the sign-in page', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${baseUrl}/me`);
    await page.waitForURL(/\/sign-in\?next=%2Fme/);
  });
});
