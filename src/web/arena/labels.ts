/** Words for the arena's states and events, shared by the console, the phone, the screen and the replay. */
import type { MessageKey } from '../shared/i18n/zh-cn.ts';
import type { Translate } from '../shared/i18n/i18n-context.tsx';
import type { RoundView, ViewEvent } from './api.ts';

export const phaseKey = (v: RoundView | null): MessageKey => {
  if (!v) return 'arena.phase.lobby';
  if (v.status === 'finished') return 'arena.phase.finished';
  if (!v.question) return 'arena.phase.lobby';
  return `arena.phase.${v.question.phase}` as MessageKey;
};

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** Unit and player names from the leaderboard (units) and join events (players). */
export function namesOf(view: RoundView | null, events: readonly ViewEvent[] = []): (id: string | undefined | null) => string {
  const names = new Map<string, string>();
  for (const r of view?.leaderboard ?? []) names.set(r.unitId, r.name);
  for (const e of events) if (e.type === 'joined') names.set(e.playerId, e.name);
  return (id) => (id ? (names.get(id) ?? id) : '');
}

export function eventText(t: Translate, e: ViewEvent, name: (id: string) => string): string {
  switch (e.type) {
    case 'joined': return t('arena.event.joined', { who: e.name });
    case 'questionReady': return t('arena.event.questionReady', { n: e.index + 1 });
    case 'stakePicked': return t('arena.event.stakePicked', { who: name(e.unitId), n: e.stake });
    case 'questionOpened': return t('arena.event.questionOpened');
    case 'buzzOpened': return t(e.reopen ? 'arena.event.buzzReopened' : 'arena.event.buzzOpened');
    case 'falseStart': return t('arena.event.falseStart', { who: name(e.unitId), n: e.penalty });
    case 'buzzed': return t('arena.event.buzzed', { who: name(e.entry.unitId) });
    case 'buzzResolved': return t('arena.event.buzzResolved', { who: name(e.winner) });
    case 'turnGranted': return t('arena.event.turnGranted', { who: name(e.unitId) });
    case 'answered': return t('arena.event.answered', { who: name(e.unitId), choice: e.choice.join('') });
    case 'judged': return t('arena.event.judged', { who: name(e.unitId), verdict: t(e.verdict === 'right' ? 'arena.right' : 'arena.wrong'), delta: signed(e.delta) });
    case 'judgementUndone': return t('arena.event.judgementUndone', { who: name(e.unitId) });
    case 'timeUp': return t('arena.event.timeUp');
    case 'questionClosed': return t('arena.event.questionClosed');
    case 'scoreAdjusted': return t('arena.event.scoreAdjusted', { who: name(e.unitId), delta: signed(e.delta), reason: e.reason });
    case 'eliminated': return t('arena.event.eliminated', { who: e.unitIds.map(name).join('、') });
    case 'paused': return t('arena.event.paused');
    case 'resumed': return t('arena.event.resumed');
    case 'playerRemoved': return t('arena.event.playerRemoved', { who: name(e.playerId) });
    case 'playerReadmitted': return t('arena.event.playerReadmitted', { who: name(e.playerId) });
    case 'finished': return t('arena.event.finished');
  }
}

export const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
