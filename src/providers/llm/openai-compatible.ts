/**
 * OpenAI Chat Completions with tools, streamed over SSE. Works with any OpenAI-compatible base URL
 * (vLLM, Ollama, llama.cpp server, LM Studio). Tool-call fragments arrive spread over deltas keyed by
 * `index`; we assemble them and emit each call whole when the choice finishes.
 * https://platform.openai.com/docs/api-reference/chat/streaming
 */
import { ensureOk, sseData } from '../shared/http.js';
import { ProviderError, isAbort } from '../shared/errors.js';
import type { ChatMessage, ChatRequest, LanguageModel, LlmDelta, ToolCall } from '../types.js';

/** Chat model settings. */
export interface OpenAiChatConfig {
  apiKey?: string;
  baseUrl?: string;
  model?: string;
  /** Provider label; by default `openai.llm` for OpenAI's own URL, else `openai-compatible.llm`. */
  label?: string;
}

interface ChunkChoice {
  delta?: {
    content?: string | null;
    tool_calls?: Array<{ index: number; id?: string; function?: { name?: string; arguments?: string } }>;
  };
  finish_reason?: string | null;
}

/** OpenAI-compatible streaming chat with tool calls. */
export class OpenAiCompatibleLanguageModel implements LanguageModel {
  readonly label: string;
  constructor(private readonly cfg: OpenAiChatConfig) {
    this.label =
      cfg.label ?? (cfg.baseUrl && !cfg.baseUrl.includes('api.openai.com') ? 'openai-compatible.llm' : 'openai.llm');
  }

  async *chat(req: ChatRequest, signal: AbortSignal): AsyncIterable<LlmDelta> {
    const body = {
      model: this.cfg.model ?? 'gpt-6-luna',
      stream: true,
      stream_options: { include_usage: true },
      messages: req.messages.map(toWire),
      ...(req.tools?.length ? { tools: req.tools.map((t) => ({ type: 'function', function: t })) } : {}),
      ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
      ...(req.maxTokens !== undefined ? { max_tokens: req.maxTokens } : {}),
    };
    let res: Response;
    try {
      res = await fetch(`${this.cfg.baseUrl ?? 'https://api.openai.com/v1'}/chat/completions`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(this.cfg.apiKey ? { Authorization: `Bearer ${this.cfg.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal,
      });
    } catch (e) {
      if (isAbort(e)) return;
      throw new ProviderError(this.label, (e as Error).message, { cause: e });
    }
    await ensureOk(this.label, res);
    if (!res.body) throw new ProviderError(this.label, 'empty body');
    const calls = new Map<number, ToolCall>();
    let finish = 'stop';
    let usage: { promptTokens: number; completionTokens: number } | undefined;
    try {
      for await (const data of sseData(res.body)) {
        if (data === '[DONE]') break;
        const chunk = JSON.parse(data) as {
          choices?: ChunkChoice[];
          usage?: { prompt_tokens: number; completion_tokens: number };
        };
        if (chunk.usage)
          usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
        const choice = chunk.choices?.[0];
        if (!choice) continue;
        if (choice.delta?.content) yield { type: 'text', text: choice.delta.content };
        for (const tc of choice.delta?.tool_calls ?? []) {
          const cur = calls.get(tc.index) ?? { id: '', name: '', arguments: '' };
          if (tc.id) cur.id = tc.id;
          if (tc.function?.name) cur.name += tc.function.name;
          if (tc.function?.arguments) cur.arguments += tc.function.arguments;
          calls.set(tc.index, cur);
        }
        if (choice.finish_reason) finish = choice.finish_reason;
      }
    } catch (e) {
      if (isAbort(e)) return;
      throw e instanceof ProviderError ? e : new ProviderError(this.label, (e as Error).message, { cause: e });
    }
    for (const call of calls.values()) yield { type: 'toolCall', call };
    yield { type: 'done', finishReason: finish, usage };
  }
}

function toWire(m: ChatMessage): Record<string, unknown> {
  switch (m.role) {
    case 'assistant':
      return {
        role: 'assistant',
        content: m.content,
        ...(m.toolCalls?.length
          ? {
              tool_calls: m.toolCalls.map((c) => ({
                id: c.id,
                type: 'function',
                function: { name: c.name, arguments: c.arguments },
              })),
            }
          : {}),
      };
    case 'tool':
      return { role: 'tool', content: m.content, tool_call_id: m.toolCallId };
    default:
      return { role: m.role, content: m.content };
  }
}
