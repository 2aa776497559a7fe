import type { Migration } from 'kysely/migration';
import * as init from './2026-11-23T0900-exams-init.ts';
import * as mock from './2026-11-24T0900-exams-mock.ts';
import * as mockWeekly from './2026-11-25T0900-exams-mock-weekly.ts';

export const examsMigrations: Record<string, Migration> = {
  '2026-11-23T0900-exams-init': init,
  '2026-11-24T0900-exams-mock': mock,
  '2026-11-25T0900-exams-mock-weekly': mockWeekly,
};
