import type { Migration } from 'kysely/migration';
import * as init from './2026-11-23T1000-arena-init.ts';
import * as jsonSnapshots from './2026-11-24T1200-arena-json-snapshots.ts';

export const arenaMigrations: Record<string, Migration> = {
  '2026-11-23T1000-arena-init': init,
  '2026-11-24T1200-arena-json-snapshots': jsonSnapshots,
};
