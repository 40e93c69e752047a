/** book_appointment: books a slot that check_availability returned, for the caller. */
import { z } from 'zod';
import type { SlotCommandResult } from '../ports.js';
import { defineTool, slotKey, ToolRefusal } from './tool.js';

/** Arguments: the service, the slot's start and the customer. */
export const bookAppointmentArgs = z.object({
  service: z.string().min(1),
  start: z.string().min(10).describe('ISO start of a slot returned by check_availability'),
  name: z.string().min(1),
  phone: z.string().min(7).optional(),
  email: z.string().email().optional(),
  address: z.string().optional(),
  notes: z.string().max(500).optional(),
});

/** The book_appointment tool. */
export const bookAppointment = defineTool({
  name: 'book_appointment',
  description: 'Book a slot the caller confirmed. The slot must come from check_availability.',
  args: bookAppointmentArgs,
  async run(ctx, a): Promise<SlotCommandResult> {
    const slot = ctx.knownSlots.get(slotKey(a.start));
    if (!slot) throw new ToolRefusal('UNKNOWN_SLOT', 'that time was not offered by check_availability');
    const service = ctx.findService(a.service);
    if (!service) throw new ToolRefusal('UNKNOWN_SERVICE', `no service called "${a.service}"`);
    const result = await ctx.ports.booking.book({
      serviceName: service.name,
      ...(service.id ? { serviceId: service.id } : {}),
      slot,
      customer: {
        name: a.name,
        ...((a.phone ?? ctx.callerPhone) ? { phone: a.phone ?? ctx.callerPhone } : {}),
        ...(a.email ? { email: a.email } : {}),
        ...(a.address ? { address: a.address } : {}),
      },
      ...(a.notes ? { notes: a.notes } : {}),
      // (with the staff member: two people of one call booked at the same time, each with someone else)
      idempotencyKey: `${ctx.conversationId}:book:${slotKey(slot.start)}${slot.staffId ? `:${slot.staffId}` : ''}`,
      ...(ctx.language ? { language: ctx.language } : {}),
    });
    if (!result.ok) for (const s of result.alternatives ?? []) ctx.knownSlots.set(slotKey(s.start), s);
    return result;
  },
});
