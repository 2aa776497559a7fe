/**
 * Weekly quizzes (每周小测): a mock exam with cadence `weekly`. Pure; the service
 * (mock-service.ts) loads and saves.
 *
 * Declared rules:
 * - the week is the ISO week of the practice day (China time): it starts on Monday 00:00
 *   Asia/Shanghai; its key is `YYYY-Www` with the ISO week-numbering year (2026-12-31 is in
 *   2026-W53, 2027-01-01 too);
 * - the paper of a week is one paper for everyone: assembled from a seed of (mock, week);
 * - the leaderboard ranks submitted attempts by score (higher first), then by time taken
 *   (whole seconds, shorter first, capped at the duration so a paper submitted by the clock
 *   counts as the full time); equal score and equal time share a place, and the next place
 *   skips (1, 1, 3); within a shared place the order is by person id, so the result does not
 *   depend on the order rows arrive in.
 */
import { invalid } from '../../errors.ts';
import { hashSeed } from './paper-deal.ts';

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3600_000;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;

/** The ISO week key (`2026-W48`) of a practice day `YYYY-MM-DD`. */
export function weekOfDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw invalid('day', `not a day: ${day}`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  // the ISO year is the year of the week's Thursday
  const thursday = new Date(d.getTime() + (3 - dow) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of ISO week 1 of a year, as a UTC midnight timestamp of that calendar date. */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - dow * DAY;
}

/** Parses a week key; a malformed or non-existent week (2026-W54, 2025-W53) is a 400 naming `week`. */
export function parseWeek(key: string): { year: number; week: number } {
  const m = WEEK_RE.exec(key);
  if (!m) throw invalid('week', `a week is written like 2026-W48, not ${key}`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || weekOfDay(new Date(week1Monday(year) + (week - 1) * 7 * DAY).toISOString().slice(0, 10)) !== key) throw invalid('week', `${key} is not a week of ${year}`);
  return { year, week };
}

/** The instants the week runs over: [start, end) with start = Monday 00:00 China time. */
export function weekRange(key: string): { start: Date; end: Date; firstDay: string; lastDay: string } {
  const { year, week } = parseWeek(key);
  const monday = week1Monday(year) + (week - 1) * 7 * DAY;
  return {
    start: new Date(monday - CHINA_OFFSET),
    end: new Date(monday + 7 * DAY - CHINA_OFFSET),
    firstDay: new Date(monday).toISOString().slice(0, 10),
    lastDay: new Date(monday + 6 * DAY).toISOString().slice(0, 10),
  };
}

/** The week before (−1) or after (+1) a week. */
export const shiftWeek = (key: string, by: number): string => weekOfDay(new Date(weekRange(key).start.getTime() + CHINA_OFFSET + by * 7 * DAY).toISOString().slice(0, 10));

/** The assembler's seed for a week's paper (a positive 31-bit integer): the same for every learner. */
export const weekSeed = (mockId: number, week: string): number => (hashSeed(`mock-week|${mockId}|${week}`) % 2147483646) + 1;

export type WeekEntry = { personId: number; score: number; maxScore: number; startedAt: number; submittedAt: number };
export type RankedEntry = WeekEntry & { place: number; seconds: number };

/** Time taken in whole seconds, capped at the duration. */
export const secondsTaken = (e: Pick<WeekEntry, 'startedAt' | 'submittedAt'>, durationMs: number): number =>
  Math.floor(Math.max(0, Math.min(e.submittedAt - e.startedAt, durationMs)) / 1000);

/** The week's leaderboard: by score, then time taken; equal score and time share a place (1, 1, 3). */
export function rankWeek(entries: WeekEntry[], durationMs: number): RankedEntry[] {
  const rows = entries.map((e) => ({ ...e, seconds: secondsTaken(e, durationMs) }));
  rows.sort((a, b) => b.score - a.score || a.seconds - b.seconds || a.personId - b.personId);
  const out: RankedEntry[] = [];
  rows.forEach((r, i) => {
    const prev = out[i - 1];
    out.push({ ...r, place: prev && prev.score === r.score && prev.seconds === r.seconds ? prev.place : i + 1 });
  });
  return out;
}
