/**
 * Per-user token versions: every access token carries the version of its user at signing, and each
 * request compares it with the current one. The database holds the truth; each node caches a version
 * for `cacheSec` (30 s, so a change reaches every node well within the promised 60 s), and the live
 * store (Redis when configured) shares fresh reads between nodes so they do not all ask the database.
 */
import { eq, sql } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '../../db/index.js';
import type { LiveStore } from '../../live/index.js';
import type { Clock } from '../../lib/index.js';

/** What the access-token check asks: the user's current version, or null when the user is gone. */
export interface TokenVersions {
  current(userId: string): Promise<number | null>;
  /** After a committed change (role, password, removal): this node and the shared store forget the old version at once. */
  changed(userId: string): Promise<void>;
}

/** How long a node trusts a version it read; the bound on how late another node notices a change. */
export const TOKEN_VERSION_CACHE_SEC = 30;
const GONE = 'gone';
const key = (userId: string) => `token-version:${userId}`;

/** Raises a user's token version inside `tx`: every access token signed before stops working. */
export async function bumpTokenVersion(tx: Queryable, userId: string): Promise<void> {
  await tx
    .update(schema.users)
    .set({ tokenVersion: sql`${schema.users.tokenVersion} + 1` })
    .where(eq(schema.users.id, userId));
}

/** Token versions over the database, a node-local cache on `clock`, and the shared live store. */
export function createTokenVersions(deps: { db: Db; live: LiveStore; clock: Clock; cacheSec?: number }): TokenVersions {
  const cacheMs = (deps.cacheSec ?? TOKEN_VERSION_CACHE_SEC) * 1000;
  const local = new Map<string, { version: number | null; until: number }>();
  // Only a shared store helps: the in-memory one is this node's alone, and the local cache already covers it.
  const shared = deps.live.kind === 'redis' ? deps.live : null;
  const read = async (userId: string): Promise<number | null> => {
    const known = shared ? await shared.getValue(key(userId)) : null;
    if (known !== null) return known === GONE ? null : Number(known);
    const [row] = await deps.db
      .select({ v: schema.users.tokenVersion })
      .from(schema.users)
      .where(eq(schema.users.id, userId));
    const version = row ? row.v : null;
    // Half the local window: a read racing a change can leave a stale shared value, never for longer
    // than this, so the worst case stays 30 s + 15 s, inside the 60 s promise.
    await shared?.setValue(
      key(userId),
      version === null ? GONE : String(version),
      Math.max(1, Math.floor(cacheMs / 2000)),
    );
    return version;
  };
  return {
    async current(userId) {
      const now = deps.clock.now().getTime();
      const hit = local.get(userId);
      if (hit && hit.until > now) return hit.version;
      const version = await read(userId);
      // Bounded: an entry per user seen recently; expired ones are dropped as the map grows.
      if (local.size > 10_000) for (const [k, v] of local) if (v.until <= now) local.delete(k);
      local.set(userId, { version, until: now + cacheMs });
      return version;
    },
    async changed(userId) {
      local.delete(userId);
      await shared?.deleteValue(key(userId));
    },
  };
}
