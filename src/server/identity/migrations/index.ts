import type { Migration } from 'kysely/migration';
import * as init from './2026-11-22T2000-identity-init.ts';

export const identityMigrations: Record<string, Migration> = {
  '2026-11-22T2000-identity-init': init,
};
