import { describe, expect, it } from 'vitest';
import { createTtlCache } from './webhook-cache.js';

describe('the inbound webhook cache', () => {
  it('a burst of rings of one organization reads the database once; the next read comes after the lifetime', async () => {
    let t = 0;
    let reads = 0;
    const cache = createTtlCache<string>(5_000, () => t);
    const load = async () => {
      reads++;
      await new Promise((r) => setTimeout(r, 5));
      return `business v${reads}`;
    };
    const burst = await Promise.all(Array.from({ length: 50 }, () => cache.get('org-1', load)));
    expect(new Set(burst)).toEqual(new Set(['business v1']));
    expect(reads).toBe(1);
    t = 4_999;
    expect(await cache.get('org-1', load)).toBe('business v1');
    t = 5_000;
    expect(await cache.get('org-1', load)).toBe('business v2');
    expect(reads).toBe(2);
  });

  it('a change drops the organization at once, and a failed read is not kept', async () => {
    const cache = createTtlCache<string | null>(5_000, () => 0);
    let owner: string | null = null;
    expect(await cache.get('+13125550100', async () => owner)).toBeNull();
    owner = 'org-2';
    // the number was connected: entries of unknown numbers and of the organization are dropped
    cache.invalidate((_k, v) => v === 'org-2' || v == null);
    expect(await cache.get('+13125550100', async () => owner)).toBe('org-2');
    await expect(
      cache.get('other', async () => {
        throw new Error('database away');
      }),
    ).rejects.toThrow('database away');
    expect(await cache.get('other', async () => 'org-3')).toBe('org-3');
  });
});
