import type { Db } from '../db/kysely.ts';
import { chunks } from '../db/kysely.ts';
import type { ArenaEvent } from './engine/index.ts';

/** A stale append: another writer got there first (UNIQUE(round_id, seq)). */
export class StaleAppendError extends Error {}

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505' || /duplicate key|unique/i.test(String((e as Error)?.message));

/** arena_event: the append-only log of a round; the store assigns seq = last + 1 + i. */
export function createEventRepo(db: Db) {
  return {
    /** Appends events whose seq the caller assigned; a clash with an existing seq throws StaleAppendError. */
    async append(roundId: number, events: readonly ArenaEvent[], tx: Db = db): Promise<void> {
      if (events.length === 0) return;
      try {
        for (const part of chunks([...events], 4000)) {
          await tx
            .insertInto('arena_event')
            .values(part.map((e) => ({ round_id: roundId, seq: e.seq, type: e.type, body: JSON.stringify(e), at: new Date(e.at) })))
            .execute();
        }
      } catch (e) {
        if (isUniqueViolation(e)) throw new StaleAppendError(`seq clash appending to round ${roundId}`);
        throw e;
      }
    },
    async list(roundId: number, opts: { afterSeq?: number; limit?: number } = {}, tx: Db = db): Promise<ArenaEvent[]> {
      let q = tx.selectFrom('arena_event').select('body').where('round_id', '=', roundId).where('seq', '>', opts.afterSeq ?? 0).orderBy('seq');
      if (opts.limit) q = q.limit(opts.limit);
      return (await q.execute()).map((r) => r.body as unknown as ArenaEvent);
    },
    /** Stores a snapshot of the state after `seq` and keeps only the latest `keep` of the round. */
    async saveSnapshot(roundId: number, seq: number, data: unknown, keep = 5): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('arena_snapshot').values({ round_id: roundId, seq, data: JSON.stringify(data) }).onConflict((oc) => oc.columns(['round_id', 'seq']).doNothing()).execute();
        const old = await tx.selectFrom('arena_snapshot').select('seq').where('round_id', '=', roundId).orderBy('seq', 'desc').offset(keep).limit(1).executeTakeFirst();
        if (old) await tx.deleteFrom('arena_snapshot').where('round_id', '=', roundId).where('seq', '<=', old.seq).execute();
      });
    },
    /** The latest snapshot at or before `atOrBefore` (any when omitted). */
    async latestSnapshot(roundId: number, atOrBefore?: number, tx: Db = db): Promise<{ seq: number; data: unknown } | null> {
      let q = tx.selectFrom('arena_snapshot').select(['seq', 'data']).where('round_id', '=', roundId);
      if (atOrBefore !== undefined) q = q.where('seq', '<=', atOrBefore);
      const r = await q.orderBy('seq', 'desc').limit(1).executeTakeFirst();
      return r ? { seq: r.seq, data: r.data } : null;
    },
    async lastSeq(roundId: number, tx: Db = db): Promise<number> {
      const r = await tx.selectFrom('arena_event').select((eb) => eb.fn.max('seq').as('m')).where('round_id', '=', roundId).executeTakeFirst();
      return Number(r?.m ?? 0);
    },
  };
}

export type EventRepo = ReturnType<typeof createEventRepo>;
