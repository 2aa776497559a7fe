import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createBank, fixture, get, importFile, send, sheetXlsx } from './bank-helpers.ts';

let t: TestApp;
let bankId: number;
beforeAll(async () => {
  t = await createTestApp();
  bankId = await createBank(t, 'org-zj', '浙江题库', t.seed.zj.id);
});
afterAll(async () => t?.cleanup());

describe('import', () => {
  it('previews an xlsx without writing, then commits it; the row without an answer is skipped with its row', async () => {
    const buf = await sheetXlsx();
    const { preview, summary } = await importFile(t, 'org-zj', bankId, '题库.xlsx', buf);
    expect(preview.format).toBe('xlsx');
    expect(preview.summary.imported).toBe(7);
    expect(summary).toMatchObject({ imported: 7, updated: 0, unchanged: 0, byType: { single: 1, multiple: 1, truefalse: 1, fill: 1, short: 1, case: 1, scenario: 1 } });
    expect(summary.skipped).toEqual([{ line: 9, reason: expect.stringContaining('no correct answer'), reasonZh: expect.stringContaining('没有正确答案') }]);
    // the import job keeps both reasons between the preview and the commit
    expect(preview.summary.skipped).toEqual(summary.skipped);
    const list = await get(t, 'org-zj', `/api/banks/${bankId}/questions`);
    expect(list.json().total).toBe(7);
  });

  it('importing the same file again changes nothing', async () => {
    const { summary } = await importFile(t, 'org-zj', bankId, '题库.xlsx', await sheetXlsx());
    expect(summary).toMatchObject({ imported: 0, updated: 0, unchanged: 7 });
    expect((await get(t, 'org-zj', `/api/banks/${bankId}/questions`)).json().total).toBe(7);
  });

  it('reads GIFT, Moodle XML and Aiken, detected from their content', async () => {
    const gift = await importFile(t, 'org-zj', bankId, 'telecom.txt', fixture('telecom.gift.txt'));
    expect(gift.preview.format).toBe('gift');
    expect(gift.summary.imported).toBeGreaterThan(5);
    const xml = await importFile(t, 'org-zj', bankId, 'telecom.xml', fixture('telecom.moodle.xml'));
    expect(xml.preview.format).toBe('moodle');
    expect(xml.summary.imported).toBeGreaterThan(5);
    const aiken = await importFile(t, 'org-zj', bankId, 'telecom.txt', fixture('telecom.aiken.txt'));
    expect(aiken.preview.format).toBe('aiken');
    expect(aiken.summary.imported).toBeGreaterThanOrEqual(3);
  });

  it('flags near-duplicates (same normalised stem and options) in the preview', async () => {
    const rows = [['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案'], ['单选', '光猫LOS指示灯红色闪烁,最可能的原因是', '路由器未开机', '光纤信号中断', 'WiFi密码错误', '账号欠费停机', 'B']];
    const buf = await sheetXlsx(rows);
    const { preview } = await importFile(t, 'org-zj', bankId, 'dup.xlsx', buf);
    expect(preview.nearDuplicates).toBe(1);
    expect(preview.items[0].nearDuplicates.existingIds.length).toBe(1);
  });
});

describe('browse and search', () => {
  it('filters by type, track, difficulty, knowledge-point subtree and pages', async () => {
    const q = (s: string) => get(t, 'org-zj', `/api/banks/${bankId}/questions?${s}`);
    const cases = (await q('type=case')).json();
    expect(cases.total).toBeGreaterThanOrEqual(1);
    expect(new Set(cases.items.map((x: { type: string }) => x.type))).toEqual(new Set(['case']));
    const kp = (await q(`knowledgePoint=${encodeURIComponent('宽带')}`)).json();
    expect(kp.items.every((x: { knowledgePoints: string[] }) => x.knowledgePoints.some((p) => p === '宽带' || p.startsWith('宽带/')))).toBe(true);
    expect(kp.total).toBeGreaterThanOrEqual(3);
    const hard = (await q('difficulty=5&track=' + encodeURIComponent('互联网融合客服'))).json();
    expect(hard.total).toBe(1);
    const page = (await q('pageSize=2&page=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.page).toBe(2);
  });

  it('counts by type, status and difficulty under the same filters as the list', async () => {
    const all = (await get(t, 'org-zj', `/api/banks/${bankId}/questions?pageSize=200`)).json();
    const stats = (await get(t, 'org-zj', `/api/banks/${bankId}/stats`)).json();
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    expect(sum(stats.byType)).toBe(all.total);
    expect(sum(stats.byDifficulty)).toBe(all.total);
    const singles = all.items.filter((q: { type: string }) => q.type === 'single').length;
    expect(stats.byType.single).toBe(singles);
    const filtered = (await get(t, 'org-zj', `/api/banks/${bankId}/stats?type=single`)).json();
    expect(filtered.byType).toEqual({ single: singles });
    expect((await get(t, 'c-hz', `/api/banks/${bankId}/stats`)).statusCode).toBe(403);
  });

  it('finds Chinese words in stems through segmentation', async () => {
    const hit = (await get(t, 'org-zj', `/api/banks/${bankId}/questions?q=${encodeURIComponent('话费争议')}`)).json();
    expect(hit.items.map((x: { stem: string }) => x.stem)).toContain('简述处理话费争议投诉的基本步骤。');
    const word = (await get(t, 'org-zj', `/api/banks/${bankId}/questions?q=${encodeURIComponent('指示灯')}`)).json();
    expect(word.total).toBeGreaterThanOrEqual(1);
    const none = (await get(t, 'org-zj', `/api/banks/${bankId}/questions?q=${encodeURIComponent('量子通信')}`)).json();
    expect(none.total).toBe(0);
  });

  it('builds the knowledge-point tree from the imported paths', async () => {
    const tree = (await get(t, 'org-zj', `/api/banks/${bankId}/knowledge-points`)).json().items as { path: string; parentId: number | null; questionCount: number }[];
    const paths = tree.map((n) => n.path);
    expect(paths).toEqual(expect.arrayContaining(['宽带', '宽带/故障', '宽带/故障/光猫', '投诉处理/话费争议']));
    const broadband = tree.find((n) => n.path === '宽带')!;
    expect(broadband.parentId).toBeNull();
    expect(broadband.questionCount).toBeGreaterThanOrEqual(tree.find((n) => n.path === '宽带/故障')!.questionCount);
  });
});

describe('versions and papers', () => {
  it('editing a question used by a paper makes a new version and the paper keeps the old one', async () => {
    const list = (await get(t, 'org-zj', `/api/banks/${bankId}/questions?type=truefalse&pageSize=200`)).json();
    const tfCount = list.total as number;
    const blueprint = { sections: [{ type: 'truefalse', count: 1, pointsEach: 2 }], totalScore: 2 };
    const made = await send(t, 'org-zj', 'POST', `/api/banks/${bankId}/assemble`, { name: '判断 A/B', blueprint, papers: Math.min(2, tfCount), seed: 7 });
    expect(made.statusCode, made.body).toBe(201);
    const paperId = made.json().papers[0].id;
    const paper = (await get(t, 'org-zj', `/api/papers/${paperId}`)).json();
    const item = paper.sections[0].items[0];
    expect(item).not.toHaveProperty('answer');
    const q = (await get(t, 'org-zj', `/api/questions/${item.questionId}`)).json().question;
    const { id: _id, bankId: _b, versionId, versionNo, createdAt: _c, updatedAt: _u, ...content } = q;
    const saved = await send(t, 'org-zj', 'PUT', `/api/questions/${item.questionId}`, { ...content, stem: `${content.stem}（修订）` });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().newVersion).toBe(true);
    expect(saved.json().question.versionNo).toBe(versionNo + 1);
    const again = (await get(t, 'org-zj', `/api/papers/${paperId}`)).json().sections[0].items[0];
    expect(again.questionVersionId).toBe(versionId);
    expect(again.stem).toBe(content.stem);
    const detail = (await get(t, 'org-zj', `/api/questions/${item.questionId}`)).json();
    expect(detail.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([versionNo + 1, versionNo]);
    expect(detail.versions[1].usedByPaperItems).toBeGreaterThanOrEqual(1);
    const key = (await get(t, 'org-zj', `/api/papers/${paperId}/answer-key`)).json();
    expect(key.items[0].answer.kind).toBe('truefalse');
  });

  it('saving with only a status change is not a new version; retire removes it from assembly', async () => {
    const created = await send(t, 'org-zj', 'POST', `/api/banks/${bankId}/questions`, {
      type: 'single', stem: '5G 套餐降档的生效时间一般是？', options: [{ key: 'A', text: '次月' }, { key: 'B', text: '立即' }], answer: { kind: 'choice', keys: ['A'] }, score: 1, difficulty: 3, knowledgePoints: ['套餐/变更'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const retired = await send(t, 'org-zj', 'POST', `/api/questions/${id}/retire`);
    expect(retired.json()).toMatchObject({ status: 'retired', versionNo: 1 });
    const check = await send(t, 'org-zj', 'POST', `/api/banks/${bankId}/feasibility`, { blueprint: { sections: [{ type: 'single', count: 50, pointsEach: 1 }], totalScore: 50 }, papers: 1 });
    expect(check.json().ok).toBe(false);
    expect(check.json().problems[0].message).toMatch(/needs 50 single-choice items per paper, the bank has \d+/);
  });

  it('a question without a correct answer is refused naming the field', async () => {
    const res = await send(t, 'org-zj', 'POST', `/api/banks/${bankId}/questions`, { type: 'multiple', stem: '哪些属于服务禁语？', options: [{ key: 'A', text: '甲' }, { key: 'B', text: '乙' }], answer: { kind: 'choice', keys: [] }, score: 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'VALIDATION', field: 'answer' });
  });

  it('an infeasible assembly says which constraint and by how much, and writes nothing', async () => {
    const before = (await get(t, 'org-zj', `/api/banks/${bankId}/paper-sets`)).json().items.length;
    const cases = (await get(t, 'org-zj', `/api/banks/${bankId}/questions?type=case&status=active`)).json().total as number;
    const res = await send(t, 'org-zj', 'POST', `/api/banks/${bankId}/assemble`, { blueprint: { sections: [{ type: 'case', count: cases + 1, pointsEach: 10 }], totalScore: 10 * (cases + 1) }, papers: 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('blueprint');
    expect(res.json().details.problems[0]).toMatchObject({ constraint: 'section', needed: cases + 1, available: cases });
    expect((await get(t, 'org-zj', `/api/banks/${bankId}/paper-sets`)).json().items.length).toBe(before);
  });
});
