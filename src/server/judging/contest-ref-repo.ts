import type { Db } from '../db/kysely.ts';

export type ContestRef = { id: number; title: string; organisationId: number; organisationPath: string; status: string };
export type EntryRef = { id: number; contestId: number; name: string; trackKey: string; organisationId: number; organisationPath: string };
export type JudgeCandidate = { id: number; name: string; organisationPath: string; active: boolean; hasJudgeRole: boolean; guestContestId: number | null };

/**
 * What judging reads from the contests and identity domains: the contest (and its
 * organisation), its entries, candidate judges; and the one thing it writes into contests,
 * the locked score of a judged round (contest_round_score, source 'judging').
 */
export function createContestRefRepo(db: Db) {
  return {
    async contest(id: number, tx: Db = db): Promise<ContestRef | undefined> {
      return tx
        .selectFrom('contest')
        .innerJoin('organisation', 'organisation.id', 'contest.organisation_id')
        .select(['contest.id', 'contest.title', 'contest.organisation_id as organisationId', 'organisation.id_path as organisationPath', 'contest.status'])
        .where('contest.id', '=', id)
        .executeTakeFirst();
    },
    async entries(contestId: number, ids: number[] | null, tx: Db = db): Promise<EntryRef[]> {
      if (ids && ids.length === 0) return [];
      let q = tx
        .selectFrom('contest_entry')
        .innerJoin('organisation', 'organisation.id', 'contest_entry.organisation_id')
        .select(['contest_entry.id', 'contest_entry.contest_id as contestId', 'contest_entry.name', 'contest_entry.track_key as trackKey', 'contest_entry.organisation_id as organisationId', 'organisation.id_path as organisationPath'])
        .where('contest_entry.contest_id', '=', contestId);
      if (ids) q = q.where('contest_entry.id', 'in', ids);
      return q.orderBy('contest_entry.id').execute();
    },
    async judgeCandidates(ids: number[], tx: Db = db): Promise<JudgeCandidate[]> {
      if (ids.length === 0) return [];
      const rows = await tx
        .selectFrom('person')
        .innerJoin('organisation', 'organisation.id', 'person.organisation_id')
        .leftJoin('judge_invitation', 'judge_invitation.person_id', 'person.id')
        .select((eb) => [
          'person.id',
          'person.name',
          'organisation.id_path as organisationPath',
          'person.active',
          'judge_invitation.contest_id as guestContestId',
          eb.exists(eb.selectFrom('role_grant').select('role_grant.id').whereRef('role_grant.person_id', '=', 'person.id').where('role_grant.role', 'in', ['judge', 'platform_admin'])).as('hasJudgeRole'),
        ])
        .where('person.id', 'in', ids)
        .execute();
      return rows.map((r) => ({ ...r, hasJudgeRole: Boolean(r.hasJudgeRole) }));
    },
    async upsertRoundScores(rows: { contestId: number; roundKey: string; entryId: number; score: number; maxScore: number; sourceRef: string; details: Record<string, unknown>; at: Date }[], tx: Db = db): Promise<void> {
      for (const r of rows) {
        const values = { score: r.score, max_score: r.maxScore, source: 'judging', source_ref: r.sourceRef, finished_at: r.at, details: JSON.stringify(r.details), updated_at: r.at };
        await tx
          .insertInto('contest_round_score')
          .values({ contest_id: r.contestId, round_key: r.roundKey, entry_id: r.entryId, ...values })
          .onConflict((oc) => oc.columns(['contest_id', 'round_key', 'entry_id']).doUpdateSet(values))
          .execute();
      }
    },
    async deleteRoundScores(contestId: number, roundKey: string, entryIds: number[], sourceRef: string, tx: Db = db): Promise<void> {
      if (entryIds.length === 0) return;
      await tx
        .deleteFrom('contest_round_score')
        .where('contest_id', '=', contestId)
        .where('round_key', '=', roundKey)
        .where('entry_id', 'in', entryIds)
        .where('source', '=', 'judging')
        .where('source_ref', '=', sourceRef)
        .execute();
    },
  };
}
export type ContestRefRepo = ReturnType<typeof createContestRefRepo>;
