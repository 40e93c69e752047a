/** check_availability: open slots for a service in the time the caller asked for. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { localParts, minutesOf } from '../calendar.js';
import { PART_OF_DAY_WINDOWS } from '../nlu/index.js';
import type { Slot } from '../ports.js';
import { defineTool, slotKey, ToolRefusal, type ToolContext } from './tool.js';

const hm = z.string().regex(/^\d{2}:\d{2}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Arguments: a service and the caller's time wish (local dates and times). */
export const checkAvailabilityArgs = z.object({
  service: z.string().min(1).describe('service name as configured'),
  date: day.optional().describe('local date YYYY-MM-DD'),
  from: day.optional().describe('first local date of a range'),
  to: day.optional().describe('last local date of a range (inclusive)'),
  time: hm.optional().describe('exact local time HH:mm wanted'),
  partOfDay: z.enum(['morning', 'afternoon', 'evening']).optional(),
  after: hm.optional(),
  before: hm.optional(),
  endBy: hm.optional().describe('local time HH:mm the appointment must be over by ("done by 1")'),
  notWeekdays: z
    .array(z.number().int().min(1).max(7))
    .optional()
    .describe('weekdays the caller ruled out, 1 = Monday … 7 = Sunday'),
  staff: z.string().optional().describe('staff member asked for'),
  moving: z.string().optional().describe("id of the caller's appointment being moved (from find_appointments)"),
  limit: z.number().int().min(1).max(500).default(200),
});

/** Days searched when the caller gives no date, and after an empty day when widening. */
const HORIZON_DAYS = 14;
/** Most slots asked of the port per search: two weeks of 15-minute starts in a working day is ~500. */
const PORT_LIMIT = 500;
const WIDEN_DAYS = 7;

/** The check_availability tool. */
export const checkAvailability = defineTool({
  name: 'check_availability',
  description: 'Find open appointment slots for a service. Only slots returned here may be offered or booked.',
  args: checkAvailabilityArgs,
  async run(ctx, a): Promise<{ service: string; slots: Slot[]; widened: boolean }> {
    const service = ctx.findService(a.service);
    if (!service) throw new ToolRefusal('UNKNOWN_SERVICE', `no service called "${a.service}"`);
    const tz = ctx.business.timezone;
    const now = DateTime.fromJSDate(ctx.clock.now(), { zone: tz });
    const first = a.date ?? a.from ?? now.toISODate()!;
    const last = a.date ?? a.to ?? now.plus({ days: HORIZON_DAYS }).toISODate()!;
    let slots = await search(ctx, service.name, service.id, first, last, a);
    let widened = false;
    if (!slots.length) {
      const next = DateTime.fromISO(last, { zone: tz }).plus({ days: 1 });
      slots = await search(
        ctx,
        service.name,
        service.id,
        next.toISODate()!,
        next.plus({ days: WIDEN_DAYS }).toISODate()!,
        a,
      );
      // nothing at the time of day asked for: the times closest to it, on the days the caller can come if any
      const keep = { ...(a.staff ? { staff: a.staff } : {}), ...(a.moving ? { moving: a.moving } : {}) };
      const until = next.plus({ days: WIDEN_DAYS }).toISODate()!;
      if (!slots.length && a.notWeekdays?.length)
        slots = await search(ctx, service.name, service.id, first, until, { ...keep, notWeekdays: a.notWeekdays });
      if (!slots.length) slots = await search(ctx, service.name, service.id, first, until, keep);
      slots = closestFirst(slots, a, tz);
      widened = true;
    }
    slots = slots.slice(0, a.limit);
    for (const s of slots) ctx.knownSlots.set(slotKey(s.start), s);
    return { service: service.name, slots, widened };
  },
});

/**
 * Slots in order of how near they come to the time of day asked for ("after 5:15" at a vet that closes at 5:30:
 * its 5 PM ones first, not its mornings), the soonest first among equals.
 */
function closestFirst(slots: Slot[], a: z.infer<typeof checkAvailabilityArgs>, tz: string): Slot[] {
  const window = a.partOfDay ? PART_OF_DAY_WINDOWS[a.partOfDay] : undefined;
  const from = a.after ?? window?.from;
  const to = a.before ?? window?.to;
  if (!from && !to && !a.endBy && !a.time) return slots;
  const miss = (s: Slot) => {
    const t = minutesOf(localParts(s.start, tz).time);
    const end = minutesOf(localParts(s.end, tz).time);
    return (
      (a.time ? Math.abs(t - minutesOf(a.time)) : 0) +
      (from ? Math.max(0, minutesOf(from) - t) : 0) +
      (to ? Math.max(0, t - minutesOf(to) + 1) : 0) +
      (a.endBy ? Math.max(0, end - minutesOf(a.endBy)) : 0)
    );
  };
  return slots
    .map((s) => ({ s, miss: miss(s) }))
    .sort((x, y) => x.miss - y.miss || Date.parse(x.s.start) - Date.parse(y.s.start))
    .map((x) => x.s);
}

async function search(
  ctx: ToolContext,
  serviceName: string,
  serviceId: string | undefined,
  first: string,
  last: string,
  a: Partial<z.infer<typeof checkAvailabilityArgs>>,
): Promise<Slot[]> {
  const tz = ctx.business.timezone;
  const now = ctx.clock.now().getTime();
  const from = DateTime.fromISO(first, { zone: tz }).startOf('day');
  const to = DateTime.fromISO(last, { zone: tz }).plus({ days: 1 }).startOf('day');
  if (to <= from) return [];
  const found = await ctx.ports.booking.findSlots({
    serviceName,
    ...(serviceId ? { serviceId } : {}),
    ...(a.staff ? { staffName: a.staff } : {}),
    // only an appointment this caller was shown may be looked through
    ...(a.moving && ctx.foundAppointments.has(a.moving) ? { exceptAppointmentId: a.moving } : {}),
    from: from.toISO()!,
    to: to.toISO()!,
    limit: PORT_LIMIT,
  });
  const window = a.partOfDay ? PART_OF_DAY_WINDOWS[a.partOfDay] : undefined;
  return found
    .filter((s) => Date.parse(s.start) > now)
    .filter((s) => {
      const { date, time: t } = localParts(s.start, tz);
      if (a.notWeekdays?.includes(DateTime.fromISO(date).weekday)) return false;
      if (window && (t < window.from || t >= window.to)) return false;
      if (a.after && t < a.after) return false;
      if (a.before && t >= a.before) return false;
      if (a.endBy && localParts(s.end, tz).time > a.endBy) return false;
      return true;
    })
    .sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
}
