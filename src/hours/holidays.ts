/** Holidays (local calendar dates) as whole local days to subtract from opening ranges. */
import type { TimeRange } from './time-ranges.js';
import { subtractRanges } from './time-ranges.js';
import { addDays, wallToInstant } from './local-time.js';

/** The instants of one whole local day, `[midnight, next midnight)` in `tz`. */
export function localDayRange(date: string, tz: string): TimeRange {
  return { start: wallToInstant(date, 0, tz), end: wallToInstant(addDays(date, 1), 0, tz) };
}

/** Each holiday as its whole local day. An overnight opening is cut at the holiday's midnight. */
export function holidayRanges(holidays: readonly string[], tz: string): TimeRange[] {
  return holidays.map((d) => localDayRange(d, tz));
}

/** `open` minus every holiday. */
export function subtractHolidays(open: readonly TimeRange[], holidays: readonly string[], tz: string): TimeRange[] {
  return holidays.length === 0 ? [...open] : subtractRanges(open, holidayRanges(holidays, tz));
}
