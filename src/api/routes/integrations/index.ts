/**
 * Integrations routes (API.md › Notifications and integrations) and the ICS feed (› Booking):
 * list connected calendars, start OAuth (signed state), finish it on the provider's callback,
 * disconnect; and GET /api/calendar.ics?token=… for any calendar app, without a bearer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  feedTokens,
  renderFeed,
  resolveFeedToken,
  type Calendars,
  type CalendarProviderName,
} from '../../../booking/calendars/index.js';
import { errors, isAppError } from '../../../lib/index.js';
import { oauthStateInvalid, STATE_TTL_MS } from '../../../booking/calendars/index.js';
import { browserNonceOf, clearBrowserNonce, nonceBinding, setBrowserNonce } from './browser-binding.js';
import { requireFeature } from '../../../billing/index.js';
import type { RoutePlugin } from '../../app.js';
import type { ApiContext } from '../../context.js';
import { authenticate, principalOf, protect, WRITE_ROLES } from '../../plugins/auth.js';
import {
  CallbackQuery,
  ConnectQuery,
  FeedQuery,
  integrationJson,
  IntegrationViewSchema,
  ListResponse,
  ProviderParams,
} from './schemas.js';
import { answers, contentAnswer, ErrorAnswer, NoContent } from '../../answers.js';

const tags = ['integrations'];

/** Where this server is reachable from the browser: PUBLIC_URL, else the request's own origin. */
const originOf = (ctx: ApiContext, req: FastifyRequest) => ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;
const callbackUri = (ctx: ApiContext, req: FastifyRequest, p: string) =>
  `${originOf(ctx, req)}/api/integrations/${p}/callback`;
const feedUrl = (ctx: ApiContext, req: FastifyRequest, token: string) =>
  `${originOf(ctx, req)}/api/calendar.ics?token=${encodeURIComponent(token)}`;

/** Builds the integrations + feed route plugin over the wired calendars. */
export function createIntegrationRoutes(calendars: Calendars): RoutePlugin {
  return async (app: FastifyInstance, ctx: ApiContext) => {
    await app.register(async (s) => privateRoutes(s, ctx, calendars));
    await app.register(async (s) => connectRoute(s, ctx, calendars));
    await app.register(async (s) => publicRoutes(s, ctx, calendars));
  };
}

/** List (every role; feed URLs for admins only) and disconnect (admin). */
async function privateRoutes(app: FastifyInstance, ctx: ApiContext, calendars: Calendars) {
  protect(app, ctx.tokens, WRITE_ROLES.settings);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/integrations', { schema: { tags, response: answers({ 200: ListResponse }) } }, async (req) => {
    const p = principalOf(req);
    const items = (await calendars.connections.list(p.organizationId)).map(integrationJson);
    if (p.role !== 'admin') return { items };
    const t = await feedTokens(calendars.db, p.organizationId);
    return {
      items,
      feeds: {
        organization: feedUrl(ctx, req, t.organization),
        staff: t.staff.map((s) => ({ staffId: s.staffId, name: s.name, url: feedUrl(ctx, req, s.token) })),
      },
    };
  });
  r.delete(
    '/api/integrations/:provider',
    { schema: { tags, params: ProviderParams, response: answers({ 204: NoContent }) } },
    async (req, reply) => {
      const gone = await calendars.connections.disconnect(principalOf(req).organizationId, req.params.provider);
      if (!gone) throw errors.notFound(`${req.params.provider} integration`);
      return reply.status(204).send();
    },
  );
}

/** OAuth start: a GET, yet it changes settings, so it needs an admin. */
async function connectRoute(app: FastifyInstance, ctx: ApiContext, calendars: Calendars) {
  app.addHook('onRequest', authenticate(ctx.tokens, WRITE_ROLES.settings));
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/integrations/:provider/connect',
    {
      schema: {
        tags,
        params: ProviderParams,
        querystring: ConnectQuery,
        response: answers({ 200: z.object({ url: z.string(), state: z.string() }), 302: NoContent }),
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await requireFeature(ctx.database.db, p.organizationId, 'calendar_sync', ctx.clock.now());
      const nonce = setBrowserNonce(req, reply, req.params.provider, ctx.config.publicUrl);
      const out = await calendars.connections.start({
        organizationId: p.organizationId,
        userId: p.userId,
        provider: req.params.provider,
        staffId: req.query.staffId ?? null,
        returnTo: req.query.returnTo ?? null,
        redirectUri: callbackUri(ctx, req, req.params.provider),
        binding: nonceBinding(nonce),
      });
      if (req.query.redirect === 'true' || req.query.redirect === '1') return reply.redirect(out.url, 302);
      return out;
    },
  );
}

/** Reached by the browser coming back from the provider, and by calendar apps: no bearer, secrets in the query. */
async function publicRoutes(app: FastifyInstance, ctx: ApiContext, calendars: Calendars) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/integrations/:provider/callback',
    {
      schema: {
        tags,
        security: [],
        params: ProviderParams,
        querystring: CallbackQuery,
        response: answers({ 200: IntegrationViewSchema, 302: NoContent }),
      },
    },
    async (req, reply) => {
      const provider = req.params.provider;
      const q = req.query;
      if (q.error || !q.code || !q.state) {
        const returnTo = q.state
          ? (await calendars.connections.peek(provider, q.state).catch(() => null))?.returnTo
          : null;
        const reason = q.error ?? 'missing_code';
        if (returnTo) return back(reply, returnTo, provider, 'error', reason);
        throw errors.validation(
          q.error
            ? `${provider} did not grant access (${q.error}${q.error_description ? `: ${q.error_description}` : ''})`
            : 'code and state are required',
        );
      }
      // The state must come back to the browser that started it (its HttpOnly nonce cookie), once.
      const started = await calendars.connections.peek(provider, q.state);
      clearBrowserNonce(req, reply, provider, ctx.config.publicUrl);
      const nonce = browserNonceOf(req, provider);
      const refused =
        !nonce || !started.binding || nonceBinding(nonce) !== started.binding
          ? 'not started in this browser'
          : !(await ctx.live.claimOnce(`oauth-state:${started.binding}`, Math.ceil(STATE_TTL_MS / 1000) * 2))
            ? 'already used'
            : null;
      if (refused) {
        if (started.returnTo) return back(reply, started.returnTo, provider, 'error', 'oauth_state_invalid');
        throw oauthStateInvalid(refused);
      }
      try {
        const { state, integration } = await calendars.connections.finish(provider, q.code, q.state);
        if (state.returnTo) return back(reply, state.returnTo, provider, 'connected');
        return integrationJson(integration);
      } catch (e) {
        const returnTo =
          isAppError(e) && e.code !== 'OAUTH_STATE_INVALID'
            ? (await calendars.connections.peek(provider, q.state).catch(() => null))?.returnTo
            : null;
        if (returnTo && isAppError(e)) return back(reply, returnTo, provider, 'error', e.code.toLowerCase());
        throw e;
      }
    },
  );

  r.get(
    '/api/calendar.ics',
    {
      schema: {
        tags: ['booking'],
        security: [],
        querystring: FeedQuery,
        response: { 200: contentAnswer('text/calendar', 'the ICS feed'), '4xx': ErrorAnswer, '5xx': ErrorAnswer },
      },
    },
    async (req, reply) => {
      const owner = await resolveFeedToken(calendars.db, req.query.token);
      if (!owner) throw errors.notFound('calendar feed');
      const body = await renderFeed(calendars.db, owner, ctx.clock.now());
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="appointments.ics"')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  );
}

/** Sends the browser back to the dashboard with the outcome in the query. */
function back(
  reply: FastifyReply,
  returnTo: string,
  provider: CalendarProviderName,
  result: 'connected' | 'error',
  reason?: string,
) {
  const u = new URL(returnTo, 'http://x');
  u.searchParams.set('integration', provider);
  u.searchParams.set('result', result);
  if (reason) u.searchParams.set('reason', reason);
  return reply.redirect(u.pathname + u.search, 302);
}
