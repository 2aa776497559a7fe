import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { setPanelLock } from './lock-service.ts';
import { createPanel, deletePanel, getPanel, listPanels, setOnStage, updatePanel } from './panel-service.ts';
import { ContestParams, CreatePanelBody, ErrorBody, IdParams, LockBody, LockResult, OnStageBody, PanelView, UnlockBody, UpdatePanelBody } from './schema.ts';

export const panelRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['judging'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/judging/contests/:contestId/panels', { schema: { tags, summary: "A contest's judging panels", params: ContestParams, response: { 200: z.object({ items: z.array(PanelView) }), ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return { items: await listPanels(ctx, actor, request.params.contestId) };
  });
  app.post('/judging/contests/:contestId/panels', { schema: { tags, summary: 'Create a panel for a judged round: judges (seat order), entries (stage order), rules', params: ContestParams, body: CreatePanelBody, response: { 201: PanelView, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createPanel(ctx, actor, request.params.contestId, request.body));
  });
  app.get('/judging/panels/:id', { schema: { tags, summary: 'One panel (organiser)', params: IdParams, response: { 200: PanelView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getPanel(ctx, actor, request.params.id);
  });
  app.patch('/judging/panels/:id', { schema: { tags, summary: 'Change judges, entries and their order, rubric, aggregation, conflict depth', params: IdParams, body: UpdatePanelBody, response: { 200: PanelView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return updatePanel(ctx, actor, request.params.id, request.body);
  });
  app.delete('/judging/panels/:id', { schema: { tags, summary: 'Delete a panel that has no scores', params: IdParams, response: { 200: z.object({ deleted: z.literal(true) }), ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return deletePanel(ctx, actor, request.params.id);
  });
  app.put('/judging/panels/:id/on-stage', { schema: { tags, summary: 'Set the entry now on stage (what judges’ phones open to)', params: IdParams, body: OnStageBody, response: { 200: PanelView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return setOnStage(ctx, actor, request.params.id, request.body.entryId);
  });
  app.post('/judging/panels/:id/lock', { schema: { tags, summary: 'Lock one entry or the whole panel; writes contest_round_score', params: IdParams, body: LockBody, response: { 200: LockResult, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return setPanelLock(ctx, actor, request.params.id, { locked: true, ...request.body });
  });
  app.post('/judging/panels/:id/unlock', { schema: { tags, summary: 'Unlock (with a reason) for a correction', params: IdParams, body: UnlockBody, response: { 200: LockResult, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return setPanelLock(ctx, actor, request.params.id, { locked: false, ...request.body });
  });
};
