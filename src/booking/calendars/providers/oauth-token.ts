/** The OAuth 2.0 token endpoint (RFC 6749 §4.1.3 and §6), the same for Google and Microsoft. */
import type { Clock } from '../../../lib/index.js';
import { CalendarApiError, type CalendarProviderName } from '../errors.js';
import { providerFetch } from './http.js';
import type { TokenSet } from './types.js';

/** The token endpoint's JSON answer (RFC 6749 §5.1); Microsoft adds `ext_expires_in`, Google `id_token`. */
export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
  id_token?: string;
}

/** POSTs a grant; a refused grant (`invalid_grant`, 400/401) is an auth failure no retry can fix. */
export async function requestToken(
  provider: CalendarProviderName,
  url: string,
  form: Record<string, string>,
  clock: Clock,
  signal?: AbortSignal,
): Promise<TokenSet & { raw: TokenResponse }> {
  let body: TokenResponse;
  try {
    body = (await providerFetch<TokenResponse>(provider, url, { form, signal })).body;
  } catch (e) {
    if (e instanceof CalendarApiError && (e.status === 400 || e.status === 401)) {
      throw new CalendarApiError(provider, e.message.replace(`${provider}: `, ''), {
        status: e.status,
        retryable: false,
        auth: true,
      });
    }
    throw e;
  }
  if (!body?.access_token)
    throw new CalendarApiError(provider, 'token endpoint answered without access_token', { retryable: false });
  // An hour is both providers' default lifetime when `expires_in` is left out.
  const ttlSec = Number(body.expires_in ?? 3600);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    expiresAt: new Date(clock.now().getTime() + ttlSec * 1000),
    raw: body,
  };
}

/** The `email` claim of an OpenID id_token received straight from the token endpoint (OIDC §3.1.3.7 lets TLS stand in for the signature). */
export function emailFromIdToken(idToken: string | undefined): string | null {
  const payload = idToken?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { email?: unknown };
    return typeof claims.email === 'string' ? claims.email : null;
  } catch {
    return null;
  }
}
