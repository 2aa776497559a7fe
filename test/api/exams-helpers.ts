import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { get, send } from './bank-helpers.ts';

/**
 * A small bank of questions whose right answer is always the bank's option A (so a test can
 * find it after options are shuffled), assembled into paper sets, and exams over them.
 */
export const KP = ['宽带/故障', '携号转网', '服务规范'];

export function questionInputs(n = 2) {
  const qs: object[] = [];
  for (let i = 0; i < n; i++) {
    qs.push({ type: 'single', stem: `单选题 ${i + 1}：光猫 LOS 灯红色闪烁意味着？`, options: [{ key: 'A', text: `光信号中断 ${i}` }, { key: 'B', text: `路由器未开机 ${i}` }, { key: 'C', text: `账号欠费 ${i}` }, { key: 'D', text: `密码错误 ${i}` }], answer: { kind: 'choice', keys: ['A'] }, knowledgePoints: [KP[0]], score: 2, difficulty: 2 });
    qs.push({ type: 'multiple', stem: `多选题 ${i + 1}：携号转网前应核对？`, options: [{ key: 'A', text: `实名 ${i}` }, { key: 'B', text: `无欠费 ${i}` }, { key: 'C', text: `开通漫游 ${i}` }, { key: 'D', text: `换手机 ${i}` }], answer: { kind: 'choice', keys: ['A', 'B'] }, knowledgePoints: [KP[1]], score: 4, difficulty: 3 });
    qs.push({ type: 'truefalse', stem: `判断题 ${i + 1}：服务用语应先问候。`, answer: { kind: 'truefalse', value: true }, knowledgePoints: [KP[2]], score: 1, difficulty: 1 });
    qs.push({ type: 'fill', stem: `填空题 ${i + 1}：光纤到户的英文缩写是 _____。`, answer: { kind: 'fill', blanks: [['FTTH']] }, knowledgePoints: [KP[0]], score: 2, difficulty: 2 });
    qs.push({ type: 'short', stem: `简答题 ${i + 1}：简述话费争议的处理步骤。`, answer: { kind: 'text', reference: '安抚；核实；解释' }, knowledgePoints: [KP[2]], score: 5, difficulty: 4 });
  }
  return qs;
}

export const BLUEPRINT = {
  sections: [
    { type: 'single', count: 1, pointsEach: 2, title: '一、单选' },
    { type: 'multiple', count: 1, pointsEach: 4, title: '二、多选' },
    { type: 'truefalse', count: 1, pointsEach: 1, title: '三、判断' },
    { type: 'fill', count: 1, pointsEach: 2, title: '四、填空' },
    { type: 'short', count: 1, pointsEach: 5, title: '五、简答' },
  ],
  totalScore: 14,
  maxOverlap: 1,
  exposureCap: 10,
};

export async function makePaperSet(t: TestApp, opts: { who?: string; organisationId?: number; papers?: number; name?: string } = {}) {
  const who = opts.who ?? 'org-zj';
  const bank = await send(t, who, 'POST', '/api/banks', { name: opts.name ?? `考试题库 ${Math.random().toString(36).slice(2, 8)}`, organisationId: opts.organisationId ?? t.seed.zj.id });
  expect(bank.statusCode, bank.body).toBe(201);
  const bankId = bank.json().id as number;
  for (const q of questionInputs(2)) {
    const r = await send(t, who, 'POST', `/api/banks/${bankId}/questions`, q);
    expect(r.statusCode, r.body).toBe(201);
  }
  const made = await send(t, who, 'POST', `/api/banks/${bankId}/assemble`, { name: 'A/B', blueprint: BLUEPRINT, papers: opts.papers ?? 2, seed: 11 });
  expect(made.statusCode, made.body).toBe(201);
  const set = made.json();
  return { bankId, paperSetId: set.paperSet.id as number, paperIds: set.papers.map((p: { id: number }) => p.id) as number[] };
}

export async function makeExam(t: TestApp, body: Record<string, unknown>, opts: { who?: string; candidates?: object; publish?: boolean } = {}) {
  const who = opts.who ?? 'org-zj';
  const now = Date.now();
  const res = await send(t, who, 'POST', '/api/exams', {
    organisationId: t.seed.zj.id, title: '浙江初赛理论笔试', opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 3 * 3600_000).toISOString(), durationMinutes: 30, ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const examId = res.json().id as number;
  if (opts.candidates !== undefined) {
    const c = await send(t, who, 'POST', `/api/exams/${examId}/candidates`, opts.candidates);
    expect(c.statusCode, c.body).toBe(200);
  }
  if (opts.publish !== false) {
    const p = await send(t, who, 'POST', `/api/exams/${examId}/status`, { status: 'published' });
    expect(p.statusCode, p.body).toBe(200);
  }
  return examId;
}

type Item = { itemId: string; type: string; options: { key: string; text: string }[] };

/** The right response to an item of the helper's bank, in the candidate's display keys. */
export function rightResponse(item: Item) {
  const keyOf = (prefix: string) => item.options.find((o) => o.text.startsWith(prefix))!.key;
  if (item.type === 'single') return { kind: 'choice', keys: [keyOf('光信号中断')] };
  if (item.type === 'multiple') return { kind: 'choice', keys: [keyOf('实名'), keyOf('无欠费')] };
  if (item.type === 'truefalse') return { kind: 'truefalse', value: true };
  if (item.type === 'fill') return { kind: 'fill', blanks: ['ｆｔｔｈ'] };
  return { kind: 'text', text: '先安抚用户情绪，再核实账单，最后解释或退费。' };
}

export const itemsOf = (view: { paper: { sections: { items: Item[] }[] } }): Item[] => view.paper.sections.flatMap((s) => s.items);

export async function startAndLoad(t: TestApp, who: string, examId: number) {
  const start = await send(t, who, 'POST', `/api/exams/${examId}/attempts`);
  expect(start.statusCode, start.body).toBe(200);
  const view = await get(t, who, `/api/attempts/${start.json().id}`);
  expect(view.statusCode, view.body).toBe(200);
  return { attemptId: start.json().id as number, start: start.json(), view: view.json() };
}

export async function answerAll(t: TestApp, who: string, attemptId: number, items: Item[], pick: (i: Item) => object | null = rightResponse) {
  for (const item of items) {
    const r = await send(t, who, 'PUT', `/api/attempts/${attemptId}/answers`, { itemId: item.itemId, response: pick(item) });
    expect(r.statusCode, r.body).toBe(200);
  }
}
