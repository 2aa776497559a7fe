import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * A fresh PGlite takes seconds to initialise: this makes one migrated data directory per
 * run (its own directory, so runs side by side never share one), and every test file copies
 * it (test/support/db.ts).
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_BACKEND === 'postgres') return;
  const template = path.resolve(`.tmp/test-template-${process.pid}`);
  fs.rmSync(template, { recursive: true, force: true });
  const database = await openDatabase({ kind: 'pglite', dataDir: template });
  await migrateToLatest(database.db);
  await database.close();
  project.provide('pgliteTemplate', template);
  return () => fs.rmSync(template, { recursive: true, force: true });
}
