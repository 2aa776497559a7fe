import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { attachmentRoutes } from './attachment-routes.ts';
import { bankRoutes } from './bank-routes.ts';
import { paperRoutes } from './paper-routes.ts';
import { questionFileRoutes } from './question-file-routes.ts';
import { questionRoutes } from './question-routes.ts';

/** Every route of the question bank (题库与组卷), under /api. */
export const questionBankRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  await app.register(bankRoutes(ctx));
  await app.register(questionRoutes(ctx));
  await app.register(questionFileRoutes(ctx));
  await app.register(paperRoutes(ctx));
  await app.register(attachmentRoutes(ctx));
};
