import type { Admission } from '../billing/index.js';
import type { CallRow } from '../calls/index.js';
import type { LoadedBusiness, Receptionist } from '../conversations/index.js';
import type { Providers } from '../providers/index.js';
import type { CallEngine, GreetingCache, MediaSink } from '../voice/index.js';
import type { Prewarmed } from './prewarm.js';
import type { TwilioCredentials } from './twilio/index.js';

/** What an authorized stream runs with. */
export interface StreamContext {
  call: CallRow;
  business: LoadedBusiness;
  prewarmed?: Prewarmed;
}

/** What the phone edge is built from (filled in by the composition root). */
export interface TelephonyDeps {
  receptionist: Receptionist;
  providers: Providers;
  greetings: GreetingCache;
  /** The voice session of one authorized stream (assembled by the composition root). */
  createEngine(context: StreamContext, sink: MediaSink): CallEngine;
  /** This process's id; calls it was running when it died are marked interrupted at its next start. */
  nodeId: string;
  /** The auth token Twilio signs with: the organization's own, else the server's. */
  authToken(organizationId?: string | null): Promise<string>;
  /** REST credentials for outbound actions (transfer); null in test mode without an account. */
  credentials(organizationId: string): Promise<TwilioCredentials | null>;
  /** Billing's answer to whether the receptionist takes a new call (the owner's hard cap); all taken when absent. */
  admitCall?(organizationId: string): Promise<Admission>;
  /** How long the inbound webhook keeps a number's organization, its business and its admission (ms; 5 s by default). */
  webhookCacheMs?: number;
  /** How long an answered call may wait for its media stream before it is closed as failed (ms; 60 s by default). */
  streamStartTimeoutMs?: number;
}
