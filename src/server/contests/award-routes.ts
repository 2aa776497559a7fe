import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { computeAwards, getAwardDraft, honourRoll, listAwardVersions, publicResults, publishAwards, reviewAwards } from './award-service.ts';
import { certificates } from './certificate-service.ts';
import { contestFunnel } from './funnel-service.ts';
import { awardPoster, finalistPoster } from './poster-service.ts';
import { AwardSetList, AwardSetView, ComputeAwardsBody, EntryParams, ErrorBody, HonourRollView, IdParams, Loose, PosterQuery, PublicResultsView, VersionQuery } from './schema.ts';

/** Awards (compute → review → publish, versioned), certificates, the public pages and the funnel. */
export const awardRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['contests: awards'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 503: ErrorBody };

  app.get('/contests/:id/awards/draft', { schema: { tags, summary: 'The computed, not yet published award list', params: IdParams, response: { 200: AwardSetView.nullable(), ...errors } } }, async (request) => {
    return getAwardDraft(ctx, await request.requireActor(), request.params.id);
  });
  app.post('/contests/:id/awards/compute', { schema: { tags, summary: 'Compute the awards (tiers from standings, podium from a bracket, best individual from a round) into the draft', params: IdParams, body: ComputeAwardsBody, response: { 200: AwardSetView, ...errors } } }, async (request) => {
    return computeAwards(ctx, await request.requireActor(), request.params.id, request.body);
  });
  app.post('/contests/:id/awards/review', { schema: { tags, summary: 'Mark the draft reviewed', params: IdParams, response: { 200: AwardSetView, ...errors } } }, async (request) => {
    return reviewAwards(ctx, await request.requireActor(), request.params.id);
  });
  app.post('/contests/:id/awards/publish', { schema: { tags, summary: 'Publish the reviewed draft as the next version', params: IdParams, response: { 200: AwardSetView, ...errors } } }, async (request) => {
    return publishAwards(ctx, await request.requireActor(), request.params.id);
  });
  app.get('/contests/:id/awards/versions', { schema: { tags, summary: 'Every published version', params: IdParams, response: { 200: AwardSetList, ...errors } } }, async (request) => {
    return listAwardVersions(ctx, await request.requireActor(), request.params.id);
  });
  app.get('/contests/:id/awards/certificates', { schema: { tags, summary: 'Certificates (PDF, one page per awardee) of a published version, or of one entry', params: IdParams, querystring: VersionQuery, response: { 200: Loose, ...errors } } }, async (request, reply) => {
    const out = await certificates(ctx, await request.requireActor(), request.params.id, request.query);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${out.fileName}"`).send(out.body);
  });
  app.get('/contests/:id/funnel', { schema: { tags, summary: 'registered → sat → advanced → finalists, by gender and organisation', params: IdParams, response: { 200: Loose, ...errors } } }, async (request) => {
    return contestFunnel(ctx, await request.requireActor(), request.params.id);
  });

  app.get('/public/contests/:id/results', { schema: { tags: ['public'], summary: 'Public results page (no sign-in): the current or a named published version', params: IdParams, querystring: VersionQuery, response: { 200: PublicResultsView, ...errors } } }, async (request) => {
    return publicResults(ctx, request.params.id, request.query.version);
  });
  const svg = (reply: FastifyReply, out: { svg: string; fileName: string }, download: boolean) =>
    reply.type('image/svg+xml; charset=utf-8').header('content-disposition', `${download ? 'attachment' : 'inline'}; filename="${out.fileName}"`).send(out.svg);
  app.get('/public/contests/:id/posters/:entryId', { schema: { tags: ['public'], summary: "An awardee's shareable poster (SVG) from a published version (no sign-in)", params: EntryParams, querystring: PosterQuery, response: { 200: Loose, ...errors } } }, async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return svg(reply, await awardPoster(ctx, request.params.id, request.params.entryId, request.query), request.query.download === true);
  });
  app.get('/contests/:id/finalists/:entryId/poster', { schema: { tags, summary: "A finalist's shareable poster (SVG)", params: EntryParams, querystring: PosterQuery, response: { 200: Loose, ...errors } } }, async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return svg(reply, await finalistPoster(ctx, await request.requireActor(), request.params.id, request.params.entryId), request.query.download === true);
  });
  app.get('/public/honour-roll', { schema: { tags: ['public'], summary: 'Honour roll (no sign-in): every contest’s current published awards', response: { 200: HonourRollView, ...errors } } }, async () => {
    return honourRoll(ctx);
  });
};
