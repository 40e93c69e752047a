// Invariant: tokens at rest are unreadable and tamper-evident, and an OAuth state cannot be forged, reused across providers, or used late.
import { describe, expect, it } from 'vitest';
import { createTokenCipher } from './token-cipher.js';
import { signState, STATE_TTL_MS, verifyState, type OAuthState } from './oauth-state.js';

const KEY = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

describe('token cipher (AES-256-GCM)', () => {
  it('seals to text that does not contain the token and opens back to it; the same token seals differently each time', () => {
    const c = createTokenCipher(KEY);
    const s1 = c.seal('ya29.secret-access-token');
    const s2 = c.seal('ya29.secret-access-token');
    expect(s1).not.toContain('secret');
    expect(s1).not.toBe(s2);
    expect(c.open(s1)).toBe('ya29.secret-access-token');
  });

  it('refuses a value altered by one character or sealed under another key', () => {
    const sealed = createTokenCipher(KEY).seal('refresh-token');
    const parts = sealed.split('.');
    const body = parts[3];
    parts[3] = (body[0] === 'A' ? 'B' : 'A') + body.slice(1);
    expect(() => createTokenCipher(KEY).open(parts.join('.'))).toThrow();
    expect(() => createTokenCipher(OTHER).open(sealed)).toThrow();
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => createTokenCipher('abcd')).toThrow(/32 bytes/);
  });
});

describe('OAuth state', () => {
  const state: OAuthState = {
    organizationId: 'org-1',
    userId: 'u-1',
    provider: 'google',
    staffId: null,
    redirectUri: 'http://x/api/integrations/google/callback',
    returnTo: '/settings',
    binding: 'b1',
  };
  const now = new Date('2026-04-06T12:00:00Z');

  it('verifies what it signed', () => {
    expect(verifyState('k', signState('k', state, now), 'google', now)).toEqual(state);
  });

  it('refuses a changed payload, another key, another provider, and an expired state', () => {
    const token = signState('k', state, now);
    const [body, sig] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), organizationId: 'org-2' }),
    ).toString('base64url');
    expect(() => verifyState('k', `${forged}.${sig}`, 'google', now)).toThrow(/signature/);
    expect(() => verifyState('other', token, 'google', now)).toThrow(/signature/);
    expect(() => verifyState('k', token, 'microsoft', now)).toThrow(/another provider/);
    expect(() => verifyState('k', token, 'google', new Date(now.getTime() + STATE_TTL_MS + 1))).toThrow(/expired/);
    expect(() => verifyState('k', 'garbage', 'google', now)).toThrow(/malformed/);
  });
});
