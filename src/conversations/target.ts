import type { PublishLive } from '../live/index.js';
import type { OutboundPlan } from '../channels/index.js';

/** One conversation's identity: the organization, the call record, and the phone line if any. */
export interface ConversationTarget {
  organizationId: string;
  callId: string;
  callSid?: string | null;
  /** Caller ID (the phone network's, the number an outbound call dialled, or a staff member testing as a caller): presumed identity. */
  callerPhone?: string | null;
  /** A number a chat client typed: contact information only, never identity. */
  contactPhone?: string | null;
  channel: 'phone' | 'chat' | 'test';
  /** A call the agent placed: what it is about (its opening, a reminder's choices); `callerPhone` is the number called. */
  outbound?: OutboundPlan | null;
}

/** A live event for the dashboard (the shape `LiveStore.publish` takes, minus the time stamp). */
export type Publish = PublishLive;
