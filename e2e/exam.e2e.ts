/**
 * Journey: a written exam on a phone (390×844). The organiser creates a short exam for the demo
 * `contestant` through the API (one paper, no shuffling, results at once), so the expected score is
 * computed from the paper's answer key and the answers given. The contestant answers two items,
 * loses the network (offline emulation), answers two more and sees them unsaved, reconnects and
 * sees them saved, submits, and the result shows the expected score. Then the organiser's proctor
 * view and the demo's finished exam's item analysis. Then a mock exam from the practice area (start,
 * answer, reload to resume, submit, result), an appeal on the released demo exam, and on a PC the
 * mock tab, the organiser's mock exams and the appeal queue (start a review, uphold with a reason).
 */
import type { Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, DESKTOP, expect, journey, PHONE, screenshot, signIn, step, watchConsole } from './support.ts';

type KeyItem = { position: number; type: string; points: number; answer: { kind: string; keys?: string[]; value?: boolean } };

async function apiSession(employeeNo: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeNo, password: DEMO_PASSWORD }) });
  expect(res.ok, `${employeeNo} signs in through the API (${res.status})`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return async <T>(path: string, method = 'GET', body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await r.text();
    expect(r.ok, `${method} ${path} → ${r.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

async function createShortExam() {
  const call = await apiSession('organiser');
  const exams = await call<{ items: { id: number; title: string; organisationId: number; paperId: number | null }[] }>('/api/exams');
  const source = exams.items.find((e) => e.paperId !== null)!;
  const key = await call<{ items: KeyItem[] }>(`/api/papers/${source.paperId}/answer-key`);
  const now = Date.now();
  const exam = await call<{ id: number }>('/api/exams', 'POST', {
    organisationId: source.organisationId, title: 'E2E 短测', instructions: '端到端测试：限时 20 分钟。', opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 3_600_000).toISOString(),
    durationMinutes: 20, paperMode: 'shuffled', paperId: source.paperId,
    settings: { shuffle: { questions: false, options: false }, release: { results: 'immediate', answers: 'with-results' }, proctoring: { fullscreenRequired: false, snapshotIntervalSec: null } },
  });
  await call(`/api/exams/${exam.id}/candidates`, 'POST', { employeeNos: ['contestant'] });
  await call(`/api/exams/${exam.id}/status`, 'POST', { status: 'published' });
  return { examId: exam.id, key: key.items.sort((a, b) => a.position - b.position) };
}

/** Answers the item on screen: right (the key) or wrong (another option); returns the points it should earn. */
async function answer(page: Page, item: KeyItem, right: boolean): Promise<number> {
  const q = page.getByTestId('exam-question');
  await q.and(page.locator(`[data-item="${item.position}"]`)).waitFor();
  if (item.answer.kind === 'truefalse') {
    const value = right ? item.answer.value : !item.answer.value;
    await q.locator('.ss-exam-option').filter({ hasText: value ? '正确' : '错误' }).click();
  } else {
    const keys = item.answer.keys ?? [];
    const all = await q.locator('.ss-exam-option__key').allTextContents();
    const pick = right ? keys : [all.find((k) => !keys.includes(k))!];
    for (const k of pick) await q.locator('.ss-exam-option').filter({ has: page.locator('.ss-exam-option__key', { hasText: new RegExp(`^${k}$`) }) }).click();
  }
  return right ? item.points : 0;
}

await journey('exam on a phone with the network lost mid-way', PHONE, async ({ page, context, browser }) => {
  const { examId, key } = await step('the organiser sets a short exam through the API', createShortExam);
  const objective = key.filter((k) => k.type === 'single' || k.type === 'truefalse' || (k.type === 'multiple' && k.answer.kind === 'choice'));
  expect(objective.length >= 4 && objective[0].position === 1, 'the paper starts with at least four objective items');
  const plan = [true, false, true, true].map((right, i) => ({ item: key[i], right }));
  expect(plan.every((p) => objective.includes(p.item)), 'the first four items are objective');
  let expected = 0;

  await step('the contestant starts the exam', async () => {
    await signIn(page, 'contestant');
    await page.waitForURL(`${baseUrl}/me`);
    await page.getByTestId(`my-exam-${examId}`).click();
    await page.getByTestId('exam-start').click();
    await page.getByTestId('exam-sitting').waitFor();
    const timer = await page.getByTestId('exam-timer').textContent();
    expect(/^\s*(19|20):\d\d/.test(timer ?? ''), `the server's clock shows about 20 minutes (${timer})`);
  });

  await step('two answers are saved as they are given', async () => {
    for (const p of plan.slice(0, 2)) {
      expected += await answer(page, p.item, p.right);
      await page.getByTestId('item-save').and(page.locator('[data-state="saved"]')).waitFor();
      await page.getByRole('button', { name: /下一题/ }).click();
    }
    await page.getByTestId('overall-save').and(page.locator('[data-state="saved"]')).waitFor();
    await page.getByRole('button', { name: /上一题/ }).click();
    await screenshot(page, 'exam-question-phone', false);
    await page.getByRole('button', { name: /下一题/ }).click();
  });

  await step('offline: answers stay on the phone, marked unsaved', async () => {
    await context.setOffline(true);
    for (const [i, p] of plan.slice(2).entries()) {
      expected += await answer(page, p.item, p.right);
      await page.getByTestId('item-save').and(page.locator('[data-state="failed"]')).waitFor();
      if (i === 0) await page.getByRole('button', { name: /下一题/ }).click();
    }
    await page.getByTestId('offline-banner').waitFor();
    await page.getByTestId('overall-save').and(page.locator('[data-state="failed"]')).waitFor();
    await screenshot(page, 'exam-offline-unsaved-phone', false);
  });

  await step('back online: the queued answers are sent and acknowledged', async () => {
    await context.setOffline(false);
    await page.getByTestId('overall-save').and(page.locator('[data-state="saved"]')).waitFor({ timeout: 20_000 });
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
  });

  await step('submit lists the unanswered items and the result shows the right score', async () => {
    await page.getByRole('button', { name: /答题卡/ }).click();
    const drawerSubmit = page.locator('.ss-exam-drawer').getByRole('button', { name: '交卷' });
    await drawerSubmit.waitFor();
    await page.waitForTimeout(400); // the drawer slides in
    await drawerSubmit.click();
    await page.getByText(`还有 ${key.length - 4} 题未作答`).waitFor();
    await page.getByTestId('submit-confirm').click();
    await page.waitForURL(/\/me\/attempts\/\d+/);
    const score = (await page.getByTestId('result-score').textContent()) ?? '';
    expect(Number(score.split('/')[0].trim()) === expected, `the score is ${expected} (shown: ${score})`);
    await screenshot(page, 'exam-result-phone');
  });

  await step('a mock exam from the practice area: start, answer, resume after a reload, submit, result', async () => {
    await page.goto(`${baseUrl}/me/practice?tab=mock`);
    await page.getByTestId('mock-section').waitFor();
    await page.locator('[data-testid="mock-history-chart"] canvas').first().waitFor();
    await page.waitForTimeout(600); // the chart animates in
    await screenshot(page, 'mock-tab-phone');
    await page.locator('a.ss-mock-card').first().click();
    await page.getByTestId('mock-intro').waitFor();
    await screenshot(page, 'mock-intro-phone');
    await page.getByTestId('mock-start').click();
    await page.getByTestId('mock-sitting').waitFor();
    const timer = (await page.getByTestId('mock-timer').textContent()) ?? '';
    expect(/^\s*(29|30):\d\d/.test(timer), `the mock exam's clock shows about 30 minutes (${timer})`);
    await page.getByTestId('exam-question').locator('.ss-exam-option').first().click();
    await page.getByTestId('item-save').and(page.locator('[data-state="saved"]')).waitFor();
    await page.reload();
    await page.getByTestId('mock-sitting').waitFor();
    expect((await page.getByTestId('exam-question').locator('.ss-exam-option[aria-checked="true"]').count()) === 1, 'after a reload the same attempt resumes with the saved answer');
    await screenshot(page, 'mock-sitting-phone', false);
    await page.getByRole('button', { name: /答题卡/ }).click();
    const drawerSubmit = page.locator('.ss-exam-drawer').getByRole('button', { name: '交卷' });
    await drawerSubmit.waitFor();
    await page.waitForTimeout(400);
    await drawerSubmit.click();
    await page.getByTestId('submit-confirm').click();
    await page.waitForURL(/\/me\/practice\/mock-attempts\/\d+/);
    await page.getByTestId('mock-score').waitFor();
    await page.getByText('全部 30').click();
    expect((await page.getByTestId('mock-result-item').count()) === 30, 'the result lists the 30 items of the 浙江 blueprint');
    await page.getByText(/^错题 \d+$/).click();
    await screenshot(page, 'mock-result-phone');
  });

  await step('the contestant appeals an item of the released demo exam and sees the trail', async () => {
    const call = await apiSession('contestant');
    const mine = await call<{ items: { title: string; attempts: { id: number }[] }[] }>('/api/my/exams');
    const attemptId = mine.items.find((e) => e.title === '浙江初赛理论模拟考（已结束）')!.attempts[0].id;
    await page.goto(`${baseUrl}/me/attempts/${attemptId}`);
    await page.getByTestId('appeal-panel').waitFor();
    await page.getByTestId('my-appeal').nth(1).waitFor(); // the appeals load after the result
    expect((await page.getByTestId('my-appeal').count()) === 2, 'the demo contestant has two appeals (one decided, one waiting)');
    await page.getByTestId('appeal-open').first().click();
    await page.getByTestId('appeal-reason').fill('端到端测试：请复核本题。');
    await page.getByTestId('appeal-submit').click();
    await page.getByTestId('my-appeal').nth(2).waitFor();
    expect((await page.getByTestId('appeal-panel').getByText('阅卷复核组').count()) > 0, 'reviewers appear as the review panel, not by name');
    await page.getByTestId('appeal-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'exam-appeals-phone');
  });

  await step('on a PC: the contestant\'s mock tab and result, the organiser\'s mock exams and appeal queue', async () => {
    const desk = await browser.newContext(DESKTOP);
    const me = await desk.newPage();
    const problems = watchConsole(me);
    await signIn(me, 'contestant');
    await me.waitForURL(`${baseUrl}/me`);
    await me.goto(`${baseUrl}/me/practice?tab=mock`);
    await me.locator('[data-testid="mock-history-chart"] canvas').first().waitFor();
    await me.waitForTimeout(600);
    await screenshot(me, 'mock-tab-pc');
    await me.getByTestId('mock-history-row').first().click();
    await me.getByTestId('mock-score').waitFor();
    await me.waitForTimeout(400);
    await screenshot(me, 'mock-result-pc');
    const org = await (await browser.newContext(DESKTOP)).newPage();
    const orgProblems = watchConsole(org);
    await signIn(org, 'organiser');
    await org.waitForURL(/\/admin/);
    await org.goto(`${baseUrl}/exams`);
    await org.getByTestId('mock-exams-card').getByText('浙江周周练 · 理论模拟考').waitFor();
    await screenshot(org, 'exams-mock-card');
    const call = await apiSession('organiser');
    const finished = (await call<{ items: { id: number; title: string }[] }>('/api/exams')).items.find((e) => e.title === '浙江初赛理论模拟考（已结束）')!;
    await org.goto(`${baseUrl}/exams/${finished.id}/results?tab=appeals`);
    await org.getByTestId('appeal-queue').waitFor();
    await org.getByTestId('appeal-start-review').first().click();
    await org.getByTestId('appeal-decide').first().click();
    await org.getByLabel('处理意见').fill('端到端测试：复核后维持原分。');
    await org.getByRole('button', { name: /^OK$|^确\s*定$/ }).click();
    await org.getByTestId('appeal-decide').waitFor({ state: 'detached' });
    await org.locator('.ant-table-row-expand-icon').nth(1).click();
    await org.getByTestId('appeal-step').first().waitFor();
    await org.waitForTimeout(800); // the table's reload overlay fades
    await screenshot(org, 'exams-appeal-queue');
    expect(problems.length === 0 && orgProblems.length === 0, `no errors on the PC pages:\n    ${[...problems, ...orgProblems].join('\n    ')}`);
    await desk.close();
  });

  await step('the organiser sees the proctor view and the item analysis', async () => {
    const desk = await browser.newContext(DESKTOP);
    const org = await desk.newPage();
    const problems = watchConsole(org);
    await signIn(org, 'organiser');
    await org.waitForURL(/\/admin/);
    await org.goto(`${baseUrl}/exams/${examId}/proctor`);
    await org.getByTestId('proctor-page').getByText('陈晓雯').first().waitFor();
    const device = (await org.getByTestId('proctor-device').first().textContent()) ?? '';
    expect(/Chrome \d+ · Linux/.test(device) && device.includes('127.0.0.1'), `the proctor sees the browser, system and IP at a glance (${device})`);
    await screenshot(org, 'exams-proctor-view');
    await org.goto(`${baseUrl}/exams`);
    await org.getByText('浙江初赛理论模拟考（已结束）').click();
    await org.getByRole('tab', { name: '试题分析' }).click();
    await org.getByTestId('cronbach-alpha').waitFor();
    await org.locator('[data-testid="item-analysis"] canvas').first().waitFor();
    await org.waitForTimeout(600);
    await screenshot(org, 'exams-item-analysis');
    expect(problems.length === 0, `no errors on the organiser's pages:\n    ${problems.join('\n    ')}`);
    await desk.close();
  });
});
