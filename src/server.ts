import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import type { Config } from './config/index.js';
import { openDatabase, serverSecret, type Database } from './db/index.js';
import { createMemoryLiveStore, createRedisLiveStore, type LiveStore } from './live/index.js';
import {
  createDrain,
  createLogger,
  createOrgChanges,
  addAcceptors,
  systemClock,
  type Clock,
  type DrainReport,
  type Logger,
} from './lib/index.js';
import { buildApp, type RoutePlugin } from './api/app.js';
import type { ApiContext } from './api/context.js';
import { createAccessTokens } from './api/auth/tokens.js';
import { createTokenVersions } from './api/auth/token-versions.js';
import { seedDemo } from './seed-demo.js';
import { ownsNumber } from './telephony/index.js';
import { productRoutes, providersFor } from './wiring/product.js';
import type { Providers } from './providers/index.js';

const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** A running product: the HTTP server and everything behind it. */
export interface RunningServer {
  url: string;
  port: number;
  app: FastifyInstance;
  ctx: ApiContext;
  demo?: { email: string; password: string; organizationId: string; created: boolean };
  /**
   * Stops taking new calls (`/health` 503, new calls handed on or to voicemail), lets live calls end
   * up to `limitMs`, then closes the rest with a spoken goodbye. Call `close()` after it.
   */
  drain(limitMs: number): Promise<DrainReport>;
  /** Stops taking requests, lets in-flight ones finish, closes the database and live store. */
  close(): Promise<void>;
}

/** Options the composition root and the test harness may override. */
/** `routes` replaces the product's capability routes (a test of one capability mounts only its own). */
export interface ServerOptions {
  clock?: Clock;
  logger?: Logger;
  database?: Database;
  routes?: RoutePlugin[];
  providers?: Providers;
  webDist?: string;
}

/** Builds the whole graph from a Config (database, live store, auth, routes) and listens. */
export async function startServer(config: Config, opts: ServerOptions = {}): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const database = opts.database ?? (await openDatabase(config.db));
  const live: LiveStore = config.redisUrl
    ? await createRedisLiveStore(config.redisUrl, config.redisPrefix, { logger })
    : createMemoryLiveStore();
  const jwtSecret = await serverSecret(database.db, 'jwt', config.auth.jwtSecret);
  const clock = opts.clock ?? systemClock;
  const tokenVersions = createTokenVersions({ db: database.db, live, clock });
  const tokens = createAccessTokens(jwtSecret, config.auth.accessTtlSec, undefined, tokenVersions);
  // One set of providers for the whole product: the API checks agent choices against what the calls use.
  const providers = opts.providers ?? providersFor(config);
  const drain = createDrain();
  const tw = config.twilio;
  // With a Twilio account, a number is connected only if that account owns it; without, a texted code proves it.
  const numberOwner =
    tw.accountSid && tw.authToken
      ? (e164: string) =>
          ownsNumber({ accountSid: tw.accountSid!, authToken: tw.authToken!, apiBase: tw.apiBase }, e164)
      : undefined;
  const ctx: ApiContext = {
    config,
    database,
    live,
    clock,
    logger,
    tokens,
    tokenVersions,
    version: VERSION,
    speech: providers.catalog,
    drain,
    orgChanges: createOrgChanges(),
    numberOwner,
  };
  const demo = config.seedDemo ? { ...config.seedDemo, ...(await seedDemo(database.db, config.seedDemo)) } : undefined;
  const app = await buildApp(
    ctx,
    opts.routes ??
      (await productRoutes(ctx, providers, {
        webDist: opts.webDist,
        ...(demo?.created ? { demoOrgId: demo.organizationId } : {}),
      })),
  );
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const acceptors = await addAcceptors(app.server, config.acceptHandles - 1, {
    onError: (err) => logger.warn({ err }, 'accepting one connection per event-loop turn only'),
  });
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    app,
    ctx,
    demo,
    drain: (limitMs) => drain.drain(limitMs),
    close: () =>
      (closing ??= (async () => {
        const extraClosed = acceptors.close();
        await app.close();
        await extraClosed;
        await live.close();
        if (!opts.database) await database.close();
      })()),
  };
}
