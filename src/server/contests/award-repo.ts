import { sql } from 'kysely';
import type { Db } from '../db/kysely.ts';

/** One awardee as stored in a set: enough to print without the live tables (published sets are frozen). */
export type StoredAward = {
  entryId: number;
  entryName: string;
  organisationName: string;
  trackId: string;
  trackName: string;
  members: string[];
  tierId: string;
  tierName: string;
  tierNameZh: string;
  place: number;
  shared: boolean;
  source: string;
  /** A best-individual award names one person (of the entry `entryId`). */
  personId?: number;
  personName?: string;
};

export type AwardSetRow = {
  id: number;
  contestId: number;
  version: number | null;
  status: 'draft' | 'reviewed' | 'published';
  awards: StoredAward[];
  sources: unknown[];
  computedAt: Date;
  reviewedAt: Date | null;
  publishedAt: Date | null;
};

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Award sets: one draft (version null) at a time; each publish freezes a numbered version. */
export function createAwardRepo(db: Db) {
  const base = (tx: Db) =>
    tx.selectFrom('contest_award_set').select(['id', 'contest_id as contestId', 'version', 'status', 'awards', 'sources', 'computed_at as computedAt', 'reviewed_at as reviewedAt', 'published_at as publishedAt']);
  type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toRow = (r: Raw): AwardSetRow => ({ ...r, awards: parse<StoredAward[]>(r.awards), sources: parse<unknown[]>(r.sources) });
  return {
    async draft(contestId: number, tx: Db = db): Promise<AwardSetRow | undefined> {
      const r = await base(tx).where('contest_id', '=', contestId).where('version', 'is', null).executeTakeFirst();
      return r && toRow(r);
    },
    async published(contestId: number, version?: number, tx: Db = db): Promise<AwardSetRow | undefined> {
      let q = base(tx).where('contest_id', '=', contestId).where('status', '=', 'published');
      if (version !== undefined) q = q.where('version', '=', version);
      const r = await q.orderBy('version', 'desc').executeTakeFirst();
      return r && toRow(r);
    },
    async versions(contestId: number, tx: Db = db): Promise<AwardSetRow[]> {
      return (await base(tx).where('contest_id', '=', contestId).where('status', '=', 'published').orderBy('version').execute()).map(toRow);
    },
    async replaceDraft(contestId: number, awards: StoredAward[], sources: unknown[], by: number | null, tx: Db = db): Promise<void> {
      await tx.deleteFrom('contest_award_set').where('contest_id', '=', contestId).where('version', 'is', null).execute();
      await tx.insertInto('contest_award_set').values({ contest_id: contestId, status: 'draft', awards: JSON.stringify(awards), sources: JSON.stringify(sources), computed_by: by && by > 0 ? by : null }).execute();
    },
    async markReviewed(id: number, by: number | null, tx: Db = db): Promise<void> {
      await tx.updateTable('contest_award_set').set({ status: 'reviewed', reviewed_by: by && by > 0 ? by : null, reviewed_at: new Date() }).where('id', '=', id).execute();
    },
    /** Freezes the draft as the next version. */
    async publish(id: number, contestId: number, by: number | null, tx: Db = db): Promise<number> {
      const r = await tx.selectFrom('contest_award_set').select(sql<number>`coalesce(max(version), 0)`.as('v')).where('contest_id', '=', contestId).executeTakeFirstOrThrow();
      const version = Number(r.v) + 1;
      await tx.updateTable('contest_award_set').set({ status: 'published', version, published_by: by && by > 0 ? by : null, published_at: new Date() }).where('id', '=', id).execute();
      return version;
    },
    async latestPublishedAll(tx: Db = db): Promise<AwardSetRow[]> {
      const rows = await base(tx).where('status', '=', 'published').orderBy('contest_id').orderBy('version', 'desc').execute();
      const seen = new Set<number>();
      return rows.map(toRow).filter((r) => (seen.has(r.contestId) ? false : (seen.add(r.contestId), true)));
    },
  };
}
export type AwardRepo = ReturnType<typeof createAwardRepo>;
