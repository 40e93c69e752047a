import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, contentAnswer, ErrorAnswer, Instant, List, Obj, Row } from '../answers.js';
import { eq } from 'drizzle-orm';
import { dashboardMetrics, getCallDetail, listCalls, OUTCOMES } from '../../calls/index.js';
import { withClients } from './call-clients.js';
import { getLead, listLeads, updateLead } from '../../leads/index.js';
import { schema } from '../../db/index.js';
import { accessTokenExpiry, bearerOf, createTickets, type TicketPurpose } from '../plugins/tickets.js';
import { authenticate, principalOf, protect, WRITE_ROLES } from '../plugins/auth.js';
import type { ApiContext } from '../context.js';

const IdParams = z.strictObject({ id: z.string().max(64) });

/** A call in lists (API.md › Calls), with the client known by its number. */
const CallAnswer = Row({
  callSid: z.string().nullable(),
  channel: z.enum(['phone', 'chat', 'test']),
  direction: z.enum(['inbound', 'outbound']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  status: z.string(),
  outcome: z.string().nullable(),
  engine: z.string().nullable(),
  startedAt: Instant,
  endedAt: Instant.nullable(),
  durationSec: z.number().nullable(),
  language: z
    .string()
    .nullable()
    .optional()
    .describe('the language the conversation was held in (ISO 639-1); null before the agent spoke'),
  costCents: z.number().nullable(),
  summary: z.string().nullable(),
  appointmentId: z.string().nullable(),
  leadId: z.string().nullable(),
  client: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
});
const LeadStatus = z.enum(['new', 'contacted', 'qualified', 'won', 'lost', 'closed']);
const LeadPriority = z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']);
/** A lead. */
const LeadAnswer = Row({
  callId: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  need: z.string().nullable(),
  kind: z.string(),
  priority: LeadPriority,
  status: LeadStatus,
  notes: z.string().nullable(),
  escalation: z.record(z.string(), z.unknown()).nullable(),
  // Where the automatic call-back stands (the lead's LeadFollowUp).
  followUp: Obj({
    status: z.enum(['scheduled', 'calling', 'done', 'skipped']),
    dueAt: z.string(),
    callId: z.string().nullable().optional(),
    outcome: z.string().nullable().optional(),
    reason: z.string().nullable().optional(),
  }).nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
/** One call with its transcript, events, appointment and lead. */
const CallDetailAnswer = CallAnswer.extend({
  recordingUrl: z.string().nullable(),
  recording: Obj({ durationSec: z.number().nullable(), channels: z.number().nullable() }).nullable(),
  turns: z.array(
    Obj({
      seq: z.number(),
      role: z.enum(['caller', 'agent']),
      text: z.string(),
      at: Instant,
      asrMs: z.number().nullable(),
      llmMs: z.number().nullable(),
      ttsMs: z.number().nullable(),
      e2eMs: z.number().nullable(),
      interrupted: z.boolean(),
      heardText: z.string().nullable(),
    }),
  ),
  events: z.array(Obj({ type: z.string(), data: z.unknown(), at: Instant })),
  appointment: Row({
    startAt: Instant,
    endAt: Instant,
    status: z.string(),
    customerName: z.string(),
    customerPhone: z.string().nullable(),
  }).nullable(),
  lead: LeadAnswer.nullable(),
});
/** GET /api/dashboard/metrics. */
const MetricsAnswer = Obj({
  from: Instant,
  to: Instant,
  calls: z.number(),
  answered: z.number(),
  answeredRate: z.number().nullable(),
  booked: z.number(),
  appointments: z.number(),
  byOutcome: z.record(z.string(), z.number()),
  leads: z.number(),
  urgent: z.number(),
  avgE2eMs: z.number().nullable(),
  p50E2eMs: z.number().nullable(),
  p95E2eMs: z.number().nullable(),
  minutes: z.number(),
  estimatedCostCents: z.number(),
  callsPerDay: z.array(z.object({ day: z.string(), calls: z.number() })),
});
const isoDate = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date or time')
  .transform((s) => new Date(s));

/** Calls, leads, the home page metrics and the live event stream of the dashboard. */
export async function callRoutes(app: FastifyInstance, ctx: ApiContext) {
  protect(app, ctx.tokens, WRITE_ROLES.operations);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.get(
    '/api/calls',
    {
      schema: {
        tags: ['calls'],
        querystring: z.strictObject({
          from: isoDate.optional(),
          to: isoDate.optional(),
          outcome: z.enum(OUTCOMES).optional(),
          status: z.string().max(20).optional(),
          channel: z.enum(['phone', 'chat', 'test']).optional(),
          direction: z.enum(['inbound', 'outbound']).optional(),
          q: z.string().trim().max(100).optional(),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(100).optional(),
        }),
        response: answers({ 200: List(CallAnswer) }),
      },
    },
    async (req) => {
      const organizationId = principalOf(req).organizationId;
      const page = await listCalls(db, organizationId, req.query);
      return { ...page, items: await withClients(db, organizationId, page.items) };
    },
  );

  r.get(
    '/api/calls/active',
    { schema: { tags: ['calls'], response: answers({ 200: List(Obj({ callId: z.string().optional() })) }) } },
    async (req) => ({ items: await ctx.live.activeCalls(principalOf(req).organizationId) }),
  );

  r.get(
    '/api/calls/:id',
    { schema: { tags: ['calls'], params: IdParams, response: answers({ 200: CallDetailAnswer }) } },
    async (req) => {
      const organizationId = principalOf(req).organizationId;
      return (await withClients(db, organizationId, [await getCallDetail(db, organizationId, req.params.id)]))[0];
    },
  );

  r.get(
    '/api/leads',
    {
      schema: {
        tags: ['leads'],
        querystring: z.strictObject({
          status: z.enum(['new', 'contacted', 'qualified', 'won', 'lost', 'closed']).optional(),
          priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
        response: answers({ 200: List(LeadAnswer) }),
      },
    },
    async (req) => ({ items: await listLeads(db, principalOf(req).organizationId, req.query) }),
  );

  r.get(
    '/api/leads/:id',
    { schema: { tags: ['leads'], params: IdParams, response: answers({ 200: LeadAnswer }) } },
    async (req) => getLead(db, principalOf(req).organizationId, req.params.id),
  );

  r.patch(
    '/api/leads/:id',
    {
      schema: {
        tags: ['leads'],
        params: IdParams,
        body: z.strictObject({
          status: z.enum(['new', 'contacted', 'qualified', 'won', 'lost', 'closed']).optional(),
          priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']).optional(),
          notes: z.string().max(5000).nullable().optional(),
        }),
        response: answers({ 200: LeadAnswer }),
      },
    },
    async (req) => updateLead(db, principalOf(req).organizationId, req.params.id, req.body),
  );

  r.get(
    '/api/dashboard/metrics',
    {
      schema: {
        tags: ['dashboard'],
        querystring: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }),
        response: answers({ 200: MetricsAnswer }),
      },
    },
    async (req) => {
      const organizationId = principalOf(req).organizationId;
      const [org] = await db
        .select({ tz: schema.organizations.timezone })
        .from(schema.organizations)
        .where(eq(schema.organizations.id, organizationId));
      const to = req.query.to ?? new Date(ctx.clock.now().getTime() + 60_000);
      const from = req.query.from ?? new Date(to.getTime() - 7 * 86_400_000);
      return dashboardMetrics(db, organizationId, from, to, org.tz);
    },
  );
}

/**
 * `GET /api/events`: Server-Sent Events of the caller's organization (calls, turns, bookings, leads).
 * A browser cannot send headers on it, so it first asks `POST /api/tickets` (with its bearer token)
 * for a one-time ticket and opens `/api/events?ticket=…`; other clients may send the header. The
 * stream ends when the access token behind it expires (the page reconnects with a fresh one).
 */
export async function eventRoutes(app: FastifyInstance, ctx: ApiContext) {
  const auth = authenticate(ctx.tokens);
  const tickets = createTickets(ctx.live);
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const close of open) close();
  });

  app.post(
    '/api/tickets',
    {
      onRequest: auth,
      schema: {
        tags: ['events'],
        summary: 'A one-time ticket (30 s) for the live-events stream or the browser test call',
        body: z.strictObject({ for: z.enum(['events', 'test-call']) }),
        response: answers({ 200: Obj({ ticket: z.string() }) }),
      },
    },
    async (req) => {
      const { for: purpose } = req.body as { for: TicketPurpose };
      return tickets.issue(principalOf(req), purpose, accessTokenExpiry(bearerOf(req)));
    },
  );

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        querystring: z.object({ ticket: z.string().max(100).optional() }),
        response: {
          200: contentAnswer('text/event-stream', 'Server-Sent Events: `data: LiveEvent` lines (src/live/events.ts)'),
          '4xx': ErrorAnswer,
          '5xx': ErrorAnswer,
        },
      },
    },
    async (req, reply) => {
      const q = req.query as { ticket?: string };
      let expiresAt: number;
      if (q.ticket) {
        const t = await tickets.redeem(q.ticket, 'events');
        req.principal = t.principal;
        expiresAt = t.expiresAt;
      } else {
        await auth(req, reply);
        expiresAt = accessTokenExpiry(bearerOf(req));
      }
      const organizationId = principalOf(req).organizationId;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`event: ready\ndata: {"organizationId":"${organizationId}"}\n\n`);
      const unsubscribe = ctx.live.subscribe(organizationId, (e) =>
        res.write(`data: ${JSON.stringify({ type: e.type, data: e.data, at: e.at })}\n\n`),
      );
      const ping = setInterval(() => res.write(': ping\n\n'), 20_000);
      // the stream's right to exist is the token's: it ends with it (a removed user's stream does not outlive their token)
      const expiry = setTimeout(
        () => {
          res.write('event: expired\ndata: {}\n\n');
          close();
        },
        Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1)),
      );
      const end = () => {
        clearInterval(ping);
        clearTimeout(expiry);
        unsubscribe();
        open.delete(close);
      };
      const close = () => {
        end();
        res.end();
      };
      open.add(close);
      req.raw.on('close', end);
    },
  );
}
