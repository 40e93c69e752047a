/**
 * The OAuth `state` parameter: who started connecting which provider, signed (HMAC-SHA256) and
 * short-lived, so a callback cannot be forged or replayed into another organization.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CalendarProviderName } from './errors.js';
import { oauthStateInvalid } from './errors.js';

/** What the callback needs to finish the connection. */
export interface OAuthState {
  readonly organizationId: string;
  readonly userId: string;
  readonly provider: CalendarProviderName;
  readonly staffId: string | null;
  /** The exact redirect_uri sent to the provider; the token request must repeat it. */
  readonly redirectUri: string;
  /** A path of the dashboard to return to, or null to answer JSON. */
  readonly returnTo: string | null;
  /**
   * SHA-256 (base64url) of the nonce in the starting browser's HttpOnly cookie: the callback finishes
   * only in that browser, and only once (the route claims it), so a state lured into another
   * browser, or replayed, connects nothing.
   */
  readonly binding: string;
}

/** Ten minutes: long enough to pick an account and consent, short enough to be useless later. */
export const STATE_TTL_MS = 10 * 60_000;

const mac = (key: string, body: string) => createHmac('sha256', key).update(body).digest('base64url');

/** Signs a state valid until `now + STATE_TTL_MS`. */
export function signState(key: string, s: OAuthState, now: Date): string {
  const body = Buffer.from(
    JSON.stringify({ ...s, exp: now.getTime() + STATE_TTL_MS, n: randomBytes(8).toString('base64url') }),
  ).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** Verifies signature, expiry and provider; throws OAUTH_STATE_INVALID otherwise. */
export function verifyState(key: string, token: string, provider: CalendarProviderName, now: Date): OAuthState {
  const [body, sig] = token.split('.');
  if (!body || !sig) throw oauthStateInvalid('malformed');
  const want = Buffer.from(mac(key, body));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) throw oauthStateInvalid('bad signature');
  const s = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as OAuthState & { exp: number };
  if (s.exp < now.getTime()) throw oauthStateInvalid('expired');
  if (s.provider !== provider) throw oauthStateInvalid('issued for another provider');
  return {
    organizationId: s.organizationId,
    userId: s.userId,
    provider: s.provider,
    staffId: s.staffId,
    redirectUri: s.redirectUri,
    returnTo: s.returnTo,
    binding: s.binding ?? '',
  };
}
