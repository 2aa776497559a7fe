import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { get, send } from './bank-helpers.ts';
import { itemsOf, makeExam, makePaperSet, rightResponse, startAndLoad } from './exams-helpers.ts';

let t: TestApp;
let papers: Awaited<ReturnType<typeof makePaperSet>>;
beforeAll(async () => {
  t = await createTestApp();
  papers = await makePaperSet(t);
});
afterAll(async () => t?.cleanup());

describe('proctoring', () => {
  it('counts violations by episode, records IP and device, auto-submits at the N-th', async () => {
    const examId = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[0], settings: { proctoring: { autoSubmitAfter: 2, debounceMs: 0, fullscreenRequired: true, snapshotIntervalSec: 30 } } }, { candidates: { employeeNos: ['c-hz'] } });
    const { attemptId } = await startAndLoad(t, 'c-hz', examId);
    const cookie = await t.signIn('c-hz');
    const first = await t.app.inject({ method: 'POST', url: `/api/attempts/${attemptId}/events`, headers: { cookie, 'user-agent': 'Mozilla/5.0 (iPhone)' }, payload: { events: [{ kind: 'tab-switch' }] } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ violations: 1, remaining: 1, autoSubmitted: false });
    const img = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2000, 1)]);
    const snap = await t.app.inject({ method: 'POST', url: `/api/attempts/${attemptId}/snapshots`, headers: { cookie, 'content-type': 'image/jpeg' }, payload: img });
    expect(snap.statusCode, snap.body).toBe(201);
    const big = await t.app.inject({ method: 'POST', url: `/api/attempts/${attemptId}/snapshots`, headers: { cookie, 'content-type': 'image/jpeg' }, payload: Buffer.alloc(600 * 1024, 1) });
    expect(big.statusCode).toBe(413);

    const view = (await get(t, 'org-zj', `/api/exams/${examId}/proctor`)).json();
    const row = view.rows.find((r: { employeeNo: string }) => r.employeeNo === 'c-hz');
    expect(row).toMatchObject({ status: 'online', violations: 1, lastSnapshotId: snap.json().id, attemptId });
    expect((await get(t, 'org-js', `/api/exams/${examId}/proctor`)).statusCode).toBe(403);
    expect((await get(t, 'c-hz', `/api/exams/${examId}/proctor`)).statusCode).toBe(403);
    const image = await get(t, 'org-zj', `/api/exams/snapshots/${snap.json().id}`);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.length).toBe(img.length);
    expect((await get(t, 'c-nj', `/api/exams/snapshots/${snap.json().id}`)).statusCode).toBe(403);

    const msg = await send(t, 'org-zj', 'POST', `/api/exams/${examId}/messages`, { personId: t.seed.people['c-hz'], body: '请保持正脸在镜头内' });
    expect(msg.statusCode).toBe(201);
    await send(t, 'org-zj', 'POST', `/api/exams/${examId}/messages`, { body: '还剩十分钟' });
    const inbox = (await get(t, 'c-hz', `/api/attempts/${attemptId}/messages?after=0`)).json();
    expect(inbox.items.map((m: { body: string }) => m.body)).toEqual(['请保持正脸在镜头内', '还剩十分钟']);
    expect((await get(t, 'c-hz', `/api/attempts/${attemptId}/messages?after=${inbox.items[1].id}`)).json().items).toEqual([]);

    const second = await t.app.inject({ method: 'POST', url: `/api/attempts/${attemptId}/events`, headers: { cookie }, payload: { events: [{ kind: 'fullscreen-exit' }] } });
    expect(second.json()).toMatchObject({ violations: 2, remaining: 0, autoSubmitted: true });
    const log = (await get(t, 'org-zj', `/api/exams/attempts/${attemptId}/log`)).json();
    expect(log.events[0]).toMatchObject({ kind: 'tab-switch', userAgent: 'Mozilla/5.0 (iPhone)' });
    expect(log.events[0].ip).toBeTruthy();
    expect(log.snapshots).toHaveLength(1);
    const mine = (await get(t, 'c-hz', '/api/my/exams')).json().items.find((e: { id: number }) => e.id === examId);
    expect(mine.attempts[0].submitReason).toBe('violations');
  });

  it('lets a proctor force-submit; answers saved before it are graded', async () => {
    const examId = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[1], settings: { release: { results: 'immediate' } } }, { candidates: { employeeNos: ['c-hz'] } });
    const { attemptId, view } = await startAndLoad(t, 'c-hz', examId);
    const single = itemsOf(view).find((i) => i.type === 'single')!;
    await send(t, 'c-hz', 'PUT', `/api/attempts/${attemptId}/answers`, { itemId: single.itemId, response: rightResponse(single) });
    expect((await send(t, 'org-js', 'POST', `/api/exams/attempts/${attemptId}/force-submit`, {})).statusCode).toBe(403);
    const forced = await send(t, 'org-zj', 'POST', `/api/exams/attempts/${attemptId}/force-submit`, { reason: '冒名顶替' });
    expect(forced.json()).toEqual({ submitted: true });
    const report = (await get(t, 'org-zj', `/api/exams/attempts/${attemptId}/report`)).json();
    expect(report.score).toBe(2);
    expect((await send(t, 'c-hz', 'PUT', `/api/attempts/${attemptId}/answers`, { itemId: single.itemId, response: null })).statusCode).toBe(409);
  });

  it('two tabs on one attempt: the last acknowledged write wins per item, nothing else is lost', async () => {
    const examId = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[0] }, { candidates: { employeeNos: ['c-hz'] } });
    const { attemptId, view } = await startAndLoad(t, 'c-hz', examId);
    const items = itemsOf(view);
    const fill = items.find((i) => i.type === 'fill')!;
    const others = items.filter((i) => i !== fill);
    const cookie = await t.signIn('c-hz');
    const put = (tabId: string, itemId: string, response: object) => t.app.inject({ method: 'PUT', url: `/api/attempts/${attemptId}/answers`, headers: { cookie }, payload: { itemId, response, tabId } });
    const results = await Promise.all([
      ...Array.from({ length: 10 }, (_, k) => put(k % 2 ? 'tab-a' : 'tab-b', fill.itemId, { kind: 'fill', blanks: [`v${k}`] })),
      ...others.map((i) => put('tab-a', i.itemId, rightResponse(i))),
    ]);
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const fillAcks = results.slice(0, 10).map((r, k) => ({ seq: r.json().seq as number, value: `v${k}` }));
    const last = fillAcks.sort((a, b) => b.seq - a.seq)[0];
    const seqs = results.map((r) => r.json().seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const saved = (await get(t, 'c-hz', `/api/attempts/${attemptId}`)).json();
    expect(saved.answers.find((a: { itemId: string }) => a.itemId === fill.itemId).response).toEqual({ kind: 'fill', blanks: [last.value] });
    // a choice answer is a set of keys: the order they were clicked in does not matter
    const canonical = (r: { kind: string; keys?: string[] }) => (r.kind === 'choice' ? { ...r, keys: [...r.keys!].sort() } : r);
    for (const i of others) expect(canonical(saved.answers.find((a: { itemId: string }) => a.itemId === i.itemId).response)).toEqual(canonical(rightResponse(i) as { kind: string; keys?: string[] }));
  });
});
