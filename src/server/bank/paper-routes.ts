import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { checkBlueprint, createBlueprint, deleteBlueprint, listBlueprints, loadBlueprint, updateBlueprint } from './blueprint-service.ts';
import type { Blueprint } from './engine/blueprint.ts';
import { AnswerKey, AssembleBody, BlueprintList, BlueprintView, CreateBlueprintBody, Feasibility, FeasibilityBody, PaperSetDetail, PaperSetList, PaperView, UpdateBlueprintBody } from './paper-schema.ts';
import { assemblePaperSet, getAnswerKey, getPaper, getPaperSet, listPaperSets } from './paper-service.ts';
import { ErrorBody, IdParams } from './schema.ts';

// zod's inferred blueprint has optional keys where the engine's has `?:`; the shapes are the same
const asBlueprint = (b: unknown) => b as Blueprint;

export const paperRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['paper assembly'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/banks/:id/blueprints', { schema: { tags, summary: 'Saved blueprints of a bank', params: IdParams, response: { 200: BlueprintList, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return listBlueprints(ctx, actor, request.params.id);
  });
  app.post('/banks/:id/blueprints', { schema: { tags, summary: 'Save a blueprint', params: IdParams, body: CreateBlueprintBody, response: { 201: BlueprintView, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createBlueprint(ctx, actor, request.params.id, { name: request.body.name, blueprint: asBlueprint(request.body.blueprint) }));
  });
  app.get('/blueprints/:id', { schema: { tags, summary: 'One blueprint', params: IdParams, response: { 200: BlueprintView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return loadBlueprint(ctx, actor, request.params.id, 'use');
  });
  app.patch('/blueprints/:id', { schema: { tags, summary: 'Rename or change a blueprint', params: IdParams, body: UpdateBlueprintBody, response: { 200: BlueprintView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return updateBlueprint(ctx, actor, request.params.id, { name: request.body.name, blueprint: request.body.blueprint && asBlueprint(request.body.blueprint) });
  });
  app.delete('/blueprints/:id', { schema: { tags, summary: 'Delete a blueprint (paper sets keep their snapshot)', params: IdParams, response: { 200: z.object({ deleted: z.literal(true) }), ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return deleteBlueprint(ctx, actor, request.params.id);
  });

  app.post('/banks/:id/feasibility', {
    schema: { tags, summary: 'Live check of a blueprint against the bank: every counting problem, or ok with supply and demand per type', params: IdParams, body: FeasibilityBody, response: { 200: Feasibility, ...errors } },
  }, async (request) => {
    const actor = await request.requireActor();
    return checkBlueprint(ctx, actor, request.params.id, { blueprint: asBlueprint(request.body.blueprint), papers: request.body.papers });
  });
  app.post('/banks/:id/assemble', {
    schema: { tags, summary: 'Build K parallel papers (A/B/C 卷) as one paper set, or 400 (field blueprint) with the problems', params: IdParams, body: AssembleBody, response: { 201: PaperSetDetail, ...errors } },
  }, async (request, reply) => {
    const actor = await request.requireActor();
    const { blueprint, ...rest } = request.body;
    return reply.status(201).send(await assemblePaperSet(ctx, actor, request.params.id, { ...rest, blueprint: blueprint && asBlueprint(blueprint) }));
  });
  app.get('/banks/:id/paper-sets', { schema: { tags, summary: 'Paper sets built from a bank, newest first', params: IdParams, response: { 200: PaperSetList, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return listPaperSets(ctx, actor, request.params.id);
  });
  app.get('/paper-sets/:id', { schema: { tags, summary: 'A paper set and its papers', params: IdParams, response: { 200: PaperSetDetail, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getPaperSet(ctx, actor, request.params.id);
  });
  app.get('/papers/:id', { schema: { tags, summary: 'A paper as the candidate sees it (no answers)', params: IdParams, response: { 200: PaperView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getPaper(ctx, actor, request.params.id);
  });
  app.get('/papers/:id/answer-key', { schema: { tags, summary: 'The answer key of a paper (organisers)', params: IdParams, response: { 200: AnswerKey, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getAnswerKey(ctx, actor, request.params.id);
  });
};
