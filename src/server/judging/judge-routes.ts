import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import { createInvitation, listInvitations, redeemInvitation, revokeInvitation } from './invitation-service.ts';
import { myPanel, myPanels, submitBatch, submitSheet } from './score-service.ts';
import { z } from 'zod';
import { AnyView, BatchBody, BatchResult, ContestParams, CreateInvitationBody, ErrorBody, IdParams, InvitationView, RedeemBody, RedeemResult, SubmitResult, SubmitSheetBody } from './schema.ts';

/** The judge's phone, and guest-judge invitations. */
export const judgeRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['judging'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/judging/me/panels', { schema: { tags, summary: 'The panels I judge on (a guest: only their contest)', response: { 200: AnyView, ...errors } } }, async (request) => {
    return { items: await myPanels(ctx, await request.requireActor()) };
  });
  app.get('/judging/me/panels/:id', { schema: { tags, summary: 'My phone view: rubric, entry on stage, my sheets, locks, conflicts', params: IdParams, response: { 200: AnyView, ...errors } } }, async (request) => {
    return myPanel(ctx, await request.requireActor(), request.params.id);
  });
  app.put('/judging/panels/:id/sheets', { schema: { tags, summary: 'Submit or edit my score sheet for one entry (idempotent by clientId)', params: IdParams, body: SubmitSheetBody, response: { 200: SubmitResult, ...errors } } }, async (request) => {
    return submitSheet(ctx, await request.requireActor(), request.params.id, request.body);
  });
  app.post('/judging/panels/:id/sheets/batch', { schema: { tags, summary: 'Send the offline queue; one outcome per item', params: IdParams, body: BatchBody, response: { 200: BatchResult, ...errors } } }, async (request) => {
    return submitBatch(ctx, await request.requireActor(), request.params.id, request.body);
  });

  app.get('/judging/contests/:contestId/invitations', { schema: { tags, summary: 'Guest-judge invitations of a contest', params: ContestParams, response: { 200: z.object({ items: z.array(InvitationView) }), ...errors } } }, async (request) => {
    return listInvitations(ctx, await request.requireActor(), request.params.contestId);
  });
  app.post('/judging/contests/:contestId/invitations', { schema: { tags, summary: 'Invite a guest judge (code + link)', params: ContestParams, body: CreateInvitationBody, response: { 201: InvitationView, ...errors } } }, async (request, reply) => {
    return reply.status(201).send(await createInvitation(ctx, await request.requireActor(), request.params.contestId, request.body));
  });
  app.delete('/judging/invitations/:id', { schema: { tags, summary: 'Revoke an invitation (ends the guest’s sessions)', params: IdParams, response: { 200: InvitationView, ...errors } } }, async (request) => {
    return revokeInvitation(ctx, await request.requireActor(), request.params.id);
  });
  app.post('/judging/invitations/redeem', { schema: { tags, summary: 'Public: redeem an invitation code; sets the session cookie', body: RedeemBody, response: { 200: RedeemResult, ...errors } } }, async (request, reply) => {
    const r = await redeemInvitation(ctx, { code: request.body.code, ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, r.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.cookieSecure, expires: r.expiresAt });
    return r.result;
  });
};
