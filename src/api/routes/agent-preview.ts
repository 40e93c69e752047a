/**
 * `POST /api/agent/preview`: the greeting (or a given line) spoken by the configured TTS in the chosen
 * voice, as a WAV file — what onboarding's "Play greeting" button plays, so the owner hears the voice
 * callers will hear, not the browser's.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentAnswer, ErrorAnswer } from '../answers.js';
import { resample, ulawToPcm, writeWav } from '../../audio/index.js';
import { getSettings } from '../../business/index.js';
import { AppError } from '../../lib/index.js';
import type { TextToSpeech } from '../../providers/index.js';
import type { RoutePlugin } from '../app.js';
import type { ApiContext } from '../context.js';
import { authenticate, principalOf, WRITE_ROLES } from '../plugins/auth.js';
import { enforceLimit } from '../plugins/rate-limit.js';

/** A preview is one or two sentences; longer text would tie up the TTS for nothing. */
const MAX_CHARS = 500;
/** Vendor TTS answers a greeting in well under a second; 15 s means it is down. */
const TIMEOUT_MS = 15_000;

/** Builds the preview route over the TTS chain a call of this organization with this voice would use. */
export function createAgentPreviewRoute(
  ttsFor: (agent: { tts: string; voice: string; engine: string }) => TextToSpeech,
): RoutePlugin {
  return async (app: FastifyInstance, ctx: ApiContext) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/agent/preview',
      {
        // Synthesis costs money with a vendor voice: the people who set the agent up may preview it.
        onRequest: authenticate(ctx.tokens, WRITE_ROLES.operations),
        schema: {
          tags: ['business'],
          body: z
            .strictObject({
              text: z.string().trim().min(1).max(MAX_CHARS).optional(),
              voice: z.string().trim().min(1).max(64).optional(),
            })
            .optional(),
          response: {
            200: contentAnswer('audio/wav', 'the greeting in the chosen voice'),
            '4xx': ErrorAnswer,
            '5xx': ErrorAnswer,
          },
        },
      },
      async (req, reply) => {
        const organizationId = principalOf(req).organizationId;
        await enforceLimit(ctx.live, `preview:${organizationId}`, 30, 60);
        const db = ctx.database.db;
        const [config, agent] = await Promise.all([
          getSettings(db, 'config', organizationId),
          getSettings(db, 'agent', organizationId),
        ]);
        const text = req.body?.text ?? config.greeting;
        const voice = req.body?.voice ?? agent.voice;
        // The chosen voice decides the provider (an Aura voice is Deepgram's, `slt` is offline…).
        const tts = ttsFor({ ...agent, voice });
        const parts: Int16Array[] = [];
        let rate = 0;
        const signal = AbortSignal.timeout(TIMEOUT_MS);
        try {
          for await (const c of tts.synthesize(text, { voice: voice === 'default' ? undefined : voice, signal })) {
            const pcm = c.kind === 'pcm' ? c.data : ulawToPcm(c.data);
            const from = c.kind === 'pcm' ? c.sampleRate : 8000;
            rate ||= from;
            parts.push(resample(pcm, from, rate));
          }
        } catch (e) {
          ctx.logger.warn({ err: e, tts: tts.label }, 'greeting preview failed');
          throw new AppError('TTS_UNAVAILABLE', 'the voice could not be synthesized right now; try again', 503);
        }
        const all = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          all.set(p, at);
          at += p.length;
        }
        return reply
          .header('cache-control', 'no-store')
          .type('audio/wav')
          .send(writeWav(all, rate || 8000));
      },
    );
  };
}
