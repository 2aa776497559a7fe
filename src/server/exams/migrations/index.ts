import type { Migration } from 'kysely/migration';
import * as init from './2026-11-23T0900-exams-init.ts';

export const examsMigrations: Record<string, Migration> = {
  '2026-11-23T0900-exams-init': init,
};
