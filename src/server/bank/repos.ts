import type { Db } from '../db/kysely.ts';
import { createAttachmentRepo } from './attachment-repo.ts';
import { createBankRepo } from './bank-repo.ts';
import { createPaperRepo } from './paper-repo.ts';
import { createQuestionRepo } from './question-repo.ts';

/** The bank domain's repos, as AppContext carries them (ctx.bank.banks, .questions, .papers). */
export const createBankRepos = (db: Db) => ({
  banks: createBankRepo(db),
  questions: createQuestionRepo(db),
  papers: createPaperRepo(db),
  attachments: createAttachmentRepo(db),
});
