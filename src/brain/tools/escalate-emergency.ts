/** escalate_emergency: starts the owner's alert ladder for an urgent situation. */
import { z } from 'zod';
import { isOpenAt } from '../calendar.js';
import { defineTool } from './tool.js';

/** Arguments of escalate_emergency, validated before the handler runs. */
export const escalateEmergencyArgs = z.object({
  priority: z.enum(['URGENT', 'HIGH']),
  summary: z.string().min(1).max(500),
  name: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
  leadId: z.string().optional(),
});

/** The escalate_emergency tool. */
export const escalateEmergency = defineTool({
  name: 'escalate_emergency',
  description: 'Alert the owner / on-call person at once about an emergency (SMS, email, call).',
  args: escalateEmergencyArgs,
  async run(ctx, a): Promise<{ notified: string[]; duringHours: boolean }> {
    const duringHours = isOpenAt(ctx.business, ctx.clock.now());
    const phone = a.phone ?? ctx.callerPhone;
    const r = await ctx.ports.escalation.escalateEmergency({
      priority: a.priority,
      summary: a.summary,
      duringHours,
      ...(a.name ? { name: a.name } : {}),
      ...(phone ? { phone } : {}),
      ...(a.address ? { address: a.address } : {}),
      ...(a.leadId ? { leadId: a.leadId } : {}),
    });
    return { notified: r.notified, duringHours };
  },
});
