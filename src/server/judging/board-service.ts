import type { AppContext } from '../context.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadPanelAsOrganiser } from './access.ts';
import { aggregateScores, type AggregationResult } from './engine/aggregation.ts';
import { maxTotal, weightedTotal } from './engine/rubric.ts';
import { scoringProgress, sheetsOf } from './engine/score-ledger.ts';
import { DEFAULT_OUTLIER_RULE, judgeStatistics } from './engine/statistics.ts';
import { loadPanelState, type PanelState } from './ledger.ts';

/** Everything about a panel, for the organiser, loaded in one transaction. */
export async function organiserState(ctx: AppContext, actor: Actor, panelId: number): Promise<PanelState> {
  return ctx.db.transaction().execute(async (tx) => {
    const { panel } = await loadPanelAsOrganiser(ctx, actor, panelId, tx);
    return loadPanelState(ctx, panel, tx);
  });
}

const names = (s: PanelState) => ({
  judge: new Map(s.judges.map((j) => [String(j.personId), j.name])),
  entry: new Map(s.entries.map((e) => [String(e.entryId), e.name])),
});

/** Who may score whom after conflicts of interest, and where a panel falls below its minimum. */
export async function panelAssignment(ctx: AppContext, actor: Actor, panelId: number) {
  const s = await organiserState(ctx, actor, panelId);
  const n = names(s);
  const a = s.assignment;
  return {
    panelId,
    minSize: s.panel.minSize,
    eligible: s.entries.map((e) => ({ entryId: e.entryId, name: e.name, judgeIds: (a.eligible[String(e.entryId)] ?? []).map(Number) })),
    conflicts: a.conflicts.map((c) => ({ judgeId: Number(c.judgeId), judgeName: n.judge.get(c.judgeId) ?? '', entryId: Number(c.contestantId), entryName: n.entry.get(c.contestantId) ?? '', kind: c.kind, reason: c.reason, reasonZh: c.reasonZh })),
    shortfalls: a.shortfalls.map((f) => ({
      entryId: Number(f.contestantId),
      entryName: n.entry.get(f.contestantId) ?? '',
      eligible: f.eligible,
      minSize: f.minSize,
      excludedJudgeIds: f.excludedJudgeIds.map(Number),
      reason: `${n.entry.get(f.contestantId)}: ${f.eligible} eligible judge(s), the panel needs at least ${f.minSize}`,
      reasonZh: `${n.entry.get(f.contestantId)}：仅 ${f.eligible} 名可评分评委，少于最少 ${f.minSize} 人`,
    })),
  };
}

/** The organiser board: per entry who has scored, who is missing, who is excluded, locked. */
export async function panelBoard(ctx: AppContext, actor: Actor, panelId: number) {
  const s = await organiserState(ctx, actor, panelId);
  const progress = scoringProgress(s.ledger);
  const expected = progress.reduce((a, p) => a + p.scoredBy.length + p.missing.length, 0);
  const scored = progress.reduce((a, p) => a + p.scoredBy.length, 0);
  return {
    panelId,
    status: s.panel.status,
    onStageEntryId: s.panel.onStageEntryId,
    judges: s.judges.map((j) => ({ personId: j.personId, name: j.name, seat: j.seat, guest: j.guestAffiliation !== null })),
    entries: progress.map((p, i) => ({
      entryId: Number(p.contestantId),
      name: s.entries[i].name,
      organisationName: s.entries[i].organisationName,
      position: s.entries[i].position,
      locked: p.locked,
      scoredBy: p.scoredBy.map(Number),
      missing: p.missing.map(Number),
      excluded: p.excluded.map(Number),
    })),
    summary: { expected, scored, missing: expected - scored },
  };
}

export function resultsOf(s: PanelState): AggregationResult {
  return aggregateScores({ rubric: s.rubric, spec: s.panel.aggregation, sheets: sheetsOf(s.ledger) });
}

/** Results by the declared rule: each judge's total, what was dropped and why, fallbacks, ties. */
export async function panelResults(ctx: AppContext, actor: Actor, panelId: number) {
  const s = await organiserState(ctx, actor, panelId);
  const r = resultsOf(s);
  const n = names(s);
  const byEntry = new Map(r.contestants.map((c) => [c.contestantId, c]));
  return {
    panelId,
    spec: r.spec,
    maxTotal: maxTotal(s.rubric),
    entries: s.entries.map((e) => {
      const c = byEntry.get(String(e.entryId));
      return {
        entryId: e.entryId,
        name: e.name,
        locked: s.panel.status === 'locked' || e.locked,
        final: c?.final ?? null,
        total: c?.total ?? null,
        judgeTotals: (c?.judgeTotals ?? []).map((t) => ({ judgeId: Number(t.judgeId), judgeName: n.judge.get(t.judgeId) ?? '', value: t.value })),
        channels: (c?.channels ?? []).map((ch) => ({ ...ch, dropped: ch.dropped.map((d) => ({ ...d, judgeId: Number(d.judgeId) })), kept: ch.kept.map((k) => ({ ...k, judgeId: Number(k.judgeId) })) })),
        notes: c?.notes ?? [{ reason: 'no scores yet', reasonZh: '尚无评分' }],
      };
    }),
    normalisation: r.normalisation,
    ties: r.ties.map((t) => ({ final: t.final, entryIds: t.contestantIds.map(Number) })),
  };
}

/** Leniency, spread, agreement (ICC) and outliers over each judge's weighted totals. */
export async function panelStatistics(ctx: AppContext, actor: Actor, panelId: number, opts: { maxDeviation?: number; minOthers?: number }) {
  const s = await organiserState(ctx, actor, panelId);
  const cells = s.ledger.entries.map((e) => ({ judgeId: e.judgeId, contestantId: e.contestantId, value: weightedTotal(s.rubric, e.scores) }));
  const rule = { maxDeviation: opts.maxDeviation ?? DEFAULT_OUTLIER_RULE.maxDeviation, minOthers: opts.minOthers ?? DEFAULT_OUTLIER_RULE.minOthers };
  const st = judgeStatistics(cells, rule);
  const n = names(s);
  return {
    panelId,
    outlierRule: rule,
    judges: st.judges.map((j) => ({ ...j, judgeId: Number(j.judgeId), name: n.judge.get(j.judgeId) ?? '' })),
    agreement: { ...st.agreement, judgeIds: st.agreement.judgeIds.map(Number), droppedContestantIds: st.agreement.droppedContestantIds.map(Number) },
    outliers: st.outliers.map((o) => ({ ...o, judgeId: Number(o.judgeId), judgeName: n.judge.get(o.judgeId) ?? '', entryId: Number(o.contestantId), entryName: n.entry.get(o.contestantId) ?? '' })),
  };
}

/** Every score change, lock and unlock: who, when, old, new, reason. */
export async function panelAudit(ctx: AppContext, actor: Actor, panelId: number) {
  await loadPanelAsOrganiser(ctx, actor, panelId);
  const rows = await ctx.judging.sheets.audit(panelId);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
}
