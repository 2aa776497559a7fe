import type { Migration } from 'kysely/migration';
import * as init from './2026-11-22T2100-bank-init.ts';
import * as attachments from './2026-11-22T2300-bank-attachments.ts';

export const bankMigrations: Record<string, Migration> = {
  '2026-11-22T2100-bank-init': init,
  '2026-11-22T2300-bank-attachments': attachments,
};
