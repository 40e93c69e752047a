/**
 * send_code: texts a one-time code to the phone number a chat visitor says their booking is under.
 * A chat has no caller ID, so this code is the proof that lets find_appointments look that number up.
 */
import { z } from 'zod';
import { defineTool, ToolRefusal } from './tool.js';

/** Arguments of send_code, validated before the handler runs. */
export const sendCodeArgs = z.object({
  phone: z.string().min(7).max(40).describe('the phone number (E.164) the booking is under'),
});

/** The send_code tool. */
export const sendCode = defineTool({
  name: 'send_code',
  description:
    'Text a one-time code to the phone number the appointment was booked with, so the person on the chat can prove it is theirs.',
  args: sendCodeArgs,
  async run(ctx, a): Promise<{ sent: boolean }> {
    if (!ctx.ports.verification)
      throw new ToolRefusal('VERIFICATION_UNAVAILABLE', 'this channel cannot send verification codes');
    const r = await ctx.ports.verification.sendCode(a.phone);
    if (!r.sent) throw new ToolRefusal('RATE_LIMITED', 'too many codes were sent to that number; try again later');
    ctx.pendingPhone = a.phone;
    return { sent: true };
  },
});
