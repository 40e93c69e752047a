/**
 * Stripe webhook signatures: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`
 * with the endpoint's secret; several v1 entries may be present (secret rotation). A timestamp more
 * than the tolerance away from now (either way) is refused, so a captured request cannot be replayed.
 * https://docs.stripe.com/webhooks#verify-manually
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Stripe's default tolerance. */
export const SIGNATURE_TOLERANCE_SEC = 300;

/** Why a signature was refused (for logs; the caller answers 400 either way). */
export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'stale' };

/** Checks a raw payload against its Stripe-Signature header at `now`. */
export function verifyStripeSignature(
  payload: string,
  header: string | undefined,
  secret: string,
  now: Date,
  toleranceSec = SIGNATURE_TOLERANCE_SEC,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const v1 = parts.filter(([k, v]) => k === 'v1' && v).map(([, v]) => v);
  if (!t || !/^\d+$/.test(t) || v1.length === 0) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secret).update(`${t}.${payload}`).digest();
  const matches = v1.some((hex) => {
    const given = Buffer.from(hex, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) return { ok: false, reason: 'mismatch' };
  if (Math.abs(now.getTime() / 1000 - Number(t)) > toleranceSec) return { ok: false, reason: 'stale' };
  return { ok: true };
}
