import { EventEmitter } from 'node:events';
import type { LiveEvent, LiveStore } from './live-store.js';

/** Live state for a single node: everything in process memory; active-call entries expire after `activeTtlSec`. */
export function createMemoryLiveStore(now: () => number = Date.now, activeTtlSec = 4 * 3600): LiveStore {
  const counters = new Map<string, { count: number; resetAt: number }>();
  const claimed = new Map<string, number>();
  const values = new Map<string, { value: string; expiresAt: number }>();
  const active = new Map<string, Map<string, Record<string, unknown>>>();
  const rosters = new Map<string, { members: Map<string, number>; expiresAt: number }>();
  const liveRoster = (name: string) => {
    const r = rosters.get(name);
    if (r && r.expiresAt <= now()) {
      rosters.delete(name);
      return undefined;
    }
    return r;
  };
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  return {
    kind: 'memory',
    async hit(key, windowSec) {
      const t = now();
      let c = counters.get(key);
      if (!c || c.resetAt <= t) {
        c = { count: 0, resetAt: t + windowSec * 1000 };
        counters.set(key, c);
        if (counters.size > 100_000) for (const [k, v] of counters) if (v.resetAt <= t) counters.delete(k);
      }
      c.count++;
      return { count: c.count, resetSec: Math.ceil((c.resetAt - t) / 1000) };
    },
    async peek(key) {
      const c = counters.get(key);
      return c && c.resetAt > now() ? c.count : 0;
    },
    async reset(key) {
      counters.delete(key);
    },
    async publish(e: LiveEvent) {
      bus.emit(e.organizationId, e);
    },
    subscribe(organizationId, fn) {
      bus.on(organizationId, fn);
      return () => bus.off(organizationId, fn);
    },
    async setActiveCall(organizationId, callId, data) {
      if (!active.has(organizationId)) active.set(organizationId, new Map());
      active.get(organizationId)!.set(callId, { expiresAt: now() + activeTtlSec * 1000, ...data });
    },
    async removeActiveCall(organizationId, callId) {
      active.get(organizationId)?.delete(callId);
    },
    async activeCalls(organizationId) {
      // An entry whose removal never came (a bug, a lost completion) stops showing after its TTL.
      const calls = active.get(organizationId);
      if (!calls) return [];
      const t = now();
      for (const [id, c] of calls) if (typeof c.expiresAt === 'number' && c.expiresAt <= t) calls.delete(id);
      return [...calls.values()];
    },
    async setValue(key, value, ttlSec) {
      const t = now();
      values.set(key, { value, expiresAt: t + ttlSec * 1000 });
      if (values.size > 100_000) for (const [k, v] of values) if (v.expiresAt <= t) values.delete(k);
    },
    async getValue(key) {
      const v = values.get(key);
      if (!v) return null;
      if (v.expiresAt <= now()) {
        values.delete(key);
        return null;
      }
      return v.value;
    },
    async deleteValue(key) {
      values.delete(key);
    },
    async rosterSet(name, member, score, ttlSec) {
      const r = liveRoster(name) ?? { members: new Map<string, number>(), expiresAt: 0 };
      r.members.set(member, score);
      r.expiresAt = now() + ttlSec * 1000;
      rosters.set(name, r);
    },
    async rosterRemove(name, member) {
      liveRoster(name)?.members.delete(member);
    },
    async roster(name) {
      const r = liveRoster(name);
      return r ? [...r.members].map(([member, score]) => ({ member, score })).sort((a, b) => a.score - b.score) : [];
    },
    async claimOnce(key, ttlSec) {
      const t = now();
      const exp = claimed.get(key);
      if (exp && exp > t) return false;
      claimed.set(key, t + ttlSec * 1000);
      return true;
    },
    async ping() {
      return 'absent';
    },
    async close() {
      bus.removeAllListeners();
    },
  };
}
