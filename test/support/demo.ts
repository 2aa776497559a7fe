import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { AppContext } from '../../src/server/context.ts';
import { DEMO_PASSWORD } from '../../src/server/demo/identity-demo.ts';
import { loadActor, signIn } from '../../src/server/identity/auth-service.ts';
import type { Actor } from '../../src/server/identity/engine/authz.ts';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.ts';
import { createTestDb, type TestDb } from './db.ts';

type Loader<T> = (ctx: AppContext) => Promise<T>;
type Response = Awaited<ReturnType<FastifyInstance['inject']>>;

/** Requests as one demo account, or as nobody (the public pages). */
export type DemoUser = {
  get: (url: string) => Promise<Response>;
  post: (url: string, payload?: InjectOptions['payload']) => Promise<Response>;
  inject: (opts: InjectOptions) => Promise<Response>;
};

export type DemoApp<T> = TestDb & {
  /** What the last loader returned (its summary of what it added). */
  loaded: T;
  /** Signed in with the demo password; one session per account. */
  as: (employeeNo: string) => DemoUser;
  anonymous: DemoUser;
  /** The actor the server builds for that session, for tests that call services directly. */
  actor: (employeeNo: string) => Promise<Actor>;
  /** The built app (no port opened). */
  app: () => Promise<FastifyInstance>;
};

/**
 * A database of its own (test/support/db.ts) holding only the demos the test names, loaded
 * in the order they build on each other: a test loads the slices its domain needs, so
 * another domain's demo can neither break nor slow it. The app is built on the first request:
 * importing every route takes seconds, wasted on the tests that only call services.
 */
export async function createDemoApp<T>(loaders: [...Loader<unknown>[], Loader<T>]): Promise<DemoApp<T>> {
  const t = await createTestDb();
  let loaded: unknown;
  try {
    for (const load of loaders) loaded = await load(t.ctx);
  } catch (e) {
    await t.cleanup();
    throw e;
  }
  let built: Promise<FastifyInstance> | undefined;
  const app = () =>
    (built ??= import('../../src/server/app.ts').then(async ({ buildApp }) => {
      const a = await buildApp({ ctx: t.ctx, serveWeb: false });
      await a.ready();
      return a;
    }));
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (employeeNo: string) => {
    let token = tokens.get(employeeNo);
    if (!token) tokens.set(employeeNo, (token = signIn(t.ctx, { employeeNo, password: DEMO_PASSWORD }).then((r) => r.token)));
    return token;
  };
  const user = (token?: () => Promise<string>): DemoUser => {
    const inject = async (opts: InjectOptions) =>
      (await app()).inject(token ? { ...opts, headers: { ...opts.headers, cookie: `${SESSION_COOKIE}=${await token()}` } } : opts);
    return { inject, get: (url) => inject({ method: 'GET', url }), post: (url, payload) => inject({ method: 'POST', url, payload }) };
  };
  return {
    ...t,
    loaded: loaded as T,
    as: (employeeNo) => user(() => tokenOf(employeeNo)),
    anonymous: user(),
    actor: async (employeeNo) => {
      const actor = await loadActor(t.ctx, await tokenOf(employeeNo));
      if (!actor) throw new Error(`no session for ${employeeNo}`);
      return actor;
    },
    app,
    cleanup: async () => {
      // an app that failed to build has nothing to close, and the database must go all the same
      if (built) await built.then((a) => a.close(), () => undefined);
      await t.cleanup();
    },
  };
}

/**
 * createDemoApp in the file's beforeAll, cleaned up in its afterAll. beforeAll fills the
 * returned object in: read its fields inside tests, not at the top of the file.
 */
export function useDemoApp<T>(loaders: [...Loader<unknown>[], Loader<T>]): DemoApp<T> {
  const demo = {} as DemoApp<T>;
  beforeAll(async () => {
    Object.assign(demo, await createDemoApp(loaders));
  });
  afterAll(async () => demo.cleanup?.());
  return demo;
}
