/** The record of a round: its events (the dispute record), a plain-text export, and replay step by step. */
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadRound, personIdOfPlayer } from './access.ts';
import { disputeRows, evolve, exportDisputeRecord, initialState, passedOf, passView, viewFor, type ArenaState } from './engine/index.ts';
import type { RoundRow } from './round-repo.ts';
import { writeXlsx } from '../lib/spreadsheet.ts';
import { foldFrom, type SnapshotData } from './hub/snapshot.ts';

export async function listEvents(ctx: AppContext, actor: Actor, id: number, afterSeq = 0) {
  await loadRound(ctx, actor, id, 'host');
  const events = await ctx.arena.events.list(id, { afterSeq, limit: 5000 });
  return { events, lastSeq: await ctx.arena.events.lastSeq(id) };
}

export async function exportRecord(ctx: AppContext, actor: Actor, id: number, format: 'text' | 'json') {
  const row = await loadRound(ctx, actor, id, 'host');
  const events = await ctx.arena.events.list(id);
  if (format === 'json') return { kind: 'json' as const, body: { round: { id: row.id, title: row.title, config: row.config }, rows: disputeRows(row.config, events), events } };
  return { kind: 'text' as const, body: `${row.title}\n${exportDisputeRecord(row.config, events)}` };
}

/** The round as the host saw it after event `step` (1-based; 0 = before the first event): from the latest snapshot before it. */
export async function replayStep(ctx: AppContext, actor: Actor, id: number, step: number) {
  const row = await loadRound(ctx, actor, id, 'host');
  const total = await ctx.arena.events.lastSeq(id);
  if (step > total) throw invalid('step', `the round has ${total} events`);
  const base = step > 0 ? await snapshotState(ctx, row, step - 1) : null;
  const afterSeq = base ? base.seq : 0;
  const events = await ctx.arena.events.list(id, { afterSeq, limit: Math.max(1, step - afterSeq) });
  let last = null;
  let state = base ?? initialState(row.config);
  for (const event of events.slice(0, step - afterSeq)) {
    state = evolve(state, event);
    last = { event, view: viewFor(state, { role: 'host' }) };
  }
  return { step, total, event: last?.event ?? null, view: last?.view ?? null };
}

/** The state of the round's latest snapshot (at or before event `atOrBefore`), or null when there is none usable. */
async function snapshotState(ctx: AppContext, row: RoundRow, atOrBefore?: number): Promise<ArenaState | null> {
  const snap = await ctx.arena.events.latestSnapshot(row.id, atOrBefore);
  return snap ? foldFrom(row.config, snap.data as SnapshotData, []) : null;
}

/** The round's state now, folded from its latest snapshot and the events after it. */
async function currentState(ctx: AppContext, row: RoundRow): Promise<ArenaState> {
  const base = await snapshotState(ctx, row);
  const events = await ctx.arena.events.list(row.id, { afterSeq: base?.seq ?? 0 });
  return events.reduce(evolve, base ?? initialState(row.config));
}

export type PassRow = { place: number; name: string; employeeNo: string | null; organisation: string | null; correct: number; score: number };

/**
 * 通关名单: who reached the round's pass mark, with their 工号 and organisation when they played
 * signed in (a guest who joined with a code has only a nickname), so the organiser can hand out
 * the declared reward. Live rounds give the list so far.
 */
export async function passList(ctx: AppContext, actor: Actor, id: number) {
  const row = await loadRound(ctx, actor, id, 'host');
  if (!row.config.massQuiz.pass) throw invalid('massQuiz.pass', 'this round declares no pass mark (通关)');
  const state = await currentState(ctx, row);
  const units = passedOf(state);
  const personIds = units.map((u) => personIdOfPlayer(u.unitId)).filter((p): p is number => p !== null);
  const people = new Map((await ctx.identity.people.findManyById(personIds)).map((p) => [p.id, p]));
  const orgNames = personIds.length ? new Map((await ctx.identity.orgs.listAll()).map((o) => [o.id, o.name])) : new Map<number, string>();
  const rows: PassRow[] = units.map((u) => {
    const personId = personIdOfPlayer(u.unitId);
    const person = personId === null ? undefined : people.get(personId);
    return { place: u.place, name: u.name, employeeNo: person?.employeeNo ?? null, organisation: person ? (orgNames.get(person.organisationId) ?? null) : null, correct: u.correct, score: u.score };
  });
  const pass = passView(state)!;
  return { roundId: row.id, title: row.title, status: state.status, minCorrect: pass.minCorrect, reward: pass.reward, players: pass.units, passed: rows.length, rows };
}

/** The same list as a spreadsheet. */
export async function passListXlsx(ctx: AppContext, actor: Actor, id: number) {
  const list = await passList(ctx, actor, id);
  const header = ['名次', '姓名', '工号', '单位', '答对题数', '得分', '通关激励'];
  const body = await writeXlsx([
    {
      name: '通关名单',
      rows: [header, ...list.rows.map((r) => [r.place, r.name, r.employeeNo, r.organisation, r.correct, r.score, list.reward])],
      widths: [8, 16, 14, 24, 10, 10, 30],
    },
  ]);
  return { fileName: `${list.title}-通关名单.xlsx`, body };
}
