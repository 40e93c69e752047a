/** telephony/: the Twilio edge — webhooks, the Media Streams socket, TwiML and REST. */
export * from './twilio/index.js';
export type { TelephonyDeps, StreamContext } from './deps.js';
export { createTwilioWebhooks } from './webhooks.js';
export { createMediaStreamRoute } from './stream.js';
export { realtimeOptions, callEngineOf } from './prewarm.js';
export {
  MediaStreamConnection,
  bridgeConnection,
  DEFAULT_MAX_FRAME_BYTES,
  CLOSE,
  type StartMessage,
} from './media-stream/index.js';
export { createTwilioDialer } from './outbound.js';
export { createRecordingRoute, purgeExpiredRecordings, type RetentionDeps } from './recordings.js';
export { createWarmTransfer, type WarmTransfer, type TransferResult, type TransferRequest } from './transfer.js';
