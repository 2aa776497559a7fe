import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadPanelAsOrganiser, refusalError } from './access.ts';
import { buildReveal, revealStateAt, type Reveal } from './engine/reveal.ts';
import { isLocked } from './engine/score-ledger.ts';
import { resultsOf } from './board-service.ts';
import { loadPanelState, type PanelState } from './ledger.ts';

/**
 * The big-screen reveal (亮分): the steps come from engine/reveal.ts in seat order; the
 * organiser moves the screen on (PUT …/reveal), and the screen polls a token URL that shows
 * only what has been revealed so far, never the steps still to come.
 */
function revealFor(s: PanelState, entryId: number): Reveal {
  const result = resultsOf(s).contestants.find((c) => c.contestantId === String(entryId));
  if (!s.entries.some((e) => e.entryId === entryId)) throw new AppError('VALIDATION', `entry ${entryId} is not on this panel's list`, { field: 'entryId', details: { code: 'CONTESTANT_NOT_ON_PANEL', reasonZh: '该选手不在本评委组的评分名单' } });
  if (!result) throw new AppError('CONFLICT', `entry ${entryId} has no scores yet`, { details: { code: 'INCOMPLETE', reasonZh: '该选手尚无评分，无法亮分' } });
  const r = buildReveal({ result, spec: s.panel.aggregation, order: { kind: 'seat', judgeIds: s.judges.map((j) => String(j.personId)) } });
  if (!r.ok) throw refusalError(r);
  return r.reveal;
}

const judgeLabels = (s: PanelState) => s.judges.map((j) => ({ judgeId: j.personId, seat: j.seat, name: j.name }));

const numbered = (screen: ReturnType<typeof revealStateAt>) => ({ ...screen, scores: screen.scores.map((x) => ({ ...x, judgeId: Number(x.judgeId) })) });

/** The organiser's preview: every step, and the screen as it stands. */
export async function getReveal(ctx: AppContext, actor: Actor, panelId: number, entryId: number) {
  return ctx.db.transaction().execute(async (tx) => {
    const { panel } = await loadPanelAsOrganiser(ctx, actor, panelId, tx);
    const s = await loadPanelState(ctx, panel, tx);
    const reveal = revealFor(s, entryId);
    const at = panel.revealEntryId === entryId ? panel.revealStep : -1;
    return {
      entryId,
      entryName: s.entries.find((e) => e.entryId === entryId)!.name,
      locked: isLocked(s.ledger, String(entryId)),
      judges: judgeLabels(s),
      steps: reveal.steps.map((st) => ('judgeId' in st ? { ...st, judgeId: Number(st.judgeId) } : st)),
      screen: numbered(revealStateAt(reveal, at)),
    };
  });
}

/** Puts an entry's reveal on the big screen at a step (−1 = empty). Only locked scores are revealed. */
export async function setReveal(ctx: AppContext, actor: Actor, panelId: number, input: { entryId: number | null; step: number }) {
  return ctx.db.transaction().execute(async (tx) => {
    const { panel } = await loadPanelAsOrganiser(ctx, actor, panelId, tx, { forUpdate: true });
    if (input.entryId === null) {
      await ctx.judging.panels.setReveal(panel.id, null, -1, tx);
      return { entryId: null, step: -1, steps: 0 };
    }
    const s = await loadPanelState(ctx, panel, tx);
    const reveal = revealFor(s, input.entryId);
    if (!isLocked(s.ledger, String(input.entryId))) {
      throw new AppError('CONFLICT', 'lock the scores before revealing them', { field: 'entryId', details: { code: 'NOT_LOCKED', reasonZh: '请先锁定该选手的分数再亮分' } });
    }
    const step = Math.min(input.step, reveal.steps.length - 1);
    await ctx.judging.panels.setReveal(panel.id, input.entryId, step, tx);
    return { entryId: input.entryId, step, steps: reveal.steps.length };
  });
}

/** What the big screen shows now: public, by the panel's screen token. */
export async function screenState(ctx: AppContext, token: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const panel = await ctx.judging.panels.findByScreenToken(token, tx);
    if (!panel) throw notFound('screen');
    const s = await loadPanelState(ctx, panel, tx);
    const onStage = s.entries.find((e) => e.entryId === panel.onStageEntryId);
    const base = { panelName: panel.name, decimals: panel.aggregation.rounding.decimals, onStage: onStage ? { entryId: onStage.entryId, name: onStage.name, organisationName: onStage.organisationName } : null, judges: judgeLabels(s) };
    const entry = s.entries.find((e) => e.entryId === panel.revealEntryId);
    if (!entry || !isLocked(s.ledger, String(entry.entryId))) return { ...base, reveal: null };
    const reveal = revealFor(s, entry.entryId);
    return { ...base, reveal: { entryId: entry.entryId, name: entry.name, steps: reveal.steps.length, screen: numbered(revealStateAt(reveal, panel.revealStep)) } };
  });
}
