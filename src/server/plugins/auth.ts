import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadActor } from '../identity/auth-service.ts';

export const SESSION_COOKIE = 'ss_session';
export const CLI_TOKEN_HEADER = 'x-servicestar-cli-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in actor; throws 401 when there is none, 403 while a password change is pending. */
    requireActor(opts?: { allowPendingPasswordChange?: boolean }): Promise<Actor>;
    sessionToken(): string | undefined;
  }
}

/**
 * Sessions: an httpOnly cookie holds a random token; the database holds its hash. The CLI,
 * running on the same machine as the server, may act as the system through a token the
 * server wrote into its data directory (readable only by the user running it).
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext, opts: { cliToken?: string; systemActor?: () => Promise<Actor> }) {
  const cache = new WeakMap<FastifyRequest, Promise<Actor | undefined>>();
  app.decorateRequest('sessionToken', function (this: FastifyRequest) {
    return this.cookies?.[SESSION_COOKIE];
  });
  app.decorateRequest('requireActor', async function (this: FastifyRequest, o: { allowPendingPasswordChange?: boolean } = {}) {
    let p = cache.get(this);
    if (!p) {
      const cli = this.headers[CLI_TOKEN_HEADER];
      if (opts.cliToken && opts.systemActor && typeof cli === 'string' && cli === opts.cliToken) p = opts.systemActor();
      else {
        const token = this.cookies?.[SESSION_COOKIE];
        p = token ? loadActor(ctx, token) : Promise.resolve(undefined);
      }
      cache.set(this, p);
    }
    const actor = await p;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
    if (actor.mustChangePassword && !o.allowPendingPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'change your password before anything else');
    }
    return actor;
  });
}
