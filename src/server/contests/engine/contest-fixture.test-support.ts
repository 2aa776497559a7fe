/** Test support: the reference contest (4 tracks, 初赛 → 复赛 → 决赛, 25/25/50). */
import type { ContestDef, StageDef } from './contest-model.ts';

export const PRELIMINARY: StageDef = {
  id: 'prelim',
  name: '省级初赛',
  kind: 'preliminary',
  rounds: [
    { id: 'theory', name: '理论笔试', kind: 'written', role: 'scored', normalisation: { kind: 'percentOfMax', maxScore: 150 }, weightPercent: 25 },
    { id: 'lookup', name: '知识查找', kind: 'lookup', role: 'scored', normalisation: { kind: 'raw' }, weightPercent: 25 },
    { id: 'roleplay', name: '投诉处理情景', kind: 'judged', role: 'scored', normalisation: { kind: 'percentOfMax', maxScore: 100 }, weightPercent: 50 },
    { id: 'decider', name: '加赛', kind: 'live', role: 'decider', normalisation: { kind: 'raw' }, weightPercent: 0 },
  ],
  tieBreaks: [{ kind: 'roundScore', roundId: 'roleplay' }, { kind: 'fewerViolations' }, { kind: 'earlierFinish', roundId: 'theory' }, { kind: 'decider', roundId: 'decider' }],
  advancement: { kind: 'topN', perTrack: 6, maxPerOrganisation: 2, tieAtCut: 'refuse' },
};

export const referenceContest = (): ContestDef => ({
  id: 'c2026',
  title: '2026 年客户服务技能竞赛',
  tracks: [
    { id: 'voice', name: '语音客服' },
    { id: 'ai', name: '智能客服' },
    { id: 'im', name: '互联网融合客服' },
    { id: 'quality', name: '质差修复客服' },
  ],
  entrants: { kind: 'team', size: 3 },
  quotas: [{ organisationId: 'zj', trackId: 'voice', max: 2 }],
  stages: [
    PRELIMINARY,
    {
      id: 'semi',
      name: '集团复赛',
      kind: 'semifinal',
      rounds: [{ id: 'pk', name: '小组 PK', kind: 'live', role: 'scored', normalisation: { kind: 'raw' }, weightPercent: 100 }],
      tieBreaks: [{ kind: 'fewerViolations' }],
      advancement: { kind: 'groupPk', groupSize: 4, outPerGroup: 1, remain: 8 },
    },
    {
      id: 'final',
      name: '集团决赛',
      kind: 'final',
      rounds: [{ id: 'duel', name: '淘汰赛', kind: 'live', role: 'scored', normalisation: { kind: 'raw' }, weightPercent: 100 }],
      tieBreaks: [],
      advancement: { kind: 'singleElimination', thirdPlace: true },
    },
  ],
});
