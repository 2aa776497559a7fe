import type { Db } from '../db/kysely.ts';
import { createEventRepo } from './event-repo.ts';
import { createRoundRepo } from './round-repo.ts';

/** The arena's repos, as AppContext carries them (ctx.arena.rounds, .events). */
export const createArenaRepos = (db: Db) => ({ rounds: createRoundRepo(db), events: createEventRepo(db) });
