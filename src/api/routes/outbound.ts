import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, Instant, List, NoContent, Obj, Row } from '../answers.js';
import { PhoneSchema, text } from '../../business/index.js';
import {
  addDoNotCall,
  getChannelSettings,
  listDoNotCall,
  patchChannelSettings,
  placeOutboundCall,
  removeDoNotCall,
  type OutboundDeps,
} from '../../channels/index.js';
import { requireFeature } from '../../billing/index.js';
import { errors, isUuid } from '../../lib/index.js';
import type { ApiContext } from '../context.js';
import { authenticate, principalOf, protect, WRITE_ROLES } from '../plugins/auth.js';

/** What the outbound routes need from the composition root. */
export interface OutboundRouteDeps {
  outbound: OutboundDeps;
  /** The organization's "now" (its simulated clock when it has one). */
  now(organizationId: string): Promise<Date>;
}

const OutboundCallBody = z.strictObject({
  to: PhoneSchema,
  purpose: z.enum(['reminder', 'follow_up', 'custom']),
  appointmentId: z.uuid().optional(),
  leadId: z.uuid().optional(),
  /** What the agent says it is calling about. */
  instructions: text(1000).optional(),
});

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');
/**
 * PUT /api/outbound-settings: the calling window of every outbound call, whether "call me back" calls
 * at once, how many outbound calls may run at once, and the automatic call-back of new chat and missed-call leads.
 */
const OutboundSettingsPatch = z
  .strictObject({
    callingWindow: z
      .strictObject({
        days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).max(7),
        from: HHMM,
        to: HHMM,
      })
      .refine((w) => w.from < w.to, { message: 'from must be before to', path: ['to'] }),
    callbackCalls: z.boolean(),
    maxConcurrentCalls: z.number().int().min(1).max(50),
    followUp: z.strictObject({ enabled: z.boolean(), delayMinutes: z.number().int().min(0).max(1440) }).partial(),
  })
  .partial();

/** GET|PUT /api/outbound-settings. */
const OutboundSettingsAnswer = Obj({
  callingWindow: Obj({ days: z.array(z.string()), from: z.string(), to: z.string() }),
  callbackCalls: z.boolean(),
  maxConcurrentCalls: z.number(),
  followUp: Obj({ enabled: z.boolean(), delayMinutes: z.number() }),
});
/** An entry of the do-not-call list. */
const DoNotCallAnswer = Row({
  e164: z.string(),
  reason: z.string().nullable(),
  source: z.enum(['manual', 'opt_out']),
  createdAt: Instant,
});

/** `POST /api/outbound-calls`, the outbound settings and the do-not-call list. */
export function createOutboundRoutes(deps: OutboundRouteDeps) {
  return async function outboundRoutes(app: FastifyInstance, ctx: ApiContext) {
    protect(app, ctx.tokens, WRITE_ROLES.operations);
    const r = app.withTypeProvider<ZodTypeProvider>();
    const db = ctx.database.db;

    r.post(
      '/api/outbound-calls',
      {
        schema: {
          tags: ['outbound'],
          body: OutboundCallBody,
          response: answers({
            201: Row({
              status: z.literal('queued'),
              waiting: z.boolean(),
              direction: z.literal('outbound'),
              to: z.string().nullable(),
              from: z.string().nullable(),
              callSid: z.string().nullable(),
            }),
          }),
        },
      },
      async (req, reply) => {
        const organizationId = principalOf(req).organizationId;
        await requireFeature(db, organizationId, 'outbound_calls', ctx.clock.now());
        const { to, purpose, appointmentId, leadId, instructions } = req.body;
        // With every line busy the call waits its turn (queued, dialed when a line frees up), never dropped.
        const call = await placeOutboundCall(
          deps.outbound,
          organizationId,
          { to, purpose, appointmentId, leadId, instructions },
          await deps.now(organizationId),
          { whenBusy: 'wait' },
        );
        return reply.status(201).send({
          id: call.id,
          status: 'queued',
          waiting: call.status === 'waiting',
          direction: 'outbound',
          to: call.to,
          from: call.from,
          callSid: call.callSid,
        });
      },
    );

    const view = (x: Awaited<ReturnType<typeof getChannelSettings>>) => ({
      callingWindow: x.callingWindow,
      callbackCalls: x.callbackCalls,
      maxConcurrentCalls: x.maxConcurrentCalls,
      followUp: x.followUp,
    });
    r.get(
      '/api/outbound-settings',
      { schema: { tags: ['outbound'], response: answers({ 200: OutboundSettingsAnswer }) } },
      async (req) => view(await getChannelSettings(db, principalOf(req).organizationId)),
    );
    r.put(
      '/api/outbound-settings',
      {
        preHandler: authenticate(ctx.tokens, WRITE_ROLES.settings),
        schema: { tags: ['outbound'], body: OutboundSettingsPatch, response: answers({ 200: OutboundSettingsAnswer }) },
      },
      async (req) => view(await patchChannelSettings(db, principalOf(req).organizationId, req.body)),
    );

    const tags = ['do-not-call'];
    r.get('/api/do-not-call', { schema: { tags, response: answers({ 200: List(DoNotCallAnswer) }) } }, async (req) => ({
      items: await listDoNotCall(db, principalOf(req).organizationId),
    }));
    r.post(
      '/api/do-not-call',
      {
        schema: {
          tags,
          body: z.strictObject({ e164: PhoneSchema, reason: text(300).optional() }),
          response: answers({ 201: DoNotCallAnswer }),
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await addDoNotCall(db, principalOf(req).organizationId, req.body.e164, req.body.reason ?? null)),
    );
    r.delete(
      '/api/do-not-call/:id',
      { schema: { tags, params: z.strictObject({ id: z.string().max(64) }), response: answers({ 204: NoContent }) } },
      async (req, reply) => {
        if (!isUuid(req.params.id) || !(await removeDoNotCall(db, principalOf(req).organizationId, req.params.id)))
          throw errors.notFound('do-not-call entry');
        return reply.status(204).send();
      },
    );
  };
}
