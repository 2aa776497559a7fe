import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/server/demo/index.ts';
import { DEMO_GROUP_BANK, DEMO_ZJ_BANK } from '../../src/server/demo/bank-demo.ts';
import { checkPapers } from '../../src/server/bank/engine/check.ts';
import { toAssemblyItem } from '../../src/server/bank/blueprint-service.ts';
import { QUESTION_TYPES } from '../../src/server/bank/engine/model.ts';
import { useDemoApp } from '../support/demo.ts';

const d = useDemoApp([loadDemo]);

const snapshot = async () => ({
  questions: Number((await d.ctx.db.selectFrom('question').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  versions: Number((await d.ctx.db.selectFrom('question_version').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  papers: Number((await d.ctx.db.selectFrom('paper').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  blueprints: Number((await d.ctx.db.selectFrom('blueprint').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
});

describe('bank demo', () => {
  it('loads a group bank of every type and a 浙江 bank, with paper sets that meet their blueprints', async () => {
    const group = (await d.ctx.bank.banks.findByName(DEMO_GROUP_BANK))!;
    const zj = (await d.ctx.bank.banks.findByName(DEMO_ZJ_BANK))!;
    expect(group.questionCount).toBeGreaterThanOrEqual(200);
    expect(zj.organisationName).toBe('浙江');
    const byType = await d.ctx.bank.questions.countByType(group.id);
    for (const type of QUESTION_TYPES) expect(byType[type], type).toBeGreaterThan(0);
    for (const bank of [group, zj]) {
      const items = (await d.ctx.bank.questions.listAll({ bankId: bank.id })).map(toAssemblyItem);
      const sets = await d.ctx.bank.papers.listPaperSets(bank.id);
      expect(sets.length).toBeGreaterThan(0);
      for (const s of sets) {
        const papers = await d.ctx.bank.papers.listPapers(s.id);
        const built = await Promise.all(papers.map(async (p) => {
          const its = await d.ctx.bank.papers.items(p.id);
          const sections = s.blueprint.sections.map((sec, k) => ({ type: sec.type, pointsEach: sec.pointsEach, questionIds: its.filter((i) => i.section === k).map((i) => String(i.questionId)) }));
          return { label: p.label, questionIds: sections.flatMap((x) => x.questionIds), sections, totalScore: p.totalScore, difficultyCounts: p.summary.difficultyCounts, coverage: p.summary.coverage };
        }));
        expect(checkPapers(built, s.blueprint, items)).toEqual([]);
      }
    }
  });

  it('running the demo again changes nothing', async () => {
    const before = await snapshot();
    await loadDemo(d.ctx);
    expect(await snapshot()).toEqual(before);
  });
});
