/** Turning "that start cannot be had" into the right error, with the nearest alternatives attached. */
import type { AppError } from '../../lib/index.js';
import { localDateOf, localMinutesOf } from '../availability/local-time.js';
import { slotTaken, slotUnavailable, slotViews } from '../errors.js';
import type { BookingDeps } from './deps.js';
import { searchSlots } from './search-slots.js';

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** What was asked for. */
export interface RefusedRequest {
  readonly serviceId: string;
  readonly start: Date;
  readonly staffId?: string | null;
  readonly viewer?: string | null;
}

/**
 * SLOT_TAKEN (409) when the time is open but booked, held or busy — or when `lostRace` says the
 * database refused it — otherwise SLOT_UNAVAILABLE (422) with the reason; both carry alternatives.
 */
export async function refusal(
  deps: BookingDeps,
  organizationId: string,
  r: RefusedRequest,
  tz: string,
  lostRace = false,
): Promise<AppError> {
  const t = r.start.getTime();
  const wish = { kind: 'exact' as const, date: localDateOf(t, tz), time: hhmm(localMinutesOf(t, tz)) };
  const result = await searchSlots(deps, organizationId, {
    serviceId: r.serviceId,
    staffId: r.staffId,
    viewer: r.viewer,
    wish,
  });
  if (result.kind === 'exact') {
    // Free again by now (a hold expired, a booking was cancelled) but refused a moment ago: offer it back.
    return slotTaken(slotViews([result.slot], tz));
  }
  if (result.kind === 'options') return slotTaken(slotViews(result.slots, tz));
  const alternatives = slotViews(result.slots, tz);
  return lostRace || result.reason === 'taken' ? slotTaken(alternatives) : slotUnavailable(result.reason, alternatives);
}
