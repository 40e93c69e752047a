/**
 * Billing routes (API.md › Billing): the plans (public), the admin's account overview, usage per
 * day, the hard cap, Stripe Checkout and Customer Portal, and Stripe's signed webhook.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { PLAN_IDS, publicPlans, type Billing } from '../../billing/index.js';
import { schema } from '../../db/index.js';
import { errors } from '../../lib/index.js';
import type { RoutePlugin } from '../app.js';
import type { ApiContext } from '../context.js';
import { authenticate, principalOf } from '../plugins/auth.js';

/** A usage bound: an instant with its offset, or the organization's local date. */
const Bound = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const UsageQuery = z.strictObject({ from: Bound.optional(), to: Bound.optional() });
const boundOf = (b: string | undefined) => (b === undefined || /^\d{4}-\d{2}-\d{2}$/.test(b) ? b : new Date(b));
const CapBody = z.strictObject({ hardCapMinutes: z.number().int().min(0).max(1_000_000).nullable() });
const CheckoutBody = z.strictObject({ plan: z.enum(PLAN_IDS) });

/** The admin's side: everything about the organization's own account. */
async function adminRoutes(app: FastifyInstance, ctx: ApiContext, billing: Billing) {
  app.addHook('onRequest', authenticate(ctx.tokens, ['admin']));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['billing'];
  const returnUrl = (req: FastifyRequest) => `${ctx.config.publicUrl ?? `${req.protocol}://${req.host}`}/billing`;
  r.get('/api/billing', { schema: { tags } }, async (req) => billing.overview(principalOf(req).organizationId));
  r.put('/api/billing', { schema: { tags, body: CapBody } }, async (req) => {
    const orgId = principalOf(req).organizationId;
    await billing.setHardCap(orgId, req.body.hardCapMinutes);
    return billing.overview(orgId);
  });
  r.get('/api/billing/usage', { schema: { tags, querystring: UsageQuery } }, async (req) =>
    billing.usage(principalOf(req).organizationId, boundOf(req.query.from), boundOf(req.query.to)));
  r.post('/api/billing/checkout', { schema: { tags, body: CheckoutBody } }, async (req) => {
    const p = principalOf(req);
    const db = ctx.database.db;
    const [user] = await db.select({ email: schema.users.email }).from(schema.users).where(eq(schema.users.id, p.userId));
    const [org] = await db.select({ name: schema.organizations.name }).from(schema.organizations).where(eq(schema.organizations.id, p.organizationId));
    if (!org) throw errors.notFound('organization');
    return billing.checkout(p.organizationId, req.body.plan, { email: user?.email, name: org.name }, returnUrl(req));
  });
  r.post('/api/billing/portal', { schema: { tags } }, async (req) => billing.portal(principalOf(req).organizationId, returnUrl(req)));
}

/** Stripe's webhook: the signature covers the exact bytes, so this scope keeps the body as a string. */
async function stripeWebhook(app: FastifyInstance, billing: Billing) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 512 * 1024 }, (_req, body, done) => done(null, body));
  app.post('/stripe/webhook', { schema: { hide: true } }, async (req) => {
    const outcome = await billing.webhook(typeof req.body === 'string' ? req.body : '', req.headers['stripe-signature'] as string | undefined);
    return { received: true, outcome };
  });
}

/** All billing routes over one billing service. */
export function createBillingRoutes(billing: Billing): RoutePlugin {
  return async (app, ctx) => {
    app.withTypeProvider<ZodTypeProvider>().get('/api/billing/plans', { schema: { tags: ['billing'], security: [] } }, async () => ({ items: publicPlans() }));
    await app.register(async (s) => adminRoutes(s, ctx, billing));
    await app.register(async (s) => stripeWebhook(s, billing));
  };
}
