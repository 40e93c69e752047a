/** reschedule: moves one of the caller's appointments to a slot check_availability returned. */
import { z } from 'zod';
import type { SlotCommandResult } from '../ports.js';
import { defineTool, slotKey, ToolRefusal } from './tool.js';

/** Arguments of reschedule, validated before the handler runs. */
export const rescheduleArgs = z.object({
  appointmentId: z.string().min(1),
  start: z.string().min(10).describe('ISO start of a slot returned by check_availability'),
});

/** The reschedule tool. */
export const reschedule = defineTool({
  name: 'reschedule',
  description:
    'Move one of the appointments find_appointments returned to a confirmed new slot from check_availability.',
  args: rescheduleArgs,
  async run(ctx, a): Promise<SlotCommandResult> {
    if (!ctx.foundAppointments.has(a.appointmentId))
      throw new ToolRefusal(
        'UNKNOWN_APPOINTMENT',
        'only an appointment find_appointments returned in this conversation can be moved',
      );
    const slot = ctx.knownSlots.get(slotKey(a.start));
    if (!slot) throw new ToolRefusal('UNKNOWN_SLOT', 'that time was not offered by check_availability');
    const result = await ctx.ports.booking.reschedule({
      appointmentId: a.appointmentId,
      slot,
      idempotencyKey: `${ctx.conversationId}:move:${a.appointmentId}:${slotKey(slot.start)}`,
    });
    if (!result.ok) for (const s of result.alternatives ?? []) ctx.knownSlots.set(slotKey(s.start), s);
    return result;
  },
});
