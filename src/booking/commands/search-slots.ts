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
export async function searchSlots(deps: BookingDeps, orgId: string, q: SlotSearchQuery): Promise<SlotSearchResult & { tz: string }> {
  const { schedule } = await loadBookingSetup(deps.db, orgId, q.serviceId);
  const tz = schedule.tz;
  const today = localDateOf(deps.clock.now().getTime(), tz);
  // Load from a few days before the wished day (alternatives look 2 days back) to past the booking horizon.
  const anchor = q.wish.kind === 'earliest' ? (q.wish.fromDate ?? today) : q.wish.date;
  const firstDay = anchor < today ? anchor : addDays(anchor, -3);
  const lastDay = addDays(anchor > today ? anchor : today, Math.max(schedule.maxDaysAhead, 9) + 1);
  const { input } = await loadAvailability(deps, orgId, q.serviceId, {
    from: new Date(wallToInstant(firstDay, 0, tz)),
    to: new Date(wallToInstant(lastDay, 0, tz)),
    staffId: q.staffId,
    viewer: q.viewer,
  });
  return { ...findSlotsForRequest(input, q.wish), tz };
}
