import type { AppContext } from '../context.ts';
import type { Blueprint } from '../bank/engine/blueprint.ts';
import type { ParseResult } from '../bank/engine/model.ts';
import { writeImport } from '../bank/question-import-service.ts';
import { assemblePaperSet } from '../bank/paper-service.ts';
import { systemActor } from '../identity/system-actor.ts';
import { demoQuestions } from './bank-demo-questions.ts';

export const DEMO_GROUP_BANK = '集团客服知识题库';
export const DEMO_ZJ_BANK = '浙江省级初赛题库';

const GROUP_BLUEPRINT: Blueprint = {
  sections: [
    { type: 'single', count: 20, pointsEach: 1, title: '一、单项选择题' },
    { type: 'multiple', count: 10, pointsEach: 2, title: '二、多项选择题' },
    { type: 'truefalse', count: 10, pointsEach: 1, title: '三、判断题' },
    { type: 'fill', count: 5, pointsEach: 2, title: '四、填空题' },
    { type: 'short', count: 2, pointsEach: 5, title: '五、简答题' },
    { type: 'case', count: 1, pointsEach: 20, title: '六、案例分析题' },
  ],
  totalScore: 90,
  difficulty: { '1': 0.15, '2': 0.25, '3': 0.3, '4': 0.2, '5': 0.1 },
  difficultyTolerance: 2,
  coverage: [{ path: '宽带', min: 4 }, { path: '投诉处理', min: 3 }, { path: '携号转网', min: 2 }],
  tracks: null,
  exposureCap: 2,
  maxOverlap: 0.4,
};

const VOICE_BLUEPRINT: Blueprint = {
  sections: [
    { type: 'single', count: 10, pointsEach: 2, title: '一、单项选择题' },
    { type: 'truefalse', count: 10, pointsEach: 1, title: '二、判断题' },
    { type: 'scenario', count: 1, pointsEach: 20, title: '三、情景应答' },
  ],
  totalScore: 50,
  tracks: ['语音客服'],
  coverage: [{ path: '服务规范', min: 2 }],
  exposureCap: 1,
  maxOverlap: 0.2,
};

const ZJ_BLUEPRINT: Blueprint = {
  sections: [
    { type: 'single', count: 15, pointsEach: 2, title: '一、单项选择题' },
    { type: 'multiple', count: 5, pointsEach: 4, title: '二、多项选择题' },
    { type: 'truefalse', count: 10, pointsEach: 2, title: '三、判断题' },
  ],
  totalScore: 70,
  coverage: [{ path: '宽带', min: 3 }],
  exposureCap: 2,
  maxOverlap: 0.5,
};

type BankSpec = { name: string; description: string; owner: 'root' | '浙江'; parsed: ParseResult; blueprints: { name: string; blueprint: Blueprint; papers: number; setName: string; seed: number }[] };

const asParsed = (questions: ReturnType<typeof demoQuestions>): ParseResult => ({ questions: questions.map((q, i) => ({ ...q, line: i + 2 })), skipped: [] });

/**
 * The group bank (owned by the root, shared down to every province) and a 浙江 bank, each with
 * blueprints and an assembled A/B/C paper set. Idempotent: questions go through the importer
 * (a second run finds them unchanged); blueprints and paper sets are made only when missing.
 */
export async function loadBankDemo(ctx: AppContext): Promise<{ questions: number; paperSets: number }> {
  const actor = await systemActor(ctx);
  const root = (await ctx.identity.orgs.findRoot())!;
  const zj = await ctx.identity.orgs.findChildByName(root.id, '浙江');
  const specs: BankSpec[] = [
    {
      name: DEMO_GROUP_BANK, description: '集团服务之星竞赛通用题库：宽带、5G 套餐、携号转网、国际漫游、话费争议、投诉处理、服务规范', owner: 'root', parsed: asParsed(demoQuestions()),
      blueprints: [
        { name: '集团初赛理论卷', blueprint: GROUP_BLUEPRINT, papers: 3, setName: '2026 集团初赛理论 A/B/C 卷', seed: 2026 },
        { name: '语音客服专项卷', blueprint: VOICE_BLUEPRINT, papers: 2, setName: '语音客服专项 A/B 卷', seed: 7 },
      ],
    },
    {
      name: DEMO_ZJ_BANK, description: '浙江公司省级初赛题库', owner: '浙江', parsed: asParsed(demoQuestions(3, '浙江公司')),
      blueprints: [{ name: '浙江省级初赛卷', blueprint: ZJ_BLUEPRINT, papers: 3, setName: '浙江省级初赛 A/B/C 卷', seed: 571 }],
    },
  ];
  let questions = 0;
  let paperSets = 0;
  for (const spec of specs) {
    const owner = spec.owner === 'root' ? root : zj;
    if (!owner) continue;
    let bank = await ctx.bank.banks.findByName(spec.name);
    if (!bank) {
      await ctx.bank.banks.insert({ organisationId: owner.id, name: spec.name, description: spec.description, createdBy: null });
      bank = (await ctx.bank.banks.findByName(spec.name))!;
    }
    const bankId = bank.id;
    await ctx.db.transaction().execute((tx) => writeImport(ctx, actor, bankId, spec.parsed, tx));
    questions += spec.parsed.questions.length;
    for (const b of spec.blueprints) {
      const existing = await ctx.bank.papers.findBlueprintByName(bankId, b.name);
      const blueprintId = existing?.id ?? (await ctx.bank.papers.insertBlueprint({ bankId, name: b.name, blueprint: b.blueprint, createdBy: null }));
      if (!(await ctx.bank.papers.findPaperSetByName(bankId, b.setName))) {
        await assemblePaperSet(ctx, actor, bankId, { name: b.setName, blueprintId, papers: b.papers, seed: b.seed });
      }
      paperSets++;
    }
  }
  return { questions, paperSets };
}
