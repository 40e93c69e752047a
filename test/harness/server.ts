import pg from 'pg';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase, type Database } from '../../src/db/index.js';
import { createLogger, type Clock } from '../../src/lib/index.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server.js';
import { VOICE_DEADLINE_SCALE } from './timing.js';
import { rememberDatabase } from './fixtures.js';

/**
 * A database for one test suite: PGlite in memory by default; with DATABASE_URL a fresh database on
 * that server (created here, dropped on close), so suites never see each other's rows.
 */
export async function testDatabase(): Promise<Database & { url?: string }> {
  const base = process.env.DATABASE_URL;
  if (!base) return openDatabase({ kind: 'pglite' });
  const name = `io_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 20 });
  return {
    ...db,
    url: url.toString(),
    close: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await a.end();
    },
  };
}

/** Options of a test server: environment overrides and the product's clock. */
export interface TestServerOptions extends Omit<ServerOptions, 'database' | 'logger'> {
  env?: Record<string, string>;
  clock?: Clock;
  /** Another server's database (a restart): used as it is and left open on close. */
  database?: Database;
}

/** Starts the real server on an ephemeral port, as `npm start` would, on a fresh database. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<RunningServer & { database: Database }> {
  const database = opts.database ?? (await testDatabase());
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // One listening handle: a helper process per test server would only slow the suites.
    ACCEPT_HANDLES: '1',
    REDIS_URL: process.env.REDIS_URL,
    DATA_DIR: ':memory:',
    // Each test server its own Redis namespace, and room for the many sign-ups a suite makes from 127.0.0.1.
    REDIS_KEY_PREFIX: `io-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}:`,
    REGISTER_RATE_LIMIT: '100000',
    VOICE_DEADLINE_SCALE: String(VOICE_DEADLINE_SCALE),
    ...opts.env,
  });
  const server = await startServer(config, {
    ...opts,
    database,
    logger: createLogger(config.logLevel, { pretty: false }),
  });
  const forget = rememberDatabase(server.url, database);
  return {
    ...server,
    database,
    close: async () => {
      forget();
      await server.close();
      if (!opts.database) await database.close();
    },
  };
}
