/**
 * Weekly opening hours: the one definition of their shape, their validation, the concrete opening
 * ranges (instants) they make in the business's time zone, and whether the business is open at an
 * instant. Validation (business/), availability (booking/), the brain and the after-hours webhook
 * all read hours through this file, so an overnight range means the same thing everywhere.
 */
import { z } from 'zod';
import type { TimeRange } from './time-ranges.js';
import { normalizeRanges } from './time-ranges.js';
import { addDays, localDateOf, parseClock, wallToInstant, weekdayIndex } from './local-time.js';
import { subtractHolidays } from './holidays.js';

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

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** One opening range's minutes after its day's midnight, `[open, close)`, close past 1440 when it runs overnight. */
export function rangeMinutes([open, close]: readonly [string, string]): { open: number; close: number } {
  const o = parseClock(open);
  const c = parseClock(close);
  return { open: o, close: c > o ? c : c + 1440 };
}

/**
 * One day's opening ranges: "HH:MM" pairs ("24:00" is the next midnight). A range whose close is
 * before its open runs overnight into the next day (`["22:00","02:00"]`); a range may not close when
 * it opens, open at 24:00, or overlap another range of the same day.
 */
export const DayRangesSchema = z
  .array(z.tuple([z.string().regex(HHMM, 'time must be HH:MM'), z.string().regex(HHMM, 'time must be HH:MM')]))
  .max(8)
  .superRefine((ranges, ctx) => {
    if (!ranges.every(([o, c]) => HHMM.test(o) && HHMM.test(c))) return;
    const valid: Array<{ open: number; close: number; i: number }> = [];
    ranges.forEach(([open, close], i) => {
      const [o, c] = [parseClock(open), parseClock(close)];
      if (o === 1440)
        ctx.addIssue({ code: 'custom', path: [i], message: 'opens at 24:00; write 00:00 of the next day' });
      else if (c % 1440 === o && !(o === 0 && c === 1440))
        ctx.addIssue({ code: 'custom', path: [i], message: `closes (${close}) when it opens (${open})` });
      else valid.push({ ...rangeMinutes([open, close]), i });
    });
    const sorted = valid.sort((x, y) => x.open - y.open);
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k].open < sorted[k - 1].close)
        ctx.addIssue({ code: 'custom', path: [sorted[k].i], message: 'opening ranges overlap' });
    }
  });

/** Weekly hours: `{ mon: [["09:00","17:00"]], … }`; a missing or empty day is closed; unknown day keys are refused. */
export const WeeklyHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((d) => [d, DayRangesSchema.optional()])) as Record<
    Weekday,
    z.ZodOptional<typeof DayRangesSchema>
  >,
);

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

/** What "open at" is decided over: the weekly hours, the holidays (whole local days) and the zone. */
export interface Schedule {
  readonly hours: WeeklyHours;
  readonly holidays?: readonly string[];
  readonly timezone: string;
}

/**
 * True when the business is open at `at`: inside an opening range of its local date or of the day
 * before (an overnight range), and not on a holiday (a holiday closes its whole local day, cutting an
 * overnight range at its midnight, exactly as availability does).
 */
export function isOpenAt(schedule: Schedule, at: Date): boolean {
  const t = at.getTime();
  const date = localDateOf(t, schedule.timezone);
  const open = subtractHolidays(
    buildOpeningRanges(schedule.hours, date, date, schedule.timezone),
    schedule.holidays ?? [],
    schedule.timezone,
  );
  return open.some((r) => r.start <= t && t < r.end);
}
