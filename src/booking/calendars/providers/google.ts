/**
 * Google Calendar API v3 over OAuth 2.0: authorization-code flow with offline access, freeBusy for
 * busy times, events insert / patch / delete. https://developers.google.com/calendar/api/v3/reference
 */
import type { Clock } from '../../../lib/index.js';
import { CalendarApiError } from '../errors.js';
import { providerFetch } from './http.js';
import { emailFromIdToken, requestToken } from './oauth-token.js';
import type { CalendarProvider, EventDraft, ExternalBusy } from './types.js';

/** The server's Google OAuth client and endpoints (config.google). */
export interface GoogleSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly oauthBase: string;
  readonly authUrl: string;
  readonly calendarBase: string;
}

/** Write our own events and read free/busy; `openid email` names the connected account. */
export const GOOGLE_SCOPES = [
  'openid',
  'email',
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.freebusy',
];

/**
 * Google lets the client choose an event id (base32hex: a–v, 0–9, 5–1024 chars). Ours is derived
 * from the appointment id, so a create retried after a lost answer collides (409) instead of duplicating.
 */
export const googleEventId = (appointmentId: string): string => `io${appointmentId.replaceAll('-', '').toLowerCase()}`;

function eventBody(e: EventDraft) {
  return {
    summary: e.title,
    description: e.description,
    ...(e.location ? { location: e.location } : {}),
    start: { dateTime: e.start.toISOString(), timeZone: e.timeZone },
    end: { dateTime: e.end.toISOString(), timeZone: e.timeZone },
    status: 'confirmed',
    transparency: 'opaque',
    extendedProperties: { private: { infiniofficeAppointmentId: e.appointmentId } },
  };
}

/** The Google Calendar provider. */
export function createGoogleCalendar(s: GoogleSettings, clock: Clock): CalendarProvider {
  const api = s.calendarBase.replace(/\/$/, '');
  const tokenUrl = `${s.oauthBase.replace(/\/$/, '')}/token`;
  const events = (calendarId: string | null) =>
    `${api}/calendars/${encodeURIComponent(calendarId ?? 'primary')}/events`;
  return {
    name: 'google',
    authorizationUrl(state, redirectUri) {
      const q = new URLSearchParams({
        client_id: s.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: GOOGLE_SCOPES.join(' '),
        // offline + consent: Google sends a refresh token only on a consented offline grant.
        access_type: 'offline',
        prompt: 'consent',
        include_granted_scopes: 'true',
        state,
      });
      return `${s.authUrl}?${q}`;
    },
    async exchangeCode(code, redirectUri, signal) {
      const t = await requestToken(
        'google',
        tokenUrl,
        {
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          client_id: s.clientId,
          client_secret: s.clientSecret,
        },
        clock,
        signal,
      );
      if (!t.refreshToken)
        throw new CalendarApiError('google', 'no refresh token was granted (offline access refused)', {
          retryable: false,
          auth: true,
        });
      return {
        accessToken: t.accessToken,
        refreshToken: t.refreshToken,
        expiresAt: t.expiresAt,
        accountEmail: emailFromIdToken(t.raw.id_token),
        calendarId: 'primary',
      };
    },
    async refresh(refreshToken, signal) {
      const t = await requestToken(
        'google',
        tokenUrl,
        {
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: s.clientId,
          client_secret: s.clientSecret,
        },
        clock,
        signal,
      );
      return { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expiresAt };
    },
    async revoke(token) {
      await providerFetch('google', `${s.oauthBase.replace(/\/$/, '')}/revoke`, { form: { token } }).catch(
        () => undefined,
      );
    },
    async busy(token, calendarId, from, to, signal): Promise<ExternalBusy[]> {
      const id = calendarId ?? 'primary';
      const { body } = await providerFetch<{
        calendars?: Record<string, { busy?: { start: string; end: string }[]; errors?: { reason: string }[] }>;
      }>('google', `${api}/freeBusy`, {
        token,
        signal,
        json: { timeMin: from.toISOString(), timeMax: to.toISOString(), items: [{ id }] },
      });
      const cal = body.calendars?.[id];
      if (!cal) throw new CalendarApiError('google', `freeBusy answered without calendar ${id}`);
      if (cal.errors?.length)
        throw new CalendarApiError('google', `freeBusy: ${cal.errors.map((e) => e.reason).join(', ')}`, {
          retryable: cal.errors.some((e) => e.reason === 'backendError'),
        });
      return (cal.busy ?? []).map((b) => ({ start: new Date(b.start), end: new Date(b.end) }));
    },
    async createEvent(token, calendarId, e, signal) {
      const id = googleEventId(e.appointmentId);
      const r = await providerFetch<{ id: string }>('google', events(calendarId), {
        token,
        signal,
        json: { id, ...eventBody(e) },
        accept: [409],
      });
      if (r.status !== 409) return r.body.id;
      // The id exists: our earlier create went through, or the event was cancelled since; bring it back in line.
      await providerFetch('google', `${events(calendarId)}/${id}`, {
        method: 'PATCH',
        token,
        signal,
        json: eventBody(e),
      });
      return id;
    },
    async updateEvent(token, calendarId, eventId, e, signal) {
      await providerFetch('google', `${events(calendarId)}/${encodeURIComponent(eventId)}`, {
        method: 'PATCH',
        token,
        signal,
        json: eventBody(e),
      });
    },
    async deleteEvent(token, calendarId, eventId, signal) {
      // 410 Gone: already deleted; 404: never there (or removed by the owner). Either way the goal holds.
      await providerFetch('google', `${events(calendarId)}/${encodeURIComponent(eventId)}`, {
        method: 'DELETE',
        token,
        signal,
        accept: [404, 410],
      });
    },
  };
}
