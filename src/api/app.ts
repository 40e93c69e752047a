import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { ApiContext } from './context.js';
import { errorBody, handleError } from './errors.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerMetrics } from './plugins/metrics.js';
import { systemRoutes } from './routes/system.js';
import { authRoutes } from './routes/auth.js';
import { accountRoutes } from './routes/account.js';
import { userRoutes } from './routes/users.js';
import { businessRoutes } from './routes/business.js';
import { catalogRoutes } from './routes/catalog.js';

/** Extra route plugins other modules contribute (booking, calls, telephony…), registered after the core. */
export type RoutePlugin = (app: FastifyInstance, ctx: ApiContext) => Promise<void>;

/**
 * Builds the HTTP app. Boot order is explicit: infrastructure (errors, ids, metrics, docs),
 * then the core routes, then the routes other modules contribute.
 */
/** X-Forwarded-For is believed for the first `n` hops counted from this server, no further. */
const trustHops = (n: number) => (_addr: string, hop: number) => hop < n;

export async function buildApp(ctx: ApiContext, extra: RoutePlugin[] = []): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: ctx.config.bodyLimit,
    // a hop count trusts that many proxies from our side (proxy-addr's rule); a list trusts those addresses only
    trustProxy: typeof ctx.config.trustProxy === 'number' ? trustHops(ctx.config.trustProxy) : ctx.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)),
  );
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerSecurityHeaders(app as unknown as FastifyInstance);
  // A successful write by a member of an organization may change what is cached of it (the inbound
  // webhook's business, number and admission): tell the caches. Before every route, so it covers all.
  if (ctx.orgChanges) {
    const changes = ctx.orgChanges;
    // onSend, not onResponse: the caches are dropped before the client can read the answer and ring.
    app.addHook('onSend', async (req, reply, payload) => {
      if (req.principal && reply.statusCode < 400 && !['GET', 'HEAD', 'OPTIONS'].includes(req.method))
        changes.changed(req.principal.organizationId);
      return payload;
    });
  }

  registerMetrics(app as unknown as FastifyInstance);
  await app.register(swagger, {
    openapi: {
      info: { title: 'InfiniOffice API', version: ctx.version, description: 'The AI receptionist’s HTTP contract.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // named schemas (the error body) become components/schemas, referenced by every operation
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  // Media Streams frames are ~300 bytes; the connection caps each at 4 KiB, the socket refuses past 16 KiB.
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });

  await app.register(async (s) => systemRoutes(s, ctx));
  await app.register(async (s) => authRoutes(s, ctx));
  await app.register(async (s) => accountRoutes(s, ctx));
  await app.register(async (s) => userRoutes(s, ctx));
  await app.register(async (s) => businessRoutes(s, ctx));
  await app.register(async (s) => catalogRoutes(s, ctx));
  for (const plugin of extra) await app.register(async (s) => plugin(s, ctx));
  return app as unknown as FastifyInstance;
}
