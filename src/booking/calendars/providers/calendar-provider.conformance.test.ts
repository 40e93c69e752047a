// Invariant: every CalendarProvider (Google, Microsoft) keeps one contract against its vendor's
// protocol (the local fakes in test/fakes): connecting yields a refresh token and the account, our
// events block time and follow moves and cancellations, a retried create never duplicates, the
// owner's own busy events count and free ones do not, a revoked grant is an auth error, an outage a
// retryable one.
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../lib/index.js';
import { startFakeGoogle, type FakeGoogle } from '../../../../test/fakes/google-calendar.js';
import { startFakeGraph, type FakeGraph } from '../../../../test/fakes/ms-graph.js';
import { CalendarApiError } from '../errors.js';
import { createGoogleCalendar } from './google.js';
import { createMicrosoftCalendar } from './microsoft.js';
import type { CalendarProvider, EventDraft } from './types.js';

const NOW = new Date('2030-04-08T15:00:00Z');
const clock = fixedClock(NOW);
const REDIRECT = 'http://127.0.0.1:1/api/integrations/callback';

/** One provider against its fake, with what the suite needs to see in the vendor's calendar. */
interface Subject {
  provider: CalendarProvider;
  account: string;
  /** Our events still in the owner's calendar (not cancelled). */
  liveEvents(): Array<{ id: string; start: number; end: number; title: string | undefined }>;
  /** The owner adds an event of their own; `free`: shown as free / transparent. */
  addOwnEvent(start: Date, end: Date, free?: boolean): void;
  expireAccessTokens(): void;
  revokeGrants(): void;
  setDown(down: boolean): void;
  close(): Promise<void>;
}

const implementations: Array<{ name: string; make: () => Promise<Subject> }> = [
  {
    name: 'Google',
    make: async () => {
      const fake: FakeGoogle = await startFakeGoogle();
      const e = fake.env;
      const provider = createGoogleCalendar(
        {
          clientId: e.GOOGLE_CLIENT_ID,
          clientSecret: e.GOOGLE_CLIENT_SECRET,
          oauthBase: e.GOOGLE_OAUTH_BASE,
          authUrl: e.GOOGLE_AUTH_URL,
          calendarBase: e.GOOGLE_CALENDAR_BASE,
        },
        clock,
      );
      return {
        provider,
        account: fake.account,
        liveEvents: () =>
          fake
            .liveEvents()
            .filter((ev) => ev.extendedProperties?.private?.infiniofficeAppointmentId)
            .map((ev) => ({
              id: ev.id,
              start: Date.parse(ev.start.dateTime),
              end: Date.parse(ev.end.dateTime),
              title: ev.summary,
            })),
        addOwnEvent: (start, end, free) => {
          fake.addExternalEvent(start, end, { transparent: free });
        },
        expireAccessTokens: () => fake.expireAccessTokens(),
        revokeGrants: () => fake.revokeGrants(),
        setDown: (down) => {
          fake.down = down;
        },
        close: () => fake.close(),
      };
    },
  },
  {
    name: 'Microsoft',
    make: async () => {
      const fake: FakeGraph = await startFakeGraph();
      const e = fake.env;
      const provider = createMicrosoftCalendar(
        {
          clientId: e.MS_CLIENT_ID,
          clientSecret: e.MS_CLIENT_SECRET,
          tenant: e.MS_TENANT,
          loginBase: e.MS_LOGIN_BASE,
          graphBase: e.MS_GRAPH_BASE,
        },
        clock,
      );
      const utc = (t: string) => Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(t) ? t : `${t}Z`);
      return {
        provider,
        account: fake.account,
        liveEvents: () =>
          fake
            .eventsOf()
            .filter((ev) => !ev.isCancelled && ev.transactionId)
            .map((ev) => ({ id: ev.id, start: utc(ev.start.dateTime), end: utc(ev.end.dateTime), title: ev.subject })),
        addOwnEvent: (start, end, free) => {
          fake.addExternalEvent(start, end, free ? 'free' : 'busy');
        },
        expireAccessTokens: () => fake.expireAccessTokens(),
        revokeGrants: () => fake.revokeGrants(),
        setDown: (down) => {
          fake.down = down;
        },
        close: () => fake.close(),
      };
    },
  },
];

const at = (hhmm: string) => new Date(`2030-04-09T${hhmm}:00Z`);
const draft = (appointmentId: string, start: Date, end: Date, title = 'Drain cleaning — Ana Ruiz'): EventDraft => ({
  appointmentId,
  title,
  description: 'Booked by phone',
  location: '12 Elm St',
  start,
  end,
  timeZone: 'America/Chicago',
});
const spans = (busy: Array<{ start: Date; end: Date }>) =>
  busy.map((b) => [b.start.toISOString(), b.end.toISOString()]).sort();

/** The owner's consent: follow the authorization URL to the redirect and take its code. */
async function consent(provider: CalendarProvider): Promise<string> {
  const r = await fetch(provider.authorizationUrl('state-1', REDIRECT), { redirect: 'manual' });
  expect(r.status).toBe(302);
  const back = new URL(r.headers.get('location')!);
  expect(back.searchParams.get('state')).toBe('state-1');
  return back.searchParams.get('code')!;
}

for (const impl of implementations) {
  describe(`CalendarProvider conformance: ${impl.name}`, () => {
    let subject: Subject | undefined;
    afterEach(async () => {
      await subject?.close();
      subject = undefined;
    });
    /** A provider connected to the owner's calendar: its access token and calendar id. */
    async function connected() {
      subject = await impl.make();
      const c = await subject.provider.exchangeCode(await consent(subject.provider), REDIRECT);
      return { s: subject, p: subject.provider, token: c.accessToken, calendarId: c.calendarId, connection: c };
    }

    it('connects: the code exchange yields a refresh token, an expiry after now and the account', async () => {
      const { s, connection } = await connected();
      expect(connection.accessToken).toBeTruthy();
      expect(connection.refreshToken).toBeTruthy();
      expect(connection.expiresAt.getTime()).toBeGreaterThan(NOW.getTime());
      expect(connection.accountEmail).toBe(s.account);
    });

    it('an event we create blocks its time; moved, it blocks the new time only; deleted, nothing (twice is fine)', async () => {
      const { s, p, token, calendarId } = await connected();
      const id = await p.createEvent(
        token,
        calendarId,
        draft('7d0c5a52-2b1e-4a57-9d3e-1f2a3b4c5d6e', at('14:00'), at('15:00')),
      );
      expect(s.liveEvents()).toEqual([
        { id, start: at('14:00').getTime(), end: at('15:00').getTime(), title: 'Drain cleaning — Ana Ruiz' },
      ]);
      expect(spans(await p.busy(token, calendarId, at('00:00'), at('23:59')))).toEqual([
        [at('14:00').toISOString(), at('15:00').toISOString()],
      ]);

      await p.updateEvent(
        token,
        calendarId,
        id,
        draft('7d0c5a52-2b1e-4a57-9d3e-1f2a3b4c5d6e', at('16:00'), at('17:30'), 'Drain cleaning (moved)'),
      );
      expect(s.liveEvents().map((e) => [e.id, e.start, e.end, e.title])).toEqual([
        [id, at('16:00').getTime(), at('17:30').getTime(), 'Drain cleaning (moved)'],
      ]);
      expect(spans(await p.busy(token, calendarId, at('00:00'), at('23:59')))).toEqual([
        [at('16:00').toISOString(), at('17:30').toISOString()],
      ]);

      await p.deleteEvent(token, calendarId, id);
      expect(s.liveEvents()).toEqual([]);
      expect(await p.busy(token, calendarId, at('00:00'), at('23:59'))).toEqual([]);
      await expect(p.deleteEvent(token, calendarId, id)).resolves.toBeUndefined();
    });

    it('a create retried for the same appointment answers the same event and never duplicates it', async () => {
      const { s, p, token, calendarId } = await connected();
      const first = await p.createEvent(
        token,
        calendarId,
        draft('0b8e2f44-6c1d-4e0a-8f7b-2c3d4e5f6a7b', at('09:00'), at('10:00')),
      );
      const again = await p.createEvent(
        token,
        calendarId,
        draft('0b8e2f44-6c1d-4e0a-8f7b-2c3d4e5f6a7b', at('09:00'), at('10:00')),
      );
      expect(again).toBe(first);
      expect(s.liveEvents().map((e) => e.id)).toEqual([first]);
    });

    it("counts the owner's own busy events, not the ones shown as free, and only within the asked range", async () => {
      const { s, p, token, calendarId } = await connected();
      s.addOwnEvent(at('08:00'), at('09:00'));
      s.addOwnEvent(at('11:00'), at('12:00'), true);
      s.addOwnEvent(new Date('2030-04-11T08:00:00Z'), new Date('2030-04-11T09:00:00Z'));
      expect(spans(await p.busy(token, calendarId, at('00:00'), at('23:59')))).toEqual([
        [at('08:00').toISOString(), at('09:00').toISOString()],
      ]);
    });

    it('after access tokens expire, a refresh gives a working token; a revoked grant is an auth error no retry fixes', async () => {
      const { s, p, token, calendarId, connection } = await connected();
      s.expireAccessTokens();
      const failed = await p.busy(token, calendarId, at('00:00'), at('23:59')).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(CalendarApiError);
      const fresh = await p.refresh(connection.refreshToken!);
      expect(fresh.expiresAt.getTime()).toBeGreaterThan(NOW.getTime());
      expect(await p.busy(fresh.accessToken, calendarId, at('00:00'), at('23:59'))).toEqual([]);

      s.revokeGrants();
      const revoked = await p.refresh(fresh.refreshToken ?? connection.refreshToken!).catch((e: unknown) => e);
      expect(revoked).toBeInstanceOf(CalendarApiError);
      expect((revoked as CalendarApiError).auth).toBe(true);
      expect((revoked as CalendarApiError).retryable).toBe(false);
    });

    it('an outage is a retryable error, and the calendar answers again once it is over', async () => {
      const { s, p, token, calendarId } = await connected();
      s.setDown(true);
      const failed = await p.busy(token, calendarId, at('00:00'), at('23:59')).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(CalendarApiError);
      expect((failed as CalendarApiError).retryable).toBe(true);
      expect((failed as CalendarApiError).auth).toBe(false);
      s.setDown(false);
      expect(await p.busy(token, calendarId, at('00:00'), at('23:59'))).toEqual([]);
    });
  });
}
