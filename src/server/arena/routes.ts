import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { canHostRound, loadRound, personPlayerId, verifyScreenToken } from './access.ts';
import type { Hub } from './hub/hub.ts';
import { exportRecord, listEvents, passList, passListXlsx, replayStep } from './record-service.ts';
import { addPaperQuestions, createRound, getRound, joinByCode, listMyRounds, listRounds, revokeScreenToken, rotateScreenToken, setRoster, startRound, updateRound } from './round-service.ts';
import { CreateRoundBody, EventsQuery, ExportQuery, IdParams, JoinBody, MyRoundsResponse, PaperQuestionsBody, PassListResponse, PassQuery, RosterBody, ScreenQuery, StepParams, UpdateRoundBody } from './schema.ts';

/** HTTP routes of the live arena (docs/arena.md has the table); the play itself goes over the WebSocket (ws-routes.ts). */
export const arenaHttpRoutes = (ctx: AppContext, hub: Hub): FastifyPluginAsyncZod => async (app) => {
  const tags = ['live arena'];

  /**
   * A new or revoked screen token: the hubs' copies of the row (sockets authenticate against
   * them) take the new token, and the screens connected with the old one are closed (4003),
   * in this process at once and, with REDIS_URL, in every other process through the bus.
   */
  const screenTokenChanged = (id: number) => hub.rowChanged(id);

  app.get('/arena/my-rounds', { schema: { tags, summary: 'A contestant’s live rounds: those whose roster names them, and the mass quizzes open to their organisation', response: { 200: MyRoundsResponse } } }, async (request) =>
    listMyRounds(ctx, await request.requireActor()),
  );
  app.get('/arena/rounds/:id/public', { schema: { tags, summary: 'What the big screen, the spectator page or a phone shows of a round (title, format, join code): with the screen token, when the round is public, or to its players and hosts', params: IdParams, querystring: ScreenQuery } }, async (request) => {
    const row = await ctx.arena.rounds.get(request.params.id);
    if (!row || row.status === 'draft') throw notFound('live round');
    const token = request.query.token;
    if (token !== undefined) {
      if (!verifyScreenToken(row, token)) throw forbidden('this screen token is not valid (revoked or replaced)');
    } else if (!row.isPublic) {
      // a private round: its players (the roster, anyone signed in for a mass quiz) and its hosts
      const actor = request.sessionToken() ? await request.requireActor().catch(() => undefined) : undefined;
      const player = actor && (row.config.format === 'mass-quiz' || row.config.players.some((p) => p.id === personPlayerId(actor.personId)));
      if (!actor || !(player || canHostRound(actor, row))) throw forbidden('this round is not public');
    }
    return { id: row.id, title: row.title, format: row.config.format, status: row.status, organisationName: row.organisationName, joinCode: row.joinCode, isPublic: row.isPublic };
  });
  app.get('/arena/rounds', { schema: { tags, summary: 'Live rounds in the organiser’s or host’s scope, newest first' } }, async (request) => listRounds(ctx, await request.requireActor()));
  app.post('/arena/rounds', { schema: { tags, summary: 'Create a live round (draft)', body: CreateRoundBody } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createRound(ctx, actor, request.body));
  });
  app.get('/arena/rounds/:id', { schema: { tags, summary: 'One round with its configuration', params: IdParams } }, async (request) => getRound(ctx, await request.requireActor(), request.params.id));
  app.patch('/arena/rounds/:id', { schema: { tags, summary: 'Change a draft round: title, rules, questions, hosts, public', params: IdParams, body: UpdateRoundBody } }, async (request) =>
    updateRound(ctx, await request.requireActor(), request.params.id, request.body),
  );
  app.put('/arena/rounds/:id/roster', { schema: { tags, summary: 'Teams (with members) or individual players, optionally linked to contest entries', params: IdParams, body: RosterBody } }, async (request) =>
    setRoster(ctx, await request.requireActor(), request.params.id, request.body),
  );
  app.post('/arena/rounds/:id/questions/from-paper', { schema: { tags, summary: 'Add the questions of a bank paper', params: IdParams, body: PaperQuestionsBody } }, async (request) =>
    addPaperQuestions(ctx, await request.requireActor(), request.params.id, request.body),
  );
  app.post('/arena/rounds/:id/start', { schema: { tags, summary: 'Open the round: sockets may connect, the host may play', params: IdParams } }, async (request) =>
    startRound(ctx, await request.requireActor(), request.params.id),
  );
  app.post('/arena/rounds/:id/finish', { schema: { tags, summary: 'Finish the round (the current question must be closed); scores flow to the linked contest round', params: IdParams } }, async (request) => {
    const actor = await request.requireActor();
    const row = await loadRound(ctx, actor, request.params.id, 'host');
    if (row.status !== 'live') throw new AppError('CONFLICT', 'the round is not live');
    const r = await hub.command(row.id, { type: 'finish' });
    if (!r.ok) throw new AppError('CONFLICT', r.reason, { details: { code: r.code } });
    return getRound(ctx, actor, row.id);
  });
  app.post('/arena/rounds/:id/screen-token', { schema: { tags, summary: 'A new big-screen token (the old one stops working)', params: IdParams } }, async (request) => {
    const out = await rotateScreenToken(ctx, await request.requireActor(), request.params.id);
    await screenTokenChanged(request.params.id);
    return out;
  });
  app.delete('/arena/rounds/:id/screen-token', { schema: { tags, summary: 'Revoke the big-screen token: no screen may connect until a new one is issued', params: IdParams } }, async (request) => {
    const out = await revokeScreenToken(ctx, await request.requireActor(), request.params.id);
    await screenTokenChanged(request.params.id);
    return out;
  });
  app.get('/arena/rounds/:id/events', { schema: { tags, summary: 'The event log (the dispute record)', params: IdParams, querystring: EventsQuery } }, async (request) =>
    listEvents(ctx, await request.requireActor(), request.params.id, request.query.afterSeq),
  );
  app.get('/arena/rounds/:id/export', { schema: { tags, summary: 'The dispute record: text (one line per event) or json', params: IdParams, querystring: ExportQuery } }, async (request, reply) => {
    const out = await exportRecord(ctx, await request.requireActor(), request.params.id, request.query.format);
    if (out.kind === 'json') return out.body;
    return reply.type('text/plain; charset=utf-8').header('content-disposition', `attachment; filename="arena-round-${request.params.id}.txt"`).send(out.body);
  });
  app.get('/arena/rounds/:id/passed', { schema: { tags, summary: '通关名单: who reached the mass quiz’s declared pass mark (json, or xlsx to hand out the reward)', params: IdParams, querystring: PassQuery } }, async (request, reply) => {
    const actor = await request.requireActor();
    if (request.query.format === 'json') return PassListResponse.parse(await passList(ctx, actor, request.params.id));
    const f = await passListXlsx(ctx, actor, request.params.id);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
    return reply.send(f.body);
  });
  app.get('/arena/rounds/:id/replay/:step', { schema: { tags, summary: 'The host view after event N', params: StepParams } }, async (request) =>
    replayStep(ctx, await request.requireActor(), request.params.id, request.params.step),
  );
  app.get('/arena/rounds/:id/stats', { schema: { tags, summary: 'Live counters: connections, commands, events, refusals by code', params: IdParams } }, async (request) => {
    await loadRound(ctx, await request.requireActor(), request.params.id, 'host');
    return hub.stats(request.params.id) ?? { connections: 0, refused: {} };
  });
  app.post('/arena/join', { schema: { tags, summary: 'Join a mass quiz with its 6-digit code and a nickname (no sign-in)', body: JoinBody } }, async (request) => joinByCode(ctx, request.body));
  app.get('/arena/metrics', { schema: { tags, summary: 'This process: rounds, sockets, refusals, memory' } }, async (request) => {
    await request.requireActor();
    return hub.metrics();
  });
};
