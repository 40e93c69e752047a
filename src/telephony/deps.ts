import type { Providers } from '../providers/index.js';
import type { GreetingCache } from '../voice/index.js';
import type { Receptionist } from '../wiring/receptionist.js';
import type { TwilioCredentials } from './twilio/index.js';

/** What the phone edge is built from (filled in by the composition root). */
export interface TelephonyDeps {
  receptionist: Receptionist;
  providers: Providers;
  greetings: GreetingCache;
  /** This process's id; calls it was running when it died are marked interrupted at its next start. */
  nodeId: string;
  /** The auth token Twilio signs with: the organization's own, else the server's. */
  authToken(orgId?: string | null): Promise<string>;
  /** REST credentials for outbound actions (transfer); null in test mode without an account. */
  credentials(orgId: string): Promise<TwilioCredentials | null>;
}
