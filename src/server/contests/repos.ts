import type { Db } from '../db/kysely.ts';
import { createAwardRepo } from './award-repo.ts';
import { createContestRepo } from './contest-repo.ts';
import { createEntryRepo } from './entry-repo.ts';
import { createScoreRepo } from './score-repo.ts';
import { createUploadRepo } from './upload-repo.ts';
import { createVenueRepo } from './venue-repo.ts';

/** The contests domain's repos, as AppContext carries them (ctx.contests.contests, .entries …). */
export const createContestsRepos = (db: Db) => ({
  contests: createContestRepo(db),
  entries: createEntryRepo(db),
  scores: createScoreRepo(db),
  venues: createVenueRepo(db),
  awards: createAwardRepo(db),
  uploads: createUploadRepo(db),
});
