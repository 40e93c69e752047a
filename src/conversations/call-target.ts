import type { CallRow } from '../calls/index.js';
import { outboundPlanOf } from '../channels/index.js';
import type { ConversationTarget } from './target.js';

/**
 * Who the conversation of a voice call is with. Only a phone call's `from` is a number the brain may
 * use as caller ID; a browser test call's `from` is a person's label.
 */
export function callTarget(call: CallRow): ConversationTarget {
  const channel = call.channel;
  // On a call the agent placed, the customer is the number called.
  const customer = call.direction === 'outbound' ? call.to : call.from;
  return {
    organizationId: call.organizationId,
    callId: call.id,
    callSid: call.callSid,
    callerPhone: channel === 'phone' ? customer : null,
    channel,
    outbound: outboundPlanOf(call),
  };
}
