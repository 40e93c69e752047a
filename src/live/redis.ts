import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../lib/index.js';
import type { LiveEvent, LiveStore } from './live-store.js';
import { createMemoryLiveStore } from './memory.js';

/** How long a command may wait for Redis before the store answers from this node's memory. */
export const REDIS_COMMAND_TIMEOUT_MS = 200;
/** After a failure, how long commands skip Redis altogether (a frozen Redis must not add 200 ms to every request). */
const BREAKER_MS = 1000;
/** An active-call entry whose removal was lost (node died, Redis away) disappears after this. */
export const ACTIVE_CALL_TTL_SEC = 4 * 3600;

/** Tuning of the Redis store; tests shorten the timeouts. */
export interface RedisLiveStoreOptions {
  logger?: Pick<Logger, 'warn' | 'info' | 'error'>;
  commandTimeoutMs?: number;
  activeCallTtlSec?: number;
  now?: () => number;
}

/**
 * Live state shared across nodes through Redis (counters, active calls, pub/sub); every key starts
 * with the prefix. Redis is a helper, never a dependency a call waits on: every command times out
 * after ~200 ms and nothing is queued while it is away; rate limits, one-time claims and the active
 * list then answer from this node's memory (fail open), events still reach this node's own
 * subscribers, and subscriptions and lost removals are replayed when Redis is back.
 */
export async function createRedisLiveStore(
  url: string,
  PREFIX = 'io:',
  opts: RedisLiveStoreOptions = {},
): Promise<LiveStore> {
  const now = opts.now ?? Date.now;
  const ttlSec = opts.activeCallTtlSec ?? ACTIVE_CALL_TTL_SEC;
  const options: RedisOptions = {
    lazyConnect: true,
    commandTimeout: opts.commandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    autoResubscribe: false,
    // Reconnect forever, at most once a second: Redis coming back must be noticed without a restart.
    retryStrategy: (times) => Math.min(50 * 2 ** times, 1000),
  };
  const cmd = new Redis(url, options);
  const sub = new Redis(url, options);
  const local = createMemoryLiveStore(now);
  const log = opts.logger;
  let down = false;
  let openUntil = 0;
  const trip = (what: string, err: unknown) => {
    openUntil = now() + BREAKER_MS;
    if (!down) {
      down = true;
      log?.warn({ err: String(err), what }, 'Redis unreachable: live state answers from this node until it returns');
    }
  };
  for (const c of [cmd, sub]) c.on('error', (err) => trip('connection', err));
  /** Redis answers again (after a restart or a thaw, which emits no 'ready'): replay what was lost. */
  const recovered = (what: string) => {
    if (!down) return;
    down = false;
    openUntil = 0;
    log?.info({ what }, 'Redis is back');
    flushRemovals();
    subscribeAll();
  };
  await Promise.all([cmd.connect(), sub.connect()]);

  /** Runs `remote` unless Redis is known to be away; on failure answers `fallback()` instead of throwing. */
  async function guarded<T>(what: string, remote: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (now() < openUntil) return fallback();
    try {
      const r = await remote();
      recovered(what);
      return r;
    } catch (err) {
      trip(what, err);
      return fallback();
    }
  }

  const handlers = new Map<string, Set<(e: LiveEvent) => void>>();
  const deliver = (channel: string, e: LiveEvent) => {
    for (const fn of handlers.get(channel) ?? []) fn(e);
  };
  sub.on('message', (channel: string, message: string) => {
    let e: LiveEvent;
    try {
      e = JSON.parse(message);
    } catch {
      return;
    }
    deliver(channel, e);
  });
  let resync: NodeJS.Timeout | undefined;
  /** (Re)subscribes every channel someone listens to; retried until Redis accepts. */
  const subscribeAll = () => {
    if (resync) {
      clearTimeout(resync);
      resync = undefined;
    }
    const channels = [...handlers.keys()];
    if (!channels.length) return;
    sub.subscribe(...channels).catch(() => {
      resync ??= setTimeout(subscribeAll, 500).unref();
    });
  };
  sub.on('ready', subscribeAll);

  const pendingRemovals = new Set<string>();
  const activeKey = (organizationId: string) => `${PREFIX}active:${organizationId}`;
  const flushRemovals = () => {
    for (const entry of pendingRemovals) {
      const [organizationId, callId] = entry.split('\n');
      cmd.hdel(activeKey(organizationId), callId).then(
        () => pendingRemovals.delete(entry),
        () => undefined,
      );
    }
  };
  cmd.on('ready', flushRemovals);

  const chan = (organizationId: string) => `${PREFIX}events:${organizationId}`;
  return {
    kind: 'redis',
    hit: (key, windowSec) =>
      guarded(
        'hit',
        async () => {
          const k = `${PREFIX}rl:${key}`;
          const [[, count], [, ttl]] = (await cmd.multi().incr(k).ttl(k).exec()) as [[null, number], [null, number]];
          if (ttl < 0) await cmd.expire(k, windowSec);
          return { count, resetSec: ttl > 0 ? ttl : windowSec };
        },
        () => local.hit(key, windowSec),
      ),
    peek: (key) =>
      guarded(
        'peek',
        async () => Number((await cmd.get(`${PREFIX}rl:${key}`)) ?? 0),
        () => local.peek(key),
      ),
    reset: (key) =>
      guarded(
        'reset',
        async () => {
          await cmd.del(`${PREFIX}rl:${key}`);
          await local.reset(key);
        },
        () => local.reset(key),
      ),
    async publish(e) {
      const c = chan(e.organizationId);
      const message = JSON.stringify(e);
      // Away: this node's own dashboards still hear its own calls.
      await guarded(
        'publish',
        async () => {
          await cmd.publish(c, message);
        },
        async () => deliver(c, JSON.parse(message)),
      );
    },
    subscribe(organizationId, fn) {
      const c = chan(organizationId);
      let set = handlers.get(c);
      if (!set) {
        set = new Set();
        handlers.set(c, set);
        sub.subscribe(c).catch(() => {
          resync ??= setTimeout(subscribeAll, 500).unref();
        });
      }
      set.add(fn);
      return () => {
        set!.delete(fn);
        if (set!.size === 0 && handlers.get(c) === set) {
          handlers.delete(c);
          // A failed unsubscribe only means messages nobody listens to; they are dropped on arrival.
          sub.unsubscribe(c).catch(() => undefined);
        }
      };
    },
    async setActiveCall(organizationId, callId, data) {
      const entry = { ...data, expiresAt: now() + ttlSec * 1000 };
      await local.setActiveCall(organizationId, callId, entry);
      pendingRemovals.delete(`${organizationId}\n${callId}`);
      await guarded(
        'setActiveCall',
        async () => {
          await cmd
            .multi()
            .hset(activeKey(organizationId), callId, JSON.stringify(entry))
            .expire(activeKey(organizationId), ttlSec)
            .exec();
        },
        async () => undefined,
      );
    },
    async removeActiveCall(organizationId, callId) {
      await local.removeActiveCall(organizationId, callId);
      await guarded(
        'removeActiveCall',
        async () => {
          await cmd.hdel(activeKey(organizationId), callId);
        },
        async () => {
          pendingRemovals.add(`${organizationId}\n${callId}`);
        },
      );
    },
    activeCalls: (organizationId) =>
      guarded(
        'activeCalls',
        async () => {
          const all = await cmd.hgetall(activeKey(organizationId));
          const t = now();
          const live: Record<string, unknown>[] = [];
          for (const [callId, s] of Object.entries(all)) {
            const row = JSON.parse(s) as Record<string, unknown>;
            if (typeof row.expiresAt === 'number' && row.expiresAt <= t) {
              cmd.hdel(activeKey(organizationId), callId).catch(() => undefined);
              continue;
            }
            if (pendingRemovals.has(`${organizationId}\n${callId}`)) continue;
            live.push(row);
          }
          return live;
        },
        () => local.activeCalls(organizationId),
      ),
    setValue: (key, value, ttlSec) =>
      guarded(
        'setValue',
        async () => {
          await cmd.set(`${PREFIX}kv:${key}`, value, 'EX', Math.max(1, Math.ceil(ttlSec)));
        },
        () => local.setValue(key, value, ttlSec),
      ),
    getValue: (key) =>
      guarded(
        'getValue',
        async () => cmd.get(`${PREFIX}kv:${key}`),
        () => local.getValue(key),
      ),
    deleteValue: (key) =>
      guarded(
        'deleteValue',
        async () => {
          await cmd.del(`${PREFIX}kv:${key}`);
        },
        () => local.deleteValue(key),
      ),
    rosterSet: (name, member, score, ttlSec) =>
      guarded(
        'rosterSet',
        async () => {
          const k = `${PREFIX}roster:${name}`;
          await cmd
            .multi()
            .zadd(k, score, member)
            .expire(k, Math.max(1, Math.ceil(ttlSec)))
            .exec();
        },
        () => local.rosterSet(name, member, score, ttlSec),
      ),
    rosterRemove: (name, member) =>
      guarded(
        'rosterRemove',
        async () => {
          await cmd.zrem(`${PREFIX}roster:${name}`, member);
        },
        () => local.rosterRemove(name, member),
      ),
    roster: (name) =>
      guarded(
        'roster',
        async () => {
          const flat = await cmd.zrange(`${PREFIX}roster:${name}`, '0', '-1', 'WITHSCORES');
          const out: Array<{ member: string; score: number }> = [];
          for (let i = 0; i < flat.length; i += 2) out.push({ member: flat[i], score: Number(flat[i + 1]) });
          return out;
        },
        () => local.roster(name),
      ),
    claimOnce: (key, ttl) =>
      guarded(
        'claimOnce',
        async () => (await cmd.set(`${PREFIX}once:${key}`, '1', 'EX', ttl, 'NX')) === 'OK',
        () => local.claimOnce(key, ttl),
      ),
    async ping() {
      try {
        await cmd.ping();
      } catch (err) {
        trip('ping', err);
        return 'down';
      }
      recovered('ping');
      return 'ok';
    },
    async close() {
      if (resync) clearTimeout(resync);
      await Promise.allSettled([cmd.quit(), sub.quit()]);
      cmd.disconnect();
      sub.disconnect();
      await local.close();
    },
  };
}
