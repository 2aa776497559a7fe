import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { archiveOrganisation, createOrganisation, listOrganisations, moveOrganisation, updateOrganisation } from './org-service.ts';
import { CreateOrgBody, CreateTrackBody, ErrorBody, IdParams, MoveOrgBody, Organisation, OrganisationList, OrgListQuery, Track, TrackList, UpdateOrgBody } from './schema.ts';
import { createTrack, listTracks } from './track-service.ts';

export const orgRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['organisations'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/organisations', { schema: { tags, summary: 'The organisation tree within my scope', querystring: OrgListQuery, response: { 200: OrganisationList, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return { items: await listOrganisations(ctx, actor, request.query) };
  });
  app.post('/organisations', { schema: { tags, summary: 'Create a child organisation', body: CreateOrgBody, response: { 201: Organisation, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createOrganisation(ctx, actor, request.body));
  });
  app.patch('/organisations/:id', { schema: { tags, summary: 'Rename or re-kind an organisation', params: IdParams, body: UpdateOrgBody, response: { 200: Organisation, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return updateOrganisation(ctx, actor, request.params.id, request.body);
  });
  app.post('/organisations/:id/move', { schema: { tags, summary: 'Move an organisation under another (no cycles)', params: IdParams, body: MoveOrgBody, response: { 200: Organisation, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return moveOrganisation(ctx, actor, request.params.id, request.body.parentId);
  });
  app.post('/organisations/:id/archive', { schema: { tags, summary: 'Archive an organisation and its subtree', params: IdParams, response: { 200: z.object({ archived: z.number() }), ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return archiveOrganisation(ctx, actor, request.params.id);
  });

  app.get('/tracks', { schema: { tags: ['tracks'], summary: 'Tracks (专业)', response: { 200: TrackList, 401: ErrorBody } } }, async (request) => {
    await request.requireActor();
    return { items: await listTracks(ctx) };
  });
  app.post('/tracks', { schema: { tags: ['tracks'], summary: 'Add a track (platform admin)', body: CreateTrackBody, response: { 201: Track, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createTrack(ctx, actor, request.body));
  });
};
