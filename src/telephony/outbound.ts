import type { Dialer } from '../channels/index.js';
import { wsBase } from './public-url.js';
import { connectStreamTwiml, placeStreamCall, type TwilioCredentials } from './twilio/index.js';

/**
 * Dials through Twilio's REST API: the call runs the same `<Connect><Stream>` as an inbound call (its
 * one-time token comes back in `start`), with status and answering-machine callbacks to this server
 * that carry the call's id (see `adoptCallSid`).
 * `base` is the server's public URL (PUBLIC_URL, else the address it listens on).
 */
export function createTwilioDialer(deps: {
  credentials(organizationId: string): Promise<TwilioCredentials | null>;
  base(): string;
}): Dialer {
  return {
    async dial(c) {
      const creds = await deps.credentials(c.organizationId);
      if (!creds) throw new Error('Twilio is not configured (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)');
      const base = deps.base();
      const twiml = connectStreamTwiml(`${wsBase(base)}/twilio/stream`, { callId: c.callId, token: c.streamToken });
      // The callbacks name our call: a status can arrive before this request's answer gave us its CallSid.
      const call = `?call=${encodeURIComponent(c.callId)}`;
      return placeStreamCall(creds, c.to, c.from, twiml, {
        status: `${base}/twilio/status${call}`,
        amd: `${base}/twilio/amd${call}`,
      });
    },
  };
}
