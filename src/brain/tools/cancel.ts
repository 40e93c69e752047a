/** cancel: cancels one of the caller's appointments after they confirmed. */
import { z } from 'zod';
import { defineTool, ToolRefusal } from './tool.js';

/** Arguments of cancel, validated before the handler runs. */
export const cancelArgs = z.object({
  appointmentId: z.string().min(1),
  reason: z.string().max(300).optional(),
});

/** The cancel tool. */
export const cancel = defineTool({
  name: 'cancel',
  description: 'Cancel one of the appointments find_appointments returned, once the caller confirmed which one.',
  args: cancelArgs,
  async run(ctx, a): Promise<{ ok: boolean }> {
    // only an appointment this conversation found for the caller: never one named by id from outside
    if (!ctx.foundAppointments.has(a.appointmentId))
      throw new ToolRefusal(
        'UNKNOWN_APPOINTMENT',
        'only an appointment find_appointments returned in this conversation can be cancelled',
      );
    return ctx.ports.booking.cancel({ appointmentId: a.appointmentId, ...(a.reason ? { reason: a.reason } : {}) });
  },
});
