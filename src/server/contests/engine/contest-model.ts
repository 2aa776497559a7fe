/**
 * A contest's structure as plain data (SPEC part 3, issue 5): tracks, stages in the order
 * preliminary → semifinal → final, rounds per stage, how a stage combines its rounds
 * (normalisation and weights), the tie-break chain, and the advancement rule.
 */
import { problem, type Problem } from './result.ts';

export const ROUND_KINDS = ['written', 'live', 'lookup', 'judged', 'presentation'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const STAGE_KINDS = ['preliminary', 'semifinal', 'final'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** raw: the score as given; percentOfMax: score / maxScore × 100. */
export type Normalisation = { kind: 'raw' } | { kind: 'percentOfMax'; maxScore: number };

/**
 * A scored round counts towards the stage total with `weightPercent`; a decider round
 * (加赛) carries no weight and is read only by a `decider` tie-break.
 */
export type RoundDef = {
  id: string;
  name: string;
  kind: RoundKind;
  role: 'scored' | 'decider';
  normalisation: Normalisation;
  weightPercent: number;
  /** What produces the scores (an exam id, a judging panel …); opaque to the engine. */
  source?: string;
};

/** Ordered tie-breaks: each separates what the previous ones left tied. */
export type TieBreakRule =
  | { kind: 'roundScore'; roundId: string }
  | { kind: 'fewerViolations' }
  | { kind: 'earlierFinish'; roundId?: string }
  | { kind: 'decider'; roundId: string };

/** When an unresolved tie straddles the cut: refuse (declare a decider) or take all of them. */
export type TieAtCutPolicy = 'refuse' | 'includeAll';

export type AdvancementRule =
  | { kind: 'topN'; perTrack: number; maxPerOrganisation?: number; tieAtCut: TieAtCutPolicy }
  | { kind: 'groupPk'; groupSize: number; outPerGroup: number; remain: number }
  | { kind: 'singleElimination'; thirdPlace: boolean }
  | { kind: 'doubleElimination'; grandFinal: 'simple' | 'double' }
  | { kind: 'roundRobin' }
  | { kind: 'none' };

export type StageDef = {
  id: string;
  name: string;
  kind: StageKind;
  rounds: RoundDef[];
  tieBreaks: TieBreakRule[];
  advancement: AdvancementRule;
};

export type TrackDef = { id: string; name: string };

/** At most `max` registrations from `organisationId` in `trackId` (0 closes the track to it). */
export type Quota = { organisationId: string; trackId: string; max: number };

export type ContestDef = {
  id: string;
  title: string;
  tracks: TrackDef[];
  entrants: { kind: 'individual' } | { kind: 'team'; size: number };
  quotas: Quota[];
  stages: StageDef[];
};

export const MIN_TEAM_SIZE = 2;
export const MAX_TEAM_SIZE = 10;
const WEIGHT_EPSILON = 1e-9;

/** Everything wrong with a definition; empty means it can be saved and run. */
export function validateContest(def: ContestDef): Problem[] {
  const out: Problem[] = [];
  if (def.title.trim() === '') out.push(problem('title', 'the contest has no title', '赛事名称为空'));
  if (def.tracks.length === 0) out.push(problem('tracks', 'the contest has no track', '赛事没有赛道'));
  pushDuplicates(out, 'tracks', def.tracks.map((t) => t.id), 'track', '赛道');
  if (def.entrants.kind === 'team') {
    const size = def.entrants.size;
    if (!Number.isInteger(size) || size < MIN_TEAM_SIZE || size > MAX_TEAM_SIZE) {
      out.push(problem('entrants.size', `team size ${size} must be a whole number from ${MIN_TEAM_SIZE} to ${MAX_TEAM_SIZE}`, `团队人数 ${size} 必须为 ${MIN_TEAM_SIZE}–${MAX_TEAM_SIZE} 的整数`));
    }
  }
  const trackIds = new Set(def.tracks.map((t) => t.id));
  def.quotas.forEach((q, i) => {
    const field = `quotas[${i}].max`;
    if (!Number.isInteger(q.max) || q.max < 0) {
      out.push(problem(field, `quota ${q.max} for ${q.organisationId} in ${q.trackId} must be a whole number ≥ 0`, `${q.organisationId} 在 ${q.trackId} 的名额 ${q.max} 必须为 ≥ 0 的整数`));
    }
    if (!trackIds.has(q.trackId)) out.push(problem(`quotas[${i}].trackId`, `quota names unknown track "${q.trackId}"`, `名额引用了不存在的赛道"${q.trackId}"`));
  });
  if (def.stages.length === 0) out.push(problem('stages', 'the contest has no stage', '赛事没有赛段'));
  pushDuplicates(out, 'stages', def.stages.map((s) => s.id), 'stage', '赛段');
  let previous = -1;
  def.stages.forEach((stage, i) => {
    const order = STAGE_KINDS.indexOf(stage.kind);
    if (order < 0) out.push(problem(`stages[${i}].kind`, `unknown stage kind "${stage.kind}"`, `未知赛段类型"${stage.kind}"`));
    else if (order <= previous) {
      out.push(problem(`stages[${i}].kind`, `stage "${stage.name}" (${stage.kind}) is out of order: stages go preliminary → semifinal → final, each once`, `赛段"${stage.name}"顺序错误：应为 初赛 → 复赛 → 决赛，各一次`));
    }
    previous = Math.max(previous, order);
    out.push(...validateStage(stage, `stages[${i}]`));
  });
  return out;
}

export function validateStage(stage: StageDef, at: string): Problem[] {
  const out: Problem[] = [];
  if (stage.rounds.length === 0) out.push(problem(`${at}.rounds`, `stage "${stage.name}" has no round`, `赛段"${stage.name}"没有轮次`));
  pushDuplicates(out, `${at}.rounds`, stage.rounds.map((r) => r.id), 'round', '轮次');
  const scored = stage.rounds.filter((r) => r.role === 'scored');
  if (stage.rounds.length > 0 && scored.length === 0) {
    out.push(problem(`${at}.rounds`, `stage "${stage.name}" has no scored round`, `赛段"${stage.name}"没有计分轮次`));
  }
  stage.rounds.forEach((r, j) => {
    const f = `${at}.rounds[${j}]`;
    if (!(ROUND_KINDS as readonly string[]).includes(r.kind)) out.push(problem(`${f}.kind`, `unknown round kind "${r.kind}"`, `未知轮次类型"${r.kind}"`));
    if (r.role === 'scored' && (!Number.isFinite(r.weightPercent) || r.weightPercent <= 0)) {
      out.push(problem(`${f}.weightPercent`, `round "${r.name}" has weight ${r.weightPercent} %; a scored round needs a weight above 0`, `轮次"${r.name}"权重为 ${r.weightPercent}%，计分轮次权重须大于 0`));
    }
    if (r.role === 'decider' && r.weightPercent !== 0) {
      out.push(problem(`${f}.weightPercent`, `decider round "${r.name}" must carry no weight, it has ${r.weightPercent} %`, `加赛轮次"${r.name}"不计权重，现为 ${r.weightPercent}%`));
    }
    if (r.normalisation.kind === 'percentOfMax' && !(Number.isFinite(r.normalisation.maxScore) && r.normalisation.maxScore > 0)) {
      out.push(problem(`${f}.normalisation.maxScore`, `round "${r.name}" normalises to a percentage of max ${r.normalisation.maxScore}, which must be above 0`, `轮次"${r.name}"按满分百分比折算，满分 ${r.normalisation.maxScore} 须大于 0`));
    }
  });
  const sum = scored.reduce((s, r) => s + r.weightPercent, 0);
  if (scored.length > 0 && Math.abs(sum - 100) > WEIGHT_EPSILON) {
    const parts = scored.map((r) => `${r.name} ${r.weightPercent} %`).join(' + ');
    out.push(problem(`${at}.rounds.weightPercent`, `weights of stage "${stage.name}" sum to ${round6(sum)} %, not 100 % (${parts})`, `赛段"${stage.name}"权重合计 ${round6(sum)}%，不等于 100%（${parts}）`));
  }
  const roundIds = new Map(stage.rounds.map((r) => [r.id, r]));
  stage.tieBreaks.forEach((t, k) => {
    const f = `${at}.tieBreaks[${k}]`;
    if ((t.kind === 'roundScore' || t.kind === 'decider' || (t.kind === 'earlierFinish' && t.roundId)) && !roundIds.has(t.roundId ?? '')) {
      out.push(problem(`${f}.roundId`, `tie-break ${t.kind} names unknown round "${t.roundId}"`, `决胜规则 ${t.kind} 引用了不存在的轮次"${t.roundId}"`));
    } else if (t.kind === 'decider' && roundIds.get(t.roundId)?.role !== 'decider') {
      out.push(problem(`${f}.roundId`, `tie-break decider names round "${t.roundId}", which is not a decider round`, `决胜规则引用的轮次"${t.roundId}"不是加赛轮次`));
    }
  });
  out.push(...validateAdvancement(stage.advancement, `${at}.advancement`));
  return out;
}

export function validateAdvancement(rule: AdvancementRule, at: string): Problem[] {
  const out: Problem[] = [];
  const whole = (field: string, value: number, min: number, label: string, labelZh: string) => {
    if (!Number.isInteger(value) || value < min) out.push(problem(`${at}.${field}`, `${label} ${value} must be a whole number ≥ ${min}`, `${labelZh} ${value} 必须为 ≥ ${min} 的整数`));
  };
  switch (rule.kind) {
    case 'topN':
      whole('perTrack', rule.perTrack, 1, 'advancing per track', '每赛道晋级人数');
      if (rule.maxPerOrganisation !== undefined) whole('maxPerOrganisation', rule.maxPerOrganisation, 0, 'per-organisation quota', '单位名额');
      break;
    case 'groupPk':
      if (!Number.isInteger(rule.groupSize) || rule.groupSize < 3 || rule.groupSize > 5) {
        out.push(problem(`${at}.groupSize`, `group size ${rule.groupSize} must be 3, 4 or 5`, `每组队数 ${rule.groupSize} 必须为 3、4 或 5`));
      }
      whole('outPerGroup', rule.outPerGroup, 1, 'eliminated per group', '每组淘汰数');
      if (Number.isInteger(rule.outPerGroup) && rule.outPerGroup >= 3) {
        out.push(problem(`${at}.outPerGroup`, `eliminating ${rule.outPerGroup} per group would empty a group of 3`, `每组淘汰 ${rule.outPerGroup} 队会使 3 队小组清空`));
      }
      whole('remain', rule.remain, 2, 'teams remaining', '保留队数');
      break;
    default:
      break;
  }
  return out;
}

/** The registration quota of an organisation in a track, or undefined when none is declared. */
export function quotaFor(def: ContestDef, organisationId: string, trackId: string): number | undefined {
  return def.quotas.find((q) => q.organisationId === organisationId && q.trackId === trackId)?.max;
}

function pushDuplicates(out: Problem[], field: string, ids: string[], what: string, whatZh: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) out.push(problem(field, `${what} id "${id}" is used twice`, `${whatZh}编号"${id}"重复`));
    seen.add(id);
  }
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
