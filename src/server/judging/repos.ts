import type { Db } from '../db/kysely.ts';
import { createContestRefRepo } from './contest-ref-repo.ts';
import { createInvitationRepo } from './invitation-repo.ts';
import { createPanelRepo } from './panel-repo.ts';
import { createRubricLibraryRepo } from './rubric-library-repo.ts';
import { createRubricRepo } from './rubric-repo.ts';
import { createSheetRepo } from './sheet-repo.ts';

/** The judging domain's repos, as AppContext carries them (ctx.judging.rubrics, .panels …). */
export const createJudgingRepos = (db: Db) => ({
  rubrics: createRubricRepo(db),
  library: createRubricLibraryRepo(db),
  panels: createPanelRepo(db),
  sheets: createSheetRepo(db),
  invitations: createInvitationRepo(db),
  contests: createContestRefRepo(db),
});
