import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueAnswerSave, writeBatch } from '../../src/server/exams/attempt-save-queue.ts';
import { writeSubmits } from '../../src/server/exams/attempt-submit-queue.ts';
import { submitAndRead } from '../../src/server/exams/grading-service.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { send } from './bank-helpers.ts';
import { itemsOf, makeExam, makePaperSet, rightResponse, startAndLoad } from './exams-helpers.ts';

/**
 * The hot path of the exam storm: saves from many requests written together (group commit),
 * submits racing saves. What must hold is what holds for one save at a time: sequence numbers
 * per attempt strictly increase in arrival order, the highest acknowledged write of an item is
 * the one stored, a submitted attempt takes nothing, and every acknowledged save is graded.
 */
let t: TestApp;
let papers: Awaited<ReturnType<typeof makePaperSet>>;
beforeAll(async () => {
  t = await createTestApp();
  papers = await makePaperSet(t);
});
afterAll(async () => t?.cleanup());

const stored = async (attemptId: number) =>
  new Map((await t.ctx.exams.attempts.answers(attemptId)).map((a) => [a.position, a]));

describe('exam saves: group commit', () => {
  it('numbers a batch per attempt in arrival order, stores the highest per item, refuses a submitted attempt', async () => {
    const open = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[0] }, { candidates: { employeeNos: ['c-hz'] } });
    const closed = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[1] }, { candidates: { employeeNos: ['c-hz'] } });
    const a = (await startAndLoad(t, 'c-hz', open)).attemptId;
    const b = (await startAndLoad(t, 'c-hz', closed)).attemptId;
    expect((await send(t, 'c-hz', 'POST', `/api/attempts/${b}/submit`)).statusCode).toBe(200);
    const before = (await t.ctx.exams.attempts.get(a))!.lastSeq;
    const at = new Date();
    const seqs = await writeBatch(t.ctx.db, [
      { attemptId: a, position: 1, response: JSON.stringify({ kind: 'fill', blanks: ['first'] }), at },
      { attemptId: b, position: 1, response: JSON.stringify({ kind: 'fill', blanks: ['late'] }), at },
      { attemptId: a, position: 2, response: 'null', at },
      { attemptId: a, position: 1, response: JSON.stringify({ kind: 'fill', blanks: ['second'] }), at },
    ]);
    expect(seqs).toEqual([before + 1, null, before + 2, before + 3]);
    const rows = await stored(a);
    expect(rows.get(1)).toMatchObject({ response: { kind: 'fill', blanks: ['second'] }, answerSeq: before + 3 });
    expect(rows.get(2)).toMatchObject({ response: null, answerSeq: before + 2 });
    expect((await t.ctx.exams.attempts.get(a))!.lastSeq).toBe(before + 3);
    expect((await stored(b)).size).toBe(0);
  });

  it('queues concurrent saves into few statements, each acknowledged with its own sequence', async () => {
    const examId = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[0] }, { candidates: { employeeNos: ['c-hz'] } });
    const { attemptId } = await startAndLoad(t, 'c-hz', examId);
    const saves = Array.from({ length: 40 }, (_, k) => ({ position: (k % 5) + 1, value: `v${k}` }));
    const seqs = await Promise.all(saves.map((s) => queueAnswerSave(t.ctx.db, { attemptId, position: s.position, response: { kind: 'fill', blanks: [s.value] }, at: new Date() })));
    expect(seqs.every((s) => typeof s === 'number')).toBe(true);
    expect(new Set(seqs).size).toBe(40);
    // arrival order is sequence order
    expect(seqs).toEqual([...seqs].sort((x, y) => x! - y!));
    const rows = await stored(attemptId);
    for (let p = 1; p <= 5; p++) {
      const last = saves.map((s, k) => ({ ...s, seq: seqs[k]! })).filter((s) => s.position === p).sort((x, y) => y.seq - x.seq)[0];
      expect(rows.get(p)).toMatchObject({ response: { kind: 'fill', blanks: [last.value] }, answerSeq: last.seq });
    }
  });

  it('saves a page\'s queued answers in one request: consecutive sequences, all or none, the candidate\'s own attempt only', async () => {
    const examId = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[0] }, { candidates: { employeeNos: ['c-hz'] } });
    const { attemptId, view } = await startAndLoad(t, 'c-hz', examId);
    const items = itemsOf(view);
    const fill = items.find((i) => i.type === 'fill')!;
    const single = items.find((i) => i.type === 'single')!;
    const url = `/api/attempts/${attemptId}/answers`;
    const ok = await send(t, 'c-hz', 'POST', url, { answers: [{ itemId: fill.itemId, response: { kind: 'fill', blanks: ['a'] } }, { itemId: single.itemId, response: rightResponse(single) }, { itemId: fill.itemId, response: { kind: 'fill', blanks: ['b'] } }] });
    expect(ok.statusCode, ok.body).toBe(200);
    const acks = ok.json().acks as { itemId: string; seq: number }[];
    expect(acks.map((a) => a.itemId)).toEqual([fill.itemId, single.itemId, fill.itemId]);
    expect(acks.map((a) => a.seq - acks[0].seq)).toEqual([0, 1, 2]);
    const saved = (await t.ctx.exams.attempts.answers(attemptId)).find((a) => String(a.position) === fill.itemId)!;
    expect(saved).toMatchObject({ response: { kind: 'fill', blanks: ['b'] }, answerSeq: acks[2].seq });
    // one bad item refuses the request and saves none of it
    const bad = await send(t, 'c-hz', 'POST', url, { answers: [{ itemId: fill.itemId, response: { kind: 'fill', blanks: ['c'] } }, { itemId: '999', response: null }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('answers.1.itemId');
    expect((await t.ctx.exams.attempts.answers(attemptId)).find((a) => String(a.position) === fill.itemId)!.response).toEqual({ kind: 'fill', blanks: ['b'] });
    expect((await send(t, 'c-hz', 'POST', url, { answers: [] })).statusCode).toBe(400);
    expect((await send(t, 'c-nj', 'POST', url, { answers: [{ itemId: fill.itemId, response: null }] })).statusCode).toBe(403);
    expect((await send(t, 'org-zj', 'POST', url, { answers: [{ itemId: fill.itemId, response: null }] })).statusCode).toBe(403);
    expect((await send(t, 'c-hz', 'POST', `/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
    expect((await send(t, 'c-hz', 'POST', url, { answers: [{ itemId: fill.itemId, response: null }] })).statusCode).toBe(409);
  });

  it('a save racing the submit is either graded or refused with 409, never acknowledged and lost', async () => {
    const examId = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[1] }, { candidates: { employeeNos: ['c-hz'] } });
    const { attemptId, view } = await startAndLoad(t, 'c-hz', examId);
    const items = itemsOf(view).filter((i) => i.type !== 'short');
    const cookie = await t.signIn('c-hz');
    const put = (itemId: string, response: object) => t.app.inject({ method: 'PUT', url: `/api/attempts/${attemptId}/answers`, headers: { cookie }, payload: { itemId, response } });
    const first = await put(items[0].itemId, rightResponse(items[0]));
    const results = await Promise.all([
      ...items.slice(1).map((i) => put(i.itemId, rightResponse(i))),
      t.app.inject({ method: 'POST', url: `/api/attempts/${attemptId}/submit`, headers: { cookie } }),
      ...items.map((i) => put(i.itemId, rightResponse(i))),
    ]);
    const saves = [first, ...results.filter((_, k) => k !== items.length - 1)];
    expect(saves.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
    const attempt = (await t.ctx.exams.attempts.get(attemptId))!;
    expect(attempt.submittedAt).toBeTruthy();
    const graded = attempt.itemScores!;
    expect(saves.some((r) => r.statusCode === 200)).toBe(true);
    saves.forEach((r, k) => {
      if (r.statusCode !== 200) return;
      const item = items[k % items.length];
      // acknowledged before the submit took the row lock: it is in the grading, as right
      expect(graded[item.itemId], item.itemId).toMatchObject({ st: 'graded', c: true });
    });
    // and after the submit nothing is accepted
    expect((await put(items[0].itemId, rightResponse(items[0]))).statusCode).toBe(409);
  });

  it('submits written together grade each attempt as one submit would; a repeat in the batch and an already submitted attempt are not written again', async () => {
    // three exams of one candidate (the seed has one contestant in 浙江): all right, one right, submitted already
    const one = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[0] }, { candidates: { employeeNos: ['c-hz'] } });
    const oneB = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[0] }, { candidates: { employeeNos: ['c-hz'] } });
    const two = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[1] }, { candidates: { employeeNos: ['c-hz'] } });
    const hz = await startAndLoad(t, 'c-hz', one);
    const nj = await startAndLoad(t, 'c-hz', oneB);
    const done = await startAndLoad(t, 'c-hz', two);
    const cookieHz = await t.signIn('c-hz');
    const cookieNj = cookieHz;
    for (const i of itemsOf(hz.view).filter((x) => x.type !== 'short')) await t.app.inject({ method: 'PUT', url: `/api/attempts/${hz.attemptId}/answers`, headers: { cookie: cookieHz }, payload: { itemId: i.itemId, response: rightResponse(i) } });
    const njFirst = itemsOf(nj.view).find((x) => x.type !== 'short')!;
    await t.app.inject({ method: 'PUT', url: `/api/attempts/${nj.attemptId}/answers`, headers: { cookie: cookieNj }, payload: { itemId: njFirst.itemId, response: rightResponse(njFirst) } });
    expect((await send(t, 'c-hz', 'POST', `/api/attempts/${done.attemptId}/submit`)).statusCode).toBe(200);
    const exam = (await t.ctx.exams.exams.get(one))!;
    const at = new Date();
    const results = await writeSubmits(t.ctx, [
      { attemptId: nj.attemptId, exam, reason: 'candidate', at },
      { attemptId: hz.attemptId, exam, reason: 'candidate', at },
      { attemptId: nj.attemptId, exam, reason: 'candidate', at },
      { attemptId: done.attemptId, exam, reason: 'candidate', at },
    ]);
    expect(results.map((r) => r.submitted)).toEqual([true, true, false, false]);
    expect(results[0].attempt!.id).toBe(nj.attemptId);
    expect(results[2].attempt).toEqual(results[0].attempt);
    const hzRow = (await t.ctx.exams.attempts.get(hz.attemptId))!;
    const njRow = (await t.ctx.exams.attempts.get(nj.attemptId))!;
    expect(hzRow).toMatchObject({ submitReason: 'candidate', submittedAt: at });
    expect(njRow.score!).toBeLessThan(hzRow.score!);
    expect(njRow.score!).toBeGreaterThan(0);
    // the same gradings as one submit at a time gives (re-grading the stored answers with the engine)
    for (const row of [hzRow, njRow]) {
      const again = await t.ctx.db.transaction().execute(async (tx) => {
        await tx.updateTable('exam_attempt').set({ submitted_at: null }).where('id', '=', row.id).execute();
        const r = await submitAndRead(t.ctx, exam, row.id, 'candidate', at, tx);
        throw Object.assign(new Error('rollback'), { r });
      }).catch((e: { r?: Awaited<ReturnType<typeof submitAndRead>> }) => e.r!);
      expect(again.attempt).toMatchObject({ score: row.score, maxScore: row.maxScore, status: row.status, itemScores: row.itemScores });
    }
  });
});
