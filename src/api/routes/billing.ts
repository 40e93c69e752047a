/**
 * Billing routes (API.md › Billing): the plans (public), the admin's account overview, usage per
 * day, the hard cap, Stripe Checkout and Customer Portal, and Stripe's signed webhook.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, ErrorAnswer, Obj, UrlAnswer } from '../answers.js';
import { eq } from 'drizzle-orm';
import { FEATURES, PLAN_IDS, publicPlans, type Billing } from '../../billing/index.js';
import { schema } from '../../db/index.js';
import { errors } from '../../lib/index.js';
import type { RoutePlugin } from '../app.js';
import type { ApiContext } from '../context.js';
import { authenticate, principalOf } from '../plugins/auth.js';

/** A usage bound: an instant with its offset, or the organization's local date. */
const Bound = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const UsageQuery = z.strictObject({ from: Bound.optional(), to: Bound.optional() });
const boundOf = (b: string | undefined) => (b === undefined || /^\d{4}-\d{2}-\d{2}$/.test(b) ? b : new Date(b));
const PlanAnswer = z.object({
  id: z.enum(PLAN_IDS),
  name: z.string(),
  monthlyPriceCents: z.number(),
  includedMinutes: z.number(),
  overagePerMinuteCents: z.number(),
  roundingSeconds: z.number(),
  features: z.array(z.enum(FEATURES)),
});
const BillingAnswer = z.object({
  plan: z.enum(PLAN_IDS),
  effectivePlan: z.enum(PLAN_IDS),
  status: z.enum(['trialing', 'active', 'past_due', 'canceled']),
  complimentary: z.boolean(),
  trialEndsAt: z.string().optional(),
  trialDaysLeft: z.number().nullable(),
  currentPeriod: z.object({ start: z.string(), end: z.string() }),
  renewsAt: z.string().nullable(),
  usage: z.object({ minutes: z.number(), calls: z.number(), chats: z.number() }),
  limits: z.object({
    includedMinutes: z.number(),
    overagePerMinuteCents: z.number(),
    hardCapMinutes: z.number().nullable(),
    roundingSeconds: z.number(),
  }),
  features: z.array(z.enum(FEATURES)),
  estimate: z.object({
    baseCents: z.number(),
    overageMinutes: z.number(),
    overageCents: z.number(),
    totalCents: z.number(),
  }),
  stripe: z.object({ configured: z.boolean(), customer: z.boolean(), subscription: z.boolean() }),
});
const Minutes = z.object({ calls: z.number(), minutes: z.number() });
const UsageAnswer = z.object({
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      day: z.string(),
      minutes: z.number(),
      calls: z.number(),
      inbound: Minutes,
      outbound: Minutes,
      chat: z.object({ conversations: z.number(), minutes: z.number() }),
    }),
  ),
});
const UrlAnswers = answers({ 200: UrlAnswer, 409: ErrorAnswer });
const CapBody = z.strictObject({ hardCapMinutes: z.number().int().min(0).max(1_000_000).nullable() });
const CheckoutBody = z.strictObject({ plan: z.enum(PLAN_IDS) });

/** The admin's side: everything about the organization's own account. */
async function adminRoutes(app: FastifyInstance, ctx: ApiContext, billing: Billing) {
  app.addHook('onRequest', authenticate(ctx.tokens, ['admin']));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['billing'];
  const returnUrl = (req: FastifyRequest) => `${ctx.config.publicUrl ?? `${req.protocol}://${req.host}`}/billing`;
  r.get('/api/billing', { schema: { tags, response: answers({ 200: BillingAnswer }) } }, async (req) =>
    billing.overview(principalOf(req).organizationId),
  );
  r.put('/api/billing', { schema: { tags, body: CapBody, response: answers({ 200: BillingAnswer }) } }, async (req) => {
    const organizationId = principalOf(req).organizationId;
    await billing.setHardCap(organizationId, req.body.hardCapMinutes);
    return billing.overview(organizationId);
  });
  r.get(
    '/api/billing/usage',
    { schema: { tags, querystring: UsageQuery, response: answers({ 200: UsageAnswer }) } },
    async (req) => billing.usage(principalOf(req).organizationId, boundOf(req.query.from), boundOf(req.query.to)),
  );
  r.post('/api/billing/checkout', { schema: { tags, body: CheckoutBody, response: UrlAnswers } }, async (req) => {
    const p = principalOf(req);
    const db = ctx.database.db;
    const [user] = await db
      .select({ email: schema.users.email })
      .from(schema.users)
      .where(eq(schema.users.id, p.userId));
    const [org] = await db
      .select({ name: schema.organizations.name })
      .from(schema.organizations)
      .where(eq(schema.organizations.id, p.organizationId));
    if (!org) throw errors.notFound('organization');
    return billing.checkout(p.organizationId, req.body.plan, { email: user?.email, name: org.name }, returnUrl(req));
  });
  r.post('/api/billing/portal', { schema: { tags, response: UrlAnswers } }, async (req) =>
    billing.portal(principalOf(req).organizationId, returnUrl(req)),
  );
}

/** Stripe's webhook: the signature covers the exact bytes, so this scope keeps the body as a string. */
async function stripeWebhook(app: FastifyInstance, billing: Billing) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 512 * 1024 }, (_req, body, done) => done(null, body));
  app.post(
    '/stripe/webhook',
    {
      schema: {
        tags: ['billing'],
        security: [],
        response: answers({ 200: Obj({ received: z.boolean(), outcome: z.unknown() }) }),
      },
    },
    async (req) => {
      const outcome = await billing.webhook(
        typeof req.body === 'string' ? req.body : '',
        req.headers['stripe-signature'] as string | undefined,
      );
      return { received: true, outcome };
    },
  );
}

/** All billing routes over one billing service. */
export function createBillingRoutes(billing: Billing): RoutePlugin {
  return async (app, ctx) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/billing/plans',
      {
        schema: {
          tags: ['billing'],
          security: [],
          response: answers({ 200: z.object({ items: z.array(PlanAnswer) }) }),
        },
      },
      async () => ({ items: publicPlans() }),
    );
    await app.register(async (s) => adminRoutes(s, ctx, billing));
    await app.register(async (s) => stripeWebhook(s, billing));
  };
}
