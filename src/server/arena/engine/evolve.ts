/** evolve(state, event) → state: the one place state changes; pure, never mutates its input. */
import { decisionDueAt } from './buzz.ts';
import type { ArenaEvent, EventBody } from './events.ts';
import { isNeutralForUndo } from './events.ts';
import { logAppend, logHas } from './keyed-log.ts';
import { updateBoard, zeroStanding } from './leaderboard.ts';
import { scoreMassClose } from './mass-quiz.ts';
import { isTeamMode, type RoundConfig } from './model.ts';
import { initialState, lookupOf, newQuestionRun, type ArenaState, type QuestionRun } from './state.ts';

export class EventSequenceError extends Error {}

function addScore(s: ArenaState, unitId: string, delta: number): Pick<ArenaState, 'standings' | 'board'> {
  const standings = new Map(s.standings);
  const prev = standings.get(unitId) ?? zeroStanding();
  standings.set(unitId, { ...prev, score: prev.score + delta });
  const get = (u: string) => standings.get(u) ?? zeroStanding();
  const onBoard = isTeamMode(s.config) || !s.removed.has(unitId);
  return { standings, board: onBoard ? updateBoard(s.board, [unitId], get, [], lookupOf(s)) : s.board };
}

const withQ = (s: ArenaState, patch: Partial<QuestionRun>): ArenaState => (s.q ? { ...s, q: { ...s.q, ...patch } } : s);
const addTo = (list: readonly string[], id: string) => (list.includes(id) ? [...list] : [...list, id]);

function apply(s: ArenaState, e: ArenaEvent): ArenaState {
  const q = s.q;
  switch (e.type) {
    case 'joined': {
      const roster = logAppend(s.roster, e.playerId, { id: e.playerId, name: e.name, ...(e.teamId ? { teamId: e.teamId } : {}) });
      if (isTeamMode(s.config)) return { ...s, roster };
      // a newcomer is not on the board yet: no search for where it was
      return { ...s, roster, board: updateBoard(s.board, [e.playerId], lookupOf(s), [], logHas(s.roster, e.playerId) ? lookupOf(s) : 'absent') };
    }
    case 'questionReady':
      return { ...s, status: 'running', q: newQuestionRun(s.config, e.index) };
    case 'stakePicked':
      return q ? withQ(s, { stakes: { ...q.stakes, [e.unitId]: e.stake } }) : s;
    case 'questionOpened': {
      if (!q) return s;
      const turn = e.turn ? { unitId: e.turn, since: e.at, deadline: e.deadline } : null;
      return withQ(s, { phase: turn ? 'answering' : 'open', openedAt: e.at, deadline: e.deadline, stakes: e.stakes, turn });
    }
    case 'buzzOpened':
      return withQ(s, { phase: 'buzzing', buzz: { openAt: e.openAt, entries: [], late: [], dueAt: null, excluded: e.excluded }, decision: null, turn: null });
    case 'falseStart': {
      const scored = e.penalty ? addScore(s, e.unitId, -e.penalty) : {};
      if (!q) return { ...s, ...scored };
      return { ...s, ...scored, q: { ...q, falseStarts: addTo(q.falseStarts, e.unitId), lockedOut: e.lockedOut ? addTo(q.lockedOut, e.unitId) : q.lockedOut } };
    }
    case 'buzzed': {
      if (!q?.buzz) return s;
      const b = q.buzz;
      if (e.late) return withQ(s, { buzz: { ...b, late: [...b.late, e.entry] } });
      return withQ(s, { buzz: { ...b, entries: [...b.entries, e.entry], dueAt: b.dueAt ?? decisionDueAt(s.config.buzz, e.entry.receivedAt) } });
    }
    case 'buzzResolved':
      return withQ(s, { phase: 'answering', timeUp: false, decision: { winner: e.winner, order: e.order, tie: e.tie }, turn: { unitId: e.winner, since: e.at, deadline: e.turnDeadline } });
    case 'turnGranted':
      return withQ(s, { phase: 'answering', timeUp: false, turn: { unitId: e.unitId, since: e.at, deadline: e.deadline } });
    case 'answered': {
      if (!q) return s;
      const distribution = { ...q.distribution };
      for (const k of e.choice) distribution[k] = (distribution[k] ?? 0) + 1;
      const answers = logAppend(q.answers, e.unitId, { unitId: e.unitId, playerId: e.playerId, choice: e.choice, at: e.at, elapsedMs: e.elapsedMs });
      return withQ(s, { answers, distribution });
    }
    case 'judged': {
      const undo = { judgedSeq: e.seq, unitId: e.unitId, delta: e.delta, standings: s.standings, board: s.board, q: s.q };
      const scored = e.delta ? addScore(s, e.unitId, e.delta) : {};
      const next: ArenaState = { ...s, ...scored, undo };
      if (!q) return next;
      const verdicts = { ...q.verdicts, [e.unitId]: e.verdict };
      const wrongTurn = e.verdict === 'wrong' && !q.simultaneous;
      const lockedOut = wrongTurn ? addTo(q.lockedOut, e.unitId) : q.lockedOut;
      const phase = e.then === 'done' ? 'done' : e.then === 'reopen' ? 'open' : q.phase;
      const turn = e.then === 'wait' ? q.turn : null;
      return { ...next, q: { ...q, verdicts, lockedOut, phase, turn } };
    }
    case 'judgementUndone': {
      const u = s.undo;
      if (!u) return s;
      return { ...s, standings: u.standings, board: u.board, q: u.q, undo: null };
    }
    case 'timeUp':
      return withQ(s, { timeUp: true });
    case 'questionClosed': {
      if (!q) return s;
      const closed: QuestionRun = { ...q, phase: 'closed', turn: null };
      const scored = q.format === 'mass-quiz' ? scoreMassClose(s, closed) : {};
      return { ...s, ...scored, q: closed, closedQuestions: s.closedQuestions + 1 };
    }
    case 'scoreAdjusted':
      return { ...s, ...addScore(s, e.unitId, e.delta) };
    case 'eliminated':
      return { ...s, eliminated: new Set([...s.eliminated, ...e.unitIds]) };
    case 'paused':
      return { ...s, paused: { since: e.at } };
    case 'resumed': {
      const shift = (t: number | null) => (t === null ? null : t + e.pausedMs);
      if (!q) return { ...s, paused: null };
      return {
        ...s,
        paused: null,
        q: {
          ...q,
          deadline: shift(q.deadline),
          pausedMs: q.pausedMs + e.pausedMs,
          turn: q.turn ? { ...q.turn, deadline: q.turn.deadline + e.pausedMs } : null,
          buzz: q.buzz ? { ...q.buzz, dueAt: shift(q.buzz.dueAt) } : null,
        },
      };
    }
    case 'playerRemoved': {
      const removed = new Map(s.removed).set(e.playerId, e.reason);
      const board = isTeamMode(s.config) ? s.board : updateBoard(s.board, [], lookupOf(s), [e.playerId]);
      return { ...s, removed, board };
    }
    case 'playerReadmitted': {
      const removed = new Map(s.removed);
      removed.delete(e.playerId);
      const board = isTeamMode(s.config) ? s.board : updateBoard(s.board, [e.playerId], lookupOf(s));
      return { ...s, removed, board };
    }
    case 'finished':
      return { ...s, status: 'finished', q: q ? { ...q, phase: 'closed', turn: null } : null };
  }
}

/** Folds one event; a gap or a repeat in the sequence is a bug in the store, so it throws. */
export function evolve(s: ArenaState, e: ArenaEvent): ArenaState {
  if (e.seq !== s.seq + 1) throw new EventSequenceError(`event seq ${e.seq} does not follow ${s.seq}`);
  const next = apply(s, e);
  const keepUndo = e.type === 'judged' || e.type === 'judgementUndone' || isNeutralForUndo(e.type);
  return { ...next, seq: e.seq, lastAt: e.at, undo: keepUndo ? next.undo : null };
}

export const replay = (config: RoundConfig, events: readonly ArenaEvent[]): ArenaState => events.reduce(evolve, initialState(config));

/** Every intermediate state, for stepping through a round afterwards. */
export function* replaySteps(config: RoundConfig, events: readonly ArenaEvent[]): Generator<{ event: ArenaEvent; state: ArenaState }> {
  let state = initialState(config);
  for (const event of events) {
    state = evolve(state, event);
    yield { event, state };
  }
}

export type { EventBody };
