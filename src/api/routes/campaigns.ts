import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, Instant, List, Obj, Row } from '../answers.js';
import { PhoneSchema, text } from '../../business/index.js';
import { createCampaign, getCampaign, listCampaigns, setCampaignStatus } from '../../channels/index.js';
import { requireFeature } from '../../billing/index.js';
import { errors, isUuid } from '../../lib/index.js';
import type { ApiContext } from '../context.js';
import { principalOf, protect, WRITE_ROLES } from '../plugins/auth.js';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');
const Window = z
  .strictObject({
    days: z
      .array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']))
      .min(1)
      .max(7),
    from: HHMM,
    to: HHMM,
  })
  .refine((w) => w.from < w.to, { message: 'from must be before to', path: ['to'] });

/** POST /api/campaigns. */
export const CampaignBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  purpose: z.enum(['follow_up', 'custom']).default('custom'),
  numbers: z.array(PhoneSchema).min(1).max(5000),
  instructions: text(1000).default(''),
  window: Window.default({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '20:00' }),
  callsPerMinute: z.number().int().min(1).max(60).default(2),
  maxAttempts: z.number().int().min(1).max(5).default(3),
});

const Id = z.strictObject({ id: z.string().max(64) });

/** A campaign (list rows carry no progress). */
const CampaignAnswer = Row({
  name: z.string(),
  purpose: z.string(),
  instructions: z.string(),
  window: Obj({ days: z.array(z.string()), from: z.string(), to: z.string() }),
  callsPerMinute: z.number(),
  maxAttempts: z.number(),
  status: z.enum(['draft', 'running', 'paused', 'done']),
  createdAt: Instant,
  updatedAt: Instant,
});
/** A campaign with its progress per number. */
const CampaignDetailAnswer = CampaignAnswer.extend({
  progress: Obj({
    total: z.number(),
    counts: z.record(z.string(), z.number()),
    numbers: z.array(
      Obj({
        e164: z.string(),
        status: z.enum(['pending', 'calling', 'answered', 'voicemail', 'no_answer', 'failed', 'opted_out']),
        attempts: z.number(),
        nextAttemptAt: Instant.nullable(),
        lastCallId: z.string().nullable(),
        lastError: z.string().nullable(),
      }),
    ),
  }),
});
const detail = answers({ 200: CampaignDetailAnswer });

/** `/api/campaigns`: create, list, progress per number, start and pause. */
export async function campaignRoutes(app: FastifyInstance, ctx: ApiContext) {
  protect(app, ctx.tokens, WRITE_ROLES.operations);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['campaigns'];
  const id = (raw: string) => {
    if (!isUuid(raw)) throw errors.notFound('campaign');
    return raw;
  };

  r.get('/api/campaigns', { schema: { tags, response: answers({ 200: List(CampaignAnswer) }) } }, async (req) => ({
    items: await listCampaigns(db, principalOf(req).organizationId),
  }));
  r.post(
    '/api/campaigns',
    { schema: { tags, body: CampaignBody, response: answers({ 201: CampaignDetailAnswer }) } },
    async (req, reply) => {
      const organizationId = principalOf(req).organizationId;
      await requireFeature(db, organizationId, 'outbound_calls', ctx.clock.now());
      const c = await createCampaign(db, organizationId, req.body);
      return reply.status(201).send(await getCampaign(db, organizationId, c.id));
    },
  );
  r.get('/api/campaigns/:id', { schema: { tags, params: Id, response: detail } }, async (req) =>
    getCampaign(db, principalOf(req).organizationId, id(req.params.id)),
  );
  r.post('/api/campaigns/:id/start', { schema: { tags, params: Id, response: detail } }, async (req) => {
    const organizationId = principalOf(req).organizationId;
    await requireFeature(db, organizationId, 'outbound_calls', ctx.clock.now());
    return setCampaignStatus(db, organizationId, id(req.params.id), 'running');
  });
  r.post('/api/campaigns/:id/pause', { schema: { tags, params: Id, response: detail } }, async (req) =>
    setCampaignStatus(db, principalOf(req).organizationId, id(req.params.id), 'paused'),
  );
}
