import type { Migration } from 'kysely/migration';
import * as init from './2026-11-22T2200-contests-init.ts';
import * as workflow from './2026-11-24T1000-contests-workflow.ts';

export const contestsMigrations: Record<string, Migration> = {
  '2026-11-22T2200-contests-init': init,
  '2026-11-24T1000-contests-workflow': workflow,
};
