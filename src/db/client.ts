import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';
import { ResilientPool } from './pool.js';
import { YieldingPGlite } from './yielding-pglite.js';

/** The typed query layer, the same over PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the database or a transaction. */
export type Queryable = Db | Tx;

/** Where the data lives: an embedded PGlite (a directory, or memory) or a PostgreSQL server. */
export type DbTarget =
  | {
      kind: 'pglite';
      dir?: string;
      /** Data statements prepared once (the default); false runs each as PGlite does (bench/db compares the two). */
      prepare?: boolean;
    }
  | { kind: 'postgres'; url: string; poolSize?: number; timeouts?: DbTimeouts };

/** How long a request may wait for PostgreSQL: to get a connection, and for one statement. */
export interface DbTimeouts {
  connectMs: number;
  statementMs: number;
}
/** Defaults: a request fails with 503 within seconds when the server is away or frozen, instead of hanging. */
export const DEFAULT_DB_TIMEOUTS: DbTimeouts = { connectMs: 2000, statementMs: 5000 };

/** An open database: the query layer plus its lifecycle. */
export interface Database {
  readonly db: Db;
  /**
   * The same database for what a ringing caller waits on (the call's insert, the caller's lookup, the
   * stream's start): on the embedded database these statements go before queued background work
   * (recording, completions, summaries); on PostgreSQL it is `db` itself.
   */
  readonly setup: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Runs a raw SQL statement (health checks, tests). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));
/** Serialises migrations across nodes sharing one PostgreSQL server. */
const MIGRATION_LOCK_KEY = 727_001;

/** Opens the database and applies every pending migration from the journal. */
export async function openDatabase(target: DbTarget): Promise<Database> {
  return target.kind === 'pglite'
    ? openPglite(target.dir, target.prepare ?? true)
    : openPostgres(target.url, target.poolSize ?? 10, target.timeouts ?? DEFAULT_DB_TIMEOUTS);
}

async function openPglite(dir: string | undefined, prepare: boolean): Promise<Database> {
  if (dir) mkdirSync(dir, { recursive: true });
  const client = dir
    ? new YieldingPGlite(dir, { extensions: { btree_gist } })
    : new YieldingPGlite({ extensions: { btree_gist } });
  client.prepareStatements = prepare;
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS });
  return {
    db,
    setup: drizzlePglite(client.setup as unknown as YieldingPGlite, { schema }) as unknown as Db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number, timeouts: DbTimeouts): Promise<Database> {
  // statement_timeout makes the server give up; query_timeout (a little later) covers a server that no
  // longer answers at all (frozen, partitioned), where only the client can notice.
  const pool = new ResilientPool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 500,
  });
  // An idle connection the server drops (restart, failover, pg_terminate_backend) is an 'error' on the
  // pool; unhandled it would crash the process. The pool replaces the connection on next use.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL connection lost: ${err.message}`);
  });
  // Migrations (and waiting for another node's) may take longer than a request may: their own connection, no timeouts.
  const lock = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeouts.connectMs * 5 });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(lock), { migrationsFolder: MIGRATIONS });
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    setup: db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      await pool.end();
    },
  };
}

/**
 * A json value a hand-written subquery answered (`json_build_object`, `json_agg`): parsed as the driver
 * gave it, or from its text where the driver left it as text.
 */
export function jsonValue<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/** The PostgreSQL error code of a failed statement, looking through Drizzle's wrapper. */
export function pgErrorCode(e: unknown): { code?: string; constraint?: string } {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const o = cur as { code?: unknown; constraint?: string; cause?: unknown };
    if (typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) return { code: o.code, constraint: o.constraint };
    cur = o.cause;
  }
  return {};
}

/**
 * A statement built once per database (or transaction) and then run with new values through drizzle's
 * placeholders. Drizzle builds a statement's text on every run, and for a wide row (a call's 25 columns,
 * returned) that costs 100–200 µs of the node's CPU, about what the round trip costs: the statements
 * every phone call runs at its ring, its stream's start, each turn and its closing read are built once here. The name must be
 * unique in the process: PostgreSQL plans a named statement once per connection (PGlite's driver
 * prepares every statement anyway). Its values must never hold a default computed in JavaScript.
 */
export function preparedStatement<P>(name: string, build: (q: Queryable, name: string) => P): (q: Queryable) => P {
  const built = new WeakMap<Queryable, P>();
  return (q) => {
    let statement = built.get(q);
    if (!statement) built.set(q, (statement = build(q, name)));
    return statement;
  };
}
