/** `POST /api/calls/:id/translation`: the call's transcript in English, computed on demand by the organization's language model. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translateCall } from '../../conversations/index.js';
import type { LanguageModel } from '../../brain/index.js';
import { principalOf, protect, WRITE_ROLES } from '../plugins/auth.js';
import type { ApiContext } from '../context.js';
import type { RoutePlugin } from '../app.js';
import { answers } from '../answers.js';

/** The translation: English lines for the turns that read differently in English. */
const TranslationAnswer = z.object({
  language: z.literal('en'),
  from: z.string().nullable(),
  items: z.array(z.object({ seq: z.number(), role: z.enum(['caller', 'agent']), text: z.string() })),
});

/** What the route needs: the model that translates for an organization (null: none configured). */
export interface CallTranslationDeps {
  modelFor(organizationId: string): Promise<LanguageModel | null>;
}

const IdParams = z.strictObject({ id: z.string().max(64) });

export function createCallTranslationRoutes(deps: CallTranslationDeps): RoutePlugin {
  return async (app: FastifyInstance, ctx: ApiContext) => {
    protect(app, ctx.tokens, WRITE_ROLES.operations);
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/calls/:id/translation',
      {
        schema: {
          tags: ['calls'],
          params: IdParams,
          summary:
            'The transcript of a call held in another language, translated into English by the language model (kept once made)',
          response: answers({ 200: TranslationAnswer }),
        },
      },
      async (req) => {
        const organizationId = principalOf(req).organizationId;
        const signal = AbortSignal.timeout(30_000);
        return translateCall(
          ctx.database.db,
          organizationId,
          req.params.id,
          await deps.modelFor(organizationId),
          signal,
        );
      },
    );
  };
}
