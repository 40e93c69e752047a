/** cancel: cancels one of the caller's appointments after they confirmed. */
import { z } from 'zod';
import { defineTool } from './tool.js';

/** Arguments of cancel, validated before the handler runs. */
export const cancelArgs = z.object({
  appointmentId: z.string().min(1),
  reason: z.string().max(300).optional(),
});

/** The cancel tool. */
export const cancel = defineTool({
  name: 'cancel',
  description: "Cancel the caller's existing appointment once they confirmed which one.",
  args: cancelArgs,
  async run(ctx, a): Promise<{ ok: boolean }> {
    return ctx.ports.booking.cancel({ appointmentId: a.appointmentId, ...(a.reason ? { reason: a.reason } : {}) });
  },
});
