/** answer_question: answers from the knowledge base and configuration, or says it is unsure. */
import { z } from 'zod';
import type { LanguageModel } from '../llm/language-model.js';
import { defineTool } from './tool.js';

/** Arguments of answer_question, validated before the handler runs. */
export const answerQuestionArgs = z.object({ question: z.string().min(1).max(500) });

/** How long a grounded model answer may take before the offline ranking answers instead. */
const MODEL_ANSWER_TIMEOUT_MS = 4000;

/**
 * Asks the model to answer only from the passages. Answers the text, null when the model says the
 * passages do not cover it, or undefined when the model failed (the offline ranking then answers).
 */
async function answerFromPassages(
  model: LanguageModel,
  question: string,
  passages: string[],
): Promise<string | null | undefined> {
  if (!passages.length) return null;
  const system = [
    "You answer a caller's question for a small business, using ONLY the facts below.",
    'Reply in one or two short spoken sentences. If the facts do not answer the question, reply exactly: UNSURE',
    ...passages.map((p) => `- ${p}`),
  ].join('\n');
  let text = '';
  try {
    for await (const d of model.chat(
      {
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: question },
        ],
        temperature: 0,
      },
      AbortSignal.timeout(MODEL_ANSWER_TIMEOUT_MS),
    )) {
      if (d.type === 'text') text += d.text;
    }
  } catch {
    return undefined;
  }
  const answer = text.trim();
  if (!answer) return undefined;
  return /^UNSURE\b/i.test(answer) ? null : answer;
}

/** Minimum external-search score taken as confident; the port's scores are normalized to 0..1. */
const PORT_CONFIDENCE = 0.5;

/** The answer_question tool. */
export const answerQuestion = defineTool({
  name: 'answer_question',
  description: "Look up the answer to a caller's question in the business's knowledge. Never answer facts without it.",
  args: answerQuestionArgs,
  async run(ctx, a): Promise<{ answer: string | null; confident: boolean }> {
    // the business's own settings (hours, address, services, duration, price) answer first: exact and current
    const local = ctx.answer(a.question);
    if (local?.source === 'settings') return { answer: local.text, confident: true };
    if (ctx.ports.knowledge) {
      const [top] = await ctx.ports.knowledge.searchKnowledge(a.question);
      if (top && top.score >= PORT_CONFIDENCE) return { answer: top.text, confident: true };
    }
    if (ctx.languageModel && ctx.passages) {
      const grounded = await answerFromPassages(ctx.languageModel, a.question, ctx.passages(a.question));
      if (grounded !== undefined)
        return grounded === null ? { answer: null, confident: false } : { answer: grounded, confident: true };
    }
    return local?.confident ? { answer: local.text, confident: true } : { answer: null, confident: false };
  },
});
