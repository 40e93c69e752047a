/**
 * The minimal language-model surface the brain needs, aligned with STYLE.md's provider sketch
 * (`chat(req, signal): AsyncIterable<LlmDelta>`), OpenAI chat-compatible with tool calling. The
 * providers/ module implements it for real vendors; the brain only depends on this shape.
 */

/** One chat message in the OpenAI shape. */
export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }> }
  | { role: 'tool'; tool_call_id: string; content: string };

/** A tool as the model sees it (OpenAI `tools[]` entry). */
export interface ToolSpec {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

/** A chat request. */
export interface ChatRequest {
  messages: ChatMessage[];
  tools?: ToolSpec[];
  temperature?: number;
  maxTokens?: number;
}

/** A streamed piece of the model's answer. */
export type LlmDelta =
  | { type: 'text'; text: string }
  | { type: 'tool_call'; id: string; name: string; arguments: string }
  | { type: 'done'; finishReason?: string };

/** A chat model with tool calling. */
export interface LanguageModel {
  readonly label: string;
  chat(req: ChatRequest, signal: AbortSignal): AsyncIterable<LlmDelta>;
}
