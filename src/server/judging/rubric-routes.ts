import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { createRubric, deleteRubric, getRubric, listRubrics, listTemplates, updateRubric } from './rubric-service.ts';
import { ContestParams, CreateRubricBody, ErrorBody, IdParams, RubricInput, RubricTemplate, RubricView } from './schema.ts';

export const rubricRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['judging'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/judging/rubric-templates', { schema: { tags, summary: 'Reusable rubric templates (complaint handling, presentation …)', response: { 200: z.object({ items: z.array(RubricTemplate) }), ...errors } } }, async (request) => {
    await request.requireActor();
    return { items: listTemplates() };
  });
  app.get('/judging/contests/:contestId/rubrics', { schema: { tags, summary: "A contest's rubrics", params: ContestParams, response: { 200: z.object({ items: z.array(RubricView) }), ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return { items: await listRubrics(ctx, actor, request.params.contestId) };
  });
  app.post('/judging/contests/:contestId/rubrics', { schema: { tags, summary: 'Copy a template ({templateId}) or a library rubric ({libraryId}), or write a rubric', params: ContestParams, body: CreateRubricBody, response: { 201: RubricView, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createRubric(ctx, actor, request.params.contestId, request.body));
  });
  app.get('/judging/rubrics/:id', { schema: { tags, summary: 'One rubric', params: IdParams, response: { 200: RubricView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getRubric(ctx, actor, request.params.id);
  });
  app.put('/judging/rubrics/:id', { schema: { tags, summary: 'Edit a rubric (until scores exist under it)', params: IdParams, body: RubricInput, response: { 200: RubricView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return updateRubric(ctx, actor, request.params.id, request.body);
  });
  app.delete('/judging/rubrics/:id', { schema: { tags, summary: 'Delete an unused rubric', params: IdParams, response: { 200: z.object({ deleted: z.literal(true) }), ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return deleteRubric(ctx, actor, request.params.id);
  });
};
