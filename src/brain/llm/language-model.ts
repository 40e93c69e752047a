/**
 * The language-model surface the brain uses is the providers' one (STYLE.md's
 * `chat(req, signal): AsyncIterable<LlmDelta>`, OpenAI chat-compatible with tool calling);
 * re-exported here so brain code names it in one place.
 */
export type { LanguageModel, ChatRequest, ChatMessage, LlmDelta, ToolSpec, ToolCall } from '../../providers/index.js';
