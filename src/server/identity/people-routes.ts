import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { resetPassword } from './auth-service.ts';
import { createPerson, getPerson, grantRole, listPeople, revokeRole, updatePerson } from './people-service.ts';
import { CreatePersonBody, ErrorBody, GrantParams, GrantRoleBody, IdParams, PeoplePage, PeopleQuery, Person, ResetPasswordBody, UpdatePersonBody } from './schema.ts';

export const peopleRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['people'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/people', { schema: { tags, summary: 'Search people in my subtree', querystring: PeopleQuery, response: { 200: PeoplePage, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return listPeople(ctx, actor, request.query);
  });
  app.get('/people/:id', { schema: { tags, summary: 'One person (myself, or someone in my subtree)', params: IdParams, response: { 200: Person, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getPerson(ctx, actor, request.params.id);
  });
  app.post('/people', {
    schema: { tags, summary: 'Create a person with the initial password', body: CreatePersonBody, response: { 201: z.object({ person: Person, initialPassword: z.string() }), ...errors } },
  }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createPerson(ctx, actor, request.body));
  });
  app.patch('/people/:id', { schema: { tags, summary: 'Edit a person', params: IdParams, body: UpdatePersonBody, response: { 200: Person, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return updatePerson(ctx, actor, request.params.id, request.body);
  });
  app.post('/people/:id/roles', { schema: { tags, summary: 'Grant a role over an organisation subtree', params: IdParams, body: GrantRoleBody, response: { 200: Person, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return grantRole(ctx, actor, request.params.id, request.body);
  });
  app.delete('/people/:id/roles/:grantId', { schema: { tags, summary: 'Revoke a role grant', params: GrantParams, response: { 200: Person, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return revokeRole(ctx, actor, request.params.id, request.params.grantId);
  });
  app.post('/people/:id/reset-password', {
    schema: { tags, summary: 'Set a temporary password that must be changed at next sign-in', params: IdParams, body: ResetPasswordBody, response: { 200: z.object({ temporaryPassword: z.string() }), ...errors } },
  }, async (request) => {
    const actor = await request.requireActor();
    return resetPassword(ctx, actor, request.params.id, request.body?.password);
  });
};
