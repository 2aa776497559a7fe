/**
 * Stage standings per track: each round's score normalised as declared, weighted, summed;
 * then ranked with the stage's tie-break chain (ranking.ts). An entrant missing a scored
 * round is listed as incomplete, never ranked with a guessed zero; `requireComplete`
 * refuses to go on while any score is missing and names who and which round.
 */
import type { RoundDef, StageDef } from './contest-model.ts';
import { describeRule, rankCandidates, type Candidate, type Ranked, type TieDecision, type TieFacts } from './ranking.ts';
import { fail, ok, problem, type Problem, type Result } from './result.ts';

/** `late`: approved after the stage's scores were in (named as such when it still lacks a score). */
export type Entrant = { id: string; name?: string; trackId: string; organisationId: string; late?: boolean };

/** One entrant's result in one round; violations and finish time feed the tie-breaks. */
export type RoundScore = { entrantId: string; roundId: string; score: number; violations?: number; finishedAt?: number };

export type RoundLine = { raw: number; normalised: number; weighted: number };

export type StandingRow = Ranked & { trackId: string; organisationId: string; name?: string; rounds: Record<string, RoundLine> };

/** An entrant still missing a scored round: never ranked, but the rounds it has are shown. */
export type IncompleteRow = { id: string; trackId: string; organisationId: string; name?: string; missingRounds: string[]; rounds: Record<string, RoundLine>; late?: boolean };

export type MissingScore = { entrantId: string; name?: string; trackId: string; roundId: string; late?: boolean };

export type TrackStandings = { trackId: string; rows: StandingRow[]; incomplete: IncompleteRow[]; decisions: TieDecision[] };

export type StageStandings = {
  stageId: string;
  status: 'complete' | 'incomplete';
  missing: MissingScore[];
  tracks: TrackStandings[];
};

export type StandingsInput = { stage: StageDef; entrants: Entrant[]; scores: RoundScore[] };

/** Totals are rounded to 6 decimals so that 0.1 + 0.2 ties with 0.3. */
export const roundTotal = (x: number): number => Math.round(x * 1e6) / 1e6;

export function normalise(round: RoundDef, raw: number): number {
  return round.normalisation.kind === 'raw' ? raw : (raw / round.normalisation.maxScore) * 100;
}

export function computeStandings(input: StandingsInput): Result<StageStandings> {
  const { stage, entrants, scores } = input;
  const roundIndex = new Map(stage.rounds.map((r, k) => [r.id, k]));
  const entrantIndex = new Map<string, number>();
  const problems: Problem[] = [];
  entrants.forEach((e, k) => {
    if (entrantIndex.has(e.id)) problems.push(problem(`entrants[${k}].id`, `entrant ${e.id} is listed twice`, `选手 ${e.id} 重复`));
    entrantIndex.set(e.id, k);
  });
  const R = stage.rounds.length;
  // NaN marks "no score" / "no finish time" in these flat entrant × round tables.
  const raw = new Float64Array(entrants.length * R).fill(Number.NaN);
  const finished = new Float64Array(entrants.length * R).fill(Number.NaN);
  const violations = new Float64Array(entrants.length);
  scores.forEach((s, k) => {
    const e = entrantIndex.get(s.entrantId);
    const r = roundIndex.get(s.roundId);
    const field = `scores[${k}]`;
    if (e === undefined) return void problems.push(problem(`${field}.entrantId`, `score for unknown entrant ${s.entrantId}`, `成绩对应的选手 ${s.entrantId} 不存在`));
    if (r === undefined) return void problems.push(problem(`${field}.roundId`, `score for round ${s.roundId}, which is not in stage ${stage.id}`, `成绩对应的轮次 ${s.roundId} 不属于赛段 ${stage.id}`));
    const round = stage.rounds[r];
    if (!Number.isFinite(s.score) || s.score < 0) return void problems.push(problem(`${field}.score`, `score ${s.score} of ${s.entrantId} in ${s.roundId} is not a number ≥ 0`, `${s.entrantId} 在 ${s.roundId} 的成绩 ${s.score} 不是 ≥ 0 的数`));
    if (round.normalisation.kind === 'percentOfMax' && s.score > round.normalisation.maxScore) {
      return void problems.push(problem(`${field}.score`, `score ${s.score} of ${s.entrantId} in ${s.roundId} is above the round's maximum ${round.normalisation.maxScore}`, `${s.entrantId} 在 ${s.roundId} 的成绩 ${s.score} 超过满分 ${round.normalisation.maxScore}`));
    }
    if (!Number.isNaN(raw[e * R + r])) return void problems.push(problem(field, `${s.entrantId} has two scores in round ${s.roundId}`, `${s.entrantId} 在轮次 ${s.roundId} 有两个成绩`));
    raw[e * R + r] = s.score;
    finished[e * R + r] = s.finishedAt ?? Number.NaN;
    violations[e] += s.violations ?? 0;
  });
  if (problems.length > 0) return fail(...problems);

  // What the tie-breaks read, built only for entrants in a tie.
  const factsAt = (k: number): TieFacts => {
    const facts: TieFacts = { roundScores: {}, violations: violations[k], finishedAt: {} };
    for (let r = 0; r < R; r++) {
      const round = stage.rounds[r];
      const value = raw[k * R + r];
      if (!Number.isNaN(value)) facts.roundScores[round.id] = normalise(round, value);
      const t = finished[k * R + r];
      if (round.role === 'scored' || !Number.isNaN(t)) facts.finishedAt[round.id] = Number.isNaN(t) ? undefined : t;
    }
    return facts;
  };
  const byTrack = new Map<string, { candidates: Candidate[]; incomplete: IncompleteRow[] }>();
  const missing: MissingScore[] = [];
  const lines = new Map<string, Record<string, RoundLine>>();
  entrants.forEach((e, k) => {
    let bucket = byTrack.get(e.trackId);
    if (!bucket) byTrack.set(e.trackId, (bucket = { candidates: [], incomplete: [] }));
    const rounds: Record<string, RoundLine> = {};
    const missingRounds: string[] = [];
    let total = 0;
    for (let r = 0; r < R; r++) {
      const round = stage.rounds[r];
      const value = raw[k * R + r];
      if (Number.isNaN(value)) {
        if (round.role === 'scored') missingRounds.push(round.id);
        continue;
      }
      const normalised = normalise(round, value);
      const weighted = round.role === 'scored' ? (normalised * round.weightPercent) / 100 : 0;
      total += weighted;
      rounds[round.id] = { raw: value, normalised, weighted };
    }
    if (missingRounds.length > 0) {
      bucket.incomplete.push({ id: e.id, trackId: e.trackId, organisationId: e.organisationId, name: e.name, missingRounds, rounds, ...(e.late && { late: true }) });
      for (const roundId of missingRounds) missing.push({ entrantId: e.id, name: e.name, trackId: e.trackId, roundId, ...(e.late && { late: true }) });
      return;
    }
    lines.set(e.id, rounds);
    bucket.candidates.push({ id: e.id, total: roundTotal(total), facts: () => factsAt(k) });
  });

  const entrantById = new Map(entrants.map((e) => [e.id, e]));
  const tracks: TrackStandings[] = [...byTrack.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([trackId, bucket]) => {
      const { ranked, decisions } = rankCandidates(bucket.candidates, stage.tieBreaks);
      const rows = ranked.map((r): StandingRow => {
        const e = entrantById.get(r.id) as Entrant;
        return {
          id: r.id,
          total: r.total,
          rank: r.rank,
          scoreRank: r.scoreRank,
          tieBreaks: r.tieBreaks,
          unresolvedWith: r.unresolvedWith,
          trackId,
          organisationId: e.organisationId,
          name: e.name,
          rounds: lines.get(r.id) ?? {},
        };
      });
      return { trackId, rows, incomplete: bucket.incomplete, decisions };
    });
  return ok({ stageId: stage.id, status: missing.length === 0 ? 'complete' : 'incomplete', missing, tracks });
}

/** Refuses incomplete standings, naming every entrant and round still without a score. */
export function requireComplete(standings: StageStandings): Result<StageStandings> {
  if (standings.status === 'complete') return ok(standings);
  return fail(
    ...standings.missing.map((m) =>
      m.late
        ? problem(
            `scores.${m.entrantId}.${m.roundId}`,
            `cannot advance yet: late entry ${m.name ?? m.entrantId} (${m.trackId}), approved after the scores were in, has no score in round ${m.roundId}: enter its score`,
            `尚不能晋级：补录报名 ${m.name ?? m.entrantId}（${m.trackId}）在成绩录入后才通过审核，缺少轮次 ${m.roundId} 的成绩，请补录`,
          )
        : problem(
            `scores.${m.entrantId}.${m.roundId}`,
            `cannot advance yet: ${m.name ?? m.entrantId} (${m.trackId}) has no score in round ${m.roundId}`,
            `尚不能晋级：${m.name ?? m.entrantId}（${m.trackId}）缺少轮次 ${m.roundId} 的成绩`,
          ),
    ),
  );
}

/** One line explaining a row: place, total, and what broke its tie (or that it is unresolved). */
export function explainRow(row: Ranked, lang: 'en' | 'zh' = 'en'): string {
  const en = lang === 'en';
  const head = en ? `rank ${row.rank}, total ${row.total}` : `第 ${row.rank} 名，总分 ${row.total}`;
  const parts = [head];
  for (const step of row.tieBreaks) {
    const label = describeRule(step.rule);
    const others = step.among.filter((id) => id !== row.id).join(', ');
    parts.push(en ? `tied with ${others}, separated by ${label.en} (${step.value})` : `与 ${others} 同分，按${label.zh}区分（${step.value}）`);
  }
  if (row.unresolvedWith.length > 0) {
    const others = row.unresolvedWith.join(', ');
    parts.push(en ? `unresolved tie with ${others}` : `与 ${others} 并列，决胜规则未能区分`);
  }
  return parts.join(en ? '; ' : '；');
}
