/** Minimum notice and maximum days ahead as a window of allowed slot starts. */
import { addDays, localDateOf, wallToInstant } from './local-time.js';

/** Allowed slot starts `[earliest, latest)` in epoch ms. */
export interface BookingWindow {
  readonly earliest: number;
  readonly latest: number;
}

/**
 * Slots may start from `now + minNoticeMin` until the end of the local day that is `maxDaysAhead`
 * days after today (0 = today only), in `tz`.
 */
export function bookingWindow(now: Date, minNoticeMin: number, maxDaysAhead: number, tz: string): BookingWindow {
  const today = localDateOf(now.getTime(), tz);
  return {
    earliest: now.getTime() + Math.max(0, minNoticeMin) * 60_000,
    latest: wallToInstant(addDays(today, Math.max(0, maxDaysAhead) + 1), 0, tz),
  };
}
