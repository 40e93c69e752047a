/**
 * Weekly opening hours → concrete opening ranges (instants) in the business's time zone.
 */
import { z } from 'zod';
import type { TimeRange } from './time-ranges.js';
import { normalizeRanges } from './time-ranges.js';
import { addDays, parseClock, wallToInstant, weekdayIndex } from './local-time.js';

/** Day keys of {@link WeeklyHours}, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** One day key. */
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Opening hours per weekday: `{ mon: [["09:00","12:00"],["13:00","17:00"]], … }`. A missing or empty
 * day is closed. "24:00" closes at the next midnight; a range whose end is not after its start runs
 * overnight into the next day (e.g. `["22:00","02:00"]`).
 */
export type WeeklyHours = Partial<Record<Weekday, ReadonlyArray<readonly [string, string]>>>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'time must be HH:mm');

/** Validation of {@link WeeklyHours} for configs and APIs (refuses unknown day keys). */
export const weeklyHoursSchema = z
  .object(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(z.tuple([clock, clock])).optional()])))
  .strict() as unknown as z.ZodType<WeeklyHours>;

/** Holidays as local calendar dates `YYYY-MM-DD`. */
export const holidaysSchema = z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'));

/** The local calendar dates from `firstDate` to `lastDate` inclusive. */
export function datesBetween(firstDate: string, lastDate: string): string[] {
  const out: string[] = [];
  for (let d = firstDate; d <= lastDate; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The opening ranges of one local date (overnight ranges run into the next date). */
export function openingRangesOn(hours: WeeklyHours, date: string, tz: string): TimeRange[] {
  const day = hours[WEEKDAYS[weekdayIndex(date)]] ?? [];
  const out: TimeRange[] = [];
  for (const [open, close] of day) {
    const o = parseClock(open);
    const c = parseClock(close);
    // Opening at the last occurrence of a repeated time, closing at the first one after it (module policy in local-time.ts).
    const start = wallToInstant(date, o, tz, 'last');
    let end = c > o ? wallToInstant(date, c, tz) : wallToInstant(addDays(date, 1), c, tz);
    if (end <= start && c > o) end = wallToInstant(date, c, tz, 'last');
    if (end > start) out.push({ start, end });
  }
  return out;
}

/**
 * All opening ranges of the local dates `firstDate..lastDate` (inclusive), normalized. The day before
 * `firstDate` is included too, so that an overnight range reaching into `firstDate` is not lost.
 */
export function buildOpeningRanges(hours: WeeklyHours, firstDate: string, lastDate: string, tz: string): TimeRange[] {
  const out: TimeRange[] = [];
  for (const date of datesBetween(addDays(firstDate, -1), lastDate)) out.push(...openingRangesOn(hours, date, tz));
  return normalizeRanges(out);
}
