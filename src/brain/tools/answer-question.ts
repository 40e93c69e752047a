/** answer_question: answers from the knowledge base and configuration, or says it is unsure. */
import { z } from 'zod';
import { defineTool } from './tool.js';

/** Arguments of answer_question, validated before the handler runs. */
export const answerQuestionArgs = z.object({ question: z.string().min(1).max(500) });

/** Minimum external-search score taken as confident; the port's scores are normalized to 0..1. */
const PORT_CONFIDENCE = 0.5;

/** The answer_question tool. */
export const answerQuestion = defineTool({
  name: 'answer_question',
  description: "Look up the answer to a caller's question in the business's knowledge. Never answer facts without it.",
  args: answerQuestionArgs,
  async run(ctx, a): Promise<{ answer: string | null; confident: boolean }> {
    if (ctx.ports.knowledge) {
      const [top] = await ctx.ports.knowledge.searchKnowledge(a.question);
      if (top && top.score >= PORT_CONFIDENCE) return { answer: top.text, confident: true };
    }
    const local = ctx.answer(a.question);
    return local?.confident ? { answer: local.text, confident: true } : { answer: null, confident: false };
  },
});
