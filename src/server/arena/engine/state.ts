/** The state of a live round: a fold of its events over the configuration. */
import type { BuzzDecision, BuzzEntry } from './buzz.ts';
import { emptyLog, logAppend, logGet, logValues, type KeyedLog } from './keyed-log.ts';
import { emptyBoard, updateBoard, zeroStanding, type Board, type Standing } from './leaderboard.ts';
import { formatOf, isSimultaneous, isTeamMode, type Player, type Question, type RoundConfig, type RoundFormat } from './model.ts';
import type { Verdict } from './events.ts';

export type AnswerRecord = { unitId: string; playerId: string; choice: string[]; at: number; elapsedMs: number };

export type QuestionPhase = 'ready' | 'open' | 'buzzing' | 'answering' | 'done' | 'closed';

export type BuzzRound = { openAt: number; entries: BuzzEntry[]; late: BuzzEntry[]; dueAt: number | null; excluded: string[] };

export type QuestionRun = {
  index: number;
  questionId: string;
  format: RoundFormat;
  simultaneous: boolean;
  phase: QuestionPhase;
  openedAt: number | null;
  deadline: number | null;
  pausedMs: number;
  timeUp: boolean;
  stakes: Record<string, number>;
  buzz: BuzzRound | null;
  decision: BuzzDecision | null;
  turn: { unitId: string; since: number; deadline: number } | null;
  /** units out of this question: a false start, a wrong answer */
  lockedOut: string[];
  falseStarts: string[];
  answers: KeyedLog<AnswerRecord>;
  verdicts: Record<string, Verdict>;
  /** answers per option key, counted as they arrive */
  distribution: Record<string, number>;
};

export type UndoPoint = { judgedSeq: number; unitId: string; delta: number; standings: ReadonlyMap<string, Standing>; board: Board; q: QuestionRun | null };

export type ArenaState = {
  config: RoundConfig;
  seq: number;
  lastAt: number | null;
  status: 'lobby' | 'running' | 'finished';
  paused: { since: number } | null;
  roster: KeyedLog<Player>;
  removed: ReadonlyMap<string, string>;
  eliminated: ReadonlySet<string>;
  standings: ReadonlyMap<string, Standing>;
  board: Board;
  q: QuestionRun | null;
  closedQuestions: number;
  undo: UndoPoint | null;
};

export function initialState(config: RoundConfig): ArenaState {
  let roster = emptyLog<Player>();
  for (const p of config.players) roster = logAppend(roster, p.id, p);
  const units = isTeamMode(config) ? config.teams.map((t) => t.id) : config.players.map((p) => p.id);
  const standings = new Map(units.map((u) => [u, zeroStanding()]));
  const get = (u: string) => standings.get(u) ?? zeroStanding();
  return {
    config,
    seq: 0,
    lastAt: null,
    status: 'lobby',
    paused: null,
    roster,
    removed: new Map(),
    eliminated: new Set(),
    standings,
    board: updateBoard(emptyBoard(), units, get),
    q: null,
    closedQuestions: 0,
    undo: null,
  };
}

export const newQuestionRun = (config: RoundConfig, index: number): QuestionRun => {
  const question = config.questions[index];
  return {
    index,
    questionId: question.id,
    format: formatOf(config, question),
    simultaneous: isSimultaneous(config, question),
    phase: 'ready',
    openedAt: null,
    deadline: null,
    pausedMs: 0,
    timeUp: false,
    stakes: {},
    buzz: null,
    decision: null,
    turn: null,
    lockedOut: [],
    falseStarts: [],
    answers: emptyLog(),
    verdicts: {},
    distribution: Object.fromEntries(question.options.map((o) => [o.key, 0])),
  };
};

export const questionOf = (s: ArenaState): Question | null => (s.q ? s.config.questions[s.q.index] : null);
export const standingOf = (s: ArenaState, unitId: string): Standing => s.standings.get(unitId) ?? zeroStanding();
export const lookupOf = (s: ArenaState) => (unitId: string) => standingOf(s, unitId);
export const playerOf = (s: ArenaState, playerId: string) => logGet(s.roster, playerId);
export const allPlayers = (s: ArenaState) => logValues(s.roster);

/** The scoring unit of a player: their team in team mode, themselves otherwise. */
export const unitOfPlayer = (s: ArenaState, p: Player) => (isTeamMode(s.config) ? (p.teamId as string) : p.id);

/** Teams are fixed by the configuration; players may join late (their standing starts at zero, stored lazily). */
export const isUnit = (s: ArenaState, unitId: string) => (isTeamMode(s.config) ? s.standings.has(unitId) : logGet(s.roster, unitId) !== undefined);

/** A unit can still play: not eliminated and, in individual mode, its player not removed. */
export const isActiveUnit = (s: ArenaState, unitId: string) =>
  isUnit(s, unitId) && !s.eliminated.has(unitId) && (isTeamMode(s.config) || !s.removed.has(unitId));

export const allUnits = (s: ArenaState): string[] => (isTeamMode(s.config) ? s.config.teams.map((t) => t.id) : allPlayers(s).map((p) => p.id));
export const activeUnits = (s: ArenaState): string[] => allUnits(s).filter((u) => isActiveUnit(s, u));

export const answerOf = (q: QuestionRun, unitId: string) => logGet(q.answers, unitId);

export const unitName = (s: ArenaState, unitId: string) =>
  isTeamMode(s.config) ? (s.config.teams.find((t) => t.id === unitId)?.name ?? unitId) : (playerOf(s, unitId)?.name ?? unitId);
