/**
 * The event log as a dispute record (争议复核): one line per event with its sequence
 * number, server time to the millisecond, who acted and what happened, including each
 * buzz's receive time, measured round trip, compensation and margin behind the winner,
 * every judgement and every adjustment with its reason. Pure: times are formatted from
 * the events' own timestamps at a declared UTC offset (Beijing time by default).
 */
import type { ArenaEvent } from './events.ts';
import { replaySteps } from './evolve.ts';
import type { RoundConfig } from './model.ts';
import { unitName, type ArenaState } from './state.ts';

export type ExportOptions = { utcOffsetMinutes?: number };
export type DisputeRow = { seq: number; at: number; time: string; actor: string; type: ArenaEvent['type']; text: string };

export function formatTime(at: number, utcOffsetMinutes = 480): string {
  const d = new Date(at + utcOffsetMinutes * 60_000);
  const sign = utcOffsetMinutes >= 0 ? '+' : '-';
  const off = Math.abs(utcOffsetMinutes);
  const zone = `${sign}${String(Math.floor(off / 60)).padStart(2, '0')}:${String(off % 60).padStart(2, '0')}`;
  return `${d.toISOString().slice(0, 23).replace('T', ' ')}${zone}`;
}

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);
const ms = (n: number) => `${Math.round(n * 10) / 10} ms`;

function describe(e: ArenaEvent, before: ArenaState, after: ArenaState): string {
  const name = (u: string) => `${unitName(after, u)} (${u})`;
  switch (e.type) {
    case 'joined': return `${e.name} (${e.playerId}) joined`;
    case 'questionReady': return `question ${e.index + 1} ready: ${e.questionId}`;
    case 'stakePicked': return `${name(e.unitId)} staked ${e.stake} (by ${e.playerId})`;
    case 'questionOpened': {
      const stakes = Object.entries(e.stakes).map(([u, v]) => `${u}=${v}`).join(', ');
      return `question ${e.questionId} shown${e.turn ? `, ${name(e.turn)} to answer` : ''}; deadline ${formatTime(e.deadline)}${stakes ? `; stakes ${stakes}` : ''}`;
    }
    case 'buzzOpened': return `buzz ${e.reopen ? 're' : ''}opened by the server at ${formatTime(e.openAt)}${e.excluded.length ? `; out: ${e.excluded.join(', ')}` : ''}`;
    case 'falseStart': return `FALSE START by ${name(e.unitId)} (${e.playerId}): ${signed(-e.penalty)}${e.lockedOut ? ', out of this question' : ''}`;
    case 'buzzed': {
      const b = e.entry;
      const open = before.q?.buzz?.openAt;
      const since = open !== undefined ? `, ${ms(b.receivedAt - open)} after opening` : '';
      return `${e.late ? 'late ' : ''}buzz by ${name(b.unitId)} (${b.playerId}): received ${formatTime(b.receivedAt)}${since}; rtt ${b.rttMs === null ? 'unknown' : ms(b.rttMs)}, compensation ${ms(b.compensationMs)}, counted at ${formatTime(b.effectiveAt)}`;
    }
    case 'buzzResolved': {
      const order = e.order.map((b) => `#${b.rank} ${b.unitId} +${ms(b.marginMs)}`).join(', ');
      return `buzz decided: ${name(e.winner)} answers. Order: ${order}${e.tie.length ? `. TIE within margin: ${e.tie.join(', ')}` : ''}`;
    }
    case 'turnGranted': return `host gave the question to ${name(e.unitId)}`;
    case 'answered': return `${name(e.unitId)} answered ${e.choice.join('')} after ${ms(e.elapsedMs)} (${e.playerId})`;
    case 'judged': return `${e.judge} judged ${name(e.unitId)} ${e.verdict.toUpperCase()}: ${signed(e.delta)}${e.reason ? ` (${e.reason})` : ''}${e.then === 'reopen' ? '; buzz may reopen' : ''}`;
    case 'judgementUndone': return `judgement #${e.judgedSeq} on ${name(e.unitId)} undone: ${signed(-e.delta)} reverted`;
    case 'timeUp': return `time up (${e.scope})`;
    case 'questionClosed': return `question ${e.questionId} closed (${e.reason}); ${e.answered} answer(s)`;
    case 'scoreAdjusted': return `score of ${name(e.unitId)} adjusted ${signed(e.delta)}: ${e.reason}`;
    case 'eliminated': return `eliminated: ${e.unitIds.map(name).join(', ')} (${e.reason})`;
    case 'paused': return 'round paused';
    case 'resumed': return `round resumed after ${ms(e.pausedMs)}`;
    case 'playerRemoved': return `player ${e.playerId} removed: ${e.reason}`;
    case 'playerReadmitted': return `player ${e.playerId} re-admitted`;
    case 'finished': return `round finished. Podium: ${e.podium.map((r) => `${r.place}. ${name(r.unitId)} ${r.score}`).join('; ')}`;
  }
}

export function disputeRows(config: RoundConfig, events: readonly ArenaEvent[], opts: ExportOptions = {}): DisputeRow[] {
  const rows: DisputeRow[] = [];
  let before: ArenaState | null = null;
  for (const { event, state } of replaySteps(config, events)) {
    const actor = event.by.role === 'player' ? `player ${event.by.playerId}` : event.by.role;
    rows.push({ seq: event.seq, at: event.at, time: formatTime(event.at, opts.utcOffsetMinutes), actor, type: event.type, text: describe(event, before ?? state, state) });
    before = state;
  }
  return rows;
}

/** A plain-text record to attach to a dispute: header, one line per event, final scores. */
export function exportDisputeRecord(config: RoundConfig, events: readonly ArenaEvent[], opts: ExportOptions = {}): string {
  const rows = disputeRows(config, events, opts);
  const lines = [`Round ${config.roundId} (${config.format}), ${events.length} events`, `buzz mode ${config.buzz.mode}, tie margin ${config.buzz.tieMarginMs} ms`, ''];
  for (const r of rows) lines.push(`#${String(r.seq).padStart(5, ' ')}  ${r.time}  ${r.actor.padEnd(16, ' ')}  ${r.text}`);
  return lines.join('\n') + '\n';
}
