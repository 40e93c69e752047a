/** What the booking commands need, passed explicitly (no container). */
import type { Db } from '../../db/index.js';
import type { Clock, Logger } from '../../lib/index.js';
import type { BookingEventSink, BusyTimes, CalendarSync } from '../ports.js';

/** Dependencies of every booking command. */
export interface BookingDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** Connected calendars: busy times read into availability, events written after commit. */
  readonly calendar?: { readonly busy?: BusyTimes; readonly sync?: CalendarSync };
  /** Announces booking facts inside their transaction (the notify outbox). */
  readonly events?: BookingEventSink;
  readonly logger?: Pick<Logger, 'warn'>;
}
