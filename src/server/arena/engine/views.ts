/**
 * Per-viewer views (boardgame.io's filter-player-view). The host sees everything; a
 * player never receives the correct answer before the close, another unit's stake
 * before the question is shown, or another unit's answer in a simultaneous question; the
 * big screen (and the public spectator page) sees what the hall may see.
 */
import type { RankedBuzz } from './buzz.ts';
import type { ArenaEvent } from './events.ts';
import { placeOf, podiumOf, topOf, type Ranked } from './leaderboard.ts';
import { distributionOf } from './mass-quiz.ts';
import { isTeamMode, type Option, type QuestionKind, type RoundConfig, type RoundFormat } from './model.ts';
import { answerOf, lookupOf, playerOf, questionOf, standingOf, unitName, unitOfPlayer, type ArenaState, type QuestionPhase } from './state.ts';

export type Viewer = { role: 'host' } | { role: 'screen' } | { role: 'player'; playerId: string };

export type BuzzView = { unitId: string; name: string; rank: number; marginMs: number; late: boolean; receivedAt?: number; rttMs?: number | null; compensationMs?: number; effectiveAt?: number };

export type QuestionView = {
  index: number;
  questionId: string;
  format: RoundFormat;
  /** single / multiple / true-false / oral (the host judges aloud); shown even before the stem. */
  kind: QuestionKind;
  phase: QuestionPhase;
  shown: boolean;
  prompt: string | null;
  options: Option[];
  points: number;
  openedAt: number | null;
  deadline: number | null;
  turn: { unitId: string; name: string; deadline: number } | null;
  buzzOpenAt: number | null;
  winner: string | null;
  /** host only: units within the tie margin of the winner */
  tie: string[];
  buzzes: BuzzView[];
  stakes: Record<string, number>;
  answered: number;
  verdicts: Record<string, 'right' | 'wrong'>;
  distribution: { key: string; count: number; share: number }[] | null;
  correct: string[] | 'oral' | null;
  /** how many units have picked a stake (a risk question; values stay hidden until shown). */
  stakesPicked: number;
};

export type MeView = {
  playerId: string;
  unitId: string;
  score: number;
  place: number | null;
  removed: boolean;
  eliminated: boolean;
  myChoice: string[] | null;
  myTurn: boolean;
  myStake: number | null;
  canBuzz: boolean;
  /** my own name, and my unit's (my team's in team mode, mine otherwise) */
  name: string;
  unitName: string;
  /** team mode: score and place are the team's, shared by its members */
  inTeam: boolean;
  /** my unit has buzzed on the current question / is out of it (false start, wrong answer) */
  buzzed: boolean;
  lockedOut: boolean;
  /** my unit's correct answers so far (mass quiz), and whether it has reached the pass mark (null: no pass mark) */
  correct: number;
  passed: boolean | null;
};

export type RoundView = {
  roundId: string;
  seq: number;
  viewer: Viewer['role'];
  status: ArenaState['status'];
  paused: boolean;
  questionCount: number;
  /** the round's declared risk stakes (the phone's stake picker) */
  riskStakes: number[];
  question: QuestionView | null;
  leaderboard: (Ranked & { name: string })[];
  podium: (Ranked & { name: string })[] | null;
  /** the declared pass mark (通关) and how many units have reached it so far */
  pass: PassView | null;
  me: MeView | null;
};

/** `units`: the players (teams in team mode) of the round, joiners included */
export type PassView = { minCorrect: number; reward: string; passed: number; units: number };

/** Units that have reached the pass mark, counted once per standings map (a new map per change), not per view. */
const passedCache = new WeakMap<ArenaState['standings'], number>();
export function passView(s: ArenaState): PassView | null {
  const pass = s.config.massQuiz.pass;
  if (!pass) return null;
  let passed = passedCache.get(s.standings);
  if (passed === undefined) {
    passed = 0;
    for (const st of s.standings.values()) if (st.correct >= pass.minCorrect) passed += 1;
    passedCache.set(s.standings, passed);
  }
  return { minCorrect: pass.minCorrect, reward: pass.reward, passed, units: isTeamMode(s.config) ? s.config.teams.length : s.roster.count };
}

const named = (s: ArenaState) => (r: Ranked) => ({ ...r, name: unitName(s, r.unitId) });

function buzzesOf(s: ArenaState, isHost: boolean): BuzzView[] {
  const q = s.q!;
  const order: RankedBuzz[] = q.decision?.order ?? [];
  const late = q.buzz?.late ?? [];
  const first = order[0]?.effectiveAt ?? 0;
  const rows = [
    ...order.map((b) => ({ b, rank: b.rank, marginMs: b.marginMs, late: false })),
    ...late.map((b, i) => ({ b, rank: order.length + i + 1, marginMs: b.effectiveAt - first, late: true })),
  ];
  return rows.map(({ b, rank, marginMs, late: isLate }) => ({
    unitId: b.unitId,
    name: unitName(s, b.unitId),
    rank,
    marginMs,
    late: isLate,
    ...(isHost ? { receivedAt: b.receivedAt, rttMs: b.rttMs, compensationMs: b.compensationMs, effectiveAt: b.effectiveAt } : {}),
  }));
}

function questionView(s: ArenaState, viewer: Viewer, myUnit: string | null): QuestionView | null {
  const q = s.q;
  const question = questionOf(s);
  if (!q || !question) return null;
  const isHost = viewer.role === 'host';
  const shown = q.phase !== 'ready';
  const closed = q.phase === 'closed';
  const visible = isHost || shown;
  const stakes = isHost || shown ? q.stakes : myUnit && q.stakes[myUnit] !== undefined ? { [myUnit]: q.stakes[myUnit] } : {};
  return {
    index: q.index,
    questionId: q.questionId,
    format: q.format,
    kind: question.kind,
    phase: q.phase,
    shown,
    prompt: visible ? question.prompt : null,
    options: visible ? question.options : [],
    points: question.points,
    openedAt: q.openedAt,
    deadline: q.deadline,
    turn: q.turn ? { unitId: q.turn.unitId, name: unitName(s, q.turn.unitId), deadline: q.turn.deadline } : null,
    buzzOpenAt: q.phase === 'buzzing' || q.decision ? (q.buzz?.openAt ?? null) : null,
    winner: q.decision?.winner ?? null,
    tie: isHost ? (q.decision?.tie ?? []) : [],
    buzzes: q.decision || isHost ? buzzesOf(s, isHost) : [],
    stakes,
    answered: q.answers.count,
    verdicts: q.verdicts,
    distribution: isHost || closed ? distributionOf(q) : null,
    correct: isHost || closed ? question.answer : null,
    stakesPicked: Object.keys(q.stakes).length,
  };
}

export function meView(s: ArenaState, playerId: string): MeView | null {
  const p = playerOf(s, playerId);
  if (!p) return null;
  const unitId = unitOfPlayer(s, p);
  const q = s.q;
  const removed = s.removed.has(playerId);
  const eliminated = s.eliminated.has(unitId);
  const out = !!q && q.lockedOut.includes(unitId);
  const hasBuzzed = !!q?.buzz && [...q.buzz.entries, ...q.buzz.late].some((e) => e.unitId === unitId);
  const standing = standingOf(s, unitId);
  const pass = s.config.massQuiz.pass;
  return {
    playerId,
    unitId,
    score: standing.score,
    place: placeOf(s.board, unitId, lookupOf(s)) ?? null,
    removed,
    eliminated,
    myChoice: q ? (answerOf(q, unitId)?.choice ?? null) : null,
    myTurn: q?.turn?.unitId === unitId,
    myStake: q?.stakes[unitId] ?? null,
    canBuzz: !!q && q.phase === 'buzzing' && !removed && !eliminated && !out && !hasBuzzed,
    name: p.name,
    unitName: unitName(s, unitId),
    inTeam: isTeamMode(s.config),
    buzzed: hasBuzzed,
    lockedOut: out,
    correct: standing.correct,
    passed: pass ? standing.correct >= pass.minCorrect : null,
  };
}

export function viewFor(s: ArenaState, viewer: Viewer, opts: { leaderboardSize?: number } = {}): RoundView {
  const me = viewer.role === 'player' ? meView(s, viewer.playerId) : null;
  const get = lookupOf(s);
  return {
    roundId: s.config.roundId,
    seq: s.seq,
    viewer: viewer.role,
    status: s.status,
    paused: s.paused !== null,
    questionCount: s.config.questions.length,
    riskStakes: s.config.riskStakes,
    question: questionView(s, viewer, me?.unitId ?? null),
    leaderboard: topOf(s.board, get, opts.leaderboardSize ?? (viewer.role === 'host' ? 50 : 10)).map(named(s)),
    podium: s.status === 'finished' ? podiumOf(s.board, get).map(named(s)) : null,
    pass: passView(s),
    me,
  };
}

/** Everyone who has reached the pass mark (通关), in leaderboard order with shared places; empty without a pass mark. */
export function passedOf(s: ArenaState): (Ranked & { name: string })[] {
  const pass = s.config.massQuiz.pass;
  if (!pass) return [];
  return topOf(s.board, lookupOf(s), Number.POSITIVE_INFINITY)
    .filter((r) => r.correct >= pass.minCorrect)
    .map(named(s));
}

/** An event as a viewer may receive it, or null when it is not theirs to see. `correct` is added to a close. */
export type ViewEvent = ArenaEvent | (Extract<ArenaEvent, { type: 'questionClosed' }> & { correct: string[] | 'oral' });

export function eventFor(config: RoundConfig, s: ArenaState, viewer: Viewer, e: ArenaEvent): ViewEvent | null {
  if (viewer.role === 'host') return e;
  const mine = viewer.role === 'player' ? playerOf(s, viewer.playerId) : undefined;
  const myUnit = mine ? unitOfPlayer(s, mine) : null;
  switch (e.type) {
    case 'stakePicked':
      return e.unitId === myUnit ? e : null;
    case 'answered':
      return e.unitId === myUnit || !s.q || !s.q.simultaneous ? e : null;
    case 'buzzed':
      return { ...e, entry: { ...e.entry, rttMs: null, compensationMs: 0 } };
    case 'buzzResolved':
      return { ...e, tie: [], order: e.order.map((b) => ({ ...b, rttMs: null, compensationMs: 0 })) };
    case 'questionClosed': {
      const question = config.questions.find((x) => x.id === e.questionId);
      return { ...e, correct: question ? question.answer : 'oral' };
    }
    default:
      return e;
  }
}

export type Resync = { kind: 'events'; events: ViewEvent[] } | { kind: 'snapshot'; view: RoundView };

/**
 * A reconnecting client that last saw `sinceSeq`: the events after it (filtered) when the
 * gap is small and the log holds them, else a fresh snapshot. `log` is the tail of the
 * round's events (any start), `s` the current state.
 */
export function resync(s: ArenaState, viewer: Viewer, sinceSeq: number, log: readonly ArenaEvent[], maxEvents = 200): Resync {
  const tail = log.filter((e) => e.seq > sinceSeq);
  const complete = tail.length === s.seq - sinceSeq && (tail.length === 0 || tail[0].seq === sinceSeq + 1);
  if (sinceSeq < 0 || sinceSeq > s.seq || !complete || tail.length > maxEvents) return { kind: 'snapshot', view: viewFor(s, viewer) };
  const out: ViewEvent[] = [];
  for (const e of tail) {
    const v = eventFor(s.config, s, viewer, e);
    if (v) out.push(v);
  }
  return { kind: 'events', events: out };
}
