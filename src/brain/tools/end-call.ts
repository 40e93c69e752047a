/** end_call: the conversation is over; the channel may hang up after the reply. */
import { z } from 'zod';
import { defineTool } from './tool.js';

/** Arguments of end_call, validated before the handler runs. */
export const endCallArgs = z.object({ reason: z.string().max(200).optional() });

/** The end_call tool. */
export const endCall = defineTool({
  name: 'end_call',
  description: 'End the call politely once the caller has nothing else.',
  args: endCallArgs,
  async run(): Promise<{ ended: true }> {
    return { ended: true };
  },
});
