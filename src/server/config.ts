import path from 'node:path';

/** Every setting the server reads, from the environment. Documented in README "Configuration". */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** with DATABASE_URL: work in this PostgreSQL schema (created if missing), e.g. for multi-process tests */
  databaseSchema?: string;
  demo: boolean;
  initialPassword: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  logLevel: string;
  webDir: string;
  maxUploadMb: number;
  /** live arena: the round writer stores a snapshot of the state every N events (0 = never) */
  arenaSnapshotEvery?: number;
  /** live arena: a big round's question change reaches this many players per turn of the event loop */
  arenaSweepSlice?: number;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    demo: (env.SERVICESTAR_DEMO ?? '1') !== '0',
    initialPassword: env.SERVICESTAR_INITIAL_PASSWORD ?? 'Star@2026',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    cookieSecure: env.COOKIE_SECURE === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: path.resolve(env.WEB_DIR ?? './dist/web'),
    maxUploadMb: Number(env.MAX_UPLOAD_MB ?? 50),
    arenaSnapshotEvery: Number(env.ARENA_SNAPSHOT_EVERY ?? 500),
    arenaSweepSlice: Number(env.ARENA_SWEEP_SLICE ?? 500),
  };
}
