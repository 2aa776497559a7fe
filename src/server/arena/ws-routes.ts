/**
 * GET /api/arena/rounds/:id/ws — authenticated at the upgrade (an HTTP 4xx refuses it):
 * the ss_session cookie for hosts, contestants and signed-in quiz players; ?as=screen&token=
 * for the big screen; ?guest=TOKEN (or ?code=&name= once) for a mass-quiz guest; nothing
 * for a spectator of a public round.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { loadActor } from '../identity/auth-service.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import { canHostRound, guestToken, newGuestId, personPlayerId, verifyGuestToken, verifyScreenToken } from './access.ts';
import type { Attach, Hub } from './hub/hub.ts';
import type { RoundRow } from './round-repo.ts';
import { IdParams, WsQuery } from './schema.ts';
import type { z } from 'zod';

type Query = z.infer<typeof WsQuery>;

export async function authorizeSocket(ctx: AppContext, hub: Hub, roundId: number, q: Query, cookie: string | undefined): Promise<Attach> {
  let row: RoundRow | null = await hub.row(roundId);
  if (!row) throw new AppError('NOT_FOUND', 'live round not found');
  if (row.status === 'draft') throw new AppError('CONFLICT', 'the round has not been started');
  const base = { roundId, personId: null, guestToken: null, joinName: null, lastSeq: q.lastSeq ?? null };
  const mass = row.config.format === 'mass-quiz';
  if (q.as === 'screen') {
    if (!verifyScreenToken(row, q.token)) row = (await ctx.arena.rounds.get(roundId)) ?? row; // the token may have just been rotated
    if (!verifyScreenToken(row, q.token)) throw forbidden('a valid screen token is required');
    return { ...base, role: 'screen', playerId: null };
  }
  if (q.guest) {
    const playerId = mass ? verifyGuestToken(row, q.guest) : null;
    if (!playerId) throw forbidden('invalid guest token');
    return { ...base, role: 'player', playerId, guestToken: q.guest, joinName: q.name?.trim() || null };
  }
  if (q.code) {
    if (!mass || row.joinCode !== q.code || row.status !== 'live') throw forbidden('wrong join code');
    const name = q.name?.trim();
    if (!name) throw new AppError('VALIDATION', 'a nickname is required', { field: 'name' });
    const playerId = newGuestId();
    return { ...base, role: 'player', playerId, guestToken: guestToken(row, playerId), joinName: name };
  }
  const actor = cookie ? await loadActor(ctx, cookie) : undefined;
  if (!actor) {
    if (row.isPublic && (!q.as || q.as === 'spectator')) return { ...base, role: 'spectator', playerId: null };
    throw new AppError('UNAUTHENTICATED', 'sign in first');
  }
  const host = canHostRound(actor, row);
  if (q.as === 'host') {
    if (!host) throw forbidden('you may not host this round');
    return { ...base, role: 'host', playerId: null, personId: actor.personId };
  }
  if (q.as === 'spectator') {
    if (!row.isPublic && !host) throw forbidden('this round is not public');
    return { ...base, role: 'spectator', playerId: null };
  }
  const playerId = personPlayerId(actor.personId);
  const onRoster = row.config.players.some((p) => p.id === playerId);
  if (onRoster || (mass && q.as === 'player') || (mass && !host)) return { ...base, role: 'player', playerId, personId: actor.personId, joinName: onRoster ? null : actor.name };
  if (q.as === 'player') throw forbidden('you are not a contestant of this round');
  if (host) return { ...base, role: 'host', playerId: null, personId: actor.personId };
  if (row.isPublic) return { ...base, role: 'spectator', playerId: null };
  throw forbidden('you are not a contestant of this round');
}

export const arenaWsRoutes = (ctx: AppContext, hub: Hub): FastifyPluginAsyncZod => async (app) => {
  const access = new WeakMap<FastifyRequest, Attach>();
  app.get(
    '/arena/rounds/:id/ws',
    {
      websocket: true,
      schema: { tags: ['live arena'], summary: 'The live round over WebSocket (protocol: docs/arena.md)', params: IdParams, querystring: WsQuery },
      preHandler: async (request) => {
        const { id } = request.params as { id: number };
        // validated and coerced by the schema by now
        access.set(request, await authorizeSocket(ctx, hub, Number(id), request.query as Query, request.cookies?.[SESSION_COOKIE]));
      },
    },
    (socket, request) => {
      const a = access.get(request);
      if (!a) return socket.close(1008, 'not authorised');
      void hub.attach(socket, a).catch((e) => {
        console.error('arena attach', e);
        socket.close(1011, 'round unavailable');
      });
    },
  );
};
