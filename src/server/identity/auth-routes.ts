import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import { changePassword, signIn, signOut } from './auth-service.ts';
import { getPerson } from './people-service.ts';
import { ChangePasswordBody, ErrorBody, Me, SignInBody } from './schema.ts';

export const authRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.cookieSecure };

  app.post('/auth/sign-in', {
    schema: { tags: ['identity'], summary: 'Sign in with 工号 and password', body: SignInBody, response: { 200: z.object({ mustChangePassword: z.boolean() }), 401: ErrorBody, 423: ErrorBody } },
  }, async (request, reply) => {
    const r = await signIn(ctx, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, r.token, { ...cookieOptions, expires: r.expiresAt });
    return { mustChangePassword: r.mustChangePassword };
  });

  app.post('/auth/sign-out', { schema: { tags: ['identity'], summary: 'Sign out', response: { 204: z.null() } } }, async (request, reply) => {
    const token = request.sessionToken();
    if (token) await signOut(ctx, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags: ['identity'], summary: 'Who is signed in', response: { 200: Me, 401: ErrorBody } } }, async (request) => {
    const actor = await request.requireActor({ allowPendingPasswordChange: true });
    const p = await getPerson(ctx, actor, actor.personId);
    return {
      person: { id: p.id, employeeNo: p.employeeNo, name: p.name, organisation: p.organisation },
      roles: p.roles,
      mustChangePassword: actor.mustChangePassword,
    };
  });

  app.post('/auth/change-password', {
    schema: { tags: ['identity'], summary: 'Change my password', body: ChangePasswordBody, response: { 204: z.null(), 400: ErrorBody } },
  }, async (request, reply) => {
    const actor = await request.requireActor({ allowPendingPasswordChange: true });
    await changePassword(ctx, actor, { ...request.body, token: request.sessionToken()! });
    return reply.status(204).send(null);
  });
};
