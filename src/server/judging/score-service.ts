import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import type { Actor as PersonActor } from '../identity/engine/authz.ts';
import { guestOf, loadPanelAsJudge, loadPanelAsOrganiser, refusalError } from './access.ts';
import { stepValues, weightedTotal, type CriterionScores, type Rubric } from './engine/rubric.ts';
import { submitScore, type Actor, type LedgerEntry, type QueueOutcome, type SubmitResult } from './engine/score-ledger.ts';
import { loadPanelState, type PanelState } from './ledger.ts';

type Sheet = { entryId: number; scores: CriterionScores; comment?: string | null; clientId?: string };

const sheetView = (rubric: Rubric, e: LedgerEntry) => ({
  judgeId: Number(e.judgeId),
  entryId: Number(e.contestantId),
  scores: e.scores,
  comment: e.comment,
  revision: e.revision,
  total: weightedTotal(rubric, e.scores),
  updatedAt: e.updatedAt,
});

/** Writes what one accepted submission changed: the sheet, its audit entry, or just the client id. */
async function persist(ctx: AppContext, state: PanelState, r: Extract<SubmitResult, { ok: true }>, clientId: string | undefined, tx: Db): Promise<void> {
  const panelId = state.panel.id;
  if ((r.status === 'created' || r.status === 'updated') && r.entry) {
    const e = r.entry;
    await ctx.judging.sheets.upsert(panelId, { judgeId: Number(e.judgeId), entryId: Number(e.contestantId), scores: e.scores, comment: e.comment, revision: e.revision, clientId: clientId ?? null, at: new Date(e.updatedAt) }, tx);
    await ctx.judging.sheets.insertAudit(panelId, r.ledger.audit.slice(state.ledger.audit.length), tx);
  } else if (r.status === 'unchanged' && clientId && r.entry) {
    await ctx.judging.sheets.setClientId(panelId, Number(r.entry.judgeId), Number(r.entry.contestantId), clientId, tx);
  }
  state.ledger = r.ledger;
}

async function submitOne(ctx: AppContext, state: PanelState, actor: Actor, judgeId: number, s: Sheet & { reason?: string }, via: 'online' | 'offline', tx: Db) {
  const r = submitScore(state.ledger, {
    actor,
    judgeId: String(judgeId),
    contestantId: String(s.entryId),
    scores: s.scores,
    comment: s.comment,
    reason: s.reason,
    clientId: s.clientId ?? null,
    at: ctx.now().toISOString(),
    via,
  });
  if (r.ok) await persist(ctx, state, r, s.clientId, tx);
  return r;
}

/** A judge submits or edits their score sheet for one entry (idempotent by client id). */
export async function submitSheet(ctx: AppContext, actor: PersonActor, panelId: number, body: Sheet & { judgeId: number }) {
  return ctx.db.transaction().execute(async (tx) => {
    const panel = await loadPanelAsJudge(ctx, actor, panelId, tx, { forUpdate: true });
    const state = await loadPanelState(ctx, panel, tx);
    const r = await submitOne(ctx, state, { kind: 'judge', judgeId: String(actor.personId) }, body.judgeId, body, 'online', tx);
    if (!r.ok) throw refusalError(r, r.invalid ? `scores.${r.invalid.criterion}` : r.code === 'CONTESTANT_NOT_ON_PANEL' ? 'entryId' : r.code === 'WRONG_JUDGE' ? 'judgeId' : undefined);
    return { status: r.status, sheet: r.entry ? sheetView(state.rubric, r.entry) : null };
  });
}

/**
 * The phone's offline queue, merged in its order: each item accepted, unchanged, a duplicate
 * of one already applied, or refused with the engine's code (LOCKED when the organiser locked
 * meanwhile) so the phone can tell the judge which scores did not count.
 */
export async function submitBatch(ctx: AppContext, actor: PersonActor, panelId: number, body: { judgeId: number; items: (Sheet & { clientId: string })[] }) {
  return ctx.db.transaction().execute(async (tx) => {
    const panel = await loadPanelAsJudge(ctx, actor, panelId, tx, { forUpdate: true });
    const state = await loadPanelState(ctx, panel, tx);
    const outcomes: (QueueOutcome & { entryId: number })[] = [];
    for (const item of body.items) {
      const r = await submitOne(ctx, state, { kind: 'judge', judgeId: String(actor.personId) }, body.judgeId, item, 'offline', tx);
      if (!r.ok) outcomes.push({ clientId: item.clientId, entryId: item.entryId, status: 'refused', code: r.code, reason: r.reason, reasonZh: r.reasonZh });
      else outcomes.push({ clientId: item.clientId, entryId: item.entryId, status: r.status === 'created' || r.status === 'updated' ? 'accepted' : r.status });
    }
    return { outcomes };
  });
}

/** An organiser's correction of a judge's sheet, with a reason, in the audit trail. */
export async function correctSheet(ctx: AppContext, actor: PersonActor, panelId: number, body: Sheet & { judgeId: number; reason: string }) {
  return ctx.db.transaction().execute(async (tx) => {
    const { panel } = await loadPanelAsOrganiser(ctx, actor, panelId, tx, { forUpdate: true });
    const state = await loadPanelState(ctx, panel, tx);
    const r = await submitOne(ctx, state, { kind: 'organiser', personId: String(actor.personId) }, body.judgeId, body, 'online', tx);
    if (!r.ok) throw refusalError(r, r.invalid ? `scores.${r.invalid.criterion}` : undefined);
    return { status: r.status, sheet: r.entry ? sheetView(state.rubric, r.entry) : null };
  });
}

/** The panels I sit on (a guest: only those of their invitation's contest). */
export async function myPanels(ctx: AppContext, actor: PersonActor) {
  const guest = await guestOf(ctx, actor);
  const rows = await ctx.judging.panels.listForJudge(actor.personId, guest?.contestId ?? null);
  return ctx.db.transaction().execute(async (tx) =>
    Promise.all(
      rows.map(async (p) => {
        const s = await loadPanelState(ctx, p, tx);
        const me = String(actor.personId);
        const eligible = s.ledger.contestantIds.filter((c) => s.assignment.eligible[c]?.includes(me));
        const contest = await ctx.judging.contests.contest(p.contestId, tx);
        return {
          id: p.id,
          contestId: p.contestId,
          contestTitle: contest?.title ?? '',
          roundKey: p.roundKey,
          trackKey: p.trackKey,
          name: p.name,
          status: p.status,
          onStage: s.entries.find((e) => e.entryId === p.onStageEntryId)?.name ?? null,
          scored: s.ledger.entries.filter((e) => e.judgeId === me).length,
          toScore: eligible.length,
        };
      }),
    ),
  );
}

/** The judge's phone: the rubric, the entry on stage, each entry with my sheet, lock and conflict. */
export async function myPanel(ctx: AppContext, actor: PersonActor, panelId: number) {
  return ctx.db.transaction().execute(async (tx) => {
    const panel = await loadPanelAsJudge(ctx, actor, panelId, tx);
    const s = await loadPanelState(ctx, panel, tx);
    const me = String(actor.personId);
    const mine = new Map(s.ledger.entries.filter((e) => e.judgeId === me).map((e) => [e.contestantId, e]));
    return {
      id: panel.id,
      name: panel.name,
      judgeId: actor.personId,
      status: panel.status,
      onStageEntryId: panel.onStageEntryId,
      rubric: { ...s.rubric, criteria: s.rubric.criteria.map((c) => ({ ...c, values: stepValues(c) })) },
      entries: s.entries.map((e) => {
        const id = String(e.entryId);
        const conflict = s.assignment.conflicts.find((c) => c.judgeId === me && c.contestantId === id);
        const sheet = mine.get(id);
        return {
          entryId: e.entryId,
          name: e.name,
          organisationName: e.organisationName,
          position: e.position,
          locked: panel.status === 'locked' || e.locked,
          conflict: conflict ? { reason: conflict.reason, reasonZh: conflict.reasonZh } : null,
          sheet: sheet ? sheetView(s.rubric, sheet) : null,
        };
      }),
    };
  });
}
