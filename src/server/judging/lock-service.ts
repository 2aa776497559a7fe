import type { AppContext } from '../context.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadPanelAsOrganiser, refusalError } from './access.ts';
import { maxTotal } from './engine/rubric.ts';
import { isLocked, lockScores, unlockScores } from './engine/score-ledger.ts';
import { resultsOf } from './board-service.ts';
import { loadPanelState } from './ledger.ts';

/**
 * Locks (or unlocks, with a reason) one entry or the whole panel. The lock is where scores
 * flow into the contest: every locked entry with a final gets its contest_round_score row
 * (source 'judging', source_ref 'panel:<id>'); an unlocked entry loses it until locked again.
 */
export async function setPanelLock(ctx: AppContext, actor: Actor, panelId: number, input: { locked: boolean; entryId?: number; reason?: string }) {
  return ctx.db.transaction().execute(async (tx) => {
    const { panel } = await loadPanelAsOrganiser(ctx, actor, panelId, tx, { forUpdate: true });
    const state = await loadPanelState(ctx, panel, tx);
    const args = { actor: { kind: 'organiser' as const, personId: String(actor.personId) }, at: ctx.now().toISOString(), contestantId: input.entryId === undefined ? undefined : String(input.entryId), reason: input.reason ?? null };
    const r = input.locked ? lockScores(state.ledger, args) : unlockScores(state.ledger, { ...args, reason: input.reason ?? '' });
    if (!r.ok) throw refusalError(r, r.code === 'CONTESTANT_NOT_ON_PANEL' ? 'entryId' : r.code === 'REASON_REQUIRED' ? 'reason' : undefined);
    const roundScores = { written: [] as { entryId: number; score: number }[], removed: [] as number[] };
    if (r.status !== 'unchanged') {
      await ctx.judging.panels.setStatus(panel.id, r.ledger.lock.all ? 'locked' : 'open', tx);
      await ctx.judging.panels.setEntryLocks(panel.id, r.ledger.lock.contestantIds.map(Number), tx);
      await ctx.judging.sheets.insertAudit(panel.id, r.ledger.audit.slice(state.ledger.audit.length), tx);
      const before = state.ledger;
      state.ledger = r.ledger;
      const results = resultsOf(state);
      const sourceRef = `panel:${panel.id}`;
      const at = ctx.now();
      const rows = results.contestants
        .filter((c) => c.final !== null && isLocked(r.ledger, c.contestantId))
        .map((c) => ({
          contestId: panel.contestId,
          roundKey: panel.roundKey,
          entryId: Number(c.contestantId),
          score: c.final!,
          maxScore: maxTotal(state.rubric),
          sourceRef,
          at,
          details: {
            panelId: panel.id,
            rule: panel.aggregation,
            judgeTotals: c.judgeTotals,
            dropped: c.channels.flatMap((ch) => ch.dropped.map((d) => ({ ...d, channel: ch.channel }))),
            notes: c.notes,
          },
        }));
      await ctx.judging.contests.upsertRoundScores(rows, tx);
      roundScores.written = rows.map((x) => ({ entryId: x.entryId, score: x.score }));
      roundScores.removed = state.entries.map((e) => e.entryId).filter((id) => isLocked(before, String(id)) && !isLocked(r.ledger, String(id)));
      await ctx.judging.contests.deleteRoundScores(panel.contestId, panel.roundKey, roundScores.removed, sourceRef, tx);
    }
    return { status: r.status, missing: r.missing.map((m) => ({ judgeId: Number(m.judgeId), entryId: Number(m.contestantId) })), roundScores };
  });
}
