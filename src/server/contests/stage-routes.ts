import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { advanceStage, getAdvancement } from './advance-service.ts';
import { createBracket, getBracket, getPk, playPkRound, recordMatch, startPk } from './bracket-service.ts';
import { AdvanceBody, BracketBody, BracketView, StandingsView, ErrorBody, IdParams, Loose, MatchResultBody, PkRoundBody, PkStartBody, ScoreBody, StageParams, VenueBody, VenueParams, VenuePeopleBody } from './schema.ts';
import { enterScore, getStandings, listScores } from './standings-service.ts';
import { assignVenuePeople, createVenue, listVenues } from './venue-service.ts';

/** Scores, standings, advancement, group PK, brackets and venues of a contest's stages. */
export const stageRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['contests: stages'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const base = '/contests/:id/stages/:stageKey';

  app.get(`${base}/standings`, { schema: { tags, summary: 'Standings per track, explained, and the scores still missing', params: StageParams, response: { 200: StandingsView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getStandings(ctx, actor, request.params.id, request.params.stageKey);
  });
  app.get(`${base}/scores`, { schema: { tags, summary: 'The raw contest_round_score rows of the stage', params: StageParams, response: { 200: Loose, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return listScores(ctx, actor, request.params.id, request.params.stageKey);
  });
  app.put('/contests/:id/scores', { schema: { tags, summary: "An organiser's manual score (source 'manual', audited)", params: IdParams, body: ScoreBody, response: { 200: Loose, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return enterScore(ctx, actor, request.params.id, request.body);
  });
  app.post(`${base}/advance`, { schema: { tags, summary: 'Who advances and why; writes contest_advancement unless dryRun', params: StageParams, body: AdvanceBody, response: { 200: Loose, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return advanceStage(ctx, actor, request.params.id, request.params.stageKey, request.body);
  });
  app.get(`${base}/advancement`, { schema: { tags, summary: 'The advancement written for the stage', params: StageParams, response: { 200: Loose, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getAdvancement(ctx, actor, request.params.id, request.params.stageKey);
  });

  app.get(`${base}/pk`, { schema: { tags, summary: 'The group PK state (groups, history, survivors)', params: StageParams, response: { 200: Loose, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getPk(ctx, actor, request.params.id, request.params.stageKey);
  });
  app.post(`${base}/pk`, { schema: { tags, summary: 'Deal the stage entrants into PK groups by snake seeding', params: StageParams, body: PkStartBody, response: { 201: Loose, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await startPk(ctx, actor, request.params.id, request.params.stageKey, request.body));
  });
  app.post(`${base}/pk/rounds`, { schema: { tags, summary: "Submit the current PK round's scores: the lowest of each group go out", params: StageParams, body: PkRoundBody, response: { 200: Loose, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return playPkRound(ctx, actor, request.params.id, request.params.stageKey, request.body);
  });
  app.get(`${base}/bracket`, { schema: { tags, summary: 'The bracket, its matches resolved and the placements', params: StageParams, response: { 200: BracketView.nullable(), ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getBracket(ctx, actor, request.params.id, request.params.stageKey);
  });
  app.post(`${base}/bracket`, { schema: { tags, summary: 'Create the bracket from seeds (default: PK survivors, else previous places)', params: StageParams, body: BracketBody, response: { 201: BracketView, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createBracket(ctx, actor, request.params.id, request.params.stageKey, request.body));
  });
  app.post(`${base}/bracket/results`, { schema: { tags, summary: "Record a match's winner", params: StageParams, body: MatchResultBody, response: { 200: BracketView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return recordMatch(ctx, actor, request.params.id, request.params.stageKey, request.body);
  });

  app.get('/contests/:id/venues', { schema: { tags, summary: 'Every venue (main and branch) with its rounds and people', params: IdParams, querystring: z.object({ stage: z.string().optional() }), response: { 200: Loose, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return listVenues(ctx, actor, request.params.id, request.query.stage);
  });
  app.post(`${base}/venues`, { schema: { tags, summary: 'Add a main or branch venue to a stage', params: StageParams, body: VenueBody, response: { 201: Loose, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createVenue(ctx, actor, request.params.id, request.params.stageKey, request.body));
  });
  app.put('/contests/:id/venues/:venueId/people', { schema: { tags, summary: 'Set the people of a venue (one venue per person per stage)', params: VenueParams, body: VenuePeopleBody, response: { 200: Loose, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return assignVenuePeople(ctx, actor, request.params.id, request.params.venueId, request.body);
  });
};
