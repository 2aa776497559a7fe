import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { attemptRoutes } from './attempt-routes.ts';
import { examRoutes } from './exam-routes.ts';
import { mockRoutes } from './mock-routes.ts';
import { practiceRoutes } from './practice-routes.ts';
import { proctorRoutes } from './proctor-routes.ts';
import { resultsRoutes } from './results-routes.ts';

/** Every route of written rounds and practice (笔试与练习), under /api. */
export const examsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  await app.register(examRoutes(ctx));
  await app.register(attemptRoutes(ctx));
  await app.register(proctorRoutes(ctx));
  await app.register(resultsRoutes(ctx));
  await app.register(practiceRoutes(ctx));
  await app.register(mockRoutes(ctx));
};
