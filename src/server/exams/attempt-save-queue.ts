import { sql } from 'kysely';
import type { Db } from '../db/kysely.ts';

/**
 * Group commit for answer saves. Saves arriving from many requests at once are queued and
 * written by one statement (one transaction, one WAL flush) per batch; each request is
 * acknowledged only after the statement that holds its answer has committed.
 *
 * The statement keeps the single-save rule (engine answer-merge): per attempt it bumps
 * `exam_attempt.last_seq` by the number of saves of that attempt in the batch (the row lock
 * orders batches, across processes too) and numbers them in arrival order; per item it upserts
 * the highest of them, and only over a lower stored sequence. An attempt already submitted
 * (`submitted_at` set, re-checked after waiting for a submit's row lock) takes none of its saves:
 * they come back `null` and the caller refuses them with 409, so a save is either graded or
 * refused, never acknowledged and lost.
 *
 * One batch is in flight per database handle at a time; whatever arrives meanwhile forms the
 * next batch. A lone save is written at once (no timer), so an idle server answers as fast as
 * before.
 */
type Save = { attemptId: number; position: number; response: string; at: Date };
/** One request's saves: always written by the same statement, so they are all acknowledged or all refused. */
type Pending = { saves: Save[]; resolve: (seqs: (number | null)[]) => void; reject: (e: unknown) => void };
type Queue = { items: Pending[]; busy: boolean };

const MAX_BATCH = 1000;
const STATS = { batches: 0, saves: 0 };
if (process.env.DEBUG_SAVE_STATS) process.on('exit', () => console.error('save batches', STATS));
const queues = new WeakMap<Db, Queue>();

export async function queueAnswerSave(db: Db, save: { attemptId: number; position: number; response: unknown; at: Date }): Promise<number | null> {
  return (await queueAnswerSaves(db, [save]))[0];
}

/** Several saves of one request (the page's pending answers), in order: consecutive sequence numbers, or all null. */
export function queueAnswerSaves(db: Db, saves: { attemptId: number; position: number; response: unknown; at: Date }[]): Promise<(number | null)[]> {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = { items: [], busy: false }));
  const queue = q;
  return new Promise((resolve, reject) => {
    queue.items.push({ saves: saves.map((s) => ({ attemptId: s.attemptId, position: s.position, response: JSON.stringify(s.response ?? null), at: s.at })), resolve, reject });
    if (!queue.busy) void drain(db, queue);
  });
}

async function drain(db: Db, q: Queue): Promise<void> {
  q.busy = true;
  try {
    // let the requests already parsed in this turn of the event loop join the first batch
    await new Promise<void>((r) => setImmediate(r));
    while (q.items.length > 0) {
      let n = 0;
      let size = 0;
      while (n < q.items.length && (n === 0 || size + q.items[n].saves.length <= MAX_BATCH)) size += q.items[n++].saves.length;
      const batch = q.items.splice(0, n);
      STATS.batches++;
      STATS.saves += size;
      try {
        const seqs = await writeBatch(db, batch.flatMap((p) => p.saves));
        let k = 0;
        for (const p of batch) {
          p.resolve(seqs.slice(k, k + p.saves.length));
          k += p.saves.length;
        }
      } catch (e) {
        for (const p of batch) p.reject(e);
      }
    }
  } finally {
    q.busy = false;
  }
}

const RETRYABLE = new Set(['40P01', '40001']); // deadlock (two processes, two tabs), serialisation

/** Writes one batch; returns each save's acknowledged sequence, or null when its attempt is submitted. */
export async function writeBatch(db: Db, batch: Save[]): Promise<(number | null)[]> {
  const attempts = batch.map((p) => p.attemptId);
  const positions = batch.map((p) => p.position);
  const responses = batch.map((p) => p.response);
  const ats = batch.map((p) => p.at.toISOString());
  for (let tries = 0; ; tries++) {
    try {
      const r = await sql<{ ord: string | number; seq: string | number }>`
        with input as (
          select t.attempt_id, t.position, t.response, t.at, t.ord
          from unnest(${attempts}::int[], ${positions}::int[], ${responses}::text[], ${ats}::timestamptz[]) with ordinality as t(attempt_id, position, response, at, ord)
        ),
        counts as (select attempt_id, count(*)::int as n, max(at) as at from input group by attempt_id),
        s as (
          update exam_attempt a set last_seq = a.last_seq + c.n, last_seen_at = c.at
          from counts c
          where a.id = c.attempt_id and a.submitted_at is null
          returning a.id, a.last_seq - c.n as base
        ),
        numbered as (
          select i.ord, i.attempt_id, i.position, i.response, i.at, s.base + row_number() over (partition by i.attempt_id order by i.ord) as seq
          from input i join s on s.id = i.attempt_id
        ),
        w as (
          insert into exam_answer (attempt_id, position, response, answer_seq, answered_at)
          select distinct on (attempt_id, position) attempt_id, position, response::jsonb, seq, at from numbered order by attempt_id, position, seq desc
          on conflict (attempt_id, position) do update set response = excluded.response, answer_seq = excluded.answer_seq, answered_at = excluded.answered_at
          where exam_answer.answer_seq < excluded.answer_seq
        )
        select ord, seq from numbered`.execute(db);
      const out: (number | null)[] = batch.map(() => null);
      for (const row of r.rows) out[Number(row.ord) - 1] = Number(row.seq);
      return out;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (tries < 3 && code && RETRYABLE.has(code)) continue;
      throw e;
    }
  }
}
