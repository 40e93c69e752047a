import type { CallRow } from '../calls/index.js';
import type { ConversationTarget } from './target.js';

/**
 * Who the conversation of a voice call is with. Only a phone call's `from` is a number the brain may
 * use as caller ID; a browser test call's `from` is a person's label.
 */
export function callTarget(call: CallRow): ConversationTarget {
  const channel = call.channel;
  return { orgId: call.organizationId, callId: call.id, callSid: call.callSid, callerPhone: channel === 'phone' ? call.from : null, channel };
}
