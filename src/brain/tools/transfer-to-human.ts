/** transfer_to_human: hands the live call to the business's escalation number. */
import { z } from 'zod';
import { defineTool } from './tool.js';

/** Arguments of transfer_to_human, validated before the handler runs. */
export const transferToHumanArgs = z.object({
  reason: z.string().min(1).max(300),
});

/** The transfer_to_human tool. */
export const transferToHuman = defineTool({
  name: 'transfer_to_human',
  description: 'Transfer the caller to a person at the business. Answers whether a transfer is possible.',
  args: transferToHumanArgs,
  async run(ctx, a): Promise<{ accepted: boolean; to?: string }> {
    const to = ctx.business.escalationNumber;
    if (!to) return { accepted: false };
    const r = await ctx.ports.escalation.transferToHuman({ to, reason: a.reason });
    return r.accepted ? { accepted: true, to } : { accepted: false };
  },
});
