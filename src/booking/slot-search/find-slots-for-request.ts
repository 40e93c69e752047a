/**
 * Slot search made for conversation: the exact time if free, otherwise a few nearby alternatives and
 * the reason, so the agent can say "3 is taken, I have 2:15 or 3:45".
 */
import { computeAvailability, isSlotAvailable, resourcesFor } from '../availability/compute-availability.js';
import { bookingWindow } from '../availability/booking-window.js';
import { addDays, localDateOf, parseClock, wallToInstant } from '../availability/local-time.js';
import type { TimeRange } from '../availability/time-ranges.js';
import type { AvailabilityInput, Slot } from '../availability/types.js';
import { explainUnavailable } from './explain.js';
import type { UnavailableReason } from './explain.js';
import { aroundRange, distinctStarts, nearestTo, spreadPick } from './pick.js';
import { startWindowOn } from './wish.js';
import type { SlotWish, TimeOfDayFilter } from './wish.js';

/** How many slots the agent offers at once. */
export const MAX_OPTIONS = 3;
/** How far around the wished day alternatives are looked for. */
const ALTERNATIVE_DAYS_BEFORE = 2;
const ALTERNATIVE_DAYS_AFTER = 7;
const DAY = 86_400_000;

/**
 * - `exact`: the wished start is free (`slot`).
 * - `options`: the wish names a window and these (≤ 3, spread out) starts in it are free.
 * - `alternatives`: the wish cannot be met, for `reason`; `slots` are the ≤ 3 nearest free starts
 *   elsewhere (possibly none).
 */
export type SlotSearchResult =
  | { readonly kind: 'exact'; readonly slot: Slot }
  | { readonly kind: 'options'; readonly slots: readonly Slot[] }
  | { readonly kind: 'alternatives'; readonly reason: UnavailableReason; readonly slots: readonly Slot[] };

/** Spacing between offered options: at least the service's length, and at least an hour. */
function optionGapMs(input: AvailabilityInput): number {
  return Math.max(input.service.durationMin, 60) * 60_000;
}

/** Free starts (one per instant) in `[from, to)`. */
function freeStarts(input: AvailabilityInput, from: number, to: number): Slot[] {
  return from < to ? distinctStarts(computeAvailability(input, { from: new Date(from), to: new Date(to) })) : [];
}

/** Free starts around a local date, for alternatives. */
function aroundDate(input: AvailabilityInput, date: string): Slot[] {
  const tz = input.schedule.tz;
  return freeStarts(
    input,
    wallToInstant(addDays(date, -ALTERNATIVE_DAYS_BEFORE), 0, tz),
    wallToInstant(addDays(date, ALTERNATIVE_DAYS_AFTER + 1), 0, tz),
  );
}

function searchExact(input: AvailabilityInput, date: string, time: string): SlotSearchResult {
  const tz = input.schedule.tz;
  const t = wallToInstant(date, parseClock(time), tz);
  const dur = input.service.durationMin * 60_000;
  for (const r of resourcesFor(input.staff, input.service.id, input.staffId)) {
    if (isSlotAvailable(input, new Date(t), r.id))
      return { kind: 'exact', slot: { start: new Date(t), end: new Date(t + dur), staffId: r.id } };
  }
  const reason = explainUnavailable(input, date, { start: t, end: t + 60_000 }, true);
  return { kind: 'alternatives', reason, slots: nearestTo(aroundDate(input, date), t, t, MAX_OPTIONS) };
}

function searchDay(input: AvailabilityInput, date: string, f: TimeOfDayFilter): SlotSearchResult {
  const tz = input.schedule.tz;
  const w = startWindowOn(date, f, tz) ?? { start: wallToInstant(date, 0, tz), end: wallToInstant(date, 0, tz) + 1 };
  const inWindow = freeStarts(input, w.start, w.end);
  if (inWindow.length > 0) return { kind: 'options', slots: spreadPick(inWindow, MAX_OPTIONS, optionGapMs(input)) };
  const reason = explainUnavailable(input, date, w, false);
  return {
    kind: 'alternatives',
    reason,
    slots: aroundRange(aroundDate(input, date), w.start, w.end, MAX_OPTIONS, optionGapMs(input)),
  };
}

/** Per-day start windows of a filter over local dates `first..last`. */
function windowsBetween(first: string, last: string, f: TimeOfDayFilter, tz: string): TimeRange[] {
  const out: TimeRange[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const w = startWindowOn(d, f, tz);
    if (w) out.push(w);
  }
  return out;
}

function searchEarliest(input: AvailabilityInput, fromDate: string | undefined, f: TimeOfDayFilter): SlotSearchResult {
  const { tz, minNoticeMin, maxDaysAhead } = input.schedule;
  const bw = bookingWindow(input.now, minNoticeMin, maxDaysAhead, tz);
  const from = Math.max(bw.earliest, fromDate ? wallToInstant(fromDate, 0, tz) : 0);
  if (from >= bw.latest) return { kind: 'alternatives', reason: 'too_far_ahead', slots: [] };
  const found: Slot[] = [];
  // A week at a time: the earliest free start is usually within days, and computing months is wasted work.
  for (let start = from; start < bw.latest && found.length < MAX_OPTIONS * 4; start += 7 * DAY) {
    const end = Math.min(start + 7 * DAY, bw.latest);
    const windows = windowsBetween(localDateOf(start, tz), localDateOf(end, tz), f, tz);
    const inWindows = freeStarts(input, start, end).filter((s) =>
      windows.some((w) => s.start.getTime() >= w.start && s.start.getTime() < w.end),
    );
    found.push(...inWindows);
  }
  if (found.length > 0) return { kind: 'options', slots: spreadPick(found, MAX_OPTIONS, optionGapMs(input)) };
  return { kind: 'alternatives', reason: 'fully_booked', slots: [] };
}

/**
 * Answers a caller's wish for `input.service` (and `input.staffId` if set) as of `input.now`, in the
 * business's time zone. Several staff free at one time are offered once (the first listed).
 */
export function findSlotsForRequest(input: AvailabilityInput, wish: SlotWish): SlotSearchResult {
  switch (wish.kind) {
    case 'exact':
      return searchExact(input, wish.date, wish.time);
    case 'day':
      return searchDay(input, wish.date, wish);
    case 'earliest':
      return searchEarliest(input, wish.fromDate, wish);
    default: {
      const never: never = wish;
      throw new Error(`unknown wish ${(never as { kind: string }).kind}`);
    }
  }
}
