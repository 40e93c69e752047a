import { DateTime } from 'luxon';
import type { CallingWindow, Weekday } from '../db/index.js';

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when `at` falls inside the window, read in the business's time zone (DST-aware). */
export function isWithinWindow(window: CallingWindow, at: Date, timezone: string): boolean {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  const day = WEEKDAYS[local.weekday - 1];
  const m = local.hour * 60 + local.minute;
  return window.days.includes(day) && m >= minutes(window.from) && m < minutes(window.to);
}

/** The next instant at or after `at` inside the window; null when the window has no day at all. */
export function nextWindowOpening(window: CallingWindow, at: Date, timezone: string): Date | null {
  if (isWithinWindow(window, at, timezone)) return at;
  const local = DateTime.fromJSDate(at, { zone: timezone });
  for (let d = 0; d <= 7; d++) {
    const day = local.plus({ days: d });
    if (!window.days.includes(WEEKDAYS[day.weekday - 1])) continue;
    const open = day.set({
      hour: Number(window.from.slice(0, 2)),
      minute: Number(window.from.slice(3, 5)),
      second: 0,
      millisecond: 0,
    });
    if (open.toMillis() > local.toMillis()) return open.toJSDate();
  }
  return null;
}
