// npm run bench -- advance
// Seeded synthetic group-wide preliminary: 31 provinces × 3,000 contestants each, spread over
// the 4 tracks (93,000 contestants; the "31 provinces × 4 tracks × 3,000 contestants"
// read as 3,000 per province, the reference figure for one province's preliminary). Three
// weighted rounds (theory out of 150 → %, knowledge lookup raw, role-play out of 100:
// 25/25/50), a tie-break chain (role-play score, fewer violations, earlier finish of the
// theory round, decider), 12 city branches per province.
// Timed: every standing (31 × 4 tracks) and every advancement (top 6 per track, at most 2 per
// city). Baseline, same input, same run: a plain sort by weighted total per track, top 6.
import os from 'node:os';
import { advanceTopN } from '../src/server/contests/engine/advancement.ts';
import type { StageDef } from '../src/server/contests/engine/contest-model.ts';
import { computeStandings, type Entrant, type RoundScore } from '../src/server/contests/engine/standings.ts';
import { mulberry32 } from '../src/server/bank/engine/prng.ts';
import { PRELIMINARY } from '../src/server/contests/engine/contest-fixture.test-support.ts';

const PROVINCES = 31;
const PER_PROVINCE = 3000;
const TRACKS = ['voice', 'ai', 'im', 'quality'];
const CITIES = 12;
const SEED = 20260405;

// the same stage as the engine tests' reference contest (one definition, shared)
const stage: StageDef = PRELIMINARY;
if (stage.advancement.kind !== 'topN') throw new Error('the reference preliminary advances by top N');
const rule = stage.advancement;

type Province = { entrants: Entrant[]; scores: RoundScore[] };

function generate(): Province[] {
  const random = mulberry32(SEED);
  const start = Date.UTC(2026, 3, 5, 1, 0, 0);
  return Array.from({ length: PROVINCES }, (_, p) => {
    const entrants: Entrant[] = [];
    const scores: RoundScore[] = [];
    for (let i = 0; i < PER_PROVINCE; i++) {
      const id = `p${p}-c${i}`;
      const skill = random();
      entrants.push({ id, trackId: TRACKS[Math.floor(random() * TRACKS.length)], organisationId: `p${p}-city${Math.floor(random() * CITIES)}` });
      // coarse scores on purpose, so that ties on the total happen and the chain is exercised
      const theory = Math.min(150, Math.round((skill * 0.7 + random() * 0.3) * 30) * 5);
      const lookup = Math.min(100, Math.round((skill * 0.6 + random() * 0.4) * 20) * 5);
      const roleplay = Math.min(100, Math.round((skill * 0.8 + random() * 0.2) * 40) * 2.5);
      const violations = random() < 0.1 ? 1 + Math.floor(random() * 3) : 0;
      scores.push(
        { entrantId: id, roundId: 'theory', score: theory, violations, finishedAt: start + Math.floor(random() * 90) * 60_000 },
        { entrantId: id, roundId: 'lookup', score: lookup },
        { entrantId: id, roundId: 'roleplay', score: roleplay },
      );
    }
    return { entrants, scores };
  });
}

function runEngine(provinces: Province[]) {
  let advancing = 0;
  let refusedTracks = 0;
  let tieGroups = 0;
  let separated = 0;
  for (const province of provinces) {
    const standings = computeStandings({ stage, entrants: province.entrants, scores: province.scores });
    if (!standings.ok) throw new Error(standings.problems[0].message);
    for (const t of standings.value.tracks) {
      tieGroups += t.decisions.length;
      separated += t.decisions.filter((d) => d.unresolved.length === 0).length;
    }
    const adv = advanceTopN(standings.value, rule);
    if (adv.ok) advancing += adv.value.tracks.reduce((n, t) => n + t.advancing.length, 0);
    else refusedTracks += new Set(adv.problems.map((x) => x.field.split('.')[1])).size;
  }
  return { advancing, refusedTracks, tieGroups, separated };
}

/** The baseline: weighted total, a plain sort per track, the first 6; no checks, no reasons. */
function runBaseline(provinces: Province[]) {
  let advancing = 0;
  for (const province of provinces) {
    const total = new Map<string, number>();
    for (const s of province.scores) {
      const w = s.roundId === 'theory' ? (s.score / 150) * 25 : s.roundId === 'lookup' ? s.score * 0.25 : s.score * 0.5;
      total.set(s.entrantId, (total.get(s.entrantId) ?? 0) + w);
    }
    const byTrack = new Map<string, { id: string; total: number }[]>();
    for (const e of province.entrants) {
      const list = byTrack.get(e.trackId) ?? [];
      list.push({ id: e.id, total: total.get(e.id) ?? 0 });
      byTrack.set(e.trackId, list);
    }
    for (const list of byTrack.values()) advancing += list.sort((a, b) => b.total - a.total).slice(0, 6).length;
  }
  return { advancing };
}

const provinces = generate();
const contestants = provinces.reduce((n, p) => n + p.entrants.length, 0);
console.log(`advance: ${PROVINCES} provinces × ${PER_PROVINCE} contestants per province over ${TRACKS.length} tracks = ${contestants} contestants (interpretation: 3,000 per province, not per province-track)`);
console.log('  stage: 3 weighted rounds 25/25/50 (theory % of 150, lookup raw, role-play % of 100); tie-breaks: role-play score → fewer violations → earlier theory finish → decider');
console.log(`  rule: top 6 per track per province, at most 2 per city branch (${CITIES} per province)`);

// warm-up on one province, both paths, so neither pays the JIT alone
runEngine(provinces.slice(0, 1));
runBaseline(provinces.slice(0, 1));

const cpuSeconds = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;
let t0 = performance.now();
let c0 = process.cpuUsage();
const engine = runEngine(provinces);
const seconds = (performance.now() - t0) / 1000;
const engineCpu = cpuSeconds(process.cpuUsage(c0));
t0 = performance.now();
c0 = process.cpuUsage();
const baseline = runBaseline(provinces);
const baselineSeconds = (performance.now() - t0) / 1000;
const baselineCpu = cpuSeconds(process.cpuUsage(c0));

console.log(`  engine:   ${seconds.toFixed(3)} s for ${PROVINCES * TRACKS.length} standings and advancements; ${engine.advancing} advance, ${engine.tieGroups} tie groups (${engine.separated} fully separated by the chain), ${engine.refusedTracks} track(s) refused for an unresolved tie at the cut`);
console.log(`  baseline: ${baselineSeconds.toFixed(3)} s plain sort per track; ${baseline.advancing} taken (no quota, no tie-breaks, no reasons)`);
console.log(`  CPU time (user + system, includes GC threads; wall time above is what counts): engine ${engineCpu.toFixed(3)} s, baseline ${baselineCpu.toFixed(3)} s; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPU(s)`);
console.log(`  ratio engine / baseline: ${(seconds / baselineSeconds).toFixed(1)}×; aim under 1 s: ${seconds < 1 ? 'met' : 'NOT met'}`);
console.log(JSON.stringify({ bench: 'advance', contestants, seconds: Number(seconds.toFixed(3)), baselineSeconds: Number(baselineSeconds.toFixed(3)) }));
