/**
 * When a live round finishes, its final standings flow into the contest round it belongs
 * to (optional link: contest_id + contest_round_key, and entry_map: unit id → contest
 * entry id), one contest_round_score row per mapped unit, in the same transaction that
 * appends the `finished` event.
 */
import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { placeOf, unitNameOf, type ArenaState } from './engine-helpers.ts';
import type { RoundRow } from './round-repo.ts';

export async function finishRound(ctx: AppContext, row: RoundRow, s: ArenaState, tx: Db): Promise<number> {
  const now = ctx.now();
  await ctx.arena.rounds.update(row.id, { status: 'finished', finishedAt: now }, tx);
  if (!row.contestId || !row.contestRoundKey) return 0;
  const rows = Object.entries(row.entryMap)
    .filter(([unitId]) => s.standings.has(unitId) || s.roster.index.has(unitId))
    .map(([unitId, entryId]) => {
      const st = s.standings.get(unitId) ?? { score: 0, bonus: 0, streak: 0, correct: 0 };
      return {
        contest_id: row.contestId!,
        round_key: row.contestRoundKey!,
        entry_id: entryId,
        score: st.score,
        max_score: null,
        source: 'arena',
        source_ref: `arena_round:${row.id}`,
        finished_at: now,
        details: JSON.stringify({ unitId, name: unitNameOf(s, unitId), place: placeOf(s, unitId), bonus: st.bonus, correct: st.correct, lastSeq: s.seq }),
        updated_at: now,
      };
    });
  if (rows.length === 0) return 0;
  await tx
    .insertInto('contest_round_score')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['contest_id', 'round_key', 'entry_id']).doUpdateSet((eb) => ({
        score: eb.ref('excluded.score'),
        source: eb.ref('excluded.source'),
        source_ref: eb.ref('excluded.source_ref'),
        finished_at: eb.ref('excluded.finished_at'),
        details: eb.ref('excluded.details'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
  return rows.length;
}
