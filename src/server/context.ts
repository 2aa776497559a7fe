import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { createOrgRepo } from './identity/org-repo.ts';
import { createPersonRepo } from './identity/person-repo.ts';
import { createSessionRepo } from './identity/session-repo.ts';
import { createMiscRepo } from './identity/misc-repo.ts';
import { createSessionCache } from './identity/session-cache.ts';
import { createBankRepos } from './bank/repos.ts';
import { createContestsRepos } from './contests/repos.ts';
import { createExamsRepos } from './exams/repos.ts';
import { createArenaRepos } from './arena/repos.ts';
import { createJudgingRepos } from './judging/repos.ts';

/**
 * The explicit dependencies every service receives: the database, the repos of each
 * domain, the configuration and the clock. No container, no globals.
 */
export type AppContext = ReturnType<typeof createContext>;

export function createContext(database: Database, config: Config, opts: { now?: () => Date } = {}) {
  const db = database.db;
  const sessionCache = createSessionCache();
  return {
    db,
    databaseKind: database.kind,
    config,
    now: opts.now ?? (() => new Date()),
    sessionCache,
    identity: {
      orgs: createOrgRepo(db),
      people: createPersonRepo(db, sessionCache),
      sessions: createSessionRepo(db, sessionCache),
      misc: createMiscRepo(db),
    },
    bank: createBankRepos(db),
    contests: createContestsRepos(db),
    exams: createExamsRepos(db),
    arena: createArenaRepos(db),
    judging: createJudgingRepos(db),
  };
}
