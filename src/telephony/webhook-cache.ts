/**
 * What the inbound-call webhook reads for every call and that changes rarely: which organization a
 * number belongs to, the business it answers as, and billing's admission (the owner's hard cap).
 * Under a burst of new calls each of these was several database round trips per ring (the webhook's
 * p99 was seconds at 125 calls/s); kept per organization for a few seconds, concurrent rings of one
 * organization share one read. A write to the organization through this node's API drops its entries
 * at once (OrgChanges); another node's write is seen within the lifetime.
 */
export interface TtlCache<V> {
  /** The value under `key`, loaded by `load` when absent or older than the lifetime; one load at a time per key. */
  get(key: string, load: () => Promise<V>): Promise<V>;
  /** Drops every entry `drop` says so of (a load in flight is not reused afterwards). */
  invalidate(drop: (key: string, value: V | undefined) => boolean): void;
  readonly size: number;
}

export function createTtlCache<V>(
  ttlMs: number,
  now: () => number = () => performance.now(),
  maxEntries = 10_000,
): TtlCache<V> {
  const entries = new Map<string, { at: number; value: Promise<V>; settled?: V }>();
  return {
    get(key, load) {
      const t = now();
      const hit = entries.get(key);
      if (hit && t - hit.at < ttlMs) return hit.value;
      if (entries.size >= maxEntries) {
        for (const [k, e] of entries) if (t - e.at >= ttlMs) entries.delete(k);
        if (entries.size >= maxEntries) entries.clear();
      }
      const entry: { at: number; value: Promise<V>; settled?: V } = { at: t, value: load() };
      entries.set(key, entry);
      // a failed read is not kept: the next ring reads again
      entry.value.then(
        (v) => {
          entry.settled = v;
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return entry.value;
    },
    invalidate(drop) {
      for (const [k, e] of entries) if (drop(k, e.settled)) entries.delete(k);
    },
    get size() {
      return entries.size;
    },
  };
}
