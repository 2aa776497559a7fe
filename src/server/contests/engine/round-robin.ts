/**
 * Round robin by the circle method: the first entrant stays put, the others rotate one
 * place each round; with an odd count a bye joins the circle and whoever meets it rests.
 * Everyone meets everyone once, nobody plays twice in a round. Standings: points (declared
 * win/draw/loss), then score difference, points scored, wins; a tie left after that is an
 * unresolved tie, as everywhere in this engine.
 */
import { rankCandidates, type Ranked } from './ranking.ts';
import { fail, ok, problem, type Problem, type Result } from './result.ts';
import { checkEntrants } from './bracket.ts';

export type RoundRobinRound = { round: number; matches: [string, string][]; resting?: string };

export function roundRobinSchedule(entrants: string[]): Result<RoundRobinRound[]> {
  const problems = checkEntrants(entrants);
  if (problems.length > 0) return fail(...problems);
  const circle: (string | null)[] = entrants.length % 2 === 0 ? [...entrants] : [...entrants, null];
  const n = circle.length;
  const rounds: RoundRobinRound[] = [];
  for (let r = 0; r < n - 1; r++) {
    const matches: [string, string][] = [];
    let resting: string | undefined;
    for (let i = 0; i < n / 2; i++) {
      const a = circle[i];
      const b = circle[n - 1 - i];
      if (a === null || b === null) resting = (a ?? b) as string;
      else matches.push(r % 2 === 0 || i > 0 ? [a, b] : [b, a]);
    }
    rounds.push(resting === undefined ? { round: r + 1, matches } : { round: r + 1, matches, resting });
    circle.splice(1, 0, circle.pop() as string | null); // rotate all but the first
  }
  return ok(rounds);
}

export type RoundRobinResult = { home: string; away: string; homeScore: number; awayScore: number };
export type Points = { win: number; draw: number; loss: number };

export type RoundRobinRow = Ranked & { played: number; wins: number; draws: number; losses: number; scoreFor: number; scoreAgainst: number; points: number };

export const ROUND_ROBIN_TIE_BREAKS = ['scoreDifference', 'scoreFor', 'wins'] as const;

export function roundRobinStandings(entrants: string[], results: RoundRobinResult[], points: Points = { win: 3, draw: 1, loss: 0 }): Result<RoundRobinRow[]> {
  const rows = new Map(entrants.map((id) => [id, { played: 0, wins: 0, draws: 0, losses: 0, scoreFor: 0, scoreAgainst: 0, points: 0 }]));
  const seen = new Set<string>();
  const problems: Problem[] = [];
  results.forEach((r, k) => {
    const a = rows.get(r.home);
    const b = rows.get(r.away);
    const key = r.home < r.away ? `${r.home}|${r.away}` : `${r.away}|${r.home}`;
    if (!a || !b || r.home === r.away) return void problems.push(problem(`results[${k}]`, `${r.home} v ${r.away} is not a match of this round robin`, `${r.home} 对 ${r.away} 不是本循环赛的比赛`));
    if (seen.has(key)) return void problems.push(problem(`results[${k}]`, `${r.home} v ${r.away} has two results`, `${r.home} 对 ${r.away} 有两个结果`));
    seen.add(key);
    const tally = (row: typeof a, mine: number, theirs: number) => {
      row.played++;
      row.scoreFor += mine;
      row.scoreAgainst += theirs;
      if (mine > theirs) (row.wins++, (row.points += points.win));
      else if (mine === theirs) (row.draws++, (row.points += points.draw));
      else (row.losses++, (row.points += points.loss));
    };
    tally(a, r.homeScore, r.awayScore);
    tally(b, r.awayScore, r.homeScore);
  });
  if (problems.length > 0) return fail(...problems);
  const { ranked } = rankCandidates(
    [...rows].map(([id, t]) => ({
      id,
      total: t.points,
      facts: { roundScores: { scoreDifference: t.scoreFor - t.scoreAgainst, scoreFor: t.scoreFor, wins: t.wins }, violations: 0, finishedAt: {} },
    })),
    ROUND_ROBIN_TIE_BREAKS.map((roundId) => ({ kind: 'roundScore' as const, roundId })),
  );
  return ok(ranked.map((r) => ({ ...r, ...(rows.get(r.id) as NonNullable<ReturnType<typeof rows.get>>) })));
}
