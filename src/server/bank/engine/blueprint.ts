import { isUnderPath, type QuestionStatus, type QuestionType } from './model.ts';

/**
 * A paper blueprint (组卷蓝图), as JSON:
 *
 * {
 *   "sections": [{ "type": "single", "count": 40, "pointsEach": 1 }, …],
 *   "totalScore": 100,                      // must equal Σ count × pointsEach
 *   "difficulty": { "1": 0.1, "2": 0.2, "3": 0.4, "4": 0.2, "5": 0.1 },   // optional
 *   "difficultyTolerance": 0,               // optional, in questions, default 0
 *   "coverage": [{ "path": "宽带", "min": 8 },
 *                { "path": "宽带/故障", "min": 2, "type": "multiple", "difficulties": [4, 5] }],
 *   "tracks": ["语音客服"],                   // null or absent = any track
 *   "exposureCap": 10,                      // max papers one question may appear in; null = no cap
 *   "maxOverlap": 0.3                       // max shared fraction between two papers; null = no cap
 * }
 *
 * Difficulty: the fractions apply to the whole paper (all sections together). With N
 * questions the target count of level d is N × fraction rounded by largest remainder
 * (floors first, then the leftover questions go to the largest fractional parts, ties to the
 * lower level). A paper meets the distribution when each level's count is within
 * `difficultyTolerance` questions of its target; the solver always builds the exact targets.
 *
 * Eligible questions: status active, of a section's type, and with a track in `tracks` or
 * no track (a track-less question is common to every track). A question covers a coverage
 * path when one of its knowledge points is the path or lies under it.
 * Overlap: two papers may share at most ⌊maxOverlap × N⌋ questions.
 */
export type Section = { type: QuestionType; count: number; pointsEach: number; title?: string };
export type CoverageRule = { path: string; min: number; type?: QuestionType; difficulties?: number[] };
export type DifficultyLevel = '1' | '2' | '3' | '4' | '5';

export type Blueprint = {
  sections: Section[];
  totalScore: number;
  difficulty?: Partial<Record<DifficultyLevel, number>> | null;
  difficultyTolerance?: number;
  coverage?: CoverageRule[];
  tracks?: string[] | null;
  exposureCap?: number | null;
  maxOverlap?: number | null;
};

/** What the assembler needs to know of a question. */
export type AssemblyItem = {
  id: string;
  type: QuestionType;
  difficulty: number;
  knowledgePoints: string[];
  track: string | null;
  status: QuestionStatus;
};

export type PaperSection = { type: QuestionType; pointsEach: number; questionIds: string[] };

export type Paper = {
  label: string;
  /** All questions, section by section. */
  questionIds: string[];
  sections: PaperSection[];
  totalScore: number;
  /** Questions per difficulty level, keys "1"…"5". */
  difficultyCounts: Record<DifficultyLevel, number>;
  /** Questions covering each coverage rule, in the blueprint's order. */
  coverage: { path: string; count: number }[];
};

export type AssemblyConstraint =
  | 'blueprint'
  | 'totalScore'
  | 'section'
  | 'difficulty'
  | 'coverage'
  | 'exposure'
  | 'overlap'
  | 'search';

/** Why assembly cannot succeed: `needed` and `available` are in the unit the message names. */
export type AssemblyProblem = {
  constraint: AssemblyConstraint;
  message: string;
  messageZh: string;
  needed: number;
  available: number;
};

export const LEVELS: readonly DifficultyLevel[] = ['1', '2', '3', '4', '5'];

export const paperSize = (b: Blueprint): number => b.sections.reduce((n, s) => n + s.count, 0);
export const sectionScore = (b: Blueprint): number => b.sections.reduce((n, s) => n + s.count * s.pointsEach, 0);

/** The max number of papers a question may appear in, for K papers. */
export const exposureLimit = (b: Blueprint, papers: number): number => b.exposureCap ?? papers;

/** The max number of questions two papers may share. */
export const overlapLimit = (b: Blueprint): number => {
  const n = paperSize(b);
  return b.maxOverlap === null || b.maxOverlap === undefined ? n : Math.floor(b.maxOverlap * n + 1e-9);
};

/** Target count per level (index 0 = level 1), or null when the blueprint sets no distribution. */
export function difficultyTargets(b: Blueprint): number[] | null {
  if (!b.difficulty) return null;
  const n = paperSize(b);
  const exact = LEVELS.map((l) => (b.difficulty?.[l] ?? 0) * n);
  const counts = exact.map((x) => Math.floor(x + 1e-9));
  let left = n - counts.reduce((a, c) => a + c, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x + 1e-9) })).sort((a, b2) => b2.rest - a.rest || a.i - b2.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]++;
    left--;
  }
  return counts;
}

export function isEligible(item: AssemblyItem, b: Blueprint): boolean {
  if (item.status !== 'active') return false;
  if (!b.sections.some((s) => s.type === item.type)) return false;
  return !b.tracks || item.track === null || b.tracks.includes(item.track);
}

export function coversRule(item: Pick<AssemblyItem, 'type' | 'difficulty' | 'knowledgePoints'>, rule: CoverageRule): boolean {
  if (rule.type && item.type !== rule.type) return false;
  if (rule.difficulties && !rule.difficulties.includes(item.difficulty)) return false;
  return item.knowledgePoints.some((kp) => isUnderPath(kp, rule.path));
}

/** Paper labels: A … Z, AA, AB, … */
export function paperLabel(index: number): string {
  let n = index;
  let label = '';
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

/** Per-type demand of one paper, in the order types first appear in the sections. */
export function typeDemand(b: Blueprint): Map<QuestionType, number> {
  const demand = new Map<QuestionType, number>();
  for (const s of b.sections) demand.set(s.type, (demand.get(s.type) ?? 0) + s.count);
  return demand;
}
