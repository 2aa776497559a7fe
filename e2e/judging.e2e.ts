/**
 * Journey: three judges on phones (the demo `judge` and two guest judges who redeem invitation
 * codes) score two contestants on a fresh panel; one guest loses the network for part of it, sees
 * the pending badge, and the queue is sent when the network returns. The organiser locks both
 * entries on the board and reveals on the big screen; the final shown matches the trimmed mean
 * computed here from the scores entered (drop one highest and one lowest judge total).
 */
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { baseUrl, clickUntilClosed, DESKTOP, expect, journey, PHONE, screenshot, signIn, step, watchConsole } from './support.ts';

type Criterion = { key: string; weight: number; values: number[]; descriptors?: { from: number; to: number }[] };
type Phone = { name: string; page: Page; context: BrowserContext; personId: number };

const api = async <T>(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> => {
  const res = await request.fetch(`${baseUrl}${path}`, { method, data });
  expect(res.ok(), `${method} ${path} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};
const halfUp = (v: number, d = 2) => Math.round((v + Number.EPSILON) * 10 ** d) / 10 ** d;

await journey('judging: phones, offline queue, lock and reveal', DESKTOP, async ({ page: board, browser }) => {
  const stamp = Date.now().toString(36);
  const phones: Phone[] = [];
  const problems: string[] = [];
  const newPhone = async (name: string) => {
    const context = await browser.newContext(PHONE);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    problems.push(...watchConsole(page));
    return { name, page, context };
  };

  const setup = await step('the organiser prepares two guest invitations', async () => {
    await signIn(board, 'organiser');
    await board.waitForURL(`${baseUrl}/admin`);
    const demo = await api<{ contestId: number; rubricId: number; entries: { entryId: number; name: string }[] }>(board.request, 'GET', '/api/judging/panels/1');
    const codes: string[] = [];
    for (const n of ['甲', '乙']) {
      const inv = await api<{ code: string }>(board.request, 'POST', `/api/judging/contests/${demo.contestId}/invitations`, { name: `测试评委${n}${stamp}`, affiliation: '某商业银行客服中心' });
      codes.push(inv.code);
    }
    return { demo, codes };
  });

  await step('three judges sign in on phones (two redeem a code)', async () => {
    const a = await newPhone('judge');
    await signIn(a.page, 'judge');
    await a.page.waitForURL(`${baseUrl}/judge`);
    const me = await api<{ person: { id: number } }>(a.context.request, 'GET', '/api/auth/me');
    phones.push({ ...a, personId: me.person.id });
    for (const code of setup.codes) {
      const g = await newPhone(`guest-${code}`);
      await g.page.goto(`${baseUrl}/judge/join?code=${code}`);
      await g.page.getByTestId('redeem-submit').click();
      await g.page.waitForURL(`${baseUrl}/judge`);
      await g.page.getByTestId('judge-phone').waitFor();
      const gm = await api<{ person: { id: number } }>(g.context.request, 'GET', '/api/auth/me');
      phones.push({ ...g, personId: gm.person.id });
    }
  });

  const [first, second] = setup.demo.entries.slice(4, 6);
  const panel = await step('the organiser creates a panel of three judges and two entries', async () => {
    const p = await api<{ id: number; screenToken: string }>(board.request, 'POST', `/api/judging/contests/${setup.demo.contestId}/panels`, {
      roundKey: 'semi-roleplay',
      trackKey: 'voice',
      groupKey: `e2e-${stamp}`,
      name: `浏览器测试评委组 ${stamp}`,
      rubricId: setup.demo.rubricId,
      minSize: 3,
      judgeIds: phones.map((p) => p.personId),
      entryIds: [first.entryId, second.entryId],
    });
    await api(board.request, 'PUT', `/api/judging/panels/${p.id}/on-stage`, { entryId: first.entryId });
    return p;
  });

  const criteria = (await api<{ rubric: { criteria: Criterion[] } }>(phones[0].context.request, 'GET', `/api/judging/me/panels/${panel.id}`)).rubric.criteria;
  const totals = new Map<number, number[]>([[first.entryId, []], [second.entryId, []]]);

  /** Scores the selected entry: per criterion the top level, then some steps down; returns the weighted total. */
  const score = async (phone: Phone, entryId: number, seed: number) => {
    const p = phone.page;
    await p.getByTestId('score-card').getByText(entryId === first.entryId ? first.name : second.name).waitFor();
    let total = 0;
    for (const [i, c] of criteria.entries()) {
      await p.getByTestId(`crit-${c.key}-level-0`).click();
      for (let k = 0; k < (seed + i * 2) % 5; k++) await p.getByTestId(`crit-${c.key}-minus`).click();
      const shown = Number(await p.getByTestId(`crit-${c.key}-value`).textContent());
      total += c.weight * shown;
    }
    expect(Number(await p.getByTestId('sheet-total').textContent()) === halfUp(total), `the phone shows the weighted total ${halfUp(total)}`);
    await p.getByTestId('sheet-submit').click();
    totals.get(entryId)!.push(total);
  };

  await step('all three open the new panel; the contestant on stage is shown', async () => {
    for (const ph of phones) {
      await ph.page.goto(`${baseUrl}/judge?panel=${panel.id}`);
      await ph.page.getByTestId('on-stage').getByText(first.name).waitFor();
    }
  });

  const offline = phones[2];
  await step('two judges score the first entry online', async () => {
    for (const [j, ph] of phones.slice(0, 2).entries()) {
      await score(ph, first.entryId, j * 3 + 1);
      await ph.page.getByTestId('sheet-status-sent').waitFor();
    }
    await phones[0].page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(phones[0].page, 'judging-phone-online', false);
  });

  await step('the third judge loses the network and scores: the score waits on the phone', async () => {
    await offline.context.setOffline(true);
    await offline.page.getByTestId('judge-connection').and(offline.page.locator('[data-online="false"]')).waitFor();
    await score(offline, first.entryId, 4);
    await offline.page.getByTestId(`pending-${first.entryId}`).getByText('待发送 1 条').waitFor();
    await offline.page.getByTestId('pending-total').waitFor();
    const stored = await offline.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('servicestar.judging.queue')).length);
    expect(stored === 1, 'the queue is kept in localStorage');
  });

  await step('the stage moves on; the online judges follow and score the second entry', async () => {
    await api(board.request, 'PUT', `/api/judging/panels/${panel.id}/on-stage`, { entryId: second.entryId });
    for (const [j, ph] of phones.slice(0, 2).entries()) {
      await ph.page.getByTestId('on-stage').getByText(second.name).waitFor({ timeout: 10_000 });
      await score(ph, second.entryId, j * 2 + 2);
      await ph.page.getByTestId('sheet-status-sent').waitFor();
    }
  });

  await step('offline, the third judge scores the second entry too: two pending', async () => {
    await offline.page.getByTestId(`judge-entry-${second.entryId}`).click();
    await score(offline, second.entryId, 0);
    await offline.page.getByTestId('pending-total').getByText('待发送 2 条').waitFor();
    await offline.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(offline.page, 'judging-phone-pending', false);
  });

  await step('the network returns: the queue is sent and each item is delivered', async () => {
    await offline.context.setOffline(false);
    await offline.page.getByTestId('pending-total').waitFor({ state: 'detached', timeout: 15_000 });
    await offline.page.getByTestId('sheet-status-sent').getByText('暂存的评分已送达').waitFor();
    const audit = await api<{ items: { via: string | null; judgeId: number | null }[] }>(board.request, 'GET', `/api/judging/panels/${panel.id}/audit`);
    expect(audit.items.filter((a) => a.via === 'offline' && a.judgeId === offline.personId).length === 2, 'both queued scores are in the audit trail as offline');
  });

  await step('the organiser sees everyone scored on the board and locks both entries', async () => {
    await board.goto(`${baseUrl}/judging/panels/${panel.id}`);
    await board.getByTestId('score-matrix').waitFor();
    await board.getByTestId('score-matrix').locator('.ss-jmatrix__missing').first().waitFor({ state: 'detached' });
    await screenshot(board, 'judging-board');
    for (const e of [first, second]) {
      await board.getByTestId(`lock-${e.entryId}`).click();
      await clickUntilClosed(board, '.ant-modal', '[data-testid="lock-confirm"]');
      await board.getByTestId(`unlock-${e.entryId}`).waitFor();
    }
  });

  await step('the judge phone shows the entry locked', async () => {
    const p = phones[0].page;
    await p.getByTestId(`judge-entry-${first.entryId}`).click();
    await p.getByTestId('sheet-locked').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('sheet-submit').isDisabled(), 'submit is disabled once locked');
    await p.evaluate(() => window.scrollTo(0, 0));
    await screenshot(p, 'judging-phone-locked', false);
  });

  await step('the big screen reveals the first entry; the final is the trimmed mean', async () => {
    const screen = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    problems.push(...watchConsole(screen));
    await screen.goto(`${baseUrl}/screen/${panel.screenToken}`);
    await screen.getByTestId('reveal-screen').waitFor();
    await board.setViewportSize({ width: 1920, height: 1080 });
    await board.goto(`${baseUrl}/judging/panels/${panel.id}/reveal`);
    await board.getByTestId('reveal-entry-select').click();
    await board.locator('.ant-select-item-option').filter({ hasText: first.name }).click();
    await board.locator('[data-testid="reveal-screen"][data-step="-1"]').waitFor();
    for (let s = 0; s < 4; s++) {
      await board.getByTestId('reveal-next').click();
      await board.locator(`[data-testid="reveal-screen"][data-step="${s}"]`).waitFor();
    }
    await screen.locator('[data-testid="reveal-screen"][data-step="3"]').waitFor({ timeout: 5_000 });
    expect((await screen.locator('[data-struck="high"], [data-struck="low"]').count()) === 1, 'mid-way: one score struck so far');
    await screen.waitForTimeout(600);
    await screenshot(screen, 'judging-reveal-midway', false);
    await board.getByTestId('reveal-auto').click();
    await board.locator('[data-testid="reveal-screen"][data-done="true"]').waitFor({ timeout: 15_000 });
    const sorted = [...totals.get(first.entryId)!].sort((a, b) => a - b);
    const expected = halfUp(sorted.slice(1, -1).reduce((a, v) => a + v, 0) / (sorted.length - 2));
    await screen.locator('[data-testid="reveal-screen"][data-done="true"]').waitFor({ timeout: 5_000 });
    const shown = Number(await screen.getByTestId('reveal-final').textContent());
    expect(shown === expected, `the big screen shows ${expected} (judge totals ${sorted.join(', ')}), got ${shown}`);
    expect((await screen.locator('[data-struck="high"]').count()) === 1 && (await screen.locator('[data-struck="low"]').count()) === 1, 'the highest and the lowest are struck through');
    await screen.waitForTimeout(600); // let the final's fade-in finish
    await screenshot(screen, 'judging-reveal-final', false);
  });

  for (const ph of phones) await ph.context.close();
  expect(problems.length === 0, `no errors in the phones' or screen's console:\n    ${problems.join('\n    ')}`);
});
