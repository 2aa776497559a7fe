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
    async lastSeq(roundId: number, tx: Db = db): Promise<number> {
      const r = await tx.selectFrom('arena_event').select((eb) => eb.fn.max('seq').as('m')).where('round_id', '=', roundId).executeTakeFirst();
      return Number(r?.m ?? 0);
    },
  };
}

export type EventRepo = ReturnType<typeof createEventRepo>;
