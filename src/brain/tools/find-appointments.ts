/**
 * find_appointments: the caller's upcoming appointments, by the number the caller is known to own
 * (caller ID, or a number proven by a texted code) — never by a number the caller merely says. On
 * caller ID alone (which can be spoofed) one detail the real customer knows must match first: the
 * name on the booking, or its date. Every appointment returned is remembered, because reschedule
 * and cancel act only on those.
 */
import { z } from 'zod';
import { localParts } from '../calendar.js';
import type { AppointmentInfo } from '../ports.js';
import { defineTool, ToolRefusal } from './tool.js';

/** Arguments of find_appointments, validated before the handler runs. */
export const findAppointmentsArgs = z.object({
  name: z.string().max(120).optional().describe('the name the caller said the booking is under'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('the local date (YYYY-MM-DD) the caller said the booking is on'),
});

/** Why no appointments came back although the caller may have some. */
export type LookupBlock = 'detail_needed' | 'detail_mismatch';

const tokens = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z\s'-]/g, ' ')
    .split(/[\s'-]+/)
    .filter((t) => t.length >= 2);

/** True when a name the caller said shares a word (first or last name) with the name on the booking. */
export function nameMatches(said: string, onBooking: string | undefined): boolean {
  if (!onBooking) return false;
  const want = new Set(tokens(onBooking));
  return tokens(said).some((t) => want.has(t));
}

/** The find_appointments tool. */
export const findAppointments = defineTool({
  name: 'find_appointments',
  description:
    "List the caller's upcoming appointments (found by the number they are calling from). On the phone, first ask the name the booking is under and pass it.",
  args: findAppointmentsArgs,
  async run(ctx, a): Promise<{ appointments: AppointmentInfo[]; blocked?: LookupBlock }> {
    if (ctx.identity === 'none' || !ctx.callerPhone)
      throw new ToolRefusal('VERIFICATION_REQUIRED', 'the caller has not proven which phone number is theirs');
    const now = ctx.clock.now().getTime();
    const list = (await ctx.ports.booking.findUpcomingAppointments(ctx.callerPhone))
      .filter((x) => Date.parse(x.start) > now)
      .sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
    let shown = list;
    if (ctx.identity === 'caller_id' && list.length) {
      if (!a.name && !a.date) return { appointments: [], blocked: 'detail_needed' };
      const tz = ctx.business.timezone;
      shown = list.filter(
        (x) => (a.name && nameMatches(a.name, x.customerName)) || (a.date && localParts(x.start, tz).date === a.date),
      );
      if (!shown.length) return { appointments: [], blocked: 'detail_mismatch' };
    }
    for (const x of shown) ctx.foundAppointments.set(x.id, x);
    return { appointments: shown };
  },
});
