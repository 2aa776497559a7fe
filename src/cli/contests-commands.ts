import { AppError } from '../server/errors.ts';
import { systemActor } from '../server/identity/system-actor.ts';
import { advanceStage, type AdvanceReport } from '../server/contests/advance-service.ts';
import { CliError, expectOk, type Backend } from './backend.ts';

type Problem = { field?: string; message: string; messageZh?: string };

/** An AppError (local) or an error body (remote) as a CliError listing every problem. */
function refusal(message: string, details: unknown): CliError {
  const problems = Array.isArray(details) ? (details as Problem[]) : [];
  const lines = problems.length > 0 ? problems.map((p) => `  ${p.message}${p.messageZh ? `\n  ${p.messageZh}` : ''}`) : [`  ${message}`];
  return new CliError(['cannot advance:', ...lines].join('\n'));
}

/** servicestar advance --contest ID --stage ID [--dry-run] */
export async function advance(backend: Backend, opts: { contest: number; stage: string; dryRun: boolean }): Promise<AdvanceReport> {
  if (!Number.isInteger(opts.contest) || opts.contest <= 0) throw new CliError('--contest must be a contest id (a number)', 2);
  if (backend.mode === 'local') {
    try {
      return await advanceStage(backend.ctx, await systemActor(backend.ctx), opts.contest, opts.stage, { dryRun: opts.dryRun });
    } catch (e) {
      if (e instanceof AppError) throw refusal(e.message, e.details);
      throw e;
    }
  }
  try {
    return await expectOk<AdvanceReport>(await backend.call('POST', `/api/contests/${opts.contest}/stages/${encodeURIComponent(opts.stage)}/advance`, { dryRun: opts.dryRun }));
  } catch (e) {
    const body = (e as { body?: { message?: string; details?: unknown } }).body;
    if (body) throw refusal(body.message ?? 'refused', body.details);
    throw e;
  }
}

/** The report as text: per track, every entrant with ✓/✗, rank, total, tie-break and reason. */
export function formatAdvance(r: AdvanceReport): string {
  const head = `${r.contestTitle} · ${r.stageName} (${r.stageKey}) → ${r.nextStageKey ?? 'end'}: ${r.advancing} of ${r.entrants} advance${r.dryRun ? ' [dry run: nothing written]' : ' [written]'}`;
  const out = [head];
  for (const t of r.tracks) {
    out.push(`${t.trackName} (${t.trackId})`);
    for (const l of t.lines) out.push(`  ${l.advances ? '✓' : '✗'} ${String(l.rank).padStart(3)}  ${l.name} (${l.organisationName}): ${l.explanation}`);
  }
  return out.join('\n');
}
