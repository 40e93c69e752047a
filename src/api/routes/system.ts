import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { registry } from '../plugins/metrics.js';
import { withDeadline } from '../../lib/index.js';
import { z } from 'zod';
import { answers, contentAnswer, ErrorAnswer } from '../answers.js';

/** GET /health: 200 when ready, 503 (same shape) when degraded or draining. */
const Health = z.object({
  status: z.enum(['ok', 'degraded', 'draining']),
  db: z.enum(['ok', 'down']),
  redis: z.enum(['ok', 'absent', 'down']),
  version: z.string(),
});

const HEALTH_CHECK_MS = 800;

/** Health and metrics: public, for load balancers and Prometheus. */
export async function systemRoutes(app: FastifyInstance, ctx: ApiContext) {
  app.get(
    '/health',
    { schema: { tags: ['system'], security: [], response: answers({ 200: Health, 503: Health }) } },
    async (_req, reply) => {
      // A frozen dependency must not freeze the balancer's probe: each check answers within 800 ms.
      const [db, redis] = await Promise.all([
        withDeadline(ctx.database.ping(), HEALTH_CHECK_MS, 'database ping').then(
          () => 'ok' as const,
          () => 'down' as const,
        ),
        withDeadline(ctx.live.ping(), HEALTH_CHECK_MS, 'redis ping').catch(() => 'down' as const),
      ]);
      // A draining node tells the balancer to send new work elsewhere while its live calls finish.
      if (ctx.drain.draining) return reply.status(503).send({ status: 'draining', db, redis, version: ctx.version });
      const ok = db === 'ok' && redis !== 'down';
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', db, redis, version: ctx.version });
    },
  );
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['system'],
        security: [],
        response: {
          200: contentAnswer('text/plain', 'Prometheus text exposition'),
          '4xx': ErrorAnswer,
          '5xx': ErrorAnswer,
        },
      },
    },
    async (_req, reply) => {
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  );
}
