import websocket from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.ts';
import { createLocalBus } from './hub/bus.ts';
import { createHub } from './hub/hub.ts';
import { createRedisBus } from './hub/redis-bus.ts';
import { arenaHttpRoutes } from './routes.ts';
import { arenaWsRoutes } from './ws-routes.ts';

/** The live arena: one hub per server process (over Redis when REDIS_URL is set), its HTTP routes and its WebSocket. */
export const arenaPlugin = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  if (!app.hasDecorator('websocketServer')) await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  const bus = ctx.config.redisUrl ? await createRedisBus(ctx.config.redisUrl) : createLocalBus();
  const hub = createHub(ctx, bus);
  app.addHook('onClose', async () => hub.close());
  await app.register(arenaHttpRoutes(ctx, hub));
  await app.register(arenaWsRoutes(ctx, hub));
};
