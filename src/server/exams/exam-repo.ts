import { sql } from 'kysely';
import type { Db } from '../db/kysely.ts';
import { chunks } from '../db/kysely.ts';
import { ExamSettings } from './schema.ts';

export type ExamRow = {
  id: number;
  organisationId: number;
  organisationName: string;
  organisationPath: string;
  title: string;
  instructions: string;
  status: 'draft' | 'published' | 'archived';
  opensAt: Date;
  closesAt: Date;
  durationMs: number;
  attemptsAllowed: number;
  paperMode: 'shuffled' | 'parallel';
  paperId: number | null;
  paperSetId: number | null;
  seed: number;
  settings: ExamSettings;
  contestId: number | null;
  roundKey: string | null;
  resultsReleasedAt: Date | null;
  createdAt: Date;
};

export type NewExam = Omit<ExamRow, 'id' | 'organisationName' | 'organisationPath' | 'status' | 'resultsReleasedAt' | 'createdAt'> & { createdBy: number | null };
export type CandidateRow = { personId: number; employeeNo: string; name: string; organisationId: number; organisationName: string; organisationPath: string; paperId: number | null; extraMs: number };
export type PersonPick = { personId: number; employeeNo: string; organisationId: number; organisationPath: string };

/** Exams and their candidate lists. */
export function createExamRepo(db: Db) {
  const examQuery = (tx: Db) =>
    tx
      .selectFrom('exam')
      .innerJoin('organisation', 'organisation.id', 'exam.organisation_id')
      .select([
        'exam.id', 'exam.organisation_id as organisationId', 'organisation.name as organisationName', 'organisation.id_path as organisationPath', 'exam.title', 'exam.instructions', 'exam.status',
        'exam.opens_at as opensAt', 'exam.closes_at as closesAt', 'exam.duration_ms as durationMs', 'exam.attempts_allowed as attemptsAllowed', 'exam.paper_mode as paperMode', 'exam.paper_id as paperId',
        'exam.paper_set_id as paperSetId', 'exam.seed', 'exam.settings', 'exam.contest_id as contestId', 'exam.round_key as roundKey', 'exam.results_released_at as resultsReleasedAt', 'exam.created_at as createdAt',
      ]);
  const toExam = (r: Awaited<ReturnType<ReturnType<typeof examQuery>['executeTakeFirstOrThrow']>>): ExamRow => ({ ...r, settings: ExamSettings.parse(r.settings) });

  return {
    async get(id: number, tx: Db = db): Promise<ExamRow | undefined> {
      const r = await examQuery(tx).where('exam.id', '=', id).executeTakeFirst();
      return r && toExam(r);
    },
    /** Exams owned by a node in one of the subtrees (all with null). */
    async listUnder(rootPaths: string[] | null, tx: Db = db): Promise<ExamRow[]> {
      let q = examQuery(tx).where('exam.status', '!=', 'archived');
      if (rootPaths) {
        if (rootPaths.length === 0) return [];
        q = q.where((eb) => eb.or(rootPaths.map((p) => eb('organisation.id_path', 'like', `${p}%`))));
      }
      return (await q.orderBy('exam.opens_at', 'desc').orderBy('exam.id', 'desc').execute()).map(toExam);
    },
    async insert(e: NewExam, tx: Db = db): Promise<number> {
      const r = await tx
        .insertInto('exam')
        .values({
          organisation_id: e.organisationId, title: e.title, instructions: e.instructions, opens_at: e.opensAt, closes_at: e.closesAt, duration_ms: e.durationMs, attempts_allowed: e.attemptsAllowed,
          paper_mode: e.paperMode, paper_id: e.paperId, paper_set_id: e.paperSetId, seed: e.seed, settings: JSON.stringify(e.settings), contest_id: e.contestId, round_key: e.roundKey, created_by: e.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async update(id: number, e: Partial<Omit<NewExam, 'organisationId' | 'createdBy'>> & { status?: ExamRow['status']; resultsReleasedAt?: Date | null }, tx: Db = db): Promise<void> {
      await tx
        .updateTable('exam')
        .set({
          ...(e.title !== undefined && { title: e.title }),
          ...(e.instructions !== undefined && { instructions: e.instructions }),
          ...(e.opensAt !== undefined && { opens_at: e.opensAt }),
          ...(e.closesAt !== undefined && { closes_at: e.closesAt }),
          ...(e.durationMs !== undefined && { duration_ms: e.durationMs }),
          ...(e.attemptsAllowed !== undefined && { attempts_allowed: e.attemptsAllowed }),
          ...(e.paperMode !== undefined && { paper_mode: e.paperMode }),
          ...(e.paperId !== undefined && { paper_id: e.paperId }),
          ...(e.paperSetId !== undefined && { paper_set_id: e.paperSetId }),
          ...(e.seed !== undefined && { seed: e.seed }),
          ...(e.settings !== undefined && { settings: JSON.stringify(e.settings) }),
          ...(e.contestId !== undefined && { contest_id: e.contestId }),
          ...(e.roundKey !== undefined && { round_key: e.roundKey }),
          ...(e.status !== undefined && { status: e.status }),
          ...(e.resultsReleasedAt !== undefined && { results_released_at: e.resultsReleasedAt }),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
    },
    async counts(examIds: number[], tx: Db = db): Promise<Map<number, { candidates: number; submitted: number }>> {
      if (examIds.length === 0) return new Map();
      const c = await tx.selectFrom('exam_candidate').select((eb) => ['exam_id', eb.fn.countAll<number>().as('n')]).where('exam_id', 'in', examIds).groupBy('exam_id').execute();
      const s = await tx
        .selectFrom('exam_attempt')
        .select((eb) => ['exam_id', eb.fn.count<number>('person_id').distinct().as('n')])
        .where('exam_id', 'in', examIds)
        .where('submitted_at', 'is not', null)
        .groupBy('exam_id')
        .execute();
      const out = new Map(examIds.map((id) => [id, { candidates: 0, submitted: 0 }]));
      for (const r of c) out.get(r.exam_id)!.candidates = Number(r.n);
      for (const r of s) out.get(r.exam_id)!.submitted = Number(r.n);
      return out;
    },
    async hasAttempts(examId: number, tx: Db = db): Promise<boolean> {
      return (await tx.selectFrom('exam_attempt').select('id').where('exam_id', '=', examId).limit(1).executeTakeFirst()) !== undefined;
    },

    // ---- candidates ---------------------------------------------------------------------
    async candidates(examId: number, tx: Db = db): Promise<CandidateRow[]> {
      return tx
        .selectFrom('exam_candidate')
        .innerJoin('person', 'person.id', 'exam_candidate.person_id')
        .innerJoin('organisation', 'organisation.id', 'person.organisation_id')
        .select([
          'person.id as personId', 'person.employee_no as employeeNo', 'person.name', 'organisation.id as organisationId', 'organisation.name as organisationName', 'organisation.id_path as organisationPath',
          'exam_candidate.paper_id as paperId', 'exam_candidate.extra_ms as extraMs',
        ])
        .where('exam_candidate.exam_id', '=', examId)
        .orderBy('organisation.id_path')
        .orderBy('person.employee_no')
        .execute();
    },
    /** Track names of each person. */
    async trackNames(personIds: number[], tx: Db = db): Promise<Map<number, string[]>> {
      const out = new Map<number, string[]>();
      if (personIds.length === 0) return out;
      for (const part of chunks(personIds, 5000)) {
        const rows = await tx.selectFrom('person_track').innerJoin('track', 'track.id', 'person_track.track_id').select(['person_track.person_id as personId', 'track.name']).where('person_track.person_id', 'in', part).execute();
        for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), r.name]);
      }
      return out;
    },
    async examIdsOfCandidate(personId: number, tx: Db = db): Promise<number[]> {
      return (await tx.selectFrom('exam_candidate').select('exam_id').where('person_id', '=', personId).execute()).map((r) => r.exam_id);
    },
    async candidate(examId: number, personId: number, tx: Db = db): Promise<{ paperId: number | null; extraMs: number } | undefined> {
      return tx.selectFrom('exam_candidate').select(['paper_id as paperId', 'extra_ms as extraMs']).where('exam_id', '=', examId).where('person_id', '=', personId).executeTakeFirst();
    },
    async addCandidates(examId: number, personIds: number[], tx: Db = db): Promise<number> {
      let added = 0;
      for (const part of chunks(personIds, 1000)) {
        const r = await tx.insertInto('exam_candidate').values(part.map((p) => ({ exam_id: examId, person_id: p }))).onConflict((oc) => oc.doNothing()).executeTakeFirst();
        added += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    },
    async removeCandidates(examId: number, personIds: number[] | 'all', tx: Db = db): Promise<number> {
      let q = tx.deleteFrom('exam_candidate').where('exam_id', '=', examId);
      if (personIds !== 'all') {
        if (personIds.length === 0) return 0;
        q = q.where('person_id', 'in', personIds);
      }
      // a candidate who has started keeps their place
      q = q.where(({ not, exists, selectFrom }) => not(exists(selectFrom('exam_attempt').select('id').whereRef('exam_attempt.exam_id', '=', 'exam_candidate.exam_id').whereRef('exam_attempt.person_id', '=', 'exam_candidate.person_id'))));
      const r = await q.executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async setPapers(examId: number, assignment: Map<number, number | null>, tx: Db = db): Promise<void> {
      const rows = [...assignment];
      for (const part of chunks(rows, 2000)) {
        const values = sql.join(part.map(([p, paper]) => sql`(${p}::int, ${paper}::int)`));
        await sql`update exam_candidate set paper_id = v.paper from (values ${values}) as v(person, paper) where exam_candidate.exam_id = ${examId} and exam_candidate.person_id = v.person`.execute(tx);
      }
    },
    async setExtraTime(examId: number, personId: number, extraMs: number, tx: Db = db): Promise<boolean> {
      const r = await tx.updateTable('exam_candidate').set({ extra_ms: extraMs }).where('exam_id', '=', examId).where('person_id', '=', personId).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    // ---- picking people -----------------------------------------------------------------
    async peopleUnder(paths: string[], trackNames: string[] | null, tx: Db = db): Promise<PersonPick[]> {
      if (paths.length === 0) return [];
      let q = tx
        .selectFrom('person')
        .innerJoin('organisation', 'organisation.id', 'person.organisation_id')
        .select(['person.id as personId', 'person.employee_no as employeeNo', 'organisation.id as organisationId', 'organisation.id_path as organisationPath'])
        .where('person.active', '=', true)
        .where((eb) => eb.or(paths.map((p) => eb('organisation.id_path', 'like', `${p}%`))));
      if (trackNames) {
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('person_track')
              .innerJoin('track', 'track.id', 'person_track.track_id')
              .select('person_track.person_id')
              .whereRef('person_track.person_id', '=', 'person.id')
              .where((eb) => eb.or([eb('track.code', 'in', trackNames), eb('track.name', 'in', trackNames)])),
          ),
        );
      }
      return q.execute();
    },
    async peopleByIds(ids: number[], tx: Db = db): Promise<PersonPick[]> {
      if (ids.length === 0) return [];
      const out: PersonPick[] = [];
      for (const part of chunks(ids, 5000)) {
        out.push(
          ...(await tx
            .selectFrom('person')
            .innerJoin('organisation', 'organisation.id', 'person.organisation_id')
            .select(['person.id as personId', 'person.employee_no as employeeNo', 'organisation.id as organisationId', 'organisation.id_path as organisationPath'])
            .where('person.id', 'in', part)
            .where('person.active', '=', true)
            .execute()),
        );
      }
      return out;
    },
    async peopleByEmployeeNos(nos: string[], tx: Db = db): Promise<PersonPick[]> {
      if (nos.length === 0) return [];
      const out: PersonPick[] = [];
      for (const part of chunks(nos, 5000)) {
        out.push(
          ...(await tx
            .selectFrom('person')
            .innerJoin('organisation', 'organisation.id', 'person.organisation_id')
            .select(['person.id as personId', 'person.employee_no as employeeNo', 'organisation.id as organisationId', 'organisation.id_path as organisationPath'])
            .where('person.employee_no', 'in', part)
            .where('person.active', '=', true)
            .execute()),
        );
      }
      return out;
    },
  };
}
export type ExamRepo = ReturnType<typeof createExamRepo>;

/** The organisation path of a contest (for the optional contest link); the contests domain owns the table. */
export async function contestPath(db: Db, contestId: number): Promise<string | undefined> {
  const r = await db.selectFrom('contest').innerJoin('organisation', 'organisation.id', 'contest.organisation_id').select('organisation.id_path').where('contest.id', '=', contestId).executeTakeFirst();
  return r?.id_path;
}
