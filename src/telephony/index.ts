/** telephony/: the Twilio edge — webhooks, the Media Streams socket, TwiML and REST. */
export * from './twilio/index.js';
export type { TelephonyDeps } from './deps.js';
export { createTwilioWebhooks } from './webhooks.js';
export { createMediaStreamRoute } from './stream.js';
