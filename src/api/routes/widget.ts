import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { answers, contentAnswer, ErrorAnswer, Obj } from '../answers.js';
import {
  getChannelSettings,
  isAllowedOrigin,
  normalizeOrigin,
  patchChannelSettings,
  widgetByKey,
} from '../../channels/index.js';
import type { Db } from '../../db/index.js';
import { errors } from '../../lib/index.js';
import type { ApiContext } from '../context.js';
import { authenticate, principalOf } from '../plugins/auth.js';

/** The embeddable script (plain JavaScript, no build step); read once per process. */
const WIDGET_JS = readFileSync(new URL('../../../web/widget/widget.js', import.meta.url));
const WIDGET_JS_GZ = gzipSync(WIDGET_JS, { level: 9 });

const Origin = z
  .string()
  .trim()
  .max(200)
  .transform((s, c) => {
    const o = normalizeOrigin(s);
    if (!o)
      c.addIssue({ code: 'custom', message: 'an origin such as https://bella.example (scheme and host, no path)' });
    return o ?? '';
  });

/** PUT /api/widget: any subset of these fields. */
export const WidgetPatch = z
  .strictObject({
    allowedOrigins: z.array(Origin).max(20),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #2563eb'),
    position: z.enum(['bottom-right', 'bottom-left']),
    greeting: z.string().trim().min(1).max(300).nullable(),
    /** A chat's "call me back" also has the agent call right away (inside the calling window). */
    callbackCalls: z.boolean(),
  })
  .partial();

/** GET|PUT /api/widget. */
const WidgetAnswer = Obj({
  allowedOrigins: z.array(z.string()),
  color: z.string(),
  position: z.string(),
  greeting: z.string().nullable(),
  callbackCalls: z.boolean(),
});
const widgetView = (s: Awaited<ReturnType<typeof getChannelSettings>>) => ({
  allowedOrigins: s.allowedOrigins,
  color: s.color,
  position: s.position,
  greeting: s.greeting,
  callbackCalls: s.callbackCalls,
});

/**
 * CORS for the widget's public routes: only an organization's `allowedOrigins` get
 * `Access-Control-Allow-Origin`; any other origin gets no CORS header at all, so its browser refuses
 * to hand the answer to the page. Runs as an onRequest hook of the scope that holds the routes.
 */
export function widgetCors(db: Db) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const origin = req.headers.origin;
    const key = (req.params as { orgKey?: string } | undefined)?.orgKey;
    reply.header('vary', 'Origin');
    if (!origin || !key) return;
    const w = await widgetByKey(db, key);
    if (!w || !isAllowedOrigin(origin, w.allowedOrigins)) return;
    reply.header('access-control-allow-origin', origin);
    if (req.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST');
      reply.header('access-control-allow-headers', 'content-type');
      reply.header('access-control-max-age', '600');
    }
  };
}

/**
 * The website widget: the script, its public configuration, the preflights of the public chat API,
 * and the admin's settings document (`GET|PUT /api/widget`).
 */
export async function widgetRoutes(app: FastifyInstance, ctx: ApiContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['widget'];
  const cors = widgetCors(db);
  const admin = authenticate(ctx.tokens, ['admin']);

  app.get(
    '/widget.js',
    {
      schema: {
        tags,
        security: [],
        response: {
          200: contentAnswer('application/javascript', 'the embeddable chat widget'),
          '4xx': ErrorAnswer,
          '5xx': ErrorAnswer,
        },
      },
    },
    async (req, reply) => {
      // Short cache: a new release reaches every site within minutes, without a versioned URL in their HTML.
      reply
        .header('cache-control', 'public, max-age=300')
        .header('vary', 'Accept-Encoding')
        .header('x-content-type-options', 'nosniff')
        .type('application/javascript; charset=utf-8');
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')))
        return reply.header('content-encoding', 'gzip').send(WIDGET_JS_GZ);
      return reply.send(WIDGET_JS);
    },
  );

  r.get(
    '/api/widget/:orgKey/config',
    {
      onRequest: cors,
      schema: {
        tags,
        security: [],
        params: z.strictObject({ orgKey: z.string().max(100) }),
        response: answers({
          200: Obj({
            name: z.string(),
            greeting: z.string().nullable(),
            color: z.string(),
            position: z.string(),
            language: z.string(),
          }),
        }),
      },
    },
    async (req) => {
      const w = await widgetByKey(db, req.params.orgKey);
      if (!w) throw errors.notFound('chat key');
      return w.config;
    },
  );

  // Preflights: a cross-origin JSON POST asks first; allowed origins get the CORS headers, others 204 without.
  const preflight = { onRequest: cors, schema: { hide: true } };
  app.options('/api/widget/:orgKey/config', preflight, async (_req, reply) => reply.status(204).send());
  app.options('/api/chat/:orgKey/*', preflight, async (_req, reply) => reply.status(204).send());

  r.get('/api/widget', { onRequest: admin, schema: { tags, response: answers({ 200: WidgetAnswer }) } }, async (req) =>
    widgetView(await getChannelSettings(db, principalOf(req).organizationId)),
  );
  r.put(
    '/api/widget',
    { onRequest: admin, schema: { tags, body: WidgetPatch, response: answers({ 200: WidgetAnswer }) } },
    async (req) => widgetView(await patchChannelSettings(db, principalOf(req).organizationId, req.body)),
  );
}
