import type { LiveStore } from '../../live/index.js';
import { errors } from '../../lib/index.js';

/** Throws 429 (with Retry-After) once `key` was hit more than `limit` times in the window. */
export async function enforceLimit(live: LiveStore, key: string, limit: number, windowSec: number): Promise<void> {
  const { count, resetSec } = await live.hit(key, windowSec);
  if (count > limit) throw errors.rateLimited(resetSec);
}
