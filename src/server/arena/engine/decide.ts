/**
 * decide(state, command, ctx) → events or a refusal. Pure: the time is ctx.now (server
 * clock, ms) and nothing is read from the outside. Refusals never throw. Before a command
 * is handled, whatever the clock has made due (a buzz decision window that ran out, a
 * turn or a question whose time is up) is settled first, so the result does not depend
 * on whether the server's timer ticked in time.
 */
import { decideBuzz as rankAndDecide } from './buzz.ts';
import { checkShape, isAllowedFor, refuse, type Command, type Ctx, type Decision, type Envelope } from './commands.ts';
import { decideAnswer, decideBuzz, decideJoin, decidePickStake } from './decide-player.ts';
import { okWith, type BodyOut, type HandlerResult } from './decide-types.ts';
import type { ArenaEvent, EventActor, NewEvent } from './events.ts';
import { evolve } from './evolve.ts';
import { closeEvents, defaultStake, judgeEvents } from './judging.ts';
import { podiumOf } from './leaderboard.ts';
import { activeUnits, answerOf, isActiveUnit, isUnit, lookupOf, playerOf, questionOf, standingOf, type ArenaState } from './state.ts';

const no = (code: Extract<HandlerResult, { ok: false }>['code'], reason: string): HandlerResult => ({ ok: false, code, reason });
const SYSTEM: EventActor = { role: 'system' };

const stamp = (bodies: readonly BodyOut[], at: number, by: EventActor): NewEvent[] => bodies.map((b) => ({ ...b, at, by }) as NewEvent);

/** Folds new events with provisional sequence numbers (the store assigns the real ones, which match). */
export const foldNew = (s: ArenaState, events: readonly NewEvent[]): ArenaState =>
  events.reduce((st, e) => evolve(st, { ...e, seq: st.seq + 1 } as ArenaEvent), s);

/** What the clock has made due at `now`. */
export function settle(s: ArenaState, now: number): BodyOut[] {
  const q = s.q;
  if (!q || s.paused || s.status === 'finished') return [];
  if (q.phase === 'buzzing' && q.buzz?.dueAt != null && now >= q.buzz.dueAt) {
    const d = rankAndDecide(s.config.buzz, q.buzz.entries)!;
    return [{ type: 'buzzResolved', winner: d.winner, order: d.order, tie: d.tie, turnDeadline: now + s.config.buzz.answerTimeMs }];
  }
  if (q.phase === 'answering' && q.turn && now > q.turn.deadline && !q.timeUp && !answerOf(q, q.turn.unitId)) {
    const timeUp: BodyOut = { type: 'timeUp', scope: 'turn' };
    if (questionOf(s)!.answer === 'oral') return [timeUp]; // the host judges what was said
    return [timeUp, ...judgeEvents(s, { unitId: q.turn.unitId, verdict: 'wrong', by: 'system', reason: 'time-up', now })];
  }
  if (q.simultaneous && q.phase === 'open' && q.deadline !== null && now > q.deadline) {
    return [{ type: 'timeUp', scope: 'question' }, ...closeEvents(s, 'time-up', now)];
  }
  return [];
}

function lowestOut(s: ArenaState): BodyOut[] {
  const e = s.config.elimination;
  if (e.mode !== 'lowest-out' || !s.q || !e.afterQuestions.includes(s.q.questionId)) return [];
  const active = activeUnits(s);
  if (active.length < 2) return [];
  const min = Math.min(...active.map((u) => standingOf(s, u).score));
  const lowest = active.filter((u) => standingOf(s, u).score === min);
  return lowest.length === 1 ? [{ type: 'eliminated', unitIds: lowest, reason: `lowest score after ${s.q.questionId}` }] : [];
}

function decideHost(s: ArenaState, c: Command, now: number): HandlerResult {
  const q = s.q;
  const question = questionOf(s);
  const flowing = c.type === 'next' || c.type === 'openQuestion' || c.type === 'openBuzz' || c.type === 'closeQuestion' || c.type === 'grantTurn' || c.type === 'finish';
  if (s.paused && flowing) return no('PAUSED', 'the round is paused');
  switch (c.type) {
    case 'next': {
      if (q && q.phase !== 'closed') return no('WRONG_PHASE', 'close the current question first');
      const index = q ? q.index + 1 : 0;
      if (index >= s.config.questions.length) return no('WRONG_PHASE', 'no more questions: finish the round');
      return okWith(...lowestOut(s), { type: 'questionReady', index, questionId: s.config.questions[index].id });
    }
    case 'openQuestion': {
      if (!q || !question || q.phase !== 'ready') return no('WRONG_PHASE', 'no question is waiting to be shown');
      const turn = !q.simultaneous && q.format !== 'buzzer' ? (question.assignedTo ?? null) : null;
      const inScope = turn ? [turn] : activeUnits(s);
      const stakes = q.format === 'risk' ? Object.fromEntries(inScope.map((u) => [u, q.stakes[u] ?? defaultStake(s)])) : {};
      return okWith({ type: 'questionOpened', questionId: q.questionId, deadline: now + question.timeLimitMs, turn, stakes });
    }
    case 'openBuzz': {
      if (!q || q.format !== 'buzzer' || q.phase !== 'open') return no('WRONG_PHASE', 'show the buzzer question first');
      const excluded = [...q.lockedOut];
      if (activeUnits(s).every((u) => excluded.includes(u))) return no('WRONG_PHASE', 'every team is out of this question');
      return okWith({ type: 'buzzOpened', openAt: now, reopen: q.buzz !== null, excluded });
    }
    case 'grantTurn': {
      if (!q || q.format !== 'buzzer' || !['open', 'buzzing', 'answering'].includes(q.phase)) return no('WRONG_PHASE', 'no buzzer question to give');
      if (!isActiveUnit(s, c.unitId) || q.lockedOut.includes(c.unitId)) return no('INVALID', 'that unit cannot answer this question');
      if (q.turn && answerOf(q, q.turn.unitId)) return no('WRONG_PHASE', 'judge the answer given first');
      return okWith({ type: 'turnGranted', unitId: c.unitId, deadline: now + s.config.buzz.answerTimeMs });
    }
    case 'judge': {
      if (!q || !question) return no('NO_ANSWER', 'no question to judge');
      if (q.simultaneous) {
        if (!c.unitId || !isActiveUnit(s, c.unitId)) return no('INVALID', 'name the unit to judge');
        if (q.verdicts[c.unitId]) return no('DUPLICATE', 'already judged: undo first');
        const allowed = question.answer === 'oral' ? q.phase === 'open' || q.phase === 'closed' : q.phase === 'closed';
        if (!allowed) return no('WRONG_PHASE', 'not yet');
        return okWith(...judgeEvents(s, { unitId: c.unitId, verdict: c.verdict, by: 'host', reason: null, now }));
      }
      if (q.phase !== 'answering' || !q.turn) return no('NO_ANSWER', 'nobody is answering');
      if (c.unitId && c.unitId !== q.turn.unitId) return no('NOT_YOUR_TURN', 'that unit is not answering');
      if (question.answer !== 'oral' && !answerOf(q, q.turn.unitId)) return no('NO_ANSWER', 'no answer to judge yet');
      return okWith(...judgeEvents(s, { unitId: q.turn.unitId, verdict: c.verdict, by: 'host', reason: null, now }));
    }
    case 'closeQuestion': {
      if (!q || q.phase === 'ready' || q.phase === 'closed') return no('WRONG_PHASE', 'no open question');
      return okWith(...closeEvents(s, 'host', now));
    }
    case 'adjustScore':
      if (!isUnit(s, c.unitId)) return no('NOT_IN_ROUND', 'unknown unit');
      return okWith({ type: 'scoreAdjusted', unitId: c.unitId, delta: c.delta, reason: c.reason });
    case 'undoLastJudgement':
      if (!s.undo) return no('NOTHING_TO_UNDO', 'no judgement to undo since the last score change');
      return okWith({ type: 'judgementUndone', judgedSeq: s.undo.judgedSeq, unitId: s.undo.unitId, delta: s.undo.delta });
    case 'pause':
      return s.paused ? no('WRONG_PHASE', 'already paused') : okWith({ type: 'paused' });
    case 'resume':
      return s.paused ? okWith({ type: 'resumed', pausedMs: Math.max(0, now - s.paused.since) }) : no('WRONG_PHASE', 'not paused');
    case 'removePlayer':
      if (!playerOf(s, c.playerId)) return no('NOT_IN_ROUND', 'unknown player');
      if (s.removed.has(c.playerId)) return no('DUPLICATE', 'already removed');
      return okWith({ type: 'playerRemoved', playerId: c.playerId, reason: c.reason });
    case 'readmitPlayer':
      return s.removed.has(c.playerId) ? okWith({ type: 'playerReadmitted', playerId: c.playerId }) : no('WRONG_PHASE', 'that player is not removed');
    case 'tick':
      return okWith();
    case 'finish':
      if (q && q.phase !== 'closed') return no('WRONG_PHASE', 'close the current question first');
      return okWith({ type: 'finished', podium: podiumOf(s.board, lookupOf(s)) });
    default:
      return no('FORBIDDEN', `${c.type} is a player command`);
  }
}

export function decide(s: ArenaState, command: unknown, ctx: Ctx): Decision {
  const problem = checkShape(command);
  if (problem) return refuse('INVALID', problem);
  const c = command as Envelope;
  if (!Number.isFinite(ctx.now)) return refuse('INVALID', 'the server time is missing');
  if (!isAllowedFor(ctx.actor, c.type)) return refuse('FORBIDDEN', `${ctx.actor.role} may not ${c.type}`);
  if (c.expectedSeq !== undefined && c.expectedSeq !== s.seq) return refuse('STALE', `built on seq ${c.expectedSeq}, the round is at ${s.seq}`);
  if (s.status === 'finished') return refuse('FINISHED', 'the round is over');
  if (s.paused && (c.type === 'buzz' || c.type === 'answer' || c.type === 'pickStake')) return refuse('PAUSED', 'the round is paused');
  const pre = stamp(settle(s, ctx.now), ctx.now, SYSTEM);
  const state = pre.length ? foldNew(s, pre) : s;
  const by: EventActor = ctx.actor.playerId ? { role: ctx.actor.role, playerId: ctx.actor.playerId } : { role: ctx.actor.role };
  const r = runHandler(state, c, ctx);
  if (!r.ok) return r;
  const own = stamp(r.events, ctx.now, by);
  // a buzz may itself close the decision window (arrival mode with no tie margin)
  const post = c.type === 'buzz' && own.length ? stamp(settle(foldNew(state, own), ctx.now), ctx.now, SYSTEM) : [];
  return { ok: true, events: [...pre, ...own, ...post] };
}

function runHandler(s: ArenaState, c: Command, ctx: Ctx): HandlerResult {
  switch (c.type) {
    case 'join': return decideJoin(s, c, ctx);
    case 'pickStake': return decidePickStake(s, c, ctx);
    case 'buzz': return decideBuzz(s, c, ctx);
    case 'answer': return decideAnswer(s, c, ctx);
    default: return decideHost(s, c, ctx.now);
  }
}
