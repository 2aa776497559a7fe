/** What the contestant's phone shows, derived from their view and the events of the current question. */
import type { RoundView, ViewEvent } from './api.ts';

export type PhoneState =
  | { kind: 'connecting' }
  | { kind: 'not-player' }
  | { kind: 'removed' }
  | { kind: 'finished' }
  | { kind: 'waiting' }
  | { kind: 'stake' }
  | { kind: 'listen'; falseStart: number | null }
  | { kind: 'buzz-open' }
  | { kind: 'buzzed' }
  | { kind: 'your-turn' }
  | { kind: 'answer' }
  | { kind: 'submitted'; choice: string[] }
  | { kind: 'locked'; reason: 'other' | 'out' | 'false-start'; name: string | null; penalty: number | null }
  | { kind: 'closed' };

/** The false-start penalty of my unit in the current question, if any (players see falseStart events). */
export function falseStartOf(view: RoundView, events: readonly ViewEvent[]): number | null {
  const q = view.question;
  const me = view.me;
  if (!q || !me) return null;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.type === 'questionReady') return null;
    if (e.type === 'falseStart' && e.unitId === me.unitId) return e.penalty;
  }
  return null;
}

export function phoneStateOf(view: RoundView | null, events: readonly ViewEvent[]): PhoneState {
  if (!view) return { kind: 'connecting' };
  const me = view.me;
  if (!me) return { kind: 'not-player' };
  if (me.removed) return { kind: 'removed' };
  if (view.status === 'finished') return { kind: 'finished' };
  const q = view.question;
  if (!q) return { kind: 'waiting' };
  if (q.phase === 'closed' || q.phase === 'done') return { kind: 'closed' };
  const falseStart = falseStartOf(view, events);
  if (q.phase === 'ready') return q.format === 'risk' ? { kind: 'stake' } : { kind: 'waiting' };
  if (me.eliminated) return { kind: 'locked', reason: 'out', name: null, penalty: null };
  if (q.format === 'buzzer') {
    if (me.myTurn) return q.options.length ? (me.myChoice ? { kind: 'submitted', choice: me.myChoice } : { kind: 'your-turn' }) : { kind: 'your-turn' };
    if (falseStart !== null && !me.canBuzz) return { kind: 'locked', reason: 'false-start', name: null, penalty: falseStart };
    if (q.phase === 'open') return { kind: 'listen', falseStart };
    if (q.phase === 'buzzing') return me.canBuzz ? { kind: 'buzz-open' } : q.verdicts[me.unitId] === 'wrong' ? { kind: 'locked', reason: 'out', name: null, penalty: null } : { kind: 'buzzed' };
    if (q.phase === 'answering') return { kind: 'locked', reason: 'other', name: q.turn?.name ?? null, penalty: null };
    return { kind: 'waiting' };
  }
  // simultaneous or assigned questions
  if (q.turn && q.turn.unitId !== me.unitId) return { kind: 'locked', reason: 'other', name: q.turn.name, penalty: null };
  if (me.myChoice) return { kind: 'submitted', choice: me.myChoice };
  if (q.options.length === 0) return q.turn ? { kind: 'your-turn' } : { kind: 'waiting' };
  return { kind: 'answer' };
}

export type PhoneLight = 'waiting' | 'open' | 'locked' | 'answering' | 'done';

/** The phone's one-word state, as a traffic light: waiting, open (act now), locked, you are answering, closed. */
export function lightOf(state: PhoneState): PhoneLight {
  switch (state.kind) {
    case 'buzz-open':
    case 'answer':
    case 'stake':
      return 'open';
    case 'your-turn':
      return 'answering';
    case 'locked':
    case 'removed':
    case 'buzzed':
    case 'submitted':
      return 'locked';
    case 'closed':
    case 'finished':
      return 'done';
    default:
      return 'waiting';
  }
}
