import type { Db } from '../db/kysely.ts';

export type EventRow = { attemptId: number; kind: string; at: Date; clientAt: Date | null; ip: string | null; userAgent: string | null };
export type MessageRow = { id: number; examId: number; personId: number | null; fromName: string | null; body: string; sentAt: Date };

/** Proctoring events, camera snapshots (bytea in the database, so every node sees them) and messages. */
export function createProctorRepo(db: Db) {
  return {
    async insertEvents(events: Omit<EventRow, never>[], tx: Db = db): Promise<void> {
      if (events.length === 0) return;
      await tx
        .insertInto('exam_proctor_event')
        .values(events.map((e) => ({ attempt_id: e.attemptId, kind: e.kind, at: e.at, client_at: e.clientAt, ip: e.ip, user_agent: e.userAgent })))
        .execute();
    },
    async eventsOf(attemptIds: number[], tx: Db = db): Promise<EventRow[]> {
      if (attemptIds.length === 0) return [];
      return tx
        .selectFrom('exam_proctor_event')
        .select(['attempt_id as attemptId', 'kind', 'at', 'client_at as clientAt', 'ip', 'user_agent as userAgent'])
        .where('attempt_id', 'in', attemptIds)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },
    async insertSnapshot(s: { attemptId: number; takenAt: Date; mime: string; bytes: Buffer }, tx: Db = db): Promise<number> {
      const r = await tx.insertInto('exam_snapshot').values({ attempt_id: s.attemptId, taken_at: s.takenAt, mime: s.mime, bytes: s.bytes }).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },
    async snapshotsOf(attemptId: number, tx: Db = db): Promise<{ id: number; takenAt: Date; mime: string; size: number }[]> {
      const rows = await tx
        .selectFrom('exam_snapshot')
        .select((eb) => ['id', 'taken_at as takenAt', 'mime', eb.fn<number>('octet_length', ['bytes']).as('size')])
        .where('attempt_id', '=', attemptId)
        .orderBy('taken_at')
        .execute();
      return rows.map((r) => ({ ...r, size: Number(r.size) }));
    },
    async snapshot(id: number, tx: Db = db): Promise<{ id: number; attemptId: number; mime: string; bytes: Buffer } | undefined> {
      const r = await tx.selectFrom('exam_snapshot').select(['id', 'attempt_id as attemptId', 'mime', 'bytes']).where('id', '=', id).executeTakeFirst();
      return r && { ...r, bytes: Buffer.from(r.bytes) };
    },
    async lastSnapshots(examId: number, tx: Db = db): Promise<Map<number, { id: number; takenAt: Date }>> {
      const rows = await tx
        .selectFrom('exam_snapshot')
        .innerJoin('exam_attempt', 'exam_attempt.id', 'exam_snapshot.attempt_id')
        .select(['exam_snapshot.attempt_id as attemptId', 'exam_snapshot.id', 'exam_snapshot.taken_at as takenAt'])
        .where('exam_attempt.exam_id', '=', examId)
        .orderBy('exam_snapshot.taken_at')
        .execute();
      return new Map(rows.map((r) => [r.attemptId, { id: r.id, takenAt: r.takenAt }]));
    },
    async insertMessage(m: { examId: number; personId: number | null; fromId: number | null; body: string }, tx: Db = db): Promise<number> {
      const r = await tx.insertInto('exam_message').values({ exam_id: m.examId, person_id: m.personId, from_id: m.fromId, body: m.body }).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },
    /** Messages to this person or to everyone, after a message id. */
    async messagesFor(examId: number, personId: number | null, afterId: number, tx: Db = db): Promise<MessageRow[]> {
      let q = tx
        .selectFrom('exam_message')
        .leftJoin('person', 'person.id', 'exam_message.from_id')
        .select(['exam_message.id', 'exam_message.exam_id as examId', 'exam_message.person_id as personId', 'person.name as fromName', 'exam_message.body', 'exam_message.sent_at as sentAt'])
        .where('exam_message.exam_id', '=', examId)
        .where('exam_message.id', '>', afterId);
      if (personId !== null) q = q.where((eb) => eb.or([eb('exam_message.person_id', 'is', null), eb('exam_message.person_id', '=', personId)]));
      return q.orderBy('exam_message.id').limit(200).execute();
    },
  };
}
export type ProctorRepo = ReturnType<typeof createProctorRepo>;
