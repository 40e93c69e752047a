/** What every calendar provider (Google, Microsoft) does for us, in our terms. */
import type { CalendarProviderName } from '../errors.js';

/** Tokens from a token endpoint; `refreshToken` is absent when the provider keeps the old one. */
export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly expiresAt: Date;
}

/** The account a code exchange connected. */
export interface Connected extends TokenSet {
  readonly accountEmail: string | null;
  /** The calendar events go to and busy times come from (`primary` on Google; null: Graph's default). */
  readonly calendarId: string | null;
}

/** An interval the external calendar is busy; `eventId` when the provider names the event. */
export interface ExternalBusy {
  readonly start: Date;
  readonly end: Date;
  readonly eventId?: string;
}

/** The event we write for an appointment. */
export interface EventDraft {
  /** Our appointment id; providers derive an idempotency key from it, so a retried create never duplicates. */
  readonly appointmentId: string;
  readonly title: string;
  readonly description: string;
  readonly location: string | null;
  readonly start: Date;
  readonly end: Date;
  /** IANA zone of the business, for how the provider shows the event. */
  readonly timeZone: string;
}

/** A provider client; every call takes the current access token and an optional abort signal. */
export interface CalendarProvider {
  readonly name: CalendarProviderName;
  authorizationUrl(state: string, redirectUri: string): string;
  exchangeCode(code: string, redirectUri: string, signal?: AbortSignal): Promise<Connected>;
  /** Throws CalendarApiError with `auth: true` when the refresh token was revoked or expired. */
  refresh(refreshToken: string, signal?: AbortSignal): Promise<TokenSet>;
  /** Best effort: tells the provider to forget the grant. */
  revoke(token: string): Promise<void>;
  busy(token: string, calendarId: string | null, from: Date, to: Date, signal?: AbortSignal): Promise<ExternalBusy[]>;
  /** Creates the event (idempotently per appointment) and answers its id. */
  createEvent(token: string, calendarId: string | null, e: EventDraft, signal?: AbortSignal): Promise<string>;
  updateEvent(
    token: string,
    calendarId: string | null,
    eventId: string,
    e: EventDraft,
    signal?: AbortSignal,
  ): Promise<void>;
  /** Deleting an event that is already gone succeeds. */
  deleteEvent(token: string, calendarId: string | null, eventId: string, signal?: AbortSignal): Promise<void>;
}
