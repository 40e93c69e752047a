/** Minimum notice and maximum days ahead as a window of allowed slot starts. */
import { addDays, localDateOf, wallToInstant } from './local-time.js';

/** Allowed slot starts `[earliest, latest)` in epoch ms. */
export interface BookingWindow {
  readonly earliest: number;
  readonly latest: number;
}

/**
 * Slots may start from `now + minNoticeMin` until the end of the local day that is `maxDaysAhead`
 * days after today (0 = today only), in `tz`. Notice counts in whole minutes of the clock: at
 * 14:00:20 with an hour's notice, 15:00 is bookable (a caller asking at 2 PM for 3 PM gives the hour),
 * but a start is never in the past.
 */
export function bookingWindow(now: Date, minNoticeMin: number, maxDaysAhead: number, tz: string): BookingWindow {
  const today = localDateOf(now.getTime(), tz);
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  return {
    earliest: Math.max(now.getTime(), minute + Math.max(0, minNoticeMin) * 60_000),
    latest: wallToInstant(addDays(today, Math.max(0, maxDaysAhead) + 1), 0, tz),
  };
}
