import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { boardRoutes } from './board-routes.ts';
import { judgeRoutes } from './judge-routes.ts';
import { panelRoutes } from './panel-routes.ts';
import { rubricLibraryRoutes } from './rubric-library-routes.ts';
import { rubricRoutes } from './rubric-routes.ts';

/** Every route of judging (评委评分), under /api. docs/judging.md has the table. */
export const judgingRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  await app.register(rubricRoutes(ctx));
  await app.register(rubricLibraryRoutes(ctx));
  await app.register(panelRoutes(ctx));
  await app.register(boardRoutes(ctx));
  await app.register(judgeRoutes(ctx));
};
