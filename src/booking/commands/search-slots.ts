/** The conversational slot search over stored data: a caller's wish → exact, options or alternatives. */
import { findSlotsForRequest } from '../slot-search/find-slots-for-request.js';
import type { SlotSearchResult } from '../slot-search/find-slots-for-request.js';
import type { SlotWish } from '../slot-search/wish.js';
import { wallToInstant, addDays, localDateOf } from '../availability/local-time.js';
import { loadBookingSetup } from '../repository/index.js';
import type { BookingDeps } from './deps.js';
import { loadAvailability } from './load-availability.js';

/** A wish for one service (optionally one staff member), seen by `viewer` (the asking call/session). */
export interface SlotSearchQuery {
  readonly serviceId: string;
  readonly staffId?: string | null;
  readonly viewer?: string | null;
  readonly wish: SlotWish;
}

/** The search result plus the business's time zone (to say the times). */
export async function searchSlots(
  deps: BookingDeps,
  organizationId: string,
  q: SlotSearchQuery,
): Promise<SlotSearchResult & { tz: string }> {
  const { schedule } = await loadBookingSetup(deps.db, organizationId, q.serviceId);
  const tz = schedule.tz;
  const today = localDateOf(deps.clock.now().getTime(), tz);
  // Exact and day wishes look at most 2 days back and 7 ahead for alternatives; "earliest" may need the whole horizon.
  const anchor = q.wish.kind === 'earliest' ? (q.wish.fromDate ?? today) : q.wish.date;
  const firstDay = addDays(anchor, -3);
  const lastDay =
    q.wish.kind === 'earliest'
      ? addDays(anchor > today ? anchor : today, schedule.maxDaysAhead + 1)
      : addDays(anchor, 9);
  const { input } = await loadAvailability(deps, organizationId, q.serviceId, {
    from: new Date(wallToInstant(firstDay, 0, tz)),
    to: new Date(wallToInstant(lastDay, 0, tz)),
    staffId: q.staffId,
    viewer: q.viewer,
  });
  return { ...findSlotsForRequest(input, q.wish), tz };
}
