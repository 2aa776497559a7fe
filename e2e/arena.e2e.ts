/**
 * Journey: a live round from start to podium on three Chromium pages and a big screen — the host
 * console (desktop), two contestants on phones (390×844, one per team) and the big screen. A buzzer
 * question: the blue team buzzes first, the screen names it, the host judges it right; a risk
 * question: each team stakes, answers on the phone, the close scores ± the stakes; the podium shows.
 * The round is created through the HTTP API as `organiser` with `host` as its host, so the test
 * does not depend on (or change) the demo's own 浙江决赛 round.
 */
import type { Browser, Page } from 'playwright-core';
import { baseUrl, confirmPopover, DEMO_PASSWORD, DESKTOP, expect, journey, PHONE, screenshot, signIn, step, watchConsole } from './support.ts';

type Me = { person: { id: number }; roles: { role: string; organisationId: number }[] };

async function apiSession(employeeNo: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeNo, password: DEMO_PASSWORD }) });
  expect(res.ok, `${employeeNo} signs in through the API (${res.status})`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const call = async <T>(path: string, method = 'GET', body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await r.text();
    expect(r.ok, `${method} ${path} → ${r.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return { call, me: await call<Me>('/api/auth/me') };
}

async function createRound() {
  const organiser = await apiSession('organiser');
  const host = (await apiSession('host')).me.person.id;
  const red = (await apiSession('contestant')).me.person.id;
  const blue = (await apiSession('judge')).me.person.id;
  const orgId = organiser.me.roles.find((g) => g.role === 'organiser')!.organisationId;
  const questions = [
    { id: 'q1', kind: 'oral', prompt: '抢答题：请说出处理用户投诉的“首问负责制”的含义。', options: [], answer: 'oral', points: 10, timeLimitMs: 60_000 },
    { id: 'q2', kind: 'single', prompt: '风险题：国际漫游开通后，在境外接听电话是否收费？', options: [{ key: 'A', text: '收费' }, { key: 'B', text: '不收费' }], answer: ['A'], points: 10, timeLimitMs: 60_000, format: 'risk' },
  ];
  const round = await organiser.call<{ id: number }>('/api/arena/rounds', 'POST', {
    title: 'E2E 现场赛', organisationId: orgId, format: 'buzzer', isPublic: true, hostIds: [host], questions,
    rules: { buzz: { mode: 'compensated', compensationCapMs: 0, decisionWindowMs: 600, tieMarginMs: 10, answerTimeMs: 30_000 } },
  });
  await organiser.call(`/api/arena/rounds/${round.id}/roster`, 'PUT', { teams: [{ name: '红队', memberIds: [red] }, { name: '蓝队', memberIds: [blue] }] });
  await organiser.call(`/api/arena/rounds/${round.id}/start`, 'POST', {});
  const screen = await organiser.call<{ token: string }>(`/api/arena/rounds/${round.id}/screen-token`, 'POST', {});
  return { id: round.id, screenToken: screen.token };
}

async function openPage(browser: Browser, options: Parameters<Browser['newContext']>[0], problems: string[][]): Promise<Page> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  problems.push(watchConsole(page));
  return page;
}

const phoneState = (page: Page, state: string) => page.locator(`[data-testid="arena-phone"][data-state="${state}"]`).waitFor();

await journey('live arena: host, two phones and the big screen', DESKTOP, async ({ page: host, browser }) => {
  const problems: string[][] = [];
  const round = await step('organiser creates a two-team round through the API', createRound);
  const red = await openPage(browser, PHONE, problems);
  const blue = await openPage(browser, PHONE, problems);
  const screen = await openPage(browser, { viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' }, problems);

  await step('everyone connects: console, two phones, big screen', async () => {
    await signIn(host, 'host');
    await host.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await host.goto(`${baseUrl}/arena/${round.id}/host`);
    await host.getByTestId('host-console').waitFor();
    for (const [phone, who] of [[red, 'contestant'], [blue, 'judge']] as const) {
      await signIn(phone, who);
      await phone.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
      if (who === 'contestant') {
        // the contestant finds the round in their list of live rounds and enters the phone view from there
        await phone.goto(`${baseUrl}/arena/mine`);
        const row = phone.getByTestId(`my-round-${round.id}`);
        await row.waitFor();
        expect((await row.getAttribute('data-status')) === 'waiting', 'the new round is listed as waiting');
        await row.getByText('红队').waitFor();
        await screenshot(phone, 'arena-my-rounds', false);
        await row.getByTestId('my-round-enter').click();
        await phone.waitForURL((u) => u.pathname === `/arena/${round.id}/play`);
      } else await phone.goto(`${baseUrl}/arena/${round.id}/play`);
      await phoneState(phone, 'waiting');
    }
    await red.getByTestId('phone-round-title').getByText('E2E 现场赛').waitFor();
    await red.getByTestId('phone-team').getByText('红队').waitFor();
    await blue.getByTestId('phone-team').getByText('蓝队').waitFor();
    await screen.goto(`${baseUrl}/arena/${round.id}/screen?token=${encodeURIComponent(round.screenToken)}`);
    await screen.getByTestId('arena-leaderboard').waitFor();
  });

  /** a shortcut is taken only while its button is shown and no command is in flight: wait for that first */
  const hostKey = async (key: string, action: string) => {
    const button = host.getByTestId(`host-${action}`);
    await button.waitFor();
    for (let i = 0; i < 50 && !(await button.isEnabled()); i++) await host.waitForTimeout(100);
    await host.keyboard.press(key);
  };

  await step('buzzer question: shown, then the buzz opens on the phones', async () => {
    await hostKey('n', 'next');
    await hostKey('o', 'openQuestion');
    await phoneState(red, 'listen');
    await red.getByTestId('phone-format').getByText('抢答题').waitFor();
    await red.getByTestId('phone-kind').getByText('口答').waitFor();
    await screen.getByTestId('screen-question').waitFor();
    await hostKey(' ', 'openBuzz');
    await phoneState(red, 'buzz-open');
    await phoneState(blue, 'buzz-open');
    await screenshot(red, 'arena-phone-open', false);
  });

  await step('blue buzzes first, red second: the screen names blue', async () => {
    await blue.getByTestId('buzz-button').dispatchEvent('pointerdown');
    await red.waitForTimeout(60);
    await red.getByTestId('buzz-button').dispatchEvent('pointerdown');
    await screen.getByTestId('screen-winner-name').getByText('蓝队').waitFor();
    await phoneState(blue, 'your-turn');
    await phoneState(red, 'locked');
    await host.getByTestId('host-turn').getByText('蓝队').waitFor();
    const margin = await host.getByTestId('margin-t1').textContent();
    expect(/\+\d+ ms/.test(margin ?? ''), `the console shows red's margin behind blue in ms (${margin})`);
    await screenshot(blue, 'arena-phone-answering', false);
    await screenshot(red, 'arena-phone-locked', false);
    await screenshot(screen, 'arena-screen-question', false);
    await screenshot(host, 'arena-host-console', false);
  });

  await step('the host judges it right: blue +10 everywhere', async () => {
    await hostKey('r', 'right');
    await screen.getByTestId('board-t2').getByText('10', { exact: true }).waitFor();
    await blue.getByTestId('phone-score').getByText('10', { exact: true }).waitFor();
    expect((await red.getByTestId('phone-score').textContent()) === '0', 'red still has 0');
    await hostKey('c', 'closeQuestion');
    await host.getByTestId('host-next').waitFor();
  });

  await step('risk question: stakes, answers on the phones, ± the stakes at the close', async () => {
    await hostKey('n', 'next');
    await phoneState(red, 'stake');
    await red.getByTestId('phone-format').getByText('风险题').waitFor();
    const declared = await red.getByTestId('stake-picker').locator('[data-testid^="stake-"] .arena-stake__value').allTextContents();
    expect(declared.join(',') === '10,20,30', `the phone offers the declared stakes (${declared.join(',')})`);
    await red.getByTestId('stake-30').click();
    await red.getByTestId('stake-chosen').getByText('30').waitFor();
    await red.getByTestId('stakes-picked').getByText('1/2').waitFor();
    await screenshot(red, 'arena-phone-risk-stake', false);
    await phoneState(blue, 'stake');
    await blue.getByTestId('stake-20').click();
    await blue.getByTestId('stake-chosen').getByText('20').waitFor();
    await host.getByTestId('host-openQuestion').click();
    await phoneState(red, 'answer');
    await red.getByTestId('phone-kind').getByText('单选').waitFor();
    await red.getByTestId('phone-stake').getByText('30').waitFor();
    await screenshot(red, 'arena-phone-risk-question', false);
    await red.getByTestId('option-A').click();
    await phoneState(blue, 'answer');
    await blue.getByTestId('option-B').click();
    await phoneState(blue, 'submitted');
    await screen.getByTestId('screen-kind').getByText('单选').waitFor();
    await screenshot(screen, 'arena-screen-risk', false);
    await host.getByTestId('host-closeQuestion').click();
    await red.getByTestId('phone-verdict').waitFor();
    await red.getByTestId('phone-score').getByText('30', { exact: true }).waitFor();
    await blue.getByTestId('phone-score').getByText('-10', { exact: true }).waitFor();
    await screen.getByTestId('arena-distribution').waitFor();
  });

  await step('finish: the podium on the big screen, red first', async () => {
    await host.getByTestId('host-finish').click();
    await confirmPopover(host, '#host-finish-ok');
    await screen.getByTestId('arena-podium').waitFor();
    expect((await screen.getByTestId('podium-1').textContent())?.includes('红队'), 'red is first on the podium');
    expect((await screen.getByTestId('podium-2').textContent())?.includes('蓝队'), 'blue is second');
    await screen.waitForTimeout(1600); // the podium's rise animation
    await screenshot(screen, 'arena-screen-podium', false);
    await phoneState(red, 'finished');
  });

  await step('the host revokes the screen token from the console: the big screen is cut off and says why', async () => {
    await host.getByTestId('host-screen').click();
    await host.getByTestId('screen-token-revoke').click();
    await confirmPopover(host, '#screen-token-revoke-ok');
    await host.getByText('已撤销，大屏已断开').waitFor();
    await screen.getByTestId('screen-refused').getByText('大屏令牌无效或已被撤销', { exact: false }).waitFor({ timeout: 20_000 });
    await screenshot(host, 'arena-host-screen-token', false);
  });

  await step('last week’s mass quiz: the contestant’s phone says they passed (通关) and names the reward; the console counts who passed', async () => {
    const rounds = (await (await host.request.get(`${baseUrl}/api/arena/rounds`)).json()).items as { id: number; title: string }[];
    const past = rounds.find((r) => r.title === '全省在线答题（上周，已结束）');
    expect(past, 'the demo has last week’s finished quiz');
    await red.goto(`${baseUrl}/arena/${past.id}/play`);
    const pass = red.getByTestId('phone-pass');
    await pass.waitFor();
    expect((await pass.getAttribute('data-passed')) === 'true', 'the contestant passed');
    expect((await pass.textContent())?.includes('1GB 省内流量包'), 'the phone names the reward');
    await screenshot(red, 'arena-phone-passed', false);
    await host.goto(`${baseUrl}/arena/${past.id}/host`);
    const count = host.getByTestId('host-pass');
    await count.waitFor();
    const list = await (await host.request.get(`${baseUrl}/api/arena/rounds/${past.id}/passed`)).json();
    expect((await count.textContent())?.includes(`已通关 ${list.passed}/48 人`), `the console counts ${list.passed} of 48 passed (${await count.textContent()})`);
  });

  const all = problems.flat();
  expect(all.length === 0, `no errors in the other pages' consoles:\n    ${all.join('\n    ')}`);
});
