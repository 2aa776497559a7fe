import { decimalsOf, isOnStep, MAX_DECIMALS } from './numeric.ts';
import { refuse, type Refusal } from './outcome.ts';

/**
 * Rubrics (评分细则): weighted criteria, each scored from `min` to `max` by `step`
 * (e.g. 0–10 by 0.5), with optional descriptors per level band. A judge's weighted total
 * is Σ weight × score; the rubric's full marks are Σ weight × max.
 */
export type LevelDescriptor = { from: number; to: number; label: string; labelZh: string };
export type Criterion = {
  key: string;
  name: string;
  nameZh: string;
  weight: number;
  min: number;
  max: number;
  step: number;
  descriptors?: LevelDescriptor[];
};
export type Rubric = { id: string; name: string; nameZh: string; criteria: Criterion[] };

/** A judge's scores for one contestant: criterion key → score. */
export type CriterionScores = Record<string, number>;

export type RubricProblemCode = 'NO_CRITERIA' | 'DUPLICATE_KEY' | 'BAD_WEIGHT' | 'BAD_RANGE' | 'BAD_STEP' | 'BAD_DESCRIPTOR';
export type RubricCheck = { ok: true } | (Refusal<RubricProblemCode> & { criterion: string | null });

/** Is the rubric itself usable? Checked when an organiser saves one, not on every score. */
export function validateRubric(r: Rubric): RubricCheck {
  const bad = (code: RubricProblemCode, criterion: string | null, reason: string, reasonZh: string) => ({ ...refuse(code, reason, reasonZh), criterion });
  if (r.criteria.length === 0) return bad('NO_CRITERIA', null, 'the rubric has no criteria', '评分细则没有任何评分项');
  const seen = new Set<string>();
  for (const c of r.criteria) {
    const who = `${c.nameZh || c.name} (${c.key})`;
    if (seen.has(c.key)) return bad('DUPLICATE_KEY', c.key, `two criteria share the key ${c.key}`, `评分项代码 ${c.key} 重复`);
    seen.add(c.key);
    if (!(Number.isFinite(c.weight) && c.weight > 0)) return bad('BAD_WEIGHT', c.key, `${who}: the weight must be a positive number`, `${who}：权重必须为正数`);
    if (!(Number.isFinite(c.min) && Number.isFinite(c.max) && c.min < c.max)) return bad('BAD_RANGE', c.key, `${who}: the minimum must be below the maximum`, `${who}：最低分必须小于最高分`);
    if (!(Number.isFinite(c.step) && c.step > 0) || decimalsOf(c.step) > MAX_DECIMALS || !isOnStep(c.max, c.min, c.step)) {
      return bad('BAD_STEP', c.key, `${who}: the step ${c.step} must be positive and divide ${c.min}–${c.max}`, `${who}：步长 ${c.step} 必须为正且能整分 ${c.min}–${c.max}`);
    }
    for (const d of c.descriptors ?? []) {
      if (!(d.from <= d.to && d.from >= c.min && d.to <= c.max)) return bad('BAD_DESCRIPTOR', c.key, `${who}: the level “${d.label}” lies outside ${c.min}–${c.max}`, `${who}：等级“${d.labelZh}”超出分值范围`);
    }
  }
  return { ok: true };
}

export type ScoreRefusalCode = 'MISSING_CRITERION' | 'UNKNOWN_CRITERION' | 'NOT_A_NUMBER' | 'OUT_OF_RANGE' | 'OFF_STEP';
export type ScoreRefusal = Refusal<ScoreRefusalCode> & { criterion: string; problems: (Refusal<ScoreRefusalCode> & { criterion: string })[] };
export type ScoreCheck = { ok: true; scores: CriterionScores } | ScoreRefusal;

/**
 * Checks a judge's scores against the rubric: every criterion present, nothing unknown,
 * each within min–max and on the step grid (7.5 on a 0.5 step passes, 7.3 does not, checked
 * on integers). The refusal names the first criterion at fault; `problems` lists them all.
 */
export function validateScore(rubric: Rubric, scores: CriterionScores): ScoreCheck {
  const problems: (Refusal<ScoreRefusalCode> & { criterion: string })[] = [];
  const p = (code: ScoreRefusalCode, criterion: string, reason: string, reasonZh: string) => problems.push({ ...refuse(code, reason, reasonZh), criterion });
  const keys = new Set(rubric.criteria.map((c) => c.key));
  for (const c of rubric.criteria) {
    const who = `${c.name} (${c.key})`;
    const whoZh = c.nameZh || c.name;
    const v = scores[c.key];
    if (v === undefined) {
      p('MISSING_CRITERION', c.key, `${who}: no score given`, `${whoZh}：未评分`);
    } else if (typeof v !== 'number' || !Number.isFinite(v)) {
      p('NOT_A_NUMBER', c.key, `${who}: the score is not a number`, `${whoZh}：分数不是有效数字`);
    } else if (v < c.min || v > c.max) {
      p('OUT_OF_RANGE', c.key, `${who}: ${v} is outside ${c.min}–${c.max}`, `${whoZh}：${v} 超出 ${c.min}–${c.max} 的范围`);
    } else if (!isOnStep(v, c.min, c.step)) {
      p('OFF_STEP', c.key, `${who}: ${v} is not a multiple of ${c.step} from ${c.min}`, `${whoZh}：${v} 不符合 ${c.step} 分的步长`);
    }
  }
  for (const k of Object.keys(scores)) {
    if (!keys.has(k)) p('UNKNOWN_CRITERION', k, `${k} is not a criterion of this rubric`, `${k} 不是本评分细则的评分项`);
  }
  if (problems.length > 0) return { ...problems[0], problems };
  const clean: CriterionScores = {};
  for (const c of rubric.criteria) clean[c.key] = scores[c.key];
  return { ok: true, scores: clean };
}

/** Σ weight × score over the rubric's criteria (scores assumed validated). Unrounded. */
export function weightedTotal(rubric: Rubric, scores: CriterionScores): number {
  // summed in the order of the rubric so every caller gets the identical float
  return rubric.criteria.reduce((a, c) => a + c.weight * (scores[c.key] ?? 0), 0);
}

/** Full marks: Σ weight × max. */
export const maxTotal = (rubric: Rubric): number => rubric.criteria.reduce((a, c) => a + c.weight * c.max, 0);

/** The descriptor of the level band a score falls in, if the criterion declares any. */
export function describeLevel(c: Criterion, score: number): LevelDescriptor | null {
  return c.descriptors?.find((d) => score >= d.from && score <= d.to) ?? null;
}

/** The values a phone offers for a criterion: min, min+step … max (built on integers). */
export function stepValues(c: Criterion): number[] {
  const d = Math.max(decimalsOf(c.min), decimalsOf(c.step), decimalsOf(c.max));
  const f = 10 ** d;
  const [lo, hi, s] = [Math.round(c.min * f), Math.round(c.max * f), Math.round(c.step * f)];
  const out: number[] = [];
  for (let v = lo; v <= hi; v += s) out.push(v / f);
  return out;
}

const bands = (max: number, zh: [string, string, string, string], en: [string, string, string, string]): LevelDescriptor[] => {
  const q = max / 10;
  return [
    { from: 9 * q, to: max, label: en[0], labelZh: zh[0] },
    { from: 7 * q, to: 8.5 * q, label: en[1], labelZh: zh[1] },
    { from: 5 * q, to: 6.5 * q, label: en[2], labelZh: zh[2] },
    { from: 0, to: 4.5 * q, label: en[3], labelZh: zh[3] },
  ];
};
const crit = (key: string, name: string, nameZh: string, weight: number, levels?: [[string, string, string, string], [string, string, string, string]]): Criterion => ({
  key,
  name,
  nameZh,
  weight,
  min: 0,
  max: 10,
  step: 0.5,
  ...(levels ? { descriptors: bands(10, levels[0], levels[1]) } : {}),
});

/**
 * Complaint handling (投诉处理) role-play: five criteria scored 0–10 by 0.5, weights summing
 * to 10 so full marks are 100.
 */
export const COMPLAINT_HANDLING_TEMPLATE: Rubric = {
  id: 'template-complaint-handling',
  name: 'Complaint handling',
  nameZh: '投诉处理',
  criteria: [
    crit('business_accuracy', 'Business accuracy', '业务准确性', 3, [
      ['业务解释完全准确', '个别细节不够准确', '存在明显业务差错', '业务解释错误'],
      ['Fully accurate', 'Minor inaccuracies', 'Clear errors', 'Wrong'],
    ]),
    crit('emotion_handling', 'Emotion handling', '情绪安抚', 2, [
      ['迅速共情并平复情绪', '能安抚但略显生硬', '安抚不足', '激化矛盾'],
      ['Calms quickly with empathy', 'Calms, a little stiff', 'Too little', 'Escalates'],
    ]),
    crit('solution', 'Solution', '解决方案', 2.5),
    crit('expression', 'Expression and communication', '表达沟通', 1.5),
    crit('compliance', 'Service compliance', '服务规范', 1),
  ],
};

/** Presentation / speech (主题演讲、案例展示): four criteria, full marks 100. */
export const PRESENTATION_TEMPLATE: Rubric = {
  id: 'template-presentation',
  name: 'Presentation',
  nameZh: '主题演讲',
  criteria: [
    crit('content', 'Content and theme', '内容主题', 4),
    crit('delivery', 'Delivery', '语言表达', 3),
    crit('presence', 'Stage presence', '仪表台风', 2),
    crit('timing', 'Time control', '时间把控', 1),
  ],
};

export const RUBRIC_TEMPLATES: readonly Rubric[] = [COMPLAINT_HANDLING_TEMPLATE, PRESENTATION_TEMPLATE];
