/** take_message: passes the caller's message on to the business. */
import { z } from 'zod';
import { defineTool } from './tool.js';

/** Arguments of take_message, validated before the handler runs. */
export const takeMessageArgs = z.object({
  text: z.string().min(1).max(2000),
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
  urgent: z.boolean().optional(),
});

/** The take_message tool. */
export const takeMessage = defineTool({
  name: 'take_message',
  description: 'Take a message for the business with the caller name, call-back number, email and address.',
  args: takeMessageArgs,
  async run(ctx, a): Promise<{ id: string }> {
    const phone = a.phone ?? ctx.callerPhone;
    return ctx.ports.leads.takeMessage({
      text: a.text,
      ...(a.name ? { name: a.name } : {}),
      ...(phone ? { phone } : {}),
      ...(a.email ? { email: a.email } : {}),
      ...(a.address ? { address: a.address } : {}),
      ...(a.urgent ? { urgent: true } : {}),
    });
  },
});
