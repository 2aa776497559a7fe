/**
 * Live-round configuration as plain data (SPEC part 4, issue 6). A round is a list of
 * questions played by "units": teams (team mode: members share the team's buzz, answer
 * and score) or individual players. Every rule the engine applies is declared here.
 * A one-on-one PK (一对一) is a `team-pk` of one-person teams (engine test).
 */
export type RoundFormat = 'mandatory' | 'buzzer' | 'risk' | 'team-pk' | 'mass-quiz';
export type QuestionKind = 'single' | 'multiple' | 'true-false' | 'oral';

export type Option = { key: string; text: string };
export type Question = {
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: Option[];
  /** option keys (one or more), or 'oral': the host judges right/wrong. */
  answer: string[] | 'oral';
  points: number;
  timeLimitMs: number;
  /** per-question override, so one stage round can mix 必答, 抢答 and 风险 sections. */
  format?: RoundFormat;
  /** mandatory or risk: the unit whose turn it is; absent = every active unit answers at once. */
  assignedTo?: string;
};

export type Team = { id: string; name: string; members: string[] };
export type Player = { id: string; name: string; teamId?: string };

export type BuzzConfig = {
  /** 'arrival': order by server receive time; 'compensated': receive time − min(rtt/2, cap). */
  mode: 'arrival' | 'compensated';
  compensationCapMs: number;
  /** compensated mode: after the first buzz, wait this long before deciding. */
  decisionWindowMs: number;
  /** buzzes closer than this to the winner are reported to the host as a tie. */
  tieMarginMs: number;
  /** how long the winner has to answer (choice questions time out as wrong). */
  answerTimeMs: number;
};

export type Elimination =
  | { mode: 'none' }
  /** mass quiz: a wrong or missing answer eliminates (survival quiz). */
  | { mode: 'wrong-out' }
  /** team PK: after each listed question, the single lowest unit is out (a tie at the bottom eliminates no one). */
  | { mode: 'lowest-out'; afterQuestions: string[] };

export type MassQuizConfig = {
  /** 'speed': Kahoot-like, full points under 0.5 s, linearly down to half at the deadline.
   *  'correctness-first': points only for correct answers; speed and streak go to a bonus
   *  that only breaks ties between equal scores. */
  formula: 'speed' | 'correctness-first';
  /** per consecutive correct answer after the first, capped. */
  streakBonus: { perAnswer: number; max: number };
  allowLateJoin: boolean;
  /**
   * 通关: a player (unit) with at least `minCorrect` correct answers has passed the quiz and
   * earns the declared `reward` (通关激励), e.g. a data bundle; null or absent: no pass mark.
   */
  pass?: PassMark | null;
};

export type PassMark = { minCorrect: number; reward: string };

export type RoundConfig = {
  roundId: string;
  format: RoundFormat;
  teams: Team[];
  /** individual mode when teams is empty; in team mode every player names a team. */
  players: Player[];
  questions: Question[];
  penalties: { falseStart: number; wrongAnswer: number };
  falseStartLocksOut: boolean;
  /** after a wrong buzz answer: reopen the buzz to the others at once, let the host reopen, or end the question. */
  reopenAfterWrong: 'auto' | 'host' | 'never';
  riskStakes: number[];
  buzz: BuzzConfig;
  massQuiz: MassQuizConfig;
  elimination: Elimination;
};

export const FULL_POINTS_WITHIN_MS = 500;

export const defaultConfig = (over: Partial<RoundConfig> & Pick<RoundConfig, 'roundId' | 'questions'>): RoundConfig => ({
  format: 'buzzer',
  teams: [],
  players: [],
  penalties: { falseStart: 5, wrongAnswer: 10 },
  falseStartLocksOut: true,
  reopenAfterWrong: 'auto',
  riskStakes: [10, 20, 30],
  buzz: { mode: 'arrival', compensationCapMs: 100, decisionWindowMs: 150, tieMarginMs: 10, answerTimeMs: 20_000 },
  massQuiz: { formula: 'correctness-first', streakBonus: { perAnswer: 100, max: 500 }, allowLateJoin: true },
  elimination: { mode: 'none' },
  ...over,
});

export const isTeamMode = (c: RoundConfig) => c.teams.length > 0;
export const formatOf = (c: RoundConfig, q: Question): RoundFormat => q.format ?? c.format;
export const isOral = (q: Question) => q.answer === 'oral';

/** Simultaneous questions: everyone active answers at once (team PK, mass quiz, unassigned 必答/风险). */
export const isSimultaneous = (c: RoundConfig, q: Question) => {
  const f = formatOf(c, q);
  return f === 'team-pk' || f === 'mass-quiz' || ((f === 'mandatory' || f === 'risk') && !q.assignedTo);
};

/** The correct choice, compared as a set of option keys. */
export function isCorrectChoice(q: Question, choice: readonly string[]): boolean {
  if (q.answer === 'oral') return false;
  const want = new Set(q.answer);
  const got = new Set(choice);
  return want.size === got.size && [...want].every((k) => got.has(k));
}

export type ConfigProblem = { path: string; message: string; reasonZh?: string };

/** Structural checks a round must pass before it starts; an empty list means valid. */
export function validateConfig(c: RoundConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const bad = (path: string, message: string) => problems.push({ path, message });
  const teamIds = new Set<string>();
  for (const t of c.teams) {
    if (teamIds.has(t.id)) bad(`teams.${t.id}`, 'duplicate team id');
    teamIds.add(t.id);
  }
  const playerIds = new Set<string>();
  for (const p of c.players) {
    if (playerIds.has(p.id)) bad(`players.${p.id}`, 'duplicate player id');
    playerIds.add(p.id);
    if (isTeamMode(c) && (!p.teamId || !teamIds.has(p.teamId))) bad(`players.${p.id}`, 'a player in team mode must name a known team');
  }
  const units = isTeamMode(c) ? teamIds : playerIds;
  const questionIds = new Set<string>();
  c.questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (questionIds.has(q.id)) bad(at, 'duplicate question id');
    questionIds.add(q.id);
    if (!(q.points > 0)) bad(at, 'points must be positive');
    if (!(q.timeLimitMs > 0)) bad(at, 'timeLimitMs must be positive');
    const keys = new Set(q.options.map((o) => o.key));
    if (q.answer === 'oral') {
      if (formatOf(c, q) === 'mass-quiz') bad(at, 'a mass-quiz question cannot be oral');
    } else if (q.answer.length === 0 || q.answer.some((k) => !keys.has(k))) bad(at, 'the answer must name existing options');
    if (q.assignedTo !== undefined && !units.has(q.assignedTo)) bad(at, 'assignedTo must be a unit of the round');
  });
  if (c.riskStakes.length === 0 || c.riskStakes.some((s) => !(s > 0))) bad('riskStakes', 'declare at least one positive stake');
  if (c.penalties.falseStart < 0 || c.penalties.wrongAnswer < 0) bad('penalties', 'penalties are positive numbers of points to deduct');
  const b = c.buzz;
  if (b.compensationCapMs < 0 || b.decisionWindowMs < 0 || b.tieMarginMs < 0) bad('buzz', 'buzz times must not be negative');
  if (b.mode === 'compensated' && b.decisionWindowMs < b.compensationCapMs) bad('buzz.decisionWindowMs', 'the decision window must cover the compensation cap');
  const pass = c.massQuiz.pass;
  if (pass) {
    if (!Number.isInteger(pass.minCorrect) || pass.minCorrect < 1) bad('massQuiz.pass.minCorrect', 'the pass mark is a whole number of correct answers, at least 1');
    if (!pass.reward.trim()) bad('massQuiz.pass.reward', 'name the reward for passing (通关激励)');
  }
  if (c.elimination.mode === 'lowest-out') {
    for (const id of c.elimination.afterQuestions) if (!questionIds.has(id)) bad('elimination', `unknown question ${id}`);
  }
  return problems;
}

/** What only the start refuses (questions may still be added to a draft): a pass mark no one could reach. */
export function startProblems(c: RoundConfig): ConfigProblem[] {
  const pass = c.massQuiz.pass;
  if (!pass) return [];
  const scored = c.questions.filter((q) => formatOf(c, q) === 'mass-quiz').length;
  return pass.minCorrect > scored
    ? [{ path: 'massQuiz.pass.minCorrect', message: `the pass mark (${pass.minCorrect} correct) is more than the round's ${scored} mass-quiz questions`, reasonZh: `通关线（答对 ${pass.minCorrect} 题）超过了本场的全员答题题目数（${scored} 题）：请添加题目或降低通关线。` }]
    : [];
}
