import { sql } from 'kysely';
import type { Db } from '../db/kysely.ts';

export type LevelRow = { id: number; organisationId: number; organisationPath: string; name: string; sort: number; paperId: number; passMark: number; maxScore: number };
export type PracticeAnswerRow = { questionId: number; knowledgePoints: string[]; correct: boolean; score: number; at: Date; mode: string };
export type PoolRow = { questionId: number; versionId: number; knowledgePoints: string[] };

/** Practice: levels, the append-only answer log and level results; every view is derived from them. */
export function createPracticeRepo(db: Db) {
  const levelQuery = (tx: Db) =>
    tx
      .selectFrom('practice_level')
      .innerJoin('organisation', 'organisation.id', 'practice_level.organisation_id')
      .innerJoin('paper', 'paper.id', 'practice_level.paper_id')
      .select([
        'practice_level.id', 'practice_level.organisation_id as organisationId', 'organisation.id_path as organisationPath', 'practice_level.name', 'practice_level.sort',
        'practice_level.paper_id as paperId', 'practice_level.pass_mark as passMark', 'paper.total_score as maxScore',
      ]);
  return {
    /** Levels that apply to a learner: owned by the learner's node or an ancestor. */
    async levelsFor(learnerPath: string, tx: Db = db): Promise<LevelRow[]> {
      return levelQuery(tx).where(sql<boolean>`${learnerPath} like organisation.id_path || '%'`).orderBy('practice_level.sort').orderBy('practice_level.id').execute();
    },
    async levelsUnder(paths: string[] | null, tx: Db = db): Promise<LevelRow[]> {
      let q = levelQuery(tx);
      if (paths) {
        if (paths.length === 0) return [];
        q = q.where((eb) => eb.or(paths.map((p) => eb('organisation.id_path', 'like', `${p}%`))));
      }
      return q.orderBy('organisation.id_path').orderBy('practice_level.sort').execute();
    },
    async getLevel(id: number, tx: Db = db): Promise<LevelRow | undefined> {
      return levelQuery(tx).where('practice_level.id', '=', id).executeTakeFirst();
    },
    async insertLevel(l: { organisationId: number; name: string; sort: number; paperId: number; passMark: number }, tx: Db = db): Promise<number> {
      const r = await tx.insertInto('practice_level').values({ organisation_id: l.organisationId, name: l.name, sort: l.sort, paper_id: l.paperId, pass_mark: l.passMark }).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },
    async findLevel(organisationId: number, sort: number, tx: Db = db): Promise<number | undefined> {
      return (await tx.selectFrom('practice_level').select('id').where('organisation_id', '=', organisationId).where('sort', '=', sort).executeTakeFirst())?.id;
    },
    async insertAnswers(rows: { personId: number; questionId: number; versionId: number; knowledgePoints: string[]; correct: boolean; score: number; maxScore: number; mode: string; levelId: number | null; at: Date }[], tx: Db = db): Promise<void> {
      if (rows.length === 0) return;
      await tx
        .insertInto('practice_answer')
        .values(rows.map((r) => ({ person_id: r.personId, question_id: r.questionId, question_version_id: r.versionId, knowledge_points: JSON.stringify(r.knowledgePoints), correct: r.correct, score: r.score, max_score: r.maxScore, mode: r.mode, level_id: r.levelId, at: r.at })))
        .execute();
    },
    async history(personId: number, tx: Db = db): Promise<PracticeAnswerRow[]> {
      const rows = await tx
        .selectFrom('practice_answer')
        .select(['question_id as questionId', 'knowledge_points as knowledgePoints', 'correct', 'score', 'at', 'mode'])
        .where('person_id', '=', personId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ ...r, knowledgePoints: r.knowledgePoints as string[] }));
    },
    async insertLevelResult(r: { personId: number; levelId: number; score: number; at: Date }, tx: Db = db): Promise<void> {
      await tx.insertInto('practice_level_result').values({ person_id: r.personId, level_id: r.levelId, score: r.score, at: r.at }).execute();
    },
    async levelResults(personId: number, tx: Db = db): Promise<{ levelId: number; score: number; at: Date }[]> {
      return tx.selectFrom('practice_level_result').select(['level_id as levelId', 'score', 'at']).where('person_id', '=', personId).orderBy('at').execute();
    },
    /** Active objective questions of the banks shared down to the learner's node. */
    async pool(learnerPath: string, tx: Db = db): Promise<PoolRow[]> {
      const rows = await tx
        .selectFrom('question')
        .innerJoin('bank', 'bank.id', 'question.bank_id')
        .innerJoin('organisation', 'organisation.id', 'bank.organisation_id')
        .select(['question.id as questionId', 'question.current_version_id as versionId', 'question.knowledge_points as knowledgePoints'])
        .where('question.status', '=', 'active')
        .where('question.type', 'in', ['single', 'multiple', 'truefalse', 'fill'])
        .where('bank.archived_at', 'is', null)
        .where(sql<boolean>`${learnerPath} like organisation.id_path || '%'`)
        .execute();
      return rows.filter((r) => r.versionId !== null).map((r) => ({ questionId: r.questionId, versionId: r.versionId!, knowledgePoints: r.knowledgePoints as string[] }));
    },
    /** Points per learner under a subtree since a time: correct answers + 10 per level passed. */
    async leaderboard(path: string, since: Date, limit: number, tx: Db = db): Promise<{ personId: number; name: string; organisationName: string; answers: number; correct: number; levelsPassed: number }[]> {
      const r = await sql<{ personId: number; name: string; organisationName: string; answers: number; correct: number; levelsPassed: number }>`
        with a as (select person_id, count(*)::int as answers, count(*) filter (where correct)::int as correct from practice_answer where at >= ${since} group by person_id),
        l as (select r.person_id, count(distinct r.level_id)::int as passed from practice_level_result r join practice_level pl on pl.id = r.level_id where r.score >= pl.pass_mark group by r.person_id)
        select p.id as "personId", p.name, o.name as "organisationName", coalesce(a.answers, 0) as answers, coalesce(a.correct, 0) as correct, coalesce(l.passed, 0) as "levelsPassed"
        from person p join organisation o on o.id = p.organisation_id
        left join a on a.person_id = p.id left join l on l.person_id = p.id
        where o.id_path like ${`${path}%`} and (a.person_id is not null or l.person_id is not null)
        order by coalesce(a.correct, 0) + 10 * coalesce(l.passed, 0) desc, p.employee_no
        limit ${limit}`.execute(tx);
      return r.rows.map((x) => ({ ...x, answers: Number(x.answers), correct: Number(x.correct), levelsPassed: Number(x.levelsPassed) }));
    },
  };
}
export type PracticeRepo = ReturnType<typeof createPracticeRepo>;
