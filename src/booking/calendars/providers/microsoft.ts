/**
 * Microsoft 365 calendars over Microsoft Graph v1.0 and the identity platform's v2.0 OAuth endpoints:
 * calendarView for busy times, POST /me/events, PATCH / DELETE /me/events/{id}.
 * https://learn.microsoft.com/graph/api/user-list-calendarview, …/user-post-events, …/event-update
 */
import type { Clock } from '../../../lib/index.js';
import { CalendarApiError } from '../errors.js';
import { providerFetch } from './http.js';
import { requestToken } from './oauth-token.js';
import type { CalendarProvider, EventDraft, ExternalBusy } from './types.js';

/** The server's Microsoft OAuth client and endpoints (config.microsoft). */
export interface MicrosoftSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenant: string;
  readonly loginBase: string;
  readonly graphBase: string;
}

/** offline_access yields a refresh token; User.Read names the account. */
export const MICROSOFT_SCOPES = ['offline_access', 'User.Read', 'Calendars.ReadWrite'];

/** Graph's dateTimeTimeZone: a wall time without offset plus a zone; we always speak UTC. */
const graphTime = (d: Date) => ({ dateTime: d.toISOString().slice(0, 23), timeZone: 'UTC' });
/** Reads a dateTimeTimeZone answered in UTC (we ask with `Prefer: outlook.timezone="UTC"`). */
const fromGraphTime = (t: { dateTime: string; timeZone?: string }) =>
  new Date(/[zZ]|[+-]\d\d:\d\d$/.test(t.dateTime) ? t.dateTime : `${t.dateTime}Z`);

function eventBody(e: EventDraft) {
  return {
    subject: e.title,
    body: { contentType: 'text', content: e.description },
    start: graphTime(e.start),
    end: graphTime(e.end),
    ...(e.location ? { location: { displayName: e.location } } : {}),
    showAs: 'busy',
  };
}

interface GraphEvent {
  id: string;
  showAs?: string;
  isCancelled?: boolean;
  start: { dateTime: string; timeZone?: string };
  end: { dateTime: string; timeZone?: string };
}

/** The Microsoft Graph calendar provider. */
export function createMicrosoftCalendar(s: MicrosoftSettings, clock: Clock): CalendarProvider {
  const graph = s.graphBase.replace(/\/$/, '');
  const oauth = `${s.loginBase.replace(/\/$/, '')}/${encodeURIComponent(s.tenant)}/oauth2/v2.0`;
  const scope = MICROSOFT_SCOPES.join(' ');
  const calendar = (id: string | null) =>
    id ? `${graph}/me/calendars/${encodeURIComponent(id)}` : `${graph}/me/calendar`;
  const tokenForm = { client_id: s.clientId, client_secret: s.clientSecret, scope };
  return {
    name: 'microsoft',
    authorizationUrl(state, redirectUri) {
      const q = new URLSearchParams({
        client_id: s.clientId,
        response_type: 'code',
        redirect_uri: redirectUri,
        response_mode: 'query',
        scope,
        state,
        prompt: 'select_account',
      });
      return `${oauth}/authorize?${q}`;
    },
    async exchangeCode(code, redirectUri, signal) {
      const t = await requestToken(
        'microsoft',
        `${oauth}/token`,
        { ...tokenForm, grant_type: 'authorization_code', code, redirect_uri: redirectUri },
        clock,
        signal,
      );
      if (!t.refreshToken)
        throw new CalendarApiError('microsoft', 'no refresh token was granted (offline_access refused)', {
          retryable: false,
          auth: true,
        });
      const me = await providerFetch<{ mail?: string | null; userPrincipalName?: string }>(
        'microsoft',
        `${graph}/me?$select=mail,userPrincipalName`,
        { token: t.accessToken, signal },
      );
      return {
        accessToken: t.accessToken,
        refreshToken: t.refreshToken,
        expiresAt: t.expiresAt,
        accountEmail: me.body.mail ?? me.body.userPrincipalName ?? null,
        calendarId: null,
      };
    },
    async refresh(refreshToken, signal) {
      // Microsoft rotates refresh tokens: the answer carries a new one that replaces the old.
      const t = await requestToken(
        'microsoft',
        `${oauth}/token`,
        { ...tokenForm, grant_type: 'refresh_token', refresh_token: refreshToken },
        clock,
        signal,
      );
      return { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expiresAt };
    },
    async revoke() {
      // The identity platform has no token revocation endpoint for delegated grants; forgetting the tokens is all we can do.
    },
    async busy(token, calendarId, from, to, signal): Promise<ExternalBusy[]> {
      const q = new URLSearchParams({
        startDateTime: from.toISOString(),
        endDateTime: to.toISOString(),
        $select: 'showAs,isCancelled,start,end',
        $top: '250',
      });
      let url: string | undefined = `${calendar(calendarId)}/calendarView?${q}`;
      const out: ExternalBusy[] = [];
      // Follow @odata.nextLink: a busy week can span several pages.
      for (let page = 0; url && page < 20; page++) {
        const r: { body: { value: GraphEvent[]; '@odata.nextLink'?: string } } = await providerFetch('microsoft', url, {
          token,
          signal,
          headers: { prefer: 'outlook.timezone="UTC"' },
        });
        for (const e of r.body.value ?? []) {
          if (e.isCancelled || e.showAs === 'free' || e.showAs === 'workingElsewhere') continue;
          out.push({ start: fromGraphTime(e.start), end: fromGraphTime(e.end), eventId: e.id });
        }
        url = r.body['@odata.nextLink'];
      }
      return out;
    },
    async createEvent(token, calendarId, e, signal) {
      // transactionId makes Graph answer the existing event when a create is retried after a lost answer.
      const r = await providerFetch<{ id: string }>(
        'microsoft',
        `${calendarId ? calendar(calendarId) : `${graph}/me`}/events`,
        { token, signal, json: { ...eventBody(e), transactionId: e.appointmentId } },
      );
      return r.body.id;
    },
    async updateEvent(token, _calendarId, eventId, e, signal) {
      await providerFetch('microsoft', `${graph}/me/events/${encodeURIComponent(eventId)}`, {
        method: 'PATCH',
        token,
        signal,
        json: eventBody(e),
      });
    },
    async deleteEvent(token, _calendarId, eventId, signal) {
      await providerFetch('microsoft', `${graph}/me/events/${encodeURIComponent(eventId)}`, {
        method: 'DELETE',
        token,
        signal,
        accept: [404],
      });
    },
  };
}
