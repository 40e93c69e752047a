/** transfer_to_human: offers the live call to the business's escalation number, who may decline. */
import { z } from 'zod';
import { defineTool } from './tool.js';

/** Arguments of transfer_to_human, validated before the handler runs. */
export const transferToHumanArgs = z.object({
  reason: z.string().min(1).max(300),
  /** The caller's name, when they gave it: the person answering hears it first. */
  callerName: z.string().min(1).max(100).optional(),
});

/** A phone number read digit by digit, in groups (what a person can note down): +13125550142 → "3 1 2, 5 5 5, 0 1 4 2". */
export function spokenNumber(e164: string): string {
  const national = e164.replace(/^\+1(?=\d{10}$)/, '').replace(/\D/g, '');
  const groups = national.length === 10 ? [national.slice(0, 3), national.slice(3, 6), national.slice(6)] : [national];
  return groups.map((g) => g.split('').join(' ')).join(', ');
}

/** The one line the person answering hears before deciding: who is calling, for which business, and why. */
export function transferWhisper(business: string, reason: string, caller: { name?: string; phone?: string }): string {
  const who = caller.name
    ? `${caller.name}${caller.phone ? ` at ${spokenNumber(caller.phone)}` : ''}`
    : caller.phone
      ? `A caller at ${spokenNumber(caller.phone)}`
      : 'A caller';
  return `${who} is on the line for ${business}. ${reason.charAt(0).toUpperCase()}${reason.slice(1).replace(/[.!?]*$/, '.')}`;
}

/** The transfer_to_human tool. */
export const transferToHuman = defineTool({
  name: 'transfer_to_human',
  description:
    'Offer the caller to a person at the business, who hears who is calling and why and may decline. Tell the caller you are connecting them first. Answers accepted: true once the caller is connected; accepted: false when nobody could take the call: then offer to take a message.',
  args: transferToHumanArgs,
  async run(ctx, a): Promise<{ accepted: boolean; to?: string }> {
    const to = ctx.business.escalationNumber;
    if (!to) return { accepted: false };
    const whisper = transferWhisper(ctx.business.name, a.reason, { name: a.callerName, phone: ctx.callerPhone });
    const r = await ctx.ports.escalation.transferToHuman({ to, reason: a.reason, whisper });
    return r.accepted ? { accepted: true, to } : { accepted: false };
  },
});
