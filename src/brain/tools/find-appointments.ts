/**
 * find_appointments: the caller's upcoming appointments, by caller ID only. Not one of the ten
 * action tools: a read-only lookup that reschedule and cancel need, and that never takes a number
 * from the caller (nobody may look up someone else's bookings by saying their number).
 */
import { z } from 'zod';
import type { AppointmentInfo } from '../ports.js';
import { defineTool } from './tool.js';

/** Arguments of find_appointments, validated before the handler runs. */
export const findAppointmentsArgs = z.object({});

/** The find_appointments tool. */
export const findAppointments = defineTool({
  name: 'find_appointments',
  description: "List the caller's upcoming appointments, found by the number they are calling from.",
  args: findAppointmentsArgs,
  async run(ctx): Promise<{ appointments: AppointmentInfo[] }> {
    if (!ctx.callerPhone) return { appointments: [] };
    const now = ctx.clock.now().getTime();
    const list = await ctx.ports.booking.findUpcomingAppointments(ctx.callerPhone);
    return { appointments: list.filter((a) => Date.parse(a.start) > now).sort((x, y) => Date.parse(x.start) - Date.parse(y.start)) };
  },
});
