/**
 * A minimal brain behind ConversationPort for the gateway's own tests and for running without the
 * real brain: answers from a list of rules (substring → reply sentences, optional slow tool).
 */
import { systemScheduler, type Scheduler } from '../lib/index.js';
import type { CallerInput, ConversationPort, ReplyPart } from './ports.js';

/** One canned rule. */
export interface CannedRule {
  /** Lower-case substring of the caller's text (or `dtmf:<digits>`). */
  when: string;
  say: string[];
  /** Simulates a tool call of this duration before speaking. */
  toolMs?: number;
  end?: boolean;
  /** Delay before each sentence (simulates a slow model). */
  sentenceDelayMs?: number;
}

/** A canned conversation: greeting, rules, and an echo fallback (its delays run on `clock`). */
export function cannedConversation(
  greeting: string,
  rules: CannedRule[] = [],
  clock: Scheduler = systemScheduler,
): ConversationPort & { inputs: CallerInput[]; heard: string[] } {
  const inputs: CallerInput[] = [];
  const heard: string[] = [];
  return {
    inputs,
    heard,
    greet: () => greeting,
    interrupted: (h) => void heard.push(h),
    async *handle(input: CallerInput, signal: AbortSignal): AsyncIterable<ReplyPart> {
      inputs.push(input);
      const key =
        input.type === 'speech' ? input.text.toLowerCase() : input.type === 'dtmf' ? `dtmf:${input.digits}` : 'silence';
      const rule = rules.find((r) => key.includes(r.when));
      if (!rule) {
        yield {
          type: 'sentence',
          text: input.type === 'speech' ? `You said: ${input.text}.` : 'Sorry, could you say that again?',
        };
        return;
      }
      if (rule.toolMs) {
        yield { type: 'toolStart', name: 'check_availability' };
        await sleep(clock, rule.toolMs, signal);
        yield { type: 'toolEnd', name: 'check_availability', ok: true };
      }
      for (const s of rule.say) {
        if (rule.sentenceDelayMs) await sleep(clock, rule.sentenceDelayMs, signal);
        if (signal.aborted) return;
        yield { type: 'sentence', text: s };
      }
      if (rule.end) yield { type: 'end', reason: 'completed' };
    },
  };
}

function sleep(clock: Scheduler, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = clock.setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clock.clear(t), resolve()), { once: true });
  });
}
