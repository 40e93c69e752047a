/** Campaign passes against the fake Twilio REST API, as the server's own timer runs them. */
import { createTwilioDialer } from '../../src/telephony/index.js';
import type { FakeTwilioRest } from '../fakes/twilio-rest.js';
export { campaignTick } from '../../src/channels/index.js';

/** The product's Twilio dialer pointed at the fake (callbacks to the test server). */
export const createTwilioDialerForTest = (rest: FakeTwilioRest, base: string) =>
  createTwilioDialer({
    credentials: async () => ({ accountSid: rest.accountSid, authToken: rest.authToken, apiBase: rest.url }),
    base: () => base,
  });
