/** The calendars' error catalog: failures of a calendar provider, and the integration routes' refusals. */
import { AppError } from '../../lib/index.js';

/** Calendar providers we connect to. */
export type CalendarProviderName = 'google' | 'microsoft';
/** Every provider, for validation and listings. */
export const CALENDAR_PROVIDERS: readonly CalendarProviderName[] = ['google', 'microsoft'];

/**
 * A calendar API or token endpoint answered with an error (or not at all). `retryable` follows the
 * project rule: 5xx, network failures and timeouts are transient, a 4xx is not except 408 and 429;
 * `auth` marks a credential that no refresh can fix (the owner must connect again).
 */
export class CalendarApiError extends Error {
  readonly provider: CalendarProviderName;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly auth: boolean;

  constructor(
    provider: CalendarProviderName,
    message: string,
    o: { status?: number; retryable?: boolean; auth?: boolean } = {},
  ) {
    super(`${provider}: ${message}`);
    this.name = 'CalendarApiError';
    this.provider = provider;
    this.status = o.status;
    this.retryable = o.retryable ?? (o.status === undefined || o.status >= 500 || [408, 429].includes(o.status));
    this.auth = o.auth ?? false;
  }
}

/** Codes raised by the integrations routes. */
export const CALENDAR_ERROR_CODES = {
  INTEGRATION_NOT_CONFIGURED: 422,
  OAUTH_STATE_INVALID: 400,
  OAUTH_FAILED: 502,
} as const;

/** The server has no OAuth client for this provider (GOOGLE_CLIENT_ID / MS_CLIENT_ID not set). */
export function integrationNotConfigured(provider: CalendarProviderName): AppError {
  return new AppError(
    'INTEGRATION_NOT_CONFIGURED',
    `${provider} is not configured on this server (set its OAuth client id and secret)`,
    422,
  );
}

/** The OAuth `state` is missing, forged, expired or for another provider. */
export function oauthStateInvalid(why: string): AppError {
  return new AppError('OAUTH_STATE_INVALID', `the connection link is not valid (${why}); start connecting again`, 400);
}

/** The provider refused to exchange the code, or was unreachable. */
export function oauthFailed(provider: CalendarProviderName, why: string): AppError {
  return new AppError('OAUTH_FAILED', `${provider} did not complete the connection: ${why}`, 502);
}
