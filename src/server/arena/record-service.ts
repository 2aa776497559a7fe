/** The record of a round: its events (the dispute record), a plain-text export, and replay step by step. */
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadRound } from './access.ts';
import { disputeRows, evolve, exportDisputeRecord, initialState, viewFor } from './engine/index.ts';
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
  const snap = step > 0 ? await ctx.arena.events.latestSnapshot(id, step - 1) : null;
  const base = snap ? foldFrom(row.config, snap.data as SnapshotData, []) : null;
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
