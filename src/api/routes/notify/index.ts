/**
 * Notification routes (API.md › Notifications and integrations): the settings document, the dev
 * inbox, webhook subscriptions, an escalation's trail, and the public acknowledge link and key press
 * of the urgent ladder.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, contentAnswer, ErrorAnswer, List, NoContent, Obj, Row } from '../../answers.js';
import twilio from 'twilio';
import { writeAudit } from '../../../business/index.js';
import {
  EVENT_TYPES,
  NotificationSettingsPatch,
  acknowledgeEscalation,
  escalationByToken,
  escalationOf,
  listDevInbox,
  loadNotificationSettings,
  createNotifications,
  saveNotificationSettings,
  webhooksRepo,
  xmlEscape,
  type DispatcherOptions,
} from '../../../notify/index.js';
import { errors, isUuid } from '../../../lib/index.js';
import { schema, serverSecret, TEST_TWILIO_AUTH_TOKEN } from '../../../db/index.js';
import { eq } from 'drizzle-orm';
import type { ApiContext } from '../../context.js';
import type { RoutePlugin } from '../../app.js';
import { principalOf, protect, WRITE_ROLES } from '../../plugins/auth.js';
import { pushRoutes } from './push.js';

const IdParams = z.strictObject({ id: z.string().max(64) });
const TokenParams = z.strictObject({ token: z.string().max(128) });
const WebhookBody = z.strictObject({
  url: z.string().trim().min(1).max(2000),
  events: z.array(z.enum(EVENT_TYPES)).min(1).max(EVENT_TYPES.length),
});
const InboxQuery = z.strictObject({
  channel: z.enum(['email', 'sms', 'call', 'webhook']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
});

/** The authenticated side: settings, dev inbox, webhooks, escalation trails. */
async function ownerRoutes(app: FastifyInstance, ctx: ApiContext) {
  const db = ctx.database.db;
  protect(app, ctx.tokens, WRITE_ROLES.settings);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get('/api/notifications', { schema: { tags, response: answers({ 200: NotificationsAnswer }) } }, async (req) =>
    loadNotificationSettings(db, principalOf(req).organizationId),
  );
  r.put(
    '/api/notifications',
    { schema: { tags, body: NotificationSettingsPatch, response: answers({ 200: NotificationsAnswer }) } },
    async (req) => {
      const p = principalOf(req);
      return db.transaction(async (tx) => {
        const before = await loadNotificationSettings(tx, p.organizationId);
        const after = await saveNotificationSettings(tx, p.organizationId, req.body);
        await writeAudit(
          tx,
          { organizationId: p.organizationId, userId: p.userId },
          'update',
          'notifications',
          p.organizationId,
          before,
          after,
        );
        return after;
      });
    },
  );
  r.get(
    '/api/dev-inbox',
    { schema: { tags, querystring: InboxQuery, response: answers({ 200: List(InboxItemAnswer) }) } },
    async (req) => {
      const p = principalOf(req);
      const [me] = await db
        .select({ email: schema.users.email })
        .from(schema.users)
        .where(eq(schema.users.id, p.userId));
      return listDevInbox(db, p.organizationId, { ...req.query, reader: me?.email });
    },
  );
  r.get('/api/webhooks', { schema: { tags, response: answers({ 200: List(WebhookAnswer) }) } }, async (req) => ({
    items: await webhooksRepo.list(db, principalOf(req).organizationId),
  }));
  r.post(
    '/api/webhooks',
    { schema: { tags, body: WebhookBody, response: answers({ 201: WebhookAnswer }) } },
    async (req, reply) =>
      reply
        .status(201)
        .send(await webhooksRepo.create(db, principalOf(req).organizationId, req.body, ctx.config.webhookAllowPrivate)),
  );
  r.delete(
    '/api/webhooks/:id',
    { schema: { tags, params: IdParams, response: answers({ 204: NoContent }) } },
    async (req, reply) => {
      await webhooksRepo.remove(db, principalOf(req).organizationId, req.params.id);
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/notifications/escalations/:id',
    { schema: { tags, params: IdParams, response: answers({ 200: EscalationAnswer }) } },
    async (req) => {
      const found = isUuid(req.params.id)
        ? await escalationOf(db, principalOf(req).organizationId, req.params.id)
        : null;
      if (!found) throw errors.notFound('lead');
      return found;
    },
  );
}

/** GET|PUT /api/notifications: which events go where, and to whom. */
const NotificationsAnswer = Obj({
  events: z.record(z.string(), z.array(z.enum(['email', 'sms', 'call']))),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  onCall: z.array(z.string()),
  customer: Obj({ email: z.boolean(), sms: z.boolean() }),
  escalation: Obj({ waitSec: z.number(), maxRounds: z.number() }),
  quietHours: Obj({ start: z.string(), end: z.string() }).nullable(),
  dailySummary: Obj({ enabled: z.boolean(), at: z.string() }),
  reminders: Obj({ sms: Obj({ hoursBefore: z.array(z.number()) }), call: Obj({ hoursBefore: z.array(z.number()) }) }),
});
/** One message the product would have sent (no real channel configured). */
const InboxItemAnswer = Row({
  channel: z.enum(['email', 'sms', 'call', 'webhook']),
  to: z.string(),
  subject: z.string().optional(),
  text: z.string(),
  html: z.string().optional(),
  createdAt: z.string(),
});
/** A signed outbound webhook. */
const WebhookAnswer = Row({
  url: z.string(),
  events: z.array(z.string()),
  secret: z.string().optional().describe('the signing secret, answered once: when the webhook is created'),
});
/** An urgent lead's escalation: its status and trail. */
const EscalationAnswer = Obj({ status: z.string(), trail: z.array(z.unknown()) });
/** POST /api/ack/:token with `Accept: application/json`. */
const AckAnswer = z.object({
  leadId: z.string(),
  acknowledgedAt: z.string(),
  acknowledgedBy: z.string(),
  alreadyAcknowledged: z.boolean(),
});
const html = contentAnswer('text/html', 'a page for the person alerted');

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>${xmlEscape(title)}</title></head>` +
  `<body style="font-family:sans-serif;max-width:32em;margin:2em auto"><h1>${xmlEscape(title)}</h1>${body}</body></html>`;

/**
 * The public side. GET shows a page with a button and POST acknowledges: link previews and mail
 * scanners fetch GET links by themselves and must not silence an emergency.
 */
async function ackRoutes(app: FastifyInstance, ctx: ApiContext) {
  const db = ctx.database.db;
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get(
    '/api/ack/:token',
    {
      schema: {
        tags,
        params: TokenParams,
        security: [],
        response: { 200: html, '4xx': ErrorAnswer, '5xx': ErrorAnswer },
      },
    },
    async (req, reply) => {
      const found = await escalationByToken(db, req.params.token, ctx.clock.now());
      if (!found) throw errors.notFound('acknowledge link');
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      if (found.state.status === 'acknowledged') {
        return page(
          'Already acknowledged',
          `<p>Acknowledged at ${xmlEscape(found.state.acknowledgedAt ?? '')} by ${xmlEscape(found.state.acknowledgedBy ?? '')}.</p>`,
        );
      }
      const token = encodeURIComponent(req.params.token);
      return page(
        'Acknowledge this emergency',
        `<p><strong>${xmlEscape(found.need ?? 'Urgent call')}</strong></p>` +
          `<p>Pressing the button tells everyone on the on-call list that you are handling it, and stops further alerts.</p>` +
          `<form method="post" action="/api/ack/${token}"><button type="submit" style="font-size:1.4em">I’m on it</button></form>`,
      );
    },
  );
  r.post(
    '/api/ack/:token',
    {
      schema: {
        tags,
        params: TokenParams,
        security: [],
        response: {
          200: {
            description: 'the acknowledgement: JSON when asked for, else a page',
            content: { 'application/json': { schema: AckAnswer }, 'text/html': { schema: z.string() } },
          },
          '4xx': ErrorAnswer,
          '5xx': ErrorAnswer,
        },
      },
    },
    async (req, reply) => {
      const ack = await acknowledgeEscalation(db, req.params.token, 'link', ctx.clock.now());
      if (!ack) throw errors.notFound('acknowledge link');
      const json = (req.headers.accept ?? '').includes('application/json');
      if (json)
        return {
          leadId: ack.leadId,
          acknowledgedAt: ack.acknowledgedAt,
          acknowledgedBy: ack.acknowledgedBy,
          alreadyAcknowledged: ack.alreadyAcknowledged,
        };
      return reply
        .type('text/html; charset=utf-8')
        .send(
          page(
            ack.alreadyAcknowledged ? 'Already acknowledged' : 'Acknowledged — thank you',
            `<p>Acknowledged at ${xmlEscape(ack.acknowledgedAt)} by ${xmlEscape(ack.acknowledgedBy)}. No further alerts will be sent.</p>`,
          ),
        );
    },
  );
  r.post(
    '/api/ack/:token/call',
    {
      schema: {
        tags,
        params: TokenParams,
        security: [],
        response: {
          200: contentAnswer('text/xml', 'TwiML for the alert call'),
          '4xx': ErrorAnswer,
          '5xx': ErrorAnswer,
        },
      },
    },
    async (req, reply) => {
      const form = (req.body ?? {}) as Record<string, string>;
      // Always signed: in test mode (no Twilio account) by the server's own test auth token, the one the
      // telephony webhooks check, so an unsigned POST can never silence an emergency.
      const authToken = ctx.config.twilio.authToken ?? (await serverSecret(db, TEST_TWILIO_AUTH_TOKEN, undefined, 16));
      const url = `${ctx.config.publicUrl ?? `${req.protocol}://${req.headers.host}`}${req.url}`;
      const sig = req.headers['x-twilio-signature'];
      if (typeof sig !== 'string' || !twilio.validateRequest(authToken, sig, url, form))
        throw errors.forbidden('invalid Twilio signature');
      reply.type('text/xml');
      if (form.Digits !== '1') {
        return `<?xml version="1.0" encoding="UTF-8"?><Response><Gather numDigits="1" method="POST" timeout="8"><Say>Press 1 to acknowledge.</Say></Gather><Say>Not acknowledged. We will keep alerting the on-call list.</Say></Response>`;
      }
      const ack = await acknowledgeEscalation(
        db,
        req.params.token,
        `call:${String(form.To ?? 'unknown').slice(0, 40)}`,
        ctx.clock.now(),
      );
      const said = ack
        ? 'Thank you. The emergency is acknowledged and the others will not be called.'
        : 'This alert is no longer active.';
      return `<?xml version="1.0" encoding="UTF-8"?><Response><Say>${xmlEscape(said)}</Say><Hangup/></Response>`;
    },
  );
}

/** The notify routes plugin for `buildApp`. */
export const notifyRoutes: RoutePlugin = async (app, ctx) => {
  await app.register(async (s) => ownerRoutes(s, ctx));
  await app.register(async (s) => ackRoutes(s, ctx));
  await app.register(async (s) => pushRoutes(s, ctx));
};

/**
 * The routes plus a dispatcher over the server's own database and Config, started when the server
 * is ready and stopped (its pass finished, SMTP connections closed) when it closes. Booking and
 * leads announce with `createAnnouncer(ctx.clock)` — stateless, so any number of them share this
 * dispatcher (and every other node's).
 */
export function createNotifyRoutes(
  opts: { options?: DispatcherOptions; callsByEvent?: Parameters<typeof createNotifications>[0]['callsByEvent'] } = {},
): RoutePlugin {
  return async (app, ctx) => {
    await notifyRoutes(app, ctx);
    const n = createNotifications({
      db: ctx.database.db,
      config: ctx.config,
      clock: ctx.clock,
      logger: ctx.logger,
      fallbackUrl: `http://localhost:${ctx.config.port}`,
      options: opts.options,
      callsByEvent: opts.callsByEvent,
    });
    app.addHook('onReady', async () => {
      n.dispatcher.start();
    });
    app.addHook('onClose', async () => {
      await n.close();
    });
  };
}
