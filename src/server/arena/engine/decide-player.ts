/** Player commands: join, pickStake, buzz, answer. */
import { entryOf } from './buzz.ts';
import type { Command, Ctx } from './commands.ts';
import { okWith, type HandlerResult } from './decide-types.ts';
import { judgeEvents } from './judging.ts';
import { isCorrectChoice, isTeamMode } from './model.ts';
import { answerOf, isActiveUnit, playerOf, questionOf, unitOfPlayer, type ArenaState } from './state.ts';

const no = (code: Extract<HandlerResult, { ok: false }>['code'], reason: string): HandlerResult => ({ ok: false, code, reason });

type Who = { ok: true; playerId: string; unitId: string } | Extract<HandlerResult, { ok: false }>;

/** The acting player and their unit, or why they may not act. */
function who(s: ArenaState, ctx: Ctx): Who {
  const id = ctx.actor.playerId;
  const p = id ? playerOf(s, id) : undefined;
  if (!id || !p) return { ok: false, code: 'NOT_IN_ROUND', reason: 'you are not a player of this round' };
  if (s.removed.has(id)) return { ok: false, code: 'REMOVED', reason: 'the host removed you from this round' };
  const unitId = unitOfPlayer(s, p);
  if (s.eliminated.has(unitId)) return { ok: false, code: 'ELIMINATED', reason: 'eliminated' };
  if (!isActiveUnit(s, unitId)) return { ok: false, code: 'NOT_IN_ROUND', reason: 'not an active unit of this round' };
  return { ok: true, playerId: id, unitId };
}

export function decideJoin(s: ArenaState, c: Extract<Command, { type: 'join' }>, ctx: Ctx): HandlerResult {
  const id = ctx.actor.playerId;
  if (!id) return no('NOT_IN_ROUND', 'a player id is required');
  if (playerOf(s, id)) return okWith(); // a rejoin keeps everything: nothing to record
  if (isTeamMode(s.config) || s.config.format !== 'mass-quiz') return no('NOT_IN_ROUND', 'this round has a fixed list of contestants');
  if (s.status !== 'lobby' && !s.config.massQuiz.allowLateJoin) return no('LATE_JOIN_CLOSED', 'the quiz has started');
  if (s.config.elimination.mode === 'wrong-out' && s.closedQuestions > 0) return no('LATE_JOIN_CLOSED', 'an elimination quiz cannot be joined after its first question');
  return okWith({ type: 'joined', playerId: id, name: c.name, teamId: null });
}

export function decidePickStake(s: ArenaState, c: Extract<Command, { type: 'pickStake' }>, ctx: Ctx): HandlerResult {
  const w = who(s, ctx);
  if (!w.ok) return w;
  const q = s.q;
  if (!q || q.format !== 'risk') return no('WRONG_PHASE', 'there is no risk question to stake on');
  if (q.phase !== 'ready') return no('WRONG_PHASE', 'stakes are picked before the question is shown');
  if (!s.config.riskStakes.includes(c.stake)) return no('INVALID', `the stake must be one of ${s.config.riskStakes.join(', ')}`);
  const assigned = questionOf(s)!.assignedTo;
  if (assigned && assigned !== w.unitId) return no('NOT_YOUR_TURN', 'this risk question belongs to another team');
  return okWith({ type: 'stakePicked', unitId: w.unitId, playerId: w.playerId, stake: c.stake });
}

export function decideBuzz(s: ArenaState, c: Extract<Command, { type: 'buzz' }>, ctx: Ctx): HandlerResult {
  const w = who(s, ctx);
  if (!w.ok) return w;
  const q = s.q;
  if (!q || q.format !== 'buzzer' || q.phase === 'closed') return no('WRONG_PHASE', 'there is no buzzer question');
  if (q.lockedOut.includes(w.unitId)) return no('LOCKED_OUT', 'your team is out of this question');
  if (q.phase === 'ready' || q.phase === 'open') {
    if (q.falseStarts.includes(w.unitId)) return no('DUPLICATE', 'false start already recorded');
    const penalty = s.config.penalties.falseStart;
    return okWith({ type: 'falseStart', unitId: w.unitId, playerId: w.playerId, penalty, lockedOut: s.config.falseStartLocksOut });
  }
  const b = q.buzz;
  if (!b) return no('WRONG_PHASE', 'the buzz has not been opened');
  if (b.entries.some((e) => e.unitId === w.unitId) || b.late.some((e) => e.unitId === w.unitId)) return no('DUPLICATE', 'your team has already buzzed');
  const entry = entryOf(s.config.buzz, { unitId: w.unitId, playerId: w.playerId, openAt: b.openAt, receivedAt: ctx.now, rttMs: c.rttMs ?? null });
  return okWith({ type: 'buzzed', entry, late: q.phase !== 'buzzing' });
}

export function decideAnswer(s: ArenaState, c: Extract<Command, { type: 'answer' }>, ctx: Ctx): HandlerResult {
  const w = who(s, ctx);
  if (!w.ok) return w;
  const q = s.q;
  const question = questionOf(s);
  if (!q || !question || q.phase === 'ready') return no('WRONG_PHASE', 'no question is open');
  if (question.answer === 'oral') return no('INVALID', 'an oral question is answered aloud and judged by the host');
  const keys = new Set(question.options.map((o) => o.key));
  if (c.choice.some((k) => !keys.has(k)) || new Set(c.choice).size !== c.choice.length) return no('INVALID', 'unknown or repeated option');
  if (question.kind !== 'multiple' && c.choice.length !== 1) return no('INVALID', 'choose exactly one option');
  if (answerOf(q, w.unitId)) return no('DUPLICATE', 'your answer is already in');
  const elapsedMs = Math.max(0, ctx.now - (q.openedAt ?? ctx.now) - q.pausedMs);
  const answered = { type: 'answered' as const, unitId: w.unitId, playerId: w.playerId, choice: [...c.choice], elapsedMs };
  if (q.simultaneous) {
    if (q.phase !== 'open') return no('WRONG_PHASE', 'answers are closed');
    if (q.deadline !== null && ctx.now > q.deadline) return no('TIME_UP', 'time is up');
    return okWith(answered);
  }
  if (q.phase !== 'answering' || !q.turn) return no('WRONG_PHASE', 'nobody is answering now');
  if (q.turn.unitId !== w.unitId) return no('NOT_YOUR_TURN', 'another team is answering');
  if (ctx.now > q.turn.deadline) return no('TIME_UP', 'your time to answer is up');
  const verdict = isCorrectChoice(question, c.choice) ? 'right' : 'wrong';
  return okWith(answered, ...judgeEvents(s, { unitId: w.unitId, verdict, by: 'system', reason: null, now: ctx.now }));
}
