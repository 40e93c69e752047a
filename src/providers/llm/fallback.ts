/** A LanguageModel that moves to the next model when one fails (or is silent too long) before its first delta. */
import { CallHealth, type OnSwitch } from '../shared/switches.js';
import { fallbackStream, withStreamTimeout } from '../shared/wrappers.js';
import type { ChatRequest, LanguageModel, LlmDelta } from '../types.js';

/** livekit's FallbackAdapter shape for chat models; a model that failed twice in a call is tried last. */
export class FallbackLanguageModel implements LanguageModel {
  readonly label: string;
  constructor(
    private readonly models: LanguageModel[],
    private readonly firstDeltaMs = 1200,
    private readonly health?: CallHealth,
    private readonly onSwitch?: OnSwitch,
  ) {
    this.label = `fallback(${models.map((m) => m.label).join(',')})`;
  }

  chat(req: ChatRequest, signal: AbortSignal): AsyncIterable<LlmDelta> {
    const chain = this.health ? this.health.order(this.models) : this.models;
    return fallbackStream(
      chain.map((m) => ({
        label: m.label,
        run: () => withStreamTimeout(m.chat(req, signal), m.label, this.firstDeltaMs, 10_000),
      })),
      (label, err, next) => {
        this.health?.fail(label);
        this.onSwitch?.({ stage: 'llm', from: label, to: next ?? 'offline rules', reason: (err as Error).message });
      },
    );
  }
}
