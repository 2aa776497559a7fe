import type { Db } from '../db/kysely.ts';
import { createAttemptRepo } from './attempt-repo.ts';
import { createContestLinkRepo } from './contest-link-repo.ts';
import { createExamRepo } from './exam-repo.ts';
import { createMarkingRepo } from './marking-repo.ts';
import { createPracticeRepo } from './practice-repo.ts';
import { createProctorRepo } from './proctor-repo.ts';

/** The exams domain's repos, as AppContext carries them (ctx.exams.exams, .attempts, …). */
export const createExamsRepos = (db: Db) => ({
  exams: createExamRepo(db),
  attempts: createAttemptRepo(db),
  proctor: createProctorRepo(db),
  marking: createMarkingRepo(db),
  practice: createPracticeRepo(db),
  contestLink: createContestLinkRepo(db),
});
