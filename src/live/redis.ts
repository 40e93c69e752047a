import { Redis } from 'ioredis';
import type { LiveEvent, LiveStore } from './live-store.js';

/** Live state shared across nodes through Redis (counters, active calls, pub/sub); every key starts with the prefix. */
export async function createRedisLiveStore(url: string, PREFIX = 'io:'): Promise<LiveStore> {
  const cmd = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: true });
  const sub = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: true });
  await Promise.all([cmd.connect(), sub.connect()]);
  const handlers = new Map<string, Set<(e: LiveEvent) => void>>();
  sub.on('message', (channel: string, message: string) => {
    const set = handlers.get(channel);
    if (!set) return;
    let e: LiveEvent;
    try { e = JSON.parse(message); } catch { return; }
    for (const fn of set) fn(e);
  });
  const chan = (orgId: string) => `${PREFIX}events:${orgId}`;
  return {
    kind: 'redis',
    async hit(key, windowSec) {
      const k = `${PREFIX}rl:${key}`;
      const [[, count], [, ttl]] = (await cmd.multi().incr(k).ttl(k).exec()) as [[null, number], [null, number]];
      if (ttl < 0) await cmd.expire(k, windowSec);
      return { count, resetSec: ttl > 0 ? ttl : windowSec };
    },
    async peek(key) { return Number((await cmd.get(`${PREFIX}rl:${key}`)) ?? 0); },
    async reset(key) { await cmd.del(`${PREFIX}rl:${key}`); },
    async publish(e) { await cmd.publish(chan(e.organizationId), JSON.stringify(e)); },
    subscribe(orgId, fn) {
      const c = chan(orgId);
      let set = handlers.get(c);
      if (!set) { set = new Set(); handlers.set(c, set); void sub.subscribe(c); }
      set.add(fn);
      return () => {
        set!.delete(fn);
        if (set!.size === 0) { handlers.delete(c); void sub.unsubscribe(c); }
      };
    },
    async setActiveCall(orgId, callId, data) {
      await cmd.hset(`${PREFIX}active:${orgId}`, callId, JSON.stringify(data));
    },
    async removeActiveCall(orgId, callId) { await cmd.hdel(`${PREFIX}active:${orgId}`, callId); },
    async activeCalls(orgId) {
      const all = await cmd.hvals(`${PREFIX}active:${orgId}`);
      return all.map((s) => JSON.parse(s));
    },
    async claimOnce(key, ttlSec) {
      return (await cmd.set(`${PREFIX}once:${key}`, '1', 'EX', ttlSec, 'NX')) === 'OK';
    },
    async ping() {
      try { await cmd.ping(); return 'ok'; } catch { return 'down'; }
    },
    async close() { await Promise.allSettled([cmd.quit(), sub.quit()]); },
  };
}
