/** A LanguageModel that moves to the next model when one fails (or is silent too long) before its first delta. */
import { fallbackStream, withStreamTimeout } from '../shared/wrappers.js';
import type { ChatRequest, LanguageModel, LlmDelta } from '../types.js';

/** livekit's FallbackAdapter shape for chat models. */
export class FallbackLanguageModel implements LanguageModel {
  readonly label: string;
  constructor(
    private readonly models: LanguageModel[],
    private readonly firstDeltaMs = 1200,
  ) {
    this.label = `fallback(${models.map((m) => m.label).join(',')})`;
  }

  chat(req: ChatRequest, signal: AbortSignal): AsyncIterable<LlmDelta> {
    return fallbackStream(this.models.map((m) => ({ label: m.label, run: () => withStreamTimeout(m.chat(req, signal), m.label, this.firstDeltaMs, 10_000) })));
  }
}
