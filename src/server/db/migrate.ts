import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { identityMigrations } from '../identity/migrations/index.ts';
import { bankMigrations } from '../bank/migrations/index.ts';
import { contestsMigrations } from '../contests/migrations/index.ts';
import { arenaMigrations } from '../arena/migrations/index.ts';
import { judgingMigrations } from '../judging/migrations/index.ts';
import { examsMigrations } from '../exams/migrations/index.ts';

/**
 * Every domain owns its migrations (src/server/<domain>/migrations/) and lists them in an
 * index; this file gathers them. Names begin with a timestamp so they sort by time across
 * domains. Migrations are frozen once merged.
 */
const allMigrations: Record<string, Migration> = {
  ...identityMigrations,
  ...bankMigrations,
  ...contestsMigrations,
  ...arenaMigrations,
  ...judgingMigrations,
  ...examsMigrations,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return allMigrations;
  }
}

export async function migrateToLatest(db: Kysely<any>, opts: { schema?: string } = {}): Promise<string[]> {
  // with a schema of its own (tests on PostgreSQL), the migration bookkeeping lives there too
  const migrator = new Migrator({ db, provider: new StaticProvider(), allowUnorderedMigrations: true, ...(opts.schema && { migrationTableSchema: opts.schema }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
