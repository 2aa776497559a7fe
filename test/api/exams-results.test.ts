import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { get, send } from './bank-helpers.ts';
import { answerAll, itemsOf, makeExam, makePaperSet, rightResponse, startAndLoad } from './exams-helpers.ts';

let t: TestApp;
let examId: number;
let attemptId: number;
let entryId: number;
let contestId: number;
beforeAll(async () => {
  t = await createTestApp();
  const papers = await makePaperSet(t, { papers: 1 });
  // a contest with c-hz's entry, inserted directly: the contests server is not ours
  const contest = await t.ctx.db.insertInto('contest').values({ organisation_id: t.seed.zj.id, title: '浙江服务之星', definition: JSON.stringify({}) }).returning('id').executeTakeFirstOrThrow();
  contestId = contest.id;
  const entry = await t.ctx.db.insertInto('contest_entry').values({ contest_id: contestId, track_key: 'voice', kind: 'individual', name: '杭州选手', organisation_id: t.seed.hzTeam.id }).returning('id').executeTakeFirstOrThrow();
  entryId = entry.id;
  await t.ctx.db.insertInto('contest_entry_member').values({ entry_id: entryId, person_id: t.seed.people['c-hz'] }).execute();
  examId = await makeExam(t, { paperMode: 'shuffled', paperId: papers.paperIds[0], contestId, roundKey: 'theory', settings: { marking: { double: true, tolerance: 1, finalRule: 'mean-of-closest' } } }, { candidates: { employeeNos: ['c-hz'] } });
  const s = await startAndLoad(t, 'c-hz', examId);
  attemptId = s.attemptId;
  await answerAll(t, 'c-hz', attemptId, itemsOf(s.view));
  await send(t, 'c-hz', 'POST', `/api/attempts/${attemptId}/submit`);
});
afterAll(async () => t?.cleanup());

describe('marking, release, results', () => {
  it('double-marks blind, calls a third marker beyond the tolerance, and totals', async () => {
    const overview = (await get(t, 'judge-zj', `/api/exams/${examId}/marking`)).json();
    expect(overview.questions).toHaveLength(1);
    const q = overview.questions[0].questionId;
    const next = (await get(t, 'org-zj', `/api/exams/${examId}/marking/${q}/next`)).json();
    expect(next.item.text).toContain('安抚');
    expect(JSON.stringify(next)).not.toMatch(/c-hz|杭州选手|personId|attemptId/);
    expect((await send(t, 'org-zj', 'POST', `/api/exams/${examId}/marking/marks`, { responseId: next.item.responseId, mark: 5 })).json().status).toBe('awaiting-second');
    expect((await get(t, 'org-zj', `/api/exams/${examId}/marking/${q}/next`)).json().done).toBe(true);
    expect((await send(t, 'judge-zj', 'POST', `/api/exams/${examId}/marking/marks`, { responseId: next.item.responseId, mark: 2 })).json().status).toBe('awaiting-third');
    expect((await send(t, 'c-hz', 'POST', `/api/exams/${examId}/marking/marks`, { responseId: next.item.responseId, mark: 2 })).statusCode).toBe(403);
    const third = await send(t, 'org-root', 'POST', `/api/exams/${examId}/marking/marks`, { responseId: next.item.responseId, mark: 4 });
    expect(third.json()).toMatchObject({ status: 'final', final: 4.5 });
  });

  it('hides scores until release, then shows them, the key, the report and writes the contest round', async () => {
    expect((await get(t, 'c-hz', `/api/attempts/${attemptId}/result`)).json().score).toBeNull();
    expect((await send(t, 'c-hz', 'POST', `/api/attempts/${attemptId}/appeals`, { reason: '太低' })).statusCode).toBe(409);
    const rel = await send(t, 'org-zj', 'POST', `/api/exams/${examId}/release`, {});
    expect(rel.statusCode, rel.body).toBe(200);
    expect(rel.json().contestRows).toBe(1);
    const row = await t.ctx.db.selectFrom('contest_round_score').selectAll().where('contest_id', '=', contestId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ round_key: 'theory', entry_id: entryId, score: 13.5, max_score: 14, source: 'exam', source_ref: String(examId), violations: 0 });
    const mine = (await get(t, 'c-hz', `/api/attempts/${attemptId}/result`)).json();
    expect(mine).toMatchObject({ resultsVisible: true, answersVisible: true, score: 13.5, maxScore: 14 });
    expect(mine.items.every((i: { answer?: unknown }) => i.answer !== undefined)).toBe(true);
    expect(mine.byKnowledgePoint.map((k: { point: string }) => k.point)).toEqual(['宽带/故障', '携号转网', '服务规范'].sort((a, b) => a.localeCompare(b)));
    const single = mine.items.find((i: { response: { keys?: string[] } | null; answer: { keys?: string[] } }) => i.answer && (i.answer as { keys?: string[] }).keys?.length === 1);
    expect(single.response).toEqual(single.answer);
  });

  it('takes an appeal through review to a changed mark, with its trail, and updates the contest row', async () => {
    const view = (await get(t, 'c-hz', `/api/attempts/${attemptId}`)).json();
    const short = itemsOf(view).find((i) => i.type === 'short')!;
    const filed = await send(t, 'c-hz', 'POST', `/api/attempts/${attemptId}/appeals`, { itemId: short.itemId, reason: '要点都答到了' });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id;
    expect((await send(t, 'c-nj', 'POST', `/api/exams/appeals/${id}/actions`, { type: 'start-review' })).statusCode).toBe(403);
    // only organisers over the exam decide: not another province's organiser, a judge, or the candidate
    for (const who of ['org-js', 'judge-zj', 'c-hz']) expect((await send(t, who, 'POST', `/api/exams/appeals/${id}/actions`, { type: 'start-review', note: '越权' })).statusCode, who).toBe(403);
    expect((await send(t, 'org-zj', 'POST', `/api/exams/appeals/${id}/actions`, { type: 'change', note: 'x', newMark: 5 })).statusCode).toBe(409);
    await send(t, 'org-zj', 'POST', `/api/exams/appeals/${id}/actions`, { type: 'start-review', note: '复核' });
    const changed = await send(t, 'org-zj', 'POST', `/api/exams/appeals/${id}/actions`, { type: 'change', note: '复核后给满分', newMark: 5 });
    expect(changed.json()).toMatchObject({ status: 'changed', originalMark: 4.5, finalMark: 5 });
    expect(changed.json().trail.map((e: { to: string }) => e.to)).toEqual(['filed', 'under-review', 'changed']);
    expect((await get(t, 'c-hz', `/api/attempts/${attemptId}/result`)).json().score).toBe(14);
    const row = await t.ctx.db.selectFrom('contest_round_score').select('score').where('contest_id', '=', contestId).executeTakeFirstOrThrow();
    expect(row.score).toBe(14);
    const queue = (await get(t, 'org-zj', `/api/exams/${examId}/appeals`)).json().items;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ candidateName: '杭州选手', employeeNo: 'c-hz', itemNumber: (short as unknown as { number: number }).number });
    expect(queue[0].trail.map((e: { actorName: string; actorRole: string }) => [e.actorRole, e.actorName])).toEqual([['candidate', '杭州选手'], ['reviewer', '浙江组织者'], ['reviewer', '浙江组织者']]);
    // the candidate sees who decided only as the review panel (marking is blind), and when, what and why
    const mine = (await get(t, 'c-hz', `/api/attempts/${attemptId}/appeals`)).json().items[0];
    expect(mine).toMatchObject({ candidateName: null, status: 'changed', finalMark: 5 });
    expect(mine.trail.map((e: { actorName: string | null; actorId: string; note: string }) => [e.actorName, e.actorId === '', e.note])).toEqual([['杭州选手', false, '要点都答到了'], [null, true, '复核'], [null, true, '复核后给满分']]);
    expect(JSON.stringify(mine)).not.toContain('浙江组织者');
    expect((await get(t, 'c-nj', `/api/attempts/${attemptId}/appeals`)).statusCode).toBe(403);
  });

  it('ranks, analyses items and exports .xlsx; organisers outside the subtree are refused', async () => {
    const res = (await get(t, 'org-zj', `/api/exams/${examId}/results`)).json();
    expect(res.items[0]).toMatchObject({ employeeNo: 'c-hz', rank: 1, score: 14 });
    const byOrg = (await get(t, 'org-zj', `/api/exams/${examId}/rankings?by=organisation&depth=2`)).json();
    expect(byOrg.groups[0]).toMatchObject({ group: '杭州', sat: 1 });
    const analysis = await get(t, 'org-zj', `/api/exams/${examId}/item-analysis`);
    expect(analysis.statusCode, analysis.body).toBe(200);
    expect(analysis.json().papers[0].analysis.items).toHaveLength(5);
    const xlsx = await get(t, 'org-zj', `/api/exams/${examId}/export`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['成绩', '试题分析']);
    expect(wb.getWorksheet('成绩')!.getRow(2).getCell(2).value).toBe('c-hz');
    for (const url of ['results', 'rankings', 'item-analysis', 'export', 'marking', 'appeals']) expect((await get(t, 'org-js', `/api/exams/${examId}/${url}`)).statusCode, url).toBe(403);
    expect((await get(t, 'c-hz', `/api/exams/${examId}/results`)).statusCode).toBe(403);
    void rightResponse;
  });
});
