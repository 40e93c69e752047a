import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { registry } from '../plugins/metrics.js';
import { withDeadline } from '../../lib/index.js';

const HEALTH_CHECK_MS = 800;

/** Health and metrics: public, for load balancers and Prometheus. */
export async function systemRoutes(app: FastifyInstance, ctx: ApiContext) {
  app.get('/health', { schema: { tags: ['system'], security: [] } }, async (_req, reply) => {
    // A frozen dependency must not freeze the balancer's probe: each check answers within 800 ms.
    const [db, redis] = await Promise.all([
      withDeadline(ctx.database.ping(), HEALTH_CHECK_MS, 'database ping').then(() => 'ok' as const, () => 'down' as const),
      withDeadline(ctx.live.ping(), HEALTH_CHECK_MS, 'redis ping').catch(() => 'down' as const),
    ]);
    // A draining node tells the balancer to send new work elsewhere while its live calls finish.
    if (ctx.drain.draining) return reply.status(503).send({ status: 'draining', db, redis, version: ctx.version });
    const ok = db === 'ok' && redis !== 'down';
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', db, redis, version: ctx.version });
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
