/** The call session: one call's real-time loop over the cascade or the realtime engine. */
export type * from './ports.js';
export {
  CallSession,
  type CallSessionDeps,
  type CallSessionOptions,
  type CascadeProviders,
} from './cascade/session.js';
export { RealtimeCallSession, type RealtimeSessionDeps, type RealtimeSessionOptions } from './realtime/session.js';
export { HandoverEngine, type Handover } from './realtime/handover.js';
export { GreetingCache, synthesizeFrames } from './greeting-cache.js';
export { Playout, toFrames, type Segment, type ClearReport } from './playout.js';
export { SpeechDetector } from './turns/speech-detector.js';
export { isBackchannel } from './turns/backchannel.js';
/** The session's own lines live in the brain's per-language catalogue (brain/lines), with every other line. */
export type { SessionLines } from '../brain/index.js';
export { resolveTiming, type SessionTiming } from './timing.js';
export { cannedConversation, type CannedRule } from './canned-conversation.js';
