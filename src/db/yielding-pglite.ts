/**
 * The embedded database runs each statement synchronously on the node's own thread, and statements
 * awaited one after another (a call's completion, ten summaries, a burst of rings) resolve within one
 * turn of the event loop. Measured in a ramp of new calls on this database: the node accepts one new
 * connection per turn of its event loop (libuv), so while those statements ran the listen queue grew
 * to 80 connections, webhooks that took 30 ms in their handler took 0.5 s at the caller's side, and
 * completions run after a ramp held live calls' audio for 100–250 ms.
 *
 * Here statements, and transactions as a whole, take turns in one queue (PGlite runs them one at a
 * time anyway), in two lanes: a call being set up (the ring's insert, the caller's lookup, the stream's
 * start) goes before anything waiting in the background lane (recording, completions, summaries,
 * outboxes). After a slice of statements (3 ms of background work, 10 ms of set-up work) the queue lets
 * the event loop turn, so sockets (new connections, audio) are served between slices. Each lane keeps
 * its order.
 */
import { PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';
import { PreparedStatements } from './prepared-statements.js';

/** Background database work run before the event loop gets a turn. */
export const DEFAULT_SLICE_MS = 3;
/** Call set-up's database work run before the event loop gets a turn (a ringing caller waits on it). */
export const DEFAULT_SETUP_SLICE_MS = 10;

/** Which lane a statement waits in. */
export type Lane = 'setup' | 'background';

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** One queue of database work in two lanes, run in slices of at most `sliceMs` (plus the job that crosses it). */
export class SlicedQueue {
  private readonly lanes: Record<Lane, Array<() => Promise<void>>> = { setup: [], background: [] };
  private running = false;

  constructor(
    private readonly sliceMs = DEFAULT_SLICE_MS,
    private readonly setupSliceMs = DEFAULT_SETUP_SLICE_MS,
  ) {}

  /** Runs `fn` once the work queued before it in its lane, and any set-up work, has run. */
  run<T>(lane: Lane, fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.lanes[lane].push(() => fn().then(resolve, reject));
      if (!this.running) void this.pump();
    });
  }

  /** The next job and how long a slice may run before it: set-up work first, in longer slices. */
  private next(): { job: () => Promise<void>; sliceMs: number } | undefined {
    const setup = this.lanes.setup.shift();
    if (setup) return { job: setup, sliceMs: this.setupSliceMs };
    const background = this.lanes.background.shift();
    return background && { job: background, sliceMs: this.sliceMs };
  }

  private async pump(): Promise<void> {
    this.running = true;
    let sliceStart = performance.now();
    try {
      for (let n = this.next(); n; n = this.next()) {
        if (performance.now() - sliceStart >= n.sliceMs) {
          // the job taken goes first after the turn (set-up work that arrives meanwhile comes after it)
          await yieldToLoop();
          sliceStart = performance.now();
        }
        await n.job();
      }
    } finally {
      this.running = false;
    }
  }
}

/** What the query layer (drizzle's PGlite driver) uses of a client. */
export interface PgliteClient {
  query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** The database as call set-up sees it: its statements go before queued background work. */
class SetupClient implements PgliteClient {
  constructor(private readonly db: YieldingPGlite) {}
  query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.db.inTurn('setup', () => this.db.statement<T>(query, params, options));
  }
  transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.db.inTurn('setup', () => this.db.transactionOnce(callback));
  }
}

/**
 * A PGlite whose statements and transactions take turns with the node's sockets, in the background
 * lane; `setup` is the same database for call set-up. Statements inside a transaction run within its
 * turn (PGlite already makes anything else wait for the transaction).
 */
export class YieldingPGlite extends PGlite {
  private readonly turns = new SlicedQueue();
  private readonly prepared = new PreparedStatements(this);
  /** Data statements run from their prepared form (see prepared-statements.ts); false: as PGlite runs them. */
  prepareStatements = true;
  /** The same database, for the statements a ringing caller waits on. */
  readonly setup: PgliteClient = new SetupClient(this);

  /** Runs `fn` in its lane once the database is ready (PGlite's own start-up statements run as they come). */
  inTurn<T>(lane: Lane, fn: () => Promise<T>): Promise<T> {
    return this.ready ? this.turns.run(lane, fn) : fn();
  }

  override query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.inTurn('background', () => this.statement<T>(query, params, options));
  }

  /** One statement outside a transaction: a data statement from its prepared form (see prepared-statements.ts). */
  statement<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.prepareStatements && PreparedStatements.preparable(query)
      ? this.prepared.query<T>(query, params, options)
      : super.query<T>(query, params, options);
  }

  override exec(...args: Parameters<PGlite['exec']>): ReturnType<PGlite['exec']> {
    return this.inTurn('background', () => super.exec(...args));
  }

  override transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.inTurn('background', () => this.transactionOnce(callback));
  }

  /** One transaction, its data statements from their prepared form. */
  transactionOnce<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.prepareStatements
      ? super.transaction((tx) => callback(this.prepared.inTransaction(tx)))
      : super.transaction(callback);
  }
}
