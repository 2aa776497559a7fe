import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createRubric, send, setupJudging, type JudgingFixture } from './judging-helpers.ts';

/** The organisation rubric library (评分细则库): who sees, changes and uses which library rubric. */
let t: TestApp;
let f: JudgingFixture;
let jsContest: number;
let zjContest: number;
const criteria = [
  { key: 'knowledge', name: 'Knowledge', nameZh: '业务知识准确性', weight: 4, min: 0, max: 10, step: 0.5 },
  { key: 'skill', name: 'Skill', nameZh: '投诉处理技巧', weight: 3, min: 0, max: 10, step: 0.5 },
  { key: 'calming', name: 'Calming', nameZh: '情绪安抚', weight: 3, min: 0, max: 10, step: 1 },
];
const create = async (who: string, organisationId: number, nameZh: string) => {
  const res = await send(t, who, 'POST', '/api/judging/rubric-library', { organisationId, name: nameZh, nameZh, criteria });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: number; organisationName: string; maxTotal: number; editable: boolean };
};
const visible = async (who: string) => ((await send(t, who, 'GET', '/api/judging/rubric-library')).json().items as { nameZh: string }[]).map((r) => r.nameZh);

let groupLib: number;
let zjLib: number;
let jsLib: number;
beforeAll(async () => {
  t = await createTestApp();
  f = await setupJudging(t);
  const contest = async (title: string, organisationId: number) =>
    (await t.ctx.db.insertInto('contest').values({ organisation_id: organisationId, title, definition: JSON.stringify({}), updated_at: new Date() }).returning('id').executeTakeFirstOrThrow()).id;
  jsContest = await contest('江苏省赛', t.seed.js.id);
  zjContest = await contest('浙江省赛', t.seed.zj.id);
  groupLib = (await create('org-root', t.seed.root.id, '集团细则')).id;
  zjLib = (await create('org-zj', t.seed.zj.id, '浙江细则')).id;
  jsLib = (await create('org-js', t.seed.js.id, '江苏细则')).id;
});
afterAll(async () => t?.cleanup());

describe('rubric library', () => {
  it('shows an organiser their own organisations’ and their ancestors’ rubrics, never a sibling province’s, with the templates alongside', async () => {
    expect(await visible('org-zj')).toEqual(['集团细则', '浙江细则']);
    expect(await visible('org-js')).toEqual(['集团细则', '江苏细则']);
    expect(await visible('org-root')).toEqual(['集团细则', '浙江细则', '江苏细则']);
    const lib = (await send(t, 'org-zj', 'GET', '/api/judging/rubric-library')).json();
    expect(lib.templates.map((x: { id: string }) => x.id)).toContain('template-complaint-handling');
    expect(lib.organisations).toEqual([{ id: t.seed.zj.id, name: '浙江' }]);
    expect(lib.items.map((r: { editable: boolean }) => r.editable)).toEqual([false, true]);
    // the templates route is unchanged
    expect((await send(t, 'judge-zj', 'GET', '/api/judging/rubric-templates')).statusCode).toBe(200);
  });

  it('refuses a sibling province’s organiser reading, changing or using a library rubric (403), and an unknown id (404)', async () => {
    for (const [method, url, body] of [
      ['GET', `/api/judging/rubric-library/${zjLib}`, undefined],
      ['PATCH', `/api/judging/rubric-library/${zjLib}`, { nameZh: '改名' }],
      ['POST', `/api/judging/contests/${jsContest}/rubrics`, { libraryId: zjLib }],
    ] as const) {
      const res = await send(t, 'org-js', method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().details.reasonZh).toBeTruthy();
    }
    // a province organiser sees the group's rubric but may not change it
    expect((await send(t, 'org-zj', 'PATCH', `/api/judging/rubric-library/${groupLib}`, { archived: true })).statusCode).toBe(403);
    expect((await send(t, 'org-root', 'GET', '/api/judging/rubric-library/99999')).statusCode).toBe(404);
    expect((await send(t, 'org-root', 'PATCH', '/api/judging/rubric-library/99999', { archived: true })).statusCode).toBe(404);
    expect((await send(t, 'org-root', 'POST', `/api/judging/contests/${f.contestId}/rubrics`, { libraryId: 99999 })).statusCode).toBe(404);
    expect((await send(t, 'org-root', 'POST', '/api/judging/rubrics/99999/save-to-library', { organisationId: t.seed.root.id })).statusCode).toBe(404);
  });

  it('refuses a contestant or a judge keeping a library rubric, and an organiser keeping one in another province', async () => {
    for (const who of ['c-hz', 'judge-zj']) {
      const res = await send(t, who, 'POST', '/api/judging/rubric-library', { organisationId: t.seed.zj.id, name: 'x', nameZh: 'x', criteria });
      expect(res.statusCode, who).toBe(403);
      expect((await send(t, who, 'GET', '/api/judging/rubric-library')).statusCode, who).toBe(403);
    }
    expect((await send(t, 'org-zj', 'POST', '/api/judging/rubric-library', { organisationId: t.seed.js.id, name: 'x', nameZh: 'x', criteria })).statusCode).toBe(403);
  });

  it('refuses bad criteria naming the field', async () => {
    const bad = await send(t, 'org-zj', 'POST', '/api/judging/rubric-library', { organisationId: t.seed.zj.id, name: 'x', nameZh: 'x', criteria: [{ ...criteria[0], weight: 0 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'criteria.0.weight', details: { code: 'BAD_WEIGHT', reasonZh: expect.stringContaining('权重') } });
    const step = await send(t, 'org-zj', 'PATCH', `/api/judging/rubric-library/${zjLib}`, { criteria: [criteria[0], { ...criteria[1], step: 3 }] });
    expect(step.statusCode).toBe(400);
    expect(step.json()).toMatchObject({ field: 'criteria.1.step', details: { code: 'BAD_STEP' } });
    const shape = await send(t, 'org-zj', 'POST', '/api/judging/rubric-library', { organisationId: t.seed.zj.id, name: 'x', nameZh: 'x', criteria: [{ ...criteria[0], weight: 'heavy' }] });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().field).toBe('criteria.0.weight');
  });

  it('copies a library rubric into a contest; later library edits leave the contest’s copy alone', async () => {
    const res = await send(t, 'org-zj', 'POST', `/api/judging/contests/${zjContest}/rubrics`, { libraryId: groupLib });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ nameZh: '集团细则', libraryId: groupLib, templateId: null, maxTotal: 100 });
    const edited = await send(t, 'org-root', 'PATCH', `/api/judging/rubric-library/${groupLib}`, { nameZh: '集团细则（2027版）', criteria: [{ ...criteria[0], weight: 10 }] });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ nameZh: '集团细则（2027版）', maxTotal: 100, criteria: [{ weight: 10 }] });
    const copy = (await send(t, 'org-zj', 'GET', `/api/judging/rubrics/${res.json().id}`)).json();
    expect(copy).toMatchObject({ nameZh: '集团细则', criteria: criteria.map((c) => ({ key: c.key, weight: c.weight })) });
  });

  it('archives a library rubric out of the list (still listed on request) and back', async () => {
    const archived = await send(t, 'org-js', 'PATCH', `/api/judging/rubric-library/${jsLib}`, { archived: true });
    expect(archived.json()).toMatchObject({ archived: true, nameZh: '江苏细则' });
    expect(await visible('org-js')).not.toContain('江苏细则');
    const all = (await send(t, 'org-js', 'GET', '/api/judging/rubric-library?includeArchived=true')).json().items;
    expect(all.find((r: { id: number }) => r.id === jsLib)).toMatchObject({ archived: true });
    await send(t, 'org-js', 'PATCH', `/api/judging/rubric-library/${jsLib}`, { archived: false });
    expect(await visible('org-js')).toContain('江苏细则');
  });

  it('saves a contest’s rubric into the library of an organisation the organiser manages', async () => {
    const rubricId = await createRubric(t, f.contestId);
    const saved = await send(t, 'org-root', 'POST', `/api/judging/rubrics/${rubricId}/save-to-library`, { organisationId: t.seed.zj.id, nameZh: '投诉处理（浙江修订）' });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ organisationName: '浙江', nameZh: '投诉处理（浙江修订）', name: 'Complaint handling', maxTotal: 100, editable: true });
    expect(await visible('org-zj')).toContain('投诉处理（浙江修订）');
    expect(await visible('org-js')).not.toContain('投诉处理（浙江修订）');
    // the contest belongs to the group: 浙江's organiser cannot reach its rubric
    expect((await send(t, 'org-zj', 'POST', `/api/judging/rubrics/${rubricId}/save-to-library`, { organisationId: t.seed.zj.id })).statusCode).toBe(403);
    // an organiser keeps rubrics only in organisations they organise
    const zjRubric = (await send(t, 'org-zj', 'POST', `/api/judging/contests/${zjContest}/rubrics`, { templateId: 'template-complaint-handling' })).json().id;
    expect((await send(t, 'org-zj', 'POST', `/api/judging/rubrics/${zjRubric}/save-to-library`, { organisationId: t.seed.js.id })).statusCode).toBe(403);
  });
});
