/**
 * brain/: the channel-neutral conversation. Create one per call or chat with `createConversation`,
 * wire `deps` (BrainPorts) to the domain modules, and optionally pass a LanguageModel.
 */
export {
  createConversation,
  makeReply,
  type Conversation,
  type SavableConversation,
  type ConversationSnapshot,
  type ConversationOptions,
  type HandleOptions,
} from './conversation.js';
export { toSessionPort, realtimeBrain, type SessionInput, type SessionReplyPart } from './channel.js';
export type {
  BrainPorts,
  BookingPort,
  LeadsPort,
  EscalationPort,
  KnowledgePort,
  VerificationPort,
  Slot,
  SlotQuery,
  SlotCommandResult,
  AppointmentInfo,
  CustomerDetails,
} from './ports.js';
export type * from './types.js';
export type { LanguageModel, ChatRequest, ChatMessage, LlmDelta, ToolSpec } from './llm/language-model.js';
export { TOOLS, toolSpecs, runTool, type ToolName, type ToolContext } from './tools/index.js';
export { createNlu, type Nlu, type Understanding, type TimeWish } from './nlu/index.js';
export { createKnowledgeBase, terms } from './knowledge.js';
export { isOpenAt, describeHours, sayInstant } from './calendar.js';
export { conversationMachine } from './machine.js';
export { RECORDING_NOTICE, withRecordingNotice } from './greeting.js';
export { LINES, linesFor, sessionLinesFor, type SessionLines } from './lines/index.js';
