import type { Migration } from 'kysely/migration';
import * as init from './2026-11-22T2200-contests-init.ts';

export const contestsMigrations: Record<string, Migration> = {
  '2026-11-22T2200-contests-init': init,
};
