/** Why no slot exists for a wish on a given day — in words a receptionist can say. */
import type { TimeRange } from '../availability/time-ranges.js';
import { buildOpeningRanges } from '../availability/opening-hours.js';
import { subtractHolidays } from '../availability/holidays.js';
import { bookingWindow } from '../availability/booking-window.js';
import { resourcesFor, workingRanges } from '../availability/compute-availability.js';
import type { AvailabilityInput } from '../availability/types.js';

/**
 * Why a wish cannot be met: `closed` (not open then), `holiday`, `fully_booked` (open, all taken),
 * `too_short_before_closing` (open, but the service does not fit before closing), `too_soon`
 * (inside the minimum notice or already past), `too_far_ahead` (beyond max days ahead), and `taken`
 * (an exact time that is open and fits, but is booked or held).
 */
export type UnavailableReason =
  'closed' | 'holiday' | 'fully_booked' | 'too_short_before_closing' | 'too_soon' | 'too_far_ahead' | 'taken';

/**
 * The reason no slot starts in `starts` (instants within local `date`), checked in the order a
 * caller would find natural: too far ahead, holiday, closed, too soon, too short, then booked.
 */
export function explainUnavailable(
  input: AvailabilityInput,
  date: string,
  starts: TimeRange,
  exact: boolean,
): UnavailableReason {
  const { schedule: sch, service } = input;
  const bw = bookingWindow(input.now, sch.minNoticeMin, sch.maxDaysAhead, sch.tz);
  if (starts.start >= bw.latest) return 'too_far_ahead';
  if (sch.holidays.includes(date)) return 'holiday';
  const open = subtractHolidays(buildOpeningRanges(sch.hours, date, date, sch.tz), sch.holidays, sch.tz);
  const working = resourcesFor(input.staff, service.id, input.staffId).flatMap((r) =>
    workingRanges(open, r, date, date, sch.tz),
  );
  const touching = working.filter((w) => w.start < starts.end && w.end > starts.start);
  if (touching.length === 0) return 'closed';
  if (touching.every((w) => Math.min(w.end, starts.end) <= bw.earliest)) return 'too_soon';
  const dur = service.durationMin * 60_000;
  const fits = touching.some((w) => {
    const s = Math.max(starts.start, bw.earliest, w.start);
    return s < Math.min(starts.end, w.end) && s + dur <= w.end;
  });
  if (!fits) return 'too_short_before_closing';
  return exact ? 'taken' : 'fully_booked';
}
