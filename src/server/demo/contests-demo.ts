import type { AppContext } from '../context.ts';
import { systemActor } from '../identity/system-actor.ts';
import { advanceStage } from '../contests/advance-service.ts';
import { computeAwards, publishAwards, reviewAwards } from '../contests/award-service.ts';
import { stageEntrants } from '../contests/standings-service.ts';
import type { ContestDef } from '../contests/engine/contest-model.ts';
import { seededRandom } from '../lib/random.ts';
import { DEMO_TREE } from './identity-demo.ts';

/** The demo contest's title: other domains' demos (judging, exams, arena) find it by this title. */
export const DEMO_CONTEST_TITLE = '2026 服务之星技能竞赛';

const TRACKS = [
  { id: 'voice', name: '语音客服' },
  { id: 'ai', name: '智能客服' },
  { id: 'im', name: '互联网融合客服' },
  { id: 'quality', name: '质差修复客服' },
];

export const demoContestDefinition = (quotas: ContestDef['quotas']): Omit<ContestDef, 'id'> => ({
  title: DEMO_CONTEST_TITLE,
  tracks: TRACKS,
  entrants: { kind: 'team', size: 3 },
  quotas,
  stages: [
    {
      id: 'prelim',
      name: '省级初赛',
      kind: 'preliminary',
      rounds: [{ id: 'prelim-written', name: '线上笔试', kind: 'written', role: 'scored', normalisation: { kind: 'percentOfMax', maxScore: 100 }, weightPercent: 100, source: 'exam:2026-prelim' }],
      tieBreaks: [{ kind: 'earlierFinish', roundId: 'prelim-written' }],
      advancement: { kind: 'topN', perTrack: 6, tieAtCut: 'refuse' },
    },
    {
      id: 'semi',
      name: '集团复赛',
      kind: 'semifinal',
      rounds: [
        { id: 'semi-theory', name: '理论知识比拼', kind: 'live', role: 'scored', normalisation: { kind: 'raw' }, weightPercent: 25, source: 'arena:semi-theory' },
        { id: 'semi-lookup', name: '知识库查找', kind: 'lookup', role: 'scored', normalisation: { kind: 'raw' }, weightPercent: 25, source: 'arena:semi-lookup' },
        { id: 'semi-roleplay', name: '投诉场景处理', kind: 'judged', role: 'scored', normalisation: { kind: 'percentOfMax', maxScore: 100 }, weightPercent: 50, source: 'judging:semi-roleplay' },
      ],
      tieBreaks: [{ kind: 'roundScore', roundId: 'semi-roleplay' }, { kind: 'fewerViolations' }],
      advancement: { kind: 'topN', perTrack: 4, tieAtCut: 'refuse' },
    },
    {
      id: 'final',
      name: '集团决赛',
      kind: 'final',
      rounds: [{ id: 'final-pk', name: '小组 PK 与淘汰赛', kind: 'live', role: 'scored', normalisation: { kind: 'raw' }, weightPercent: 100, source: 'arena:final' }],
      tieBreaks: [{ kind: 'fewerViolations' }],
      // 16 finalists: group PK until 8 remain, then a single-elimination bracket 8→4→2 with a third-place match
      advancement: { kind: 'groupPk', groupSize: 4, outPerGroup: 1, remain: 8 },
    },
  ],
});

/**
 * “2026 服务之星技能竞赛”, found mid-way: 3 teams per province and track registered and approved
 * (plus a few pending for the reviewer and one rejected), the preliminary scored and advanced
 * (top 6 per track → 24 teams) and its prizes published (per track 1/2/3 prizes and a 最佳个人, from
 * the members' own written scores), the semifinal half scored (role-play marks still coming in).
 * The demo `contestant` captains 浙江's first 语音客服 team. Idempotent: found by title.
 */
export async function loadContestsDemo(ctx: AppContext): Promise<{ entries: number }> {
  if (await ctx.contests.contests.findByTitle(DEMO_CONTEST_TITLE)) return { entries: 0 };
  const root = await ctx.identity.orgs.findRoot();
  if (!root) return { entries: 0 };
  const rand = seededRandom(2026);
  const provinces = [];
  for (const p of DEMO_TREE) {
    const org = await ctx.identity.orgs.findChildByName(root.id, p.province);
    if (org) provinces.push({ ...p, org });
  }
  const quotas = provinces.flatMap((p) => TRACKS.map((t) => ({ organisationId: String(p.org.id), trackId: t.id, max: 4 })));
  const def = { ...demoContestDefinition(quotas), id: 'demo' } as ContestDef;
  const contestant = await ctx.identity.people.findByEmployeeNo('contestant');
  const contestId = await ctx.contests.contests.insert({ organisationId: root.id, title: DEMO_CONTEST_TITLE, status: 'running', definition: def, settings: { requireVideo: false }, createdBy: null });
  await ctx.contests.contests.update(contestId, { definition: { ...def, id: `contest-${contestId}` } });

  let entries = 0;
  for (const p of provinces) {
    const nos = Array.from({ length: 75 }, (_, i) => `${p.code}${String(i + 1).padStart(4, '0')}`);
    const pool = (await ctx.identity.people.findManyByEmployeeNo(nos)).map((x) => x.id).filter((id) => id !== contestant?.id);
    if (p.code === 'ZJ' && contestant) pool.unshift(contestant.id);
    let next = 0;
    const take = () => pool.slice(next, (next += 3));
    for (const [ti, track] of TRACKS.entries()) {
      const teams = ti === 0 && p.code !== 'CQ' ? 4 : 3; // a 4th, late team in some tracks waits for screening
      for (let k = 0; k < teams && next + 3 <= pool.length; k++) {
        const members = take();
        const late = k === 3;
        const rejected = p.code === 'GD' && ti === 3 && k === 2;
        await ctx.contests.entries.insert({
          contestId,
          trackKey: track.id,
          kind: 'team',
          name: `${p.province}${track.name}${['一', '二', '三', '四'][k]}队`,
          organisationId: p.org.id,
          captainId: members[0],
          status: late ? 'submitted' : rejected ? 'rejected' : 'approved',
          details: {
            introduction: `${p.province}${track.name}代表队，以赛代训，服务之星。`,
            ...(!late && { review: { decision: rejected ? 'rejected' : 'approved', reason: rejected ? '介绍视频超过 5 分钟，请重新录制' : '', by: 0, at: '2026-10-20T09:00:00.000Z' } }),
          },
          members: members.map((personId, i) => ({ personId, role: i === 0 ? 'captain' : 'member' })),
        });
        entries++;
      }
    }
  }

  const c = (await ctx.contests.contests.get(contestId))!;
  const prelim = await stageEntrants(ctx, c, 0);
  const start = Date.parse('2026-11-08T09:00:00+08:00');
  for (const [i, e] of prelim.entries()) {
    // each member sits the written round; the team's score is the members' mean (details.memberScores feeds 最佳个人)
    const memberScores = Object.fromEntries(e.members.map((m) => [String(m.personId), Math.round((55 + rand() * 44) * 10) / 10]));
    const values = Object.values(memberScores);
    const score = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
    await ctx.contests.scores.upsert({ contestId, roundKey: 'prelim-written', entryId: e.id, score, maxScore: 100, source: 'exam', sourceRef: 'demo', violations: 0, finishedAt: new Date(start + 60_000 * (40 + i)), details: { memberScores } });
  }
  const actor = await systemActor(ctx);
  await advanceStage(ctx, actor, contestId, 'prelim', { dryRun: false });

  // the preliminary's prizes, published (so the public results page and the honour roll show them):
  // per track 1 first, 2 second, 3 third prize (ties share the higher prize), and the best individual
  const tier = (id: string, nameZh: string, name: string) => ({ id, name, nameZh });
  await computeAwards(ctx, actor, contestId, {
    sources: [
      { kind: 'tiers', stageKey: 'prelim', rule: { kind: 'byCount', tiePolicy: 'shareHigher', tiers: [{ tier: tier('prelim-first', '初赛一等奖', 'Preliminary first prize'), count: 1 }, { tier: tier('prelim-second', '初赛二等奖', 'Preliminary second prize'), count: 2 }, { tier: tier('prelim-third', '初赛三等奖', 'Preliminary third prize'), count: 3 }] } },
      { kind: 'bestIndividual', stageKey: 'prelim', roundId: 'prelim-written', tieBreaks: [] },
    ],
  });
  await reviewAwards(ctx, actor, contestId);
  await publishAwards(ctx, actor, contestId);

  // the semifinal, mid-way: the two live rounds are in, the judged role-play for two teams in three
  const semi = await stageEntrants(ctx, c, 1);
  for (const [i, e] of semi.entries()) {
    const put = (roundKey: string, score: number, source: string) =>
      ctx.contests.scores.upsert({ contestId, roundKey, entryId: e.id, score, maxScore: null, source, sourceRef: 'demo', violations: i % 7 === 0 ? 1 : 0, finishedAt: null, details: {} });
    await put('semi-theory', Math.round(60 + rand() * 38), 'arena');
    await put('semi-lookup', Math.round(50 + rand() * 48), 'arena');
    if (i % 3 !== 2) await put('semi-roleplay', Math.round((70 + rand() * 28) * 10) / 10, 'judging');
  }

  const main = await ctx.contests.venues.insert({ contestId, stageKey: 'semi', name: '集团主会场（杭州）', role: 'main', mode: 'hybrid', organisationId: root.id, address: '杭州市滨江区', roundKeys: ['semi-theory', 'semi-lookup', 'semi-roleplay'] });
  const staff = [];
  for (const no of ['judge', 'host']) {
    const p = await ctx.identity.people.findByEmployeeNo(no);
    if (p) staff.push({ personId: p.id, role: no });
  }
  await ctx.contests.venues.setPeople(main, staff);
  for (const p of provinces) await ctx.contests.venues.insert({ contestId, stageKey: 'semi', name: `${p.province}分会场`, role: 'branch', mode: 'online', organisationId: p.org.id, address: '', roundKeys: ['semi-theory', 'semi-lookup'] });
  return { entries };
}
