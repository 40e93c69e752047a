/**
 * booking/calendars: Google Calendar and Microsoft 365 over OAuth 2.0 (busy times into availability,
 * appointments mirrored as events with retried sync) and ICS feeds behind secret tokens.
 * `createCalendars` builds it all; booking takes `busy` and `sync`, the HTTP edge takes `connections` and the feed.
 */
import type { Config } from '../../config/index.js';
import { serverSecret, type Db } from '../../db/index.js';
import type { Clock, Logger } from '../../lib/index.js';
import { createBusyTimes, type BusyTimesOptions, type CalendarBusyTimes } from './busy-times.js';
import { createConnections, type Connections } from './connections.js';
import type { CalendarContext } from './context.js';
import { createCredentials } from './credentials.js';
import type { CalendarProviderName } from './errors.js';
import { createGoogleCalendar } from './providers/google.js';
import { createMicrosoftCalendar } from './providers/microsoft.js';
import type { CalendarProvider } from './providers/types.js';
import { createCalendarSync, type CalendarSyncService, type SyncOptions } from './sync.js';
import { createTokenCipher, type TokenCipher } from './token-cipher.js';

export * from './errors.js';
export type { CalendarBusyTimes, BusyTimesOptions } from './busy-times.js';
export type { CalendarSyncService, SyncOptions } from './sync.js';
export type { Connections, IntegrationView, ConnectRequest } from './connections.js';
export type { OAuthState } from './oauth-state.js';
export { STATE_TTL_MS } from './oauth-state.js';
export type { CalendarProvider, EventDraft, ExternalBusy, TokenSet } from './providers/types.js';
export { createTokenCipher, type TokenCipher } from './token-cipher.js';
export { renderCalendar, escapeText, foldLine, icsUtc, type IcsCalendar, type IcsEvent } from './ics.js';
export { resolveFeedToken, renderFeed, feedTokens, staffFeedToken, type FeedOwner } from './feed.js';
export { GOOGLE_SCOPES, googleEventId } from './providers/google.js';
export { MICROSOFT_SCOPES } from './providers/microsoft.js';

/** What `createCalendars` needs: the database, the clock, and the config's OAuth clients and key. */
export interface CalendarsDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Pick<Config, 'google' | 'microsoft' | 'encryptionKey'>;
  readonly logger?: Pick<Logger, 'warn' | 'info'>;
  readonly options?: BusyTimesOptions & SyncOptions;
}

/** The calendars, wired: ports for booking, operations for the HTTP edge, and the sync worker. */
export interface Calendars {
  /** The BusyTimes port (pass as `calendar.busy` to booking). */
  readonly busy: CalendarBusyTimes;
  /** The CalendarSync port and its worker (pass as `calendar.sync`; `start()` it, `stop()` on shutdown). */
  readonly sync: CalendarSyncService;
  readonly connections: Connections;
  readonly db: Db;
  readonly clock: Clock;
  /** Providers this server can connect (those with OAuth credentials). */
  readonly configured: readonly CalendarProviderName[];
}

/**
 * Builds the calendars. Tokens are sealed with `config.encryptionKey`, else with a key generated once
 * and kept as a server secret, so every node opens what another sealed.
 */
export function createCalendars(deps: CalendarsDeps): Calendars {
  const { db, clock, config } = deps;
  const providers: Partial<Record<CalendarProviderName, CalendarProvider>> = {};
  if (config.google) providers.google = createGoogleCalendar(config.google, clock);
  if (config.microsoft) providers.microsoft = createMicrosoftCalendar(config.microsoft, clock);
  let cipher: Promise<TokenCipher> | undefined;
  let stateKey: Promise<string> | undefined;
  const ctx: CalendarContext = {
    db,
    clock,
    providers,
    logger: deps.logger,
    cipher: () => (cipher ??= serverSecret(db, 'encryption', config.encryptionKey).then(createTokenCipher)),
  };
  const creds = createCredentials(ctx);
  const busy = createBusyTimes(ctx, creds, deps.options);
  const sync = createCalendarSync(ctx, creds, busy, deps.options);
  const connections = createConnections(
    ctx,
    () => (stateKey ??= serverSecret(db, 'oauth-state', undefined)),
    busy,
    sync,
  );
  return { busy, sync, connections, db, clock, configured: Object.keys(providers) as CalendarProviderName[] };
}
