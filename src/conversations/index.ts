/**
 * conversations/: the application service that runs one conversation's lifecycle for every channel
 * (phone, chat, browser test call): loads the business, starts and completes the call record,
 * records leads, builds the brain with its ports, and publishes live events. The edges (`telephony/`,
 * `api/`) call it; `wiring/` only assembles it.
 */
export {
  createReceptionist,
  profileFor,
  isRecorded,
  type Receptionist,
  type ReceptionistDeps,
} from './receptionist.js';
export type { EscalationChannels } from './ports.js';
export { loadBusiness, toBusinessProfile, type LoadedBusiness } from './profile.js';
export type { ConversationTarget, Publish } from './target.js';
export { callTarget } from './call-target.js';
export { listUnansweredQuestions, answerUnansweredQuestion, type UnansweredQuestion } from './unanswered-questions.js';
export {
  createChatSessions,
  DEFAULT_CHAT_LIMITS,
  MAX_SAVED_CHAT_BYTES,
  type ChatLimits,
  type ChatSessions,
  type ChatReply,
} from './chat-sessions.js';
export {
  createCallSummaries,
  cleanModelSummary,
  type CallSummaries,
  type CallSummaryDeps,
  type CallSummaryOptions,
  type SummaryPass,
} from './call-summaries.js';
export { translateCall, parseNumberedLines, type CallTranslation, type TranslatedTurn } from './call-translation.js';
