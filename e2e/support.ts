/**
 * What every journey shares. scripts/e2e.mjs starts the server and runs each e2e/*.e2e.ts as its
 * own process with BASE_URL, CHROMIUM_PATH and SCREENSHOT_DIR set; a journey exits non-zero on failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const baseUrl = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
export const screenshotDir = path.resolve(process.env.SCREENSHOT_DIR ?? 'screenshots');
export const DEMO_PASSWORD = 'Demo@2026';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export const DESKTOP = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' } as const;
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' } as const;

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`  screenshot ${path.relative(process.cwd(), file)}`);
}

/** Collects what the browser complains about, so a journey can fail on an uncaught page error. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) problems.push(`console.error: ${m.text()}`);
  });
  return problems;
}

export async function signIn(page: Page, employeeNo: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('工号', { exact: true }).fill(employeeNo);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`expectation failed: ${message}`);
}

export async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  try {
    const result = await fn();
    console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
    return result;
  } catch (e) {
    console.log(`  ✗ ${name}`);
    throw e;
  }
}

/**
 * Runs one journey: a fresh browser, a context with `contextOptions`, a screenshot of the page as it
 * was when something failed, and the process exit code.
 */
export async function journey(
  name: string,
  contextOptions: Parameters<Browser['newContext']>[0],
  body: (ctx: { page: Page; context: BrowserContext; browser: Browser }) => Promise<void>,
): Promise<void> {
  console.log(`journey: ${name}`);
  const browser = await launchBrowser();
  const context = await browser.newContext(contextOptions);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = watchConsole(page);
  let failed = false;
  try {
    await body({ page, context, browser });
    expect(problems.length === 0, `no errors in the browser console:\n    ${problems.join('\n    ')}`);
  } catch (e) {
    failed = true;
    console.error(`  ${(e as Error).stack ?? e}`);
    await screenshot(page, `failed-${name.replace(/\W+/g, '-')}`).catch(() => undefined);
  } finally {
    await browser.close();
  }
  console.log(failed ? `journey failed: ${name}` : `journey passed: ${name}`);
  process.exitCode = failed ? 1 : 0;
}

/** The dialog (a popover or a modal) holding `button`, once it has stopped moving: not zooming in, not on its way out. */
const settledDialog = (page: Page, dialog: string, button: string) =>
  page.locator(`${dialog}:not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])`).filter({ has: page.locator(button) });

/**
 * Clicks a dialog's button once the dialog has stopped moving, and again if the dialog is still
 * open after a while: a click that lands while a popover or modal is still zooming in can miss
 * the moving button (seen under CI load). A second click never doubles a command, since it only
 * happens while the dialog (closed by the first one's success) is still there.
 */
export async function clickUntilClosed(page: Page, dialog: string, button: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const target = settledDialog(page, dialog, button);
    await target.waitFor();
    const handle = await target.elementHandle();
    await target.locator(button).click();
    try {
      await handle!.waitForElementState('hidden', { timeout: 4000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** Clicks a dialog's button once the dialog has stopped moving (for a click the dialog survives, e.g. a refusal it shows). */
export async function clickSettled(page: Page, dialog: string, button: string): Promise<void> {
  await settledDialog(page, dialog, button).locator(button).click();
}

/** A Popconfirm's button (see clickUntilClosed). */
export function confirmPopover(page: Page, button: string): Promise<void> {
  return clickUntilClosed(page, '.ant-popconfirm', button);
}
