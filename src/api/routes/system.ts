import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { registry } from '../plugins/metrics.js';

/** Health and metrics: public, for load balancers and Prometheus. */
export async function systemRoutes(app: FastifyInstance, ctx: ApiContext) {
  app.get('/health', { schema: { tags: ['system'], security: [] } }, async (_req, reply) => {
    const db = await ctx.database.ping().then(() => 'ok' as const, () => 'down' as const);
    const redis = await ctx.live.ping();
    const ok = db === 'ok' && redis !== 'down';
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', db, redis, version: ctx.version });
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
