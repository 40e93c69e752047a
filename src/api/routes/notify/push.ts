/**
 * Web Push routes: the server's VAPID public key (a browser subscribes with it), and a signed-in
 * user's browser subscribing to and unsubscribing from urgent-lead alerts. Every role may ask for
 * alerts on its own device; subscriptions belong to the caller's organization.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  listPushSubscriptions,
  removePushSubscription,
  savePushSubscription,
  vapidKeys,
} from '../../../notify/index.js';
import { errors } from '../../../lib/index.js';
import type { ApiContext } from '../../context.js';
import { principalOf, protect } from '../../plugins/auth.js';
import { answers, Instant, List, NoContent, Row } from '../../answers.js';

/** A browser's subscription as answered (its keys never leave the server). */
const SubscriptionAnswer = Row({ endpoint: z.string(), createdAt: Instant });

/** base64url of exactly `bytes` bytes. */
const b64u = (bytes: number, what: string) =>
  z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} must be base64url`)
    .refine((v) => Buffer.from(v, 'base64url').length === bytes, `${what} must be ${bytes} bytes`);

const SubscriptionBody = z.strictObject({
  endpoint: z.string().trim().min(1).max(2000),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({ p256dh: b64u(65, 'keys.p256dh'), auth: b64u(16, 'keys.auth') }),
});
const EndpointQuery = z.strictObject({ endpoint: z.string().min(1).max(2000) });

export async function pushRoutes(app: FastifyInstance, ctx: ApiContext) {
  const db = ctx.database.db;
  protect(app, ctx.tokens, ['admin', 'operator', 'viewer']);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get(
    '/api/push/public-key',
    { schema: { tags, response: answers({ 200: z.object({ publicKey: z.string() }) }) } },
    async () => ({ publicKey: (await vapidKeys(db, ctx.config.webPush?.privateKey)).publicKey }),
  );
  r.get(
    '/api/push/subscriptions',
    { schema: { tags, response: answers({ 200: List(SubscriptionAnswer) }) } },
    async (req) => {
      const p = principalOf(req);
      return {
        items: (await listPushSubscriptions(db, p.organizationId))
          .filter((s) => s.userId === p.userId)
          .map(({ id, endpoint, createdAt }) => ({ id, endpoint, createdAt })),
      };
    },
  );
  r.post(
    '/api/push/subscriptions',
    { schema: { tags, body: SubscriptionBody, response: answers({ 201: SubscriptionAnswer }) } },
    async (req, reply) => {
      const p = principalOf(req);
      const row = await savePushSubscription(
        db,
        { organizationId: p.organizationId, userId: p.userId },
        { endpoint: req.body.endpoint, keys: req.body.keys, userAgent: req.headers['user-agent'] ?? null },
        ctx.config.webhookAllowPrivate,
      );
      return reply.status(201).send(row);
    },
  );
  r.delete(
    '/api/push/subscriptions',
    { schema: { tags, querystring: EndpointQuery, response: answers({ 204: NoContent }) } },
    async (req, reply) => {
      if (!(await removePushSubscription(db, principalOf(req).organizationId, req.query.endpoint)))
        throw errors.notFound('push subscription');
      return reply.status(204).send();
    },
  );
}
