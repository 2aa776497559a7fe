import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { panelAssignment, panelAudit, panelBoard, panelResults, panelStatistics } from './board-service.ts';
import { getReveal, screenState, setReveal } from './reveal-service.ts';
import { correctSheet } from './score-service.ts';
import { AnyView, CorrectionBody, ErrorBody, IdParams, PanelEntryParams, RevealBody, SubmitResult, TokenParams } from './schema.ts';

/** The organiser's views of a panel (board, results, reveal, statistics, audit) and the big screen. */
export const boardRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['judging'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const ok = { 200: AnyView, ...errors };

  app.get('/judging/panels/:id/assignment', { schema: { tags, summary: 'Eligible judges per entry after conflicts of interest; shortfalls below the minimum size', params: IdParams, response: ok } }, async (request) => {
    return panelAssignment(ctx, await request.requireActor(), request.params.id);
  });
  app.get('/judging/panels/:id/board', { schema: { tags, summary: 'Who has scored whom, who is missing, locks', params: IdParams, response: ok } }, async (request) => {
    return panelBoard(ctx, await request.requireActor(), request.params.id);
  });
  app.get('/judging/panels/:id/results', { schema: { tags, summary: 'Results by the declared rule, with dropped scores and fallbacks explained', params: IdParams, response: ok } }, async (request) => {
    return panelResults(ctx, await request.requireActor(), request.params.id);
  });
  app.get('/judging/panels/:id/statistics', {
    schema: { tags, summary: 'Judge leniency, spread, agreement (ICC) and outliers', params: IdParams, querystring: z.object({ maxDeviation: z.coerce.number().positive().optional(), minOthers: z.coerce.number().int().min(1).optional() }), response: ok },
  }, async (request) => {
    return panelStatistics(ctx, await request.requireActor(), request.params.id, request.query);
  });
  app.get('/judging/panels/:id/audit', { schema: { tags, summary: 'Every score change, lock and unlock: who, when, old, new, reason', params: IdParams, response: ok } }, async (request) => {
    return panelAudit(ctx, await request.requireActor(), request.params.id);
  });
  app.put('/judging/panels/:id/corrections', { schema: { tags, summary: "Organiser's correction of a judge's sheet (reason required, audited; refused when locked)", params: IdParams, body: CorrectionBody, response: { 200: SubmitResult, ...errors } } }, async (request) => {
    return correctSheet(ctx, await request.requireActor(), request.params.id, request.body);
  });
  app.get('/judging/panels/:id/reveal/:entryId', { schema: { tags, summary: "An entry's reveal steps for the big screen, and the screen now", params: PanelEntryParams, response: ok } }, async (request) => {
    return getReveal(ctx, await request.requireActor(), request.params.id, request.params.entryId);
  });
  app.put('/judging/panels/:id/reveal', { schema: { tags, summary: 'Show a locked entry’s reveal on the big screen up to a step (−1 empties it)', params: IdParams, body: RevealBody, response: ok } }, async (request) => {
    return setReveal(ctx, await request.requireActor(), request.params.id, request.body);
  });
  app.get('/judging/screen/:token', { schema: { tags, summary: 'Public: what the big screen shows now (poll it)', params: TokenParams, response: { 200: AnyView, 404: ErrorBody } } }, async (request) => {
    return screenState(ctx, request.params.token);
  });
};
