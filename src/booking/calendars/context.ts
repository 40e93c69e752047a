/** What every part of the calendars shares: the database, the clock, the provider clients and the token cipher. */
import type { Db } from '../../db/index.js';
import type { Clock, Logger } from '../../lib/index.js';
import type { CalendarProviderName } from './errors.js';
import type { CalendarProvider } from './providers/types.js';
import type { TokenCipher } from './token-cipher.js';

/** The calendars' dependencies, built once by `createCalendars`. */
export interface CalendarContext {
  readonly db: Db;
  readonly clock: Clock;
  /** Only the providers the server has OAuth clients for. */
  readonly providers: Partial<Record<CalendarProviderName, CalendarProvider>>;
  /** Resolved lazily: the key may live in the database (a server secret). */
  readonly cipher: () => Promise<TokenCipher>;
  readonly logger?: Pick<Logger, 'warn' | 'info'>;
}
