import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { archiveBank, createBank, createKnowledgePoint, deleteKnowledgePoint, getBank, knowledgeTree, listBanks, updateBank } from './bank-service.ts';
import { Bank, BankList, BankListQuery, CreateBankBody, CreateKnowledgePointBody, ErrorBody, IdParams, KnowledgePointParams, KnowledgeTree, UpdateBankBody } from './schema.ts';

export const bankRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['question banks'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/banks', { schema: { tags, summary: 'Banks I manage, and banks shared down to me from an ancestor node', querystring: BankListQuery, response: { 200: BankList, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return { items: await listBanks(ctx, actor, request.query) };
  });
  app.post('/banks', { schema: { tags, summary: 'Create a bank owned by an organisation I organise', body: CreateBankBody, response: { 201: Bank, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createBank(ctx, actor, request.body));
  });
  app.get('/banks/:id', { schema: { tags, summary: 'One bank', params: IdParams, response: { 200: Bank, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getBank(ctx, actor, request.params.id);
  });
  app.patch('/banks/:id', { schema: { tags, summary: 'Rename or describe a bank', params: IdParams, body: UpdateBankBody, response: { 200: Bank, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return updateBank(ctx, actor, request.params.id, request.body);
  });
  app.delete('/banks/:id', { schema: { tags, summary: 'Archive a bank (papers already built keep their questions)', params: IdParams, response: { 200: z.object({ archived: z.literal(true) }), ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return archiveBank(ctx, actor, request.params.id);
  });

  app.get('/banks/:id/knowledge-points', { schema: { tags, summary: 'The knowledge-point tree, with questions on or below each node', params: IdParams, response: { 200: KnowledgeTree, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return knowledgeTree(ctx, actor, request.params.id);
  });
  app.post('/banks/:id/knowledge-points', { schema: { tags, summary: 'Add a knowledge point under a parent (or at the top)', params: IdParams, body: CreateKnowledgePointBody, response: { 201: KnowledgeTree, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createKnowledgePoint(ctx, actor, request.params.id, request.body));
  });
  app.delete('/banks/:id/knowledge-points/:kpId', { schema: { tags, summary: 'Remove an unused knowledge point and its subtree', params: KnowledgePointParams, response: { 200: KnowledgeTree, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return deleteKnowledgePoint(ctx, actor, request.params.id, request.params.kpId);
  });
};
