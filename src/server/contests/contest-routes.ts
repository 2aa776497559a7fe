import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { createContest, getContest, listContests, setContestStatus, updateContest } from './contest-service.ts';
import { eligiblePeople, listEntries, myEntries, register, reviewEntry } from './registration-service.ts';
import { EligiblePeople, EligibleQuery, ContestList, ContestView, CreateContestBody, EntryList, EntryListQuery, EntryParams, EntryView, ErrorBody, IdParams, RegisterBody, ReviewBody, StatusBody, UpdateContestBody } from './schema.ts';

export const contestRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['contests'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/contests', { schema: { tags, summary: 'Contests I organise, and the open ones of my organisation', response: { 200: ContestList, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return { items: await listContests(ctx, actor) };
  });
  app.post('/contests', { schema: { tags, summary: 'Create a contest (draft) owned by a node I organise; the engine checks the definition', body: CreateContestBody, response: { 201: ContestView, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createContest(ctx, actor, request.body));
  });
  app.get('/contests/:id', { schema: { tags, summary: 'One contest with its definition', params: IdParams, response: { 200: ContestView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getContest(ctx, actor, request.params.id);
  });
  app.patch('/contests/:id', { schema: { tags, summary: 'Change title, definition (draft/registration only) or settings', params: IdParams, body: UpdateContestBody, response: { 200: ContestView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return updateContest(ctx, actor, request.params.id, request.body);
  });
  app.post('/contests/:id/status', { schema: { tags, summary: 'draft → registration → running → finished', params: IdParams, body: StatusBody, response: { 200: ContestView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return setContestStatus(ctx, actor, request.params.id, request.body.status);
  });

  app.post('/contests/:id/entries', { schema: { tags, summary: 'Register alone or as the captain of a team', params: IdParams, body: RegisterBody, response: { 201: EntryView, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await register(ctx, actor, request.params.id, request.body));
  });
  app.get('/contests/:id/entries', { schema: { tags, summary: 'Registrations in my screening scope (all of them for the organiser)', params: IdParams, querystring: EntryListQuery, response: { 200: EntryList, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return { items: await listEntries(ctx, actor, request.params.id, request.query) };
  });
  app.get('/contests/:id/eligible-people', { schema: { tags, summary: 'People a team captain may pick (own organisation, not in another entry): id, name, 工号, organisation', params: IdParams, querystring: EligibleQuery, response: { 200: EligiblePeople, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return eligiblePeople(ctx, actor, request.params.id, request.query);
  });
  app.get('/contests/:id/my-entries', { schema: { tags, summary: 'My registrations and their screening status', params: IdParams, response: { 200: EntryList, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return { items: await myEntries(ctx, actor, request.params.id) };
  });
  app.post('/contests/:id/entries/:entryId/review', { schema: { tags, summary: '海选: approve, or reject with a reason', params: EntryParams, body: ReviewBody, response: { 200: EntryView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return reviewEntry(ctx, actor, request.params.id, request.params.entryId, request.body);
  });
};
