/** end_call: the conversation is over; the channel may hang up after the reply. */
import { z } from 'zod';
import { defineTool } from './tool.js';

export const endCallArgs = z.object({ reason: z.string().max(200).optional() });

export const endCall = defineTool({
  name: 'end_call',
  description: 'End the call politely once the caller has nothing else.',
  args: endCallArgs,
  async run(): Promise<{ ended: true }> {
    return { ended: true };
  },
});
