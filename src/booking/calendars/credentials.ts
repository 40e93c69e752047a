/**
 * A valid access token for an integration: the stored one while it has a minute left, else a refresh
 * (one at a time per integration), and one forced refresh when the provider answers 401 anyway.
 */
import type { CalendarContext } from './context.js';
import { CalendarApiError, type CalendarProviderName } from './errors.js';
import type { CalendarProvider } from './providers/types.js';
import { findIntegration, markIntegration, saveTokens, type IntegrationRow } from './repository.js';

/** Refresh this long before expiry, so a token never dies mid-request. */
const EARLY_REFRESH_MS = 60_000;

/** Runs provider calls with a fresh access token. */
export interface Credentials {
  /** Calls `fn` with a valid token; on 401 refreshes once and calls again. Auth failures mark the integration `reauth_required`. */
  withAccess<T>(row: IntegrationRow, fn: (token: string, provider: CalendarProvider) => Promise<T>): Promise<T>;
}

/** Builds the token keeper over the context. */
export function createCredentials(ctx: CalendarContext): Credentials {
  const refreshing = new Map<string, Promise<string>>();

  function providerOf(row: IntegrationRow): CalendarProvider {
    const p = ctx.providers[row.provider as CalendarProviderName];
    if (!p)
      throw new CalendarApiError(row.provider as CalendarProviderName, 'not configured on this server', {
        retryable: false,
      });
    return p;
  }

  async function refresh(row: IntegrationRow): Promise<string> {
    const cipher = await ctx.cipher();
    // Re-read: another request (or node) may have refreshed, and Microsoft rotates refresh tokens.
    const current = (await findIntegration(ctx.db, row.organizationId, row.provider as CalendarProviderName)) ?? row;
    if (!current.refreshTokenEnc)
      throw new CalendarApiError(row.provider as CalendarProviderName, 'no refresh token stored', {
        retryable: false,
        auth: true,
      });
    try {
      const t = await providerOf(current).refresh(cipher.open(current.refreshTokenEnc));
      await saveTokens(ctx.db, current.id, {
        accessTokenEnc: cipher.seal(t.accessToken),
        refreshTokenEnc: t.refreshToken ? cipher.seal(t.refreshToken) : null,
        tokenExpiresAt: t.expiresAt,
      });
      return t.accessToken;
    } catch (e) {
      if (e instanceof CalendarApiError && e.auth)
        await markIntegration(ctx.db, current.id, 'reauth_required', e.message);
      throw e;
    }
  }

  function refreshOnce(row: IntegrationRow): Promise<string> {
    let p = refreshing.get(row.id);
    if (!p) {
      p = refresh(row).finally(() => refreshing.delete(row.id));
      refreshing.set(row.id, p);
    }
    return p;
  }

  async function token(row: IntegrationRow): Promise<string> {
    const fresh =
      row.accessTokenEnc &&
      row.tokenExpiresAt &&
      row.tokenExpiresAt.getTime() - EARLY_REFRESH_MS > ctx.clock.now().getTime();
    if (fresh) return (await ctx.cipher()).open(row.accessTokenEnc!);
    return refreshOnce(row);
  }

  return {
    async withAccess(row, fn) {
      const provider = providerOf(row);
      try {
        return await fn(await token(row), provider);
      } catch (e) {
        if (!(e instanceof CalendarApiError) || e.status !== 401) throw e;
        return fn(await refreshOnce(row), provider);
      }
    },
  };
}
