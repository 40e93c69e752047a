/**
 * check_code: checks the one-time code the chat visitor typed. On success the number becomes the
 * conversation's proven identity (find_appointments may look it up); attempts are capped by the port.
 */
import { z } from 'zod';
import { defineTool, ToolRefusal } from './tool.js';

/** Arguments of check_code, validated before the handler runs. */
export const checkCodeArgs = z.object({
  code: z.string().regex(/^\d{4,8}$/, 'the digits of the code'),
});

/** The check_code tool. */
export const checkCode = defineTool({
  name: 'check_code',
  description:
    'Check the one-time code the person typed after send_code; when it matches, their appointments can be looked up.',
  args: checkCodeArgs,
  async run(ctx, a): Promise<{ verified: boolean; final: boolean }> {
    const phone = ctx.pendingPhone;
    if (!phone || !ctx.ports.verification) throw new ToolRefusal('NO_CODE_SENT', 'send_code first');
    const r = await ctx.ports.verification.checkCode(phone, a.code);
    if (!r.ok) return { verified: false, final: r.final };
    ctx.callerPhone = phone;
    ctx.identity = 'verified';
    ctx.pendingPhone = undefined;
    return { verified: true, final: true };
  },
});
