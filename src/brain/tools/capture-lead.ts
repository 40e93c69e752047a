/** capture_lead: records who called and what they need, with a priority. */
import { z } from 'zod';
import { defineTool } from './tool.js';

/** Arguments of capture_lead, validated before the handler runs. */
export const captureLeadArgs = z.object({
  need: z.string().min(1).max(500),
  priority: z.enum(['URGENT', 'HIGH', 'NORMAL', 'LOW']).default('NORMAL'),
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().email().optional(),
  address: z.string().optional(),
});

/** The capture_lead tool. */
export const captureLead = defineTool({
  name: 'capture_lead',
  description: 'Record the caller as a lead with what they need and how urgent it is.',
  args: captureLeadArgs,
  async run(ctx, a): Promise<{ id: string }> {
    const phone = a.phone ?? ctx.callerPhone;
    return ctx.ports.leads.captureLead({
      need: a.need,
      priority: a.priority,
      ...(a.name ? { name: a.name } : {}),
      ...(phone ? { phone } : {}),
      ...(a.email ? { email: a.email } : {}),
      ...(a.address ? { address: a.address } : {}),
    });
  },
});
