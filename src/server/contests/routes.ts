import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { awardRoutes } from './award-routes.ts';
import { contestRoutes } from './contest-routes.ts';
import { stageEntrantsRoutes } from './stage-entrants.ts';
import { stageRoutes } from './stage-routes.ts';
import { uploadRoutes } from './upload-routes.ts';

/** Every route of contests (赛事编排), under /api. */
export const contestsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  await app.register(contestRoutes(ctx));
  await app.register(stageRoutes(ctx));
  await app.register(stageEntrantsRoutes(ctx));
  await app.register(awardRoutes(ctx));
  await app.register(uploadRoutes(ctx));
};
