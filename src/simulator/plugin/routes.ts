/**
 * The call simulator's way in (SCENARIOS.md), mounted only on a server with a `SIMULATOR_KEY`: build
 * a scenario's organization from its `business` block on a simulated clock, and queue what a phone
 * caller's next utterances say for the scripted speech recogniser.
 *
 * Guard: every route needs `x-simulator-key` equal to the server's key; the script route also needs
 * the access token of the call's own organization (the one the create route answered). Nothing here
 * hands out a signing secret: a phone scenario signs with the Twilio auth token its runner already has.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { timingSafeEqual } from 'node:crypto';
import { schema } from '../../db/index.js';
import { errors, isUuid } from '../../lib/index.js';
import type { ScriptBook } from '../../providers/index.js';
import { answers, authenticate, NoContent, Obj, principalOf, type ApiContext } from '../../api/index.js';
import { CreateTestOrganization } from '../business-block.js';
import { provision } from './provision.js';
import { createTestClocks } from '../test-clocks.js';

const tags = ['simulator'];

/** True when the request carries the server's simulator key (compared in constant time). */
function hasKey(req: FastifyRequest, want: string): boolean {
  const key = req.headers['x-simulator-key'];
  return typeof key === 'string' && key.length === want.length && timingSafeEqual(Buffer.from(key), Buffer.from(want));
}

/**
 * The simulator's routes for a server whose key is `key`; `scriptBook` is the scripted STT's side
 * channel (null when real STT is configured).
 */
export function createSimulatorPlugin(key: string, scriptBook: ScriptBook | null) {
  return async function simulatorPlugin(app: FastifyInstance, ctx: ApiContext) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const db = ctx.database.db;
    const guard = async (req: FastifyRequest) => {
      if (!hasKey(req, key)) throw errors.unauthorized("send the server's simulator key as x-simulator-key");
    };

    r.post(
      '/api/simulator/organizations',
      {
        onRequest: guard,
        schema: {
          tags,
          security: [],
          body: CreateTestOrganization,
          response: answers({
            201: Obj({
              organizationId: z.string(),
              chatKey: z.string(),
              accessToken: z.string(),
              timezone: z.string(),
            }),
          }),
        },
      },
      async (req, reply) => {
        const org = await provision(
          { db, clock: ctx.clock, testClocks: createTestClocks(ctx.live), signAccess: (p) => ctx.tokens.sign(p) },
          req.body,
        );
        return reply.status(201).send(org);
      },
    );

    r.post(
      '/api/simulator/calls/:callId/say',
      {
        onRequest: [guard, authenticate(ctx.tokens, ['admin'])],
        schema: {
          tags,
          params: z.strictObject({ callId: z.string().max(64) }),
          body: z.strictObject({ texts: z.array(z.string().max(2000)).min(1).max(50) }),
          response: answers({ 204: NoContent }),
        },
      },
      async (req, reply) => {
        if (!scriptBook)
          throw errors.conflict(
            'SPEECH_NOT_SCRIPTED',
            'this server recognises real speech; scripted caller lines are not used',
          );
        const organizationId = principalOf(req).organizationId;
        if (!isUuid(req.params.callId)) throw errors.notFound('call');
        const [call] = await db
          .select({ id: schema.calls.id })
          .from(schema.calls)
          .where(and(eq(schema.calls.id, req.params.callId), eq(schema.calls.organizationId, organizationId)));
        if (!call) throw errors.notFound('call');
        scriptBook.say(call.id, ...req.body.texts);
        return reply.status(204).send();
      },
    );
  };
}
