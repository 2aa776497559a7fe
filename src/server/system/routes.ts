import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { signIn } from '../identity/auth-service.ts';
import { ErrorBody, Health, SetupBody, SetupState } from '../identity/schema.ts';
import { needsSetup, setupFirstAdmin } from '../identity/setup-service.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import { VERSION } from '../version.ts';
import { z } from 'zod';
import { loadDemo } from '../demo/index.ts';
import { isPlatformAdmin } from '../identity/engine/authz.ts';
import { forbidden } from '../errors.ts';

export const systemRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get('/health', { schema: { tags: ['system'], summary: 'Liveness and which database is in use', response: { 200: Health } } }, async () => {
    return { status: 'ok' as const, database: ctx.databaseKind, version: VERSION };
  });
  app.get('/setup', { schema: { tags: ['system'], summary: 'Does this installation still need its first admin?', response: { 200: SetupState } } }, async () => {
    return { needsSetup: await needsSetup(ctx), demo: ctx.config.demo };
  });
  app.post('/setup', { schema: { tags: ['system'], summary: 'Create the root organisation and the first platform admin', body: SetupBody, response: { 200: z.object({ ok: z.literal(true) }), 400: ErrorBody, 409: ErrorBody } } }, async (request, reply) => {
    await setupFirstAdmin(ctx, request.body);
    const r = await signIn(ctx, { employeeNo: request.body.employeeNo, password: request.body.password, ip: request.ip });
    reply.setCookie(SESSION_COOKIE, r.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.cookieSecure, expires: r.expiresAt });
    return { ok: true as const };
  });

  app.post('/demo', { schema: { tags: ['system'], summary: 'Load the demo data (platform admin; idempotent)', response: { 200: z.object({ summary: z.record(z.string(), z.number()) }), 401: ErrorBody, 403: ErrorBody } } }, async (request) => {
    const actor = await request.requireActor();
    if (!isPlatformAdmin(actor)) throw forbidden('only a platform admin may load demo data');
    return loadDemo(ctx);
  });
};
