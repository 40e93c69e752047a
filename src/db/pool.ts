import pg from 'pg';

const BROKEN = Symbol('broken');
const GUARDED = Symbol('guarded');
type GuardedClient = pg.PoolClient & {
  [BROKEN]?: boolean;
  [GUARDED]?: boolean;
  connection?: { stream?: { destroy(): void } };
};

/** The connection itself is unusable (no answer in time, or gone): as opposed to an error in the statement. */
const isConnectionFailure = (err: unknown) => {
  const e = err as { message?: unknown; code?: unknown } | null;
  return (
    Boolean(e) &&
    ((typeof e!.message === 'string' &&
      /Query read timeout|Connection terminated|Client has encountered a connection error/i.test(e!.message)) ||
      (typeof e!.code === 'string' && ['ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(e!.code)))
  );
};

/**
 * A pg pool that never loses a connection to a frozen or vanished server. A checked-out client whose
 * statement timed out still has that statement in flight, and the query layer's transaction does not
 * release a client whose `begin` failed: after a few such timeouts a plain pool has no connections
 * left, for good. Here such a client is destroyed and given back at once; a later release is a no-op.
 */
export class ResilientPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<pg.PoolClient> | void {
    // pool.query checks out with a callback and already releases with the error: nothing to add.
    if (callback) return super.connect(callback as never);
    return super.connect().then((client) => guard(client as GuardedClient));
  }
}

function guard(client: GuardedClient): pg.PoolClient {
  const release = client.release;
  let released = false;
  client.release = (err?: Error | boolean) => {
    if (released) return;
    released = true;
    release.call(client, err ?? (client[BROKEN] ? true : undefined));
  };
  if (!client[GUARDED]) {
    client[GUARDED] = true;
    // Errors after the connection was destroyed are expected; without a listener they would crash the process.
    client.on('error', () => undefined);
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const r = query(...args);
      if (!r || typeof (r as Promise<unknown>).then !== 'function') return r;
      return (r as Promise<unknown>).catch((err: unknown) => {
        if (isConnectionFailure(err) && !client[BROKEN]) {
          client[BROKEN] = true;
          client.connection?.stream?.destroy();
          client.release(true);
        }
        throw err;
      });
    };
  }
  return client;
}
