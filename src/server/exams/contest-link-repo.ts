import { sql } from 'kysely';
import type { Db } from '../db/kysely.ts';

/**
 * The one place the exams domain touches the contests domain's tables: it reads a contest's
 * entries and their members, and writes the written round's scores into contest_round_score
 * (the contract the contests domain reads standings from).
 */
export function createContestLinkRepo(db: Db) {
  return {
    async entryMembers(contestId: number, tx: Db = db): Promise<{ entryId: number; personId: number }[]> {
      return tx
        .selectFrom('contest_entry_member')
        .innerJoin('contest_entry', 'contest_entry.id', 'contest_entry_member.entry_id')
        .select(['contest_entry.id as entryId', 'contest_entry_member.person_id as personId'])
        .where('contest_entry.contest_id', '=', contestId)
        .execute();
    },
    async upsertScores(rows: { contestId: number; roundKey: string; entryId: number; score: number; maxScore: number | null; sourceRef: string; violations: number; finishedAt: Date | null; details: Record<string, unknown> }[], tx: Db = db): Promise<void> {
      if (rows.length === 0) return;
      await tx
        .insertInto('contest_round_score')
        .values(rows.map((r) => ({ contest_id: r.contestId, round_key: r.roundKey, entry_id: r.entryId, score: r.score, max_score: r.maxScore, source: 'exam', source_ref: r.sourceRef, violations: r.violations, finished_at: r.finishedAt, details: JSON.stringify(r.details), updated_at: new Date() })))
        .onConflict((oc) =>
          oc.columns(['contest_id', 'round_key', 'entry_id']).doUpdateSet({
            score: sql`excluded.score`, max_score: sql`excluded.max_score`, source: sql`excluded.source`, source_ref: sql`excluded.source_ref`, violations: sql`excluded.violations`,
            finished_at: sql`excluded.finished_at`, details: sql`excluded.details`, updated_at: sql`excluded.updated_at`,
          }),
        )
        .execute();
    },
  };
}
