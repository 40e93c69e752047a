// Invariant: an access token proves exactly what was signed, only until it expires, and only with our key.
import { describe, expect, it } from 'vitest';
import { createAccessTokens } from './tokens.js';

const p = { userId: 'u1', organizationId: 'o1', role: 'operator' as const };

describe('access tokens', () => {
  it('round-trips the principal', async () => {
    const t = createAccessTokens('k'.repeat(32), 900);
    expect(await t.verify(await t.sign(p))).toEqual(p);
  });

  it('refuses an expired token', async () => {
    let now = Date.UTC(2026, 0, 1);
    const t = createAccessTokens('k'.repeat(32), 900, () => now);
    const token = await t.sign(p);
    now += 899_000;
    await expect(t.verify(token)).resolves.toEqual(p);
    now += 2_000;
    await expect(t.verify(token)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses another key, a changed payload and alg confusion', async () => {
    const t = createAccessTokens('k'.repeat(32), 900);
    const token = await t.sign(p);
    await expect(createAccessTokens('x'.repeat(32), 900).verify(token)).rejects.toMatchObject({ status: 401 });
    const [h, body, sig] = token.split('.');
    const raised = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), role: 'admin' }),
    ).toString('base64url');
    await expect(t.verify(`${h}.${raised}.${sig}`)).rejects.toMatchObject({ status: 401 });
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expect(t.verify(`${none}.${body}.`)).rejects.toMatchObject({ status: 401 });
  });
});
