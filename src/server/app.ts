import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandler } from './plugins/errors.ts';
import { systemRoutes } from './system/routes.ts';
import { authRoutes } from './identity/auth-routes.ts';
import { orgRoutes } from './identity/org-routes.ts';
import { peopleRoutes } from './identity/people-routes.ts';
import { importRoutes } from './identity/import-routes.ts';
import { systemActor } from './identity/system-actor.ts';
import { questionBankRoutes } from './bank/routes.ts';
import { arenaPlugin } from './arena/plugin.ts';
import { contestsRoutes } from './contests/routes.ts';
import { examsRoutes } from './exams/routes.ts';
import { judgingRoutes } from './judging/routes.ts';
import { VERSION } from './version.ts';

export type BuildOptions = {
  ctx: AppContext;
  logger?: boolean | object;
  /** lets the CLI on the same machine act through this server */
  cliToken?: string;
  /** serve the built web app from ctx.config.webDir when it exists */
  serveWeb?: boolean;
};

/** Builds the whole server without listening: main.ts listens, tests use app.inject. */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { ctx } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ctx.config.maxUploadMb * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'ServiceStar API (服务之星)', version: VERSION, description: 'Every route the web app uses. Sign in with POST /api/auth/sign-in; the session is an httpOnly cookie.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerAuth(app, ctx, { cliToken: opts.cliToken, systemActor: () => systemActor(ctx) });

  await app.register(
    async (api) => {
      await api.register(systemRoutes(ctx));
      await api.register(authRoutes(ctx));
      await api.register(orgRoutes(ctx));
      await api.register(peopleRoutes(ctx));
      await api.register(importRoutes(ctx));
      await api.register(questionBankRoutes(ctx));
      await api.register(arenaPlugin(ctx));
      await api.register(contestsRoutes(ctx));
      await api.register(examsRoutes(ctx));
      await api.register(judgingRoutes(ctx));
    },
    { prefix: '/api' },
  );

  const serveWeb = opts.serveWeb !== false && fs.existsSync(path.join(ctx.config.webDir, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: ctx.config.webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    // the single-page app owns every other GET that is not an API route or a file
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ error: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
  return app;
}
