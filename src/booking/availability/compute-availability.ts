/**
 * The availability chain: opening hours − holidays ∩ staff hours − busy → slots in a window.
 * Pure: reads no clock (`now` is an input) and modifies no input.
 */
import { AppError } from '../../lib/index.js';
import type { TimeRange } from './time-ranges.js';
import { intersectRanges } from './time-ranges.js';
import { buildOpeningRanges } from './opening-hours.js';
import type { WeeklyHours } from './opening-hours.js';
import { subtractHolidays } from './holidays.js';
import { bookingWindow } from './booking-window.js';
import { busyFor, indexBusy } from './busy.js';
import { sliceSlots } from './slots.js';
import { localDateOf } from './local-time.js';
import type { AvailabilityInput, Slot, SlotWindow, StaffSchedule } from './types.js';

/** Default grid of slot starts in minutes. */
export const DEFAULT_STEP_MIN = 15;

/** A bookable resource: a staff member, or the business itself (`id: null`) when it has no staff. */
export interface Resource {
  readonly id: string | null;
  readonly hours: WeeklyHours | null;
}

/** The resources that can perform the service (optionally only `staffId`). */
export function resourcesFor(staff: readonly StaffSchedule[], serviceId: string, staffId?: string | null): Resource[] {
  if (staff.length === 0) return staffId ? [] : [{ id: null, hours: null }];
  return staff
    .filter((s) => !staffId || s.id === staffId)
    .filter((s) => !s.serviceIds || s.serviceIds.includes(serviceId))
    .map((s) => ({ id: s.id, hours: s.hours ?? null }));
}

/** Working ranges of one resource over local dates `first..last`: business open ∩ its own hours. */
export function workingRanges(
  open: readonly TimeRange[],
  r: Resource,
  first: string,
  last: string,
  tz: string,
): TimeRange[] {
  return r.hours ? intersectRanges(open, buildOpeningRanges(r.hours, first, last, tz)) : [...open];
}

function validate(input: AvailabilityInput, window: SlotWindow): void {
  const { durationMin, bufferMin } = input.service;
  const step = input.schedule.stepMin ?? DEFAULT_STEP_MIN;
  if (!(durationMin > 0) || !(bufferMin >= 0) || !(step > 0)) {
    throw new AppError('VALIDATION_FAILED', 'service duration and step must be positive, buffer not negative', 400);
  }
  if (!(window.to.getTime() > window.from.getTime()))
    throw new AppError('VALIDATION_FAILED', '`to` must be after `from`', 400);
}

/**
 * Every free slot whose start lies in `window` (and in the booking window of notice / days ahead),
 * for every resource that performs the service, sorted by start then staff order.
 */
export function computeAvailability(input: AvailabilityInput, window: SlotWindow): Slot[] {
  validate(input, window);
  const { schedule: sch, service, now } = input;
  const tz = sch.tz;
  const bw = bookingWindow(now, sch.minNoticeMin, sch.maxDaysAhead, tz);
  const earliest = Math.max(bw.earliest, window.from.getTime());
  const latest = Math.min(bw.latest, window.to.getTime());
  if (earliest >= latest) return [];
  const first = localDateOf(earliest, tz);
  const last = localDateOf(latest, tz);
  const open = subtractHolidays(buildOpeningRanges(sch.hours, first, last, tz), sch.holidays, tz);
  const index = indexBusy(input.appointments, input.busy ?? [], input.holds ?? [], now, input.viewer);
  const durationMs = service.durationMin * 60_000;
  const opts = {
    durationMs,
    bufferMs: service.bufferMin * 60_000,
    stepMs: (sch.stepMin ?? DEFAULT_STEP_MIN) * 60_000,
    earliest,
    latest,
  };
  const slots: Slot[] = [];
  const order = new Map<string | null, number>();
  for (const r of resourcesFor(input.staff, service.id, input.staffId)) {
    order.set(r.id, order.size);
    const starts = sliceSlots(workingRanges(open, r, first, last, tz), busyFor(index, r.id), opts);
    for (const s of starts) slots.push({ start: new Date(s), end: new Date(s + durationMs), staffId: r.id });
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime() || order.get(a.staffId)! - order.get(b.staffId)!);
}

/**
 * True when `[start, start + duration)` is bookable for the resource right now (used to re-check a
 * requested start at booking time; the start need not lie on the step grid).
 */
export function isSlotAvailable(input: AvailabilityInput, start: Date, staffId: string | null): boolean {
  const slotInput: AvailabilityInput = { ...input, staffId, schedule: { ...input.schedule, stepMin: 1 } };
  const t = start.getTime();
  if (t % 60_000 !== 0) return false;
  const slots = computeAvailability(slotInput, { from: start, to: new Date(t + 60_000) });
  return slots.some((s) => s.start.getTime() === t && s.staffId === staffId);
}
