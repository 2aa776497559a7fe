/**
 * Top-N advancement per track, optionally at most `maxPerOrganisation` per organisation,
 * from complete standings. Every entrant gets a decision with its reason (rank, total,
 * tie-break used, quota) for the CLI (`servicestar advance`) to print.
 */
import type { AdvancementRule, TieBreakRule } from './contest-model.ts';
import { describeRule } from './ranking.ts';
import { fail, ok, problem, type Problem, type Result } from './result.ts';
import { requireComplete, type StageStandings, type StandingRow } from './standings.ts';

export type TopNRule = Extract<AdvancementRule, { kind: 'topN' }>;

export type AdvanceReason =
  | 'within-top-n'
  | 'tie-at-cut-included'
  | 'below-cut'
  | 'organisation-quota-full';

export type AdvanceDecision = {
  entrantId: string;
  name?: string;
  trackId: string;
  organisationId: string;
  advances: boolean;
  rank: number;
  total: number;
  reason: AdvanceReason;
  /** The tie-break that last separated this entrant, if any. */
  tieBreak?: TieBreakRule;
  /** Entrants it is still tied with (an unresolved tie). */
  tiedWith: string[];
};

export type TrackAdvancement = { trackId: string; advancing: string[]; decisions: AdvanceDecision[] };

export type Advancement = { stageId: string; rule: TopNRule; tracks: TrackAdvancement[] };

export function advanceTopN(standings: StageStandings, rule: TopNRule): Result<Advancement> {
  const complete = requireComplete(standings);
  if (!complete.ok) return complete;
  const problems: Problem[] = [];
  const tracks = standings.tracks.map((t) => {
    const r = advanceTrack(t.trackId, t.rows, rule);
    problems.push(...r.problems);
    return r.track;
  });
  if (problems.length > 0) return fail(...problems);
  return ok({ stageId: standings.stageId, rule, tracks });
}

function advanceTrack(trackId: string, rows: StandingRow[], rule: TopNRule): { track: TrackAdvancement; problems: Problem[] } {
  const cap = rule.maxPerOrganisation ?? Number.POSITIVE_INFINITY;
  const taken = new Map<string, number>();
  const decisions: AdvanceDecision[] = [];
  const problems: Problem[] = [];
  let slots = rule.perTrack;
  let i = 0;
  while (i < rows.length) {
    if (slots === 0) {
      for (; i < rows.length; i++) decisions.push(decide(rows[i], false, 'below-cut'));
      break;
    }
    let j = i + 1;
    while (j < rows.length && rows[j].rank === rows[i].rank) j++;
    const group = rows.slice(i, j);
    i = j;
    // Within a group of equal rank (an unresolved tie), the organisation quota and the
    // remaining places must take all or none of them; otherwise the policy decides.
    const eligible: StandingRow[] = [];
    const blocked: StandingRow[] = [];
    const perOrg = new Map<string, StandingRow[]>();
    for (const row of group) perOrg.set(row.organisationId, [...(perOrg.get(row.organisationId) ?? []), row]);
    let orgConflict: StandingRow[] = [];
    for (const [org, members] of perOrg) {
      const room = cap - (taken.get(org) ?? 0);
      if (room <= 0) blocked.push(...members);
      else if (members.length <= room) eligible.push(...members);
      else orgConflict = [...orgConflict, ...members];
    }
    const contested = eligible.length + orgConflict.length;
    const fits = slots > 0 && contested <= slots && orgConflict.length === 0;
    const straddles = slots > 0 && !fits && contested > 0;
    let admitted: StandingRow[] = [];
    let reason: AdvanceReason = 'within-top-n';
    if (fits) admitted = eligible;
    else if (straddles) {
      if (rule.tieAtCut === 'includeAll') {
        admitted = [...eligible, ...orgConflict];
        reason = 'tie-at-cut-included';
      } else {
        const names = [...eligible, ...orgConflict].map((r) => r.name ?? r.id).join(', ');
        problems.push(
          problem(
            `standings.${trackId}.rank${group[0].rank}`,
            `unresolved tie at the cut in track ${trackId}: ${names} share rank ${group[0].rank} (total ${group[0].total}) for ${slots} place(s); declare a decider round or another tie-break`,
            `赛道 ${trackId} 晋级线上出现无法区分的并列：${names} 并列第 ${group[0].rank} 名（总分 ${group[0].total}），仅余 ${slots} 个名额；请设置加赛或其他决胜规则`,
          ),
        );
      }
    }
    const admittedIds = new Set(admitted.map((r) => r.id));
    for (const row of group) {
      const advances = admittedIds.has(row.id);
      const quotaFull = !advances && blocked.includes(row) && slots > 0;
      const why: AdvanceReason = advances ? reason : quotaFull ? 'organisation-quota-full' : 'below-cut';
      if (advances) taken.set(row.organisationId, (taken.get(row.organisationId) ?? 0) + 1);
      decisions.push(decide(row, advances, why));
    }
    slots = straddles ? 0 : slots - admitted.length;
  }
  return { track: { trackId, advancing: decisions.filter((d) => d.advances).map((d) => d.entrantId), decisions }, problems };
}

function decide(row: StandingRow, advances: boolean, reason: AdvanceReason): AdvanceDecision {
  return {
    entrantId: row.id,
    name: row.name,
    trackId: row.trackId,
    organisationId: row.organisationId,
    advances,
    rank: row.rank,
    total: row.total,
    reason,
    tieBreak: row.tieBreaks[row.tieBreaks.length - 1]?.rule,
    tiedWith: row.unresolvedWith,
  };
}

/** One line for the CLI: advances or not, rank, total, the tie-break used, the reason. */
export function explainDecision(d: AdvanceDecision, rule: TopNRule, lang: 'en' | 'zh' = 'en'): string {
  const en = lang === 'en';
  const parts = [en ? `${d.advances ? 'advances' : 'does not advance'}: rank ${d.rank}, total ${d.total}` : `${d.advances ? '晋级' : '未晋级'}：第 ${d.rank} 名，总分 ${d.total}`];
  if (d.tieBreak) parts.push(en ? `tie broken by ${describeRule(d.tieBreak).en}` : `按${describeRule(d.tieBreak).zh}决出`);
  if (d.tiedWith.length > 0) parts.push(en ? `tied with ${d.tiedWith.join(', ')}` : `与 ${d.tiedWith.join('、')} 并列`);
  switch (d.reason) {
    case 'within-top-n':
      parts.push(en ? `within the top ${rule.perTrack} of track ${d.trackId}` : `位列赛道 ${d.trackId} 前 ${rule.perTrack} 名`);
      break;
    case 'tie-at-cut-included':
      parts.push(en ? 'tied at the cut; all tied entrants advance (declared policy)' : '在晋级线上并列，按规定全部晋级');
      break;
    case 'below-cut':
      parts.push(en ? `below the top ${rule.perTrack} of track ${d.trackId}` : `未进入赛道 ${d.trackId} 前 ${rule.perTrack} 名`);
      break;
    case 'organisation-quota-full':
      parts.push(en ? `organisation ${d.organisationId} already has ${rule.maxPerOrganisation} advancing` : `单位 ${d.organisationId} 晋级名额（${rule.maxPerOrganisation}）已满`);
      break;
  }
  return parts.join(en ? '; ' : '；');
}
