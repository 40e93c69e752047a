import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { dashboardMetrics, getCallDetail, listCalls, OUTCOMES } from '../../calls/index.js';
import { withClients } from './call-clients.js';
import { getLead, listLeads, updateLead } from '../../leads/index.js';
import { schema } from '../../db/index.js';
import { accessTokenExpiry, bearerOf, createTickets, type TicketPurpose } from '../plugins/tickets.js';
import { authenticate, principalOf, protect, WRITE_ROLES } from '../plugins/auth.js';
import type { ApiContext } from '../context.js';

const IdParams = z.strictObject({ id: z.string().max(64) });
const isoDate = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date or time').transform((s) => new Date(s));

/** Calls, leads, the home page metrics and the live event stream of the dashboard. */
export async function callRoutes(app: FastifyInstance, ctx: ApiContext) {
  protect(app, ctx.tokens, WRITE_ROLES.operations);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.get('/api/calls', {
    schema: { tags: ['calls'], querystring: z.strictObject({
      from: isoDate.optional(), to: isoDate.optional(), outcome: z.enum(OUTCOMES).optional(), status: z.string().max(20).optional(),
      channel: z.enum(['phone', 'chat', 'test']).optional(), direction: z.enum(['inbound', 'outbound']).optional(), q: z.string().trim().max(100).optional(),
      cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).optional(),
    }) },
  }, async (req) => {
    const orgId = principalOf(req).organizationId;
    const page = await listCalls(db, orgId, req.query);
    return { ...page, items: await withClients(db, orgId, page.items) };
  });

  r.get('/api/calls/active', { schema: { tags: ['calls'] } }, async (req) => ({ items: await ctx.live.activeCalls(principalOf(req).organizationId) }));

  r.get('/api/calls/:id', { schema: { tags: ['calls'], params: IdParams } }, async (req) => {
    const orgId = principalOf(req).organizationId;
    return (await withClients(db, orgId, [await getCallDetail(db, orgId, req.params.id)]))[0];
  });

  r.get('/api/leads', {
    schema: { tags: ['leads'], querystring: z.strictObject({
      status: z.enum(['new', 'contacted', 'qualified', 'won', 'lost', 'closed']).optional(),
      priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }) },
  }, async (req) => ({ items: await listLeads(db, principalOf(req).organizationId, req.query) }));

  r.get('/api/leads/:id', { schema: { tags: ['leads'], params: IdParams } }, async (req) => getLead(db, principalOf(req).organizationId, req.params.id));

  r.patch('/api/leads/:id', {
    schema: { tags: ['leads'], params: IdParams, body: z.strictObject({
      status: z.enum(['new', 'contacted', 'qualified', 'won', 'lost', 'closed']).optional(),
      priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']).optional(),
      notes: z.string().max(5000).nullable().optional(),
    }) },
  }, async (req) => updateLead(db, principalOf(req).organizationId, req.params.id, req.body));

  r.get('/api/dashboard/metrics', {
    schema: { tags: ['dashboard'], querystring: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }) },
  }, async (req) => {
    const orgId = principalOf(req).organizationId;
    const [org] = await db.select({ tz: schema.organizations.timezone }).from(schema.organizations).where(eq(schema.organizations.id, orgId));
    const to = req.query.to ?? new Date(ctx.clock.now().getTime() + 60_000);
    const from = req.query.from ?? new Date(to.getTime() - 7 * 86_400_000);
    return dashboardMetrics(db, orgId, from, to, org.tz);
  });
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
  app.addHook('onClose', async () => { for (const close of open) close(); });

  app.post('/api/tickets', {
    onRequest: auth,
    schema: { tags: ['events'], summary: 'A one-time ticket (30 s) for the live-events stream or the browser test call',
      body: z.strictObject({ for: z.enum(['events', 'test-call']) }) },
  }, async (req) => {
    const { for: purpose } = req.body as { for: TicketPurpose };
    return tickets.issue(principalOf(req), purpose, accessTokenExpiry(bearerOf(req)));
  });

  app.get('/api/events', { schema: { tags: ['events'], querystring: z.object({ ticket: z.string().max(100).optional() }) } }, async (req, reply) => {
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
    const orgId = principalOf(req).organizationId;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(`event: ready\ndata: {"organizationId":"${orgId}"}\n\n`);
    const unsubscribe = ctx.live.subscribe(orgId, (e) => res.write(`data: ${JSON.stringify({ type: e.type, data: e.data, at: e.at })}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 20_000);
    // the stream's right to exist is the token's: it ends with it (a removed user's stream does not outlive their token)
    const expiry = setTimeout(() => { res.write('event: expired\ndata: {}\n\n'); close(); }, Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1)));
    const end = () => { clearInterval(ping); clearTimeout(expiry); unsubscribe(); open.delete(close); };
    const close = () => { end(); res.end(); };
    open.add(close);
    req.raw.on('close', end);
  });
}
