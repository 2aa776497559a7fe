import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { createLibraryRubric, getLibraryRubric, listLibrary, saveRubricToLibrary, updateLibraryRubric } from './rubric-library-service.ts';
import { CreateLibraryBody, ErrorBody, IdParams, LibraryList, LibraryQuery, LibraryRubricView, SaveToLibraryBody, UpdateLibraryBody } from './schema.ts';

/** The organisation rubric library (评分细则库); docs/judging.md has who sees what. */
export const rubricLibraryRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['judging'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/judging/rubric-library', { schema: { tags, summary: "Library rubrics of the organiser's organisations and their ancestors, with the built-in templates", querystring: LibraryQuery, response: { 200: LibraryList, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    const a = request.query.includeArchived;
    return listLibrary(ctx, actor, { includeArchived: a === 'true' || a === '1' });
  });
  app.post('/judging/rubric-library', { schema: { tags, summary: 'Keep a rubric in the library of an organisation you organise', body: CreateLibraryBody, response: { 201: LibraryRubricView, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createLibraryRubric(ctx, actor, request.body));
  });
  app.get('/judging/rubric-library/:id', { schema: { tags, summary: 'One library rubric', params: IdParams, response: { 200: LibraryRubricView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getLibraryRubric(ctx, actor, request.params.id);
  });
  app.patch('/judging/rubric-library/:id', { schema: { tags, summary: 'Rename, change the criteria of, or archive a library rubric', params: IdParams, body: UpdateLibraryBody, response: { 200: LibraryRubricView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return updateLibraryRubric(ctx, actor, request.params.id, request.body);
  });
  app.post('/judging/rubrics/:id/save-to-library', { schema: { tags, summary: "Keep a contest's rubric in an organisation's library", params: IdParams, body: SaveToLibraryBody, response: { 201: LibraryRubricView, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await saveRubricToLibrary(ctx, actor, request.params.id, request.body));
  });
};
