// Invariant: our TOTP is RFC 6238's (SHA-1 test vectors of Appendix B), accepts one step of drift,
// and never accepts the same step twice.
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, totpCode, totpStep, verifyTotp } from './totp.js';

const RFC_SECRET = Buffer.from('12345678901234567890');

describe('TOTP', () => {
  it('matches the RFC 6238 Appendix B SHA-1 vectors', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [t, code] of vectors) expect(hotp(RFC_SECRET, Math.floor(t / 30), 8)).toBe(code);
  });

  it('round-trips base32 (RFC 4648 vectors)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode(base32Encode(RFC_SECRET))).toEqual(RFC_SECRET);
  });

  it('accepts the current and neighbouring step, once', () => {
    const secret = base32Encode(RFC_SECRET);
    const at = new Date(1_800_000_000_000);
    const code = totpCode(secret, at);
    expect(verifyTotp(secret, code, at)).toBe(totpStep(at));
    expect(verifyTotp(secret, code, new Date(at.getTime() + 30_000))).toBe(totpStep(at));
    expect(verifyTotp(secret, code, new Date(at.getTime() + 90_000))).toBeNull();
    expect(verifyTotp(secret, code, at, totpStep(at))).toBeNull();
    expect(verifyTotp(secret, '12345', at)).toBeNull();
  });
});
