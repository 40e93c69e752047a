import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, Instant, List, Obj, OrganizationAnswer, Row, WeeklyHoursAnswer } from '../answers.js';
import {
  ConfigPatch,
  TEMPLATES,
  TimezoneSchema,
  getSettings,
  patchSettings,
  setupStatus,
  text,
} from '../../business/index.js';
import { desc, eq } from 'drizzle-orm';
import { schema } from '../../db/index.js';
import { requireFeature } from '../../billing/index.js';
import { errors, newToken } from '../../lib/index.js';
import { LLM_CHOICES, STT_CHOICES, TTS_CHOICES } from '../../providers/index.js';
import type { ApiContext } from '../context.js';
import { principalOf, protect, WRITE_ROLES } from '../plugins/auth.js';
import { organizationFor } from './organization-view.js';

const INDUSTRIES = ['hvac', 'plumbing', 'electrical', 'auto', 'dental', 'salon', 'other'] as const;

/** PUT /api/organization: any subset of these fields. */
export const OrganizationPatch = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    timezone: TimezoneSchema,
    industry: z.enum(INDUSTRIES),
    onboarding: z.record(z.string().max(40), z.boolean()).refine((o) => Object.keys(o).length <= 20, 'too many steps'),
  })
  .partial();

/** PUT /api/agent: any subset of these fields. */
export const AgentPatch = z
  .strictObject({
    engine: z.enum(['pipeline', 'realtime']),
    /** A language tag (en-US, es), `auto` (English first, the caller's language when they speak Spanish), or the business's languages with the main one first (es,en). */
    language: z
      .string()
      .regex(
        /^(?:auto|[a-z]{2,3}(?:-[A-Z]{2})?(?:,[a-z]{2,3}(?:-[A-Z]{2})?)*)$/,
        'a language tag such as en-US, auto, or a list such as es,en',
      ),
    voice: z.string().trim().min(1).max(64),
    persona: text(2000),
    stt: z.enum(STT_CHOICES),
    tts: z.enum(TTS_CHOICES),
    llm: z.enum(LLM_CHOICES),
  })
  .partial();

/** GET /api/setup-status: is the receptionist live, and what is set up or missing. */
const SetupStatusAnswer = z.object({
  live: z.boolean(),
  items: z.array(
    z.object({
      key: z.enum(['phone_number', 'hours', 'services_bookable', 'alerts']),
      ok: z.boolean(),
      message: z.string(),
    }),
  ),
});

/** GET|PUT /api/config (API.md › Business configuration). */
const ConfigAnswer = Obj({
  hours: WeeklyHoursAnswer,
  holidays: z.array(z.string()),
  greeting: z.string(),
  address: z.string().nullable(),
  escalationNumber: z.string().nullable(),
  notifyEmail: z.string().nullable(),
  notifyPhone: z.string().nullable(),
  afterHours: z.enum(['answer', 'voicemail', 'forward']),
  minNoticeMin: z.number(),
  maxDaysAhead: z.number(),
  emergencyKeywords: z.array(Obj({ phrase: z.string(), priority: z.string() })),
  recordCalls: z.boolean(),
  slotStepMin: z.number(),
  maxCallMinutes: z.number(),
  recordingRetentionDays: z.number(),
});

/** GET|PUT /api/agent (the organization's own Twilio secret never leaves). */
const AgentAnswer = Obj({
  engine: z.enum(['pipeline', 'realtime']),
  language: z.string(),
  voice: z.string(),
  persona: z.string(),
  stt: z.string(),
  tts: z.string(),
  llm: z.string(),
});

/** The organization, its configuration and its agent settings; the industry templates. */
export async function businessRoutes(app: FastifyInstance, ctx: ApiContext) {
  protect(app, ctx.tokens, WRITE_ROLES.settings);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['business'];

  r.get('/api/organization', { schema: { tags, response: answers({ 200: OrganizationAnswer }) } }, async (req) =>
    organizationFor(principalOf(req).role, await getSettings(db, 'organization', principalOf(req).organizationId)),
  );
  r.put(
    '/api/organization',
    { schema: { tags, body: OrganizationPatch, response: answers({ 200: OrganizationAnswer }) } },
    async (req) =>
      organizationFor(principalOf(req).role, await patchSettings(db, principalOf(req), 'organization', req.body)),
  );

  // Public keys leak (a page's source, a shared calendar link): an admin issues new ones and the old stop working.
  r.post(
    '/api/organization/rotate-keys',
    {
      schema: {
        tags,
        body: z.strictObject({
          keys: z
            .array(z.enum(['chat', 'ics']))
            .min(1)
            .max(2),
        }),
        response: answers({ 200: z.object({ chatKey: z.string(), icsToken: z.string() }) }),
      },
    },
    async (req) => {
      const organizationId = principalOf(req).organizationId;
      const set = {
        ...(req.body.keys.includes('chat') ? { chatKey: `pk_${newToken(12)}` } : {}),
        ...(req.body.keys.includes('ics') ? { icsToken: newToken(24) } : {}),
      };
      const [row] = await db
        .update(schema.organizations)
        .set(set)
        .where(eq(schema.organizations.id, organizationId))
        .returning({ chatKey: schema.organizations.chatKey, icsToken: schema.organizations.icsToken });
      if (!row) throw errors.notFound('organization');
      return row;
    },
  );

  r.get('/api/config', { schema: { tags, response: answers({ 200: ConfigAnswer }) } }, async (req) =>
    getSettings(db, 'config', principalOf(req).organizationId),
  );
  r.put(
    '/api/config',
    { schema: { tags, body: ConfigPatch, response: answers({ 200: ConfigAnswer }) } },
    async (req) => {
      if (req.body.recordCalls) await requireFeature(db, principalOf(req).organizationId, 'recording', ctx.clock.now());
      return patchSettings(db, principalOf(req), 'config', req.body);
    },
  );

  r.get('/api/agent', { schema: { tags, response: answers({ 200: AgentAnswer }) } }, async (req) => {
    const { twilioAuthTokenEnc: _secret, ...agent } = await getSettings(db, 'agent', principalOf(req).organizationId);
    return agent;
  });
  r.put('/api/agent', { schema: { tags, body: AgentPatch, response: answers({ 200: AgentAnswer }) } }, async (req) => {
    const organizationId = principalOf(req).organizationId;
    if (req.body.engine === 'realtime') await requireFeature(db, organizationId, 'realtime_voice', ctx.clock.now());
    if (req.body.language && !/^en(-[A-Z]{2})?$/.test(req.body.language))
      await requireFeature(db, organizationId, 'languages', ctx.clock.now());
    if (ctx.speech) {
      // The choice must be one this server can serve on the next call, judged on the merged settings.
      const current = await getSettings(db, 'agent', organizationId);
      const refused = ctx.speech.refuse({ ...current, ...req.body });
      if (refused) throw errors.validation(refused.message, { field: refused.field });
    }
    const { twilioAuthTokenEnc: _secret, ...agent } = await patchSettings(db, principalOf(req), 'agent', req.body);
    return agent;
  });

  r.get(
    '/api/voices',
    {
      schema: {
        tags,
        querystring: z.strictObject({
          language: z
            .string()
            .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/)
            .optional(),
        }),
        response: answers({
          200: List(Obj({ id: z.string(), provider: z.string(), name: z.string(), language: z.string() })),
        }),
      },
    },
    async (req) => ({
      items: ctx.speech?.voices(req.query.language) ?? [],
    }),
  );

  r.get('/api/setup-status', { schema: { tags, response: answers({ 200: SetupStatusAnswer }) } }, async (req) =>
    setupStatus(db, principalOf(req).organizationId),
  );
  r.get(
    '/api/templates',
    {
      schema: {
        tags,
        response: answers({
          200: List(
            Obj({
              industry: z.string(),
              label: z.string(),
              homeService: z.boolean(),
              greeting: z.string(),
              hours: WeeklyHoursAnswer,
              services: z.array(
                Obj({
                  name: z.string(),
                  durationMin: z.number(),
                  bufferMin: z.number(),
                  priceCents: z.number().optional(),
                  synonyms: z.array(z.string()),
                }),
              ),
              emergencyKeywords: z.array(Obj({ phrase: z.string(), priority: z.string() })),
              knowledge: z.array(Obj({ question: z.string(), body: z.string() })),
            }),
          ),
        }),
      },
    },
    async () => ({ items: [...TEMPLATES] }),
  );

  r.get(
    '/api/audit-log',
    {
      schema: {
        tags,
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: answers({ 200: List(Row({ action: z.string(), entity: z.string(), createdAt: Instant })) }),
      },
    },
    async (req) => {
      const p = principalOf(req);
      if (p.role !== 'admin') throw errors.forbidden('only admins can read the audit log');
      const rows = await db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.organizationId, p.organizationId))
        .orderBy(desc(schema.auditLog.createdAt))
        .limit(req.query.limit);
      return { items: rows };
    },
  );
}
