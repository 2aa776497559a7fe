import type { Migration } from 'kysely/migration';
import * as init from './2026-11-23T1000-judging-init.ts';
import * as library from './2026-11-26T1000-judging-rubric-library.ts';

export const judgingMigrations: Record<string, Migration> = {
  '2026-11-23T1000-judging-init': init,
  '2026-11-26T1000-judging-rubric-library': library,
};
