import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';

/**
 * A fresh PGlite takes seconds to initialise: this makes one migrated data directory per
 * run, and every test file copies it (test/support/db.ts).
 */
export default async function setup() {
  if (process.env.TEST_BACKEND === 'postgres') return;
  const template = path.resolve('.tmp/test-template');
  fs.rmSync(template, { recursive: true, force: true });
  const database = await openDatabase({ kind: 'pglite', dataDir: template });
  await migrateToLatest(database.db);
  await database.close();

}
