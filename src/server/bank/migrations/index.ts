import type { Migration } from 'kysely/migration';
import * as init from './2026-11-22T2100-bank-init.ts';

export const bankMigrations: Record<string, Migration> = {
  '2026-11-22T2100-bank-init': init,
};
