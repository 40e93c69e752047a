// Invariant: with reminders set in the notification settings, each booked appointment gets each reminder once (SMS through Twilio, the reminder call as an outbound call of the agent), at its time by the injected clock; cancelled and past appointments get none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { until } from '../harness/line.js';
import { fixedClock } from '../../src/lib/index.js';
import { schema } from '../../src/db/index.js';
import { queueDueReminders, dueReminder, REMINDER_EVENT } from '../../src/channels/index.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';
import { scaled } from '../harness/timing.js';

/** Tuesday 10 March 2026, 10:00 in Chicago. */
const T0 = new Date('2026-03-10T15:00:00Z');
const HOUR = 3_600_000;
let rest: FakeTwilioRest;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;
const NUMBER = `+1312555${String(Math.floor(Math.random() * 40) + 110).padStart(4, '0')}`;
const ids: Record<string, string> = {};

beforeAll(async () => {
  rest = await startFakeTwilioRest('AC' + '1'.repeat(32), 'tw-token');
  server = await startTestServer({
    clock: fixedClock(T0, true),
    env: { TWILIO_AUTH_TOKEN: 'tw-token', TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_API_BASE: rest.url },
  });
  org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Pipe Pros' });
  expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
  const services = await org.api.get('/api/services');
  const serviceId = services.body.items[0].id;
  const book = async (key: string, start: string, phone: string) => {
    const r = await org.api.post('/api/appointments', {
      serviceId,
      start,
      customer: { name: `Customer ${key}`, phone },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids[key] = r.body.id;
  };
  await book('tomorrow', '2026-03-11T10:00:00-05:00', '+13125550161');
  await book('soon', '2026-03-10T11:45:00-05:00', '+13125550162');
  await book('cancelled', '2026-03-11T13:00:00-05:00', '+13125550163');
  expect((await org.api.post(`/api/appointments/${ids.cancelled}/cancel`, {})).status).toBeLessThan(300);
  const put = await org.api.put('/api/notifications', {
    reminders: { sms: { hoursBefore: [2, 24] }, call: { hoursBefore: [2] } },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  expect(put.body.reminders).toEqual({ sms: { hoursBefore: [24, 2] }, call: { hoursBefore: [2] } });
}, scaled(60_000));
afterAll(async () => {
  await server?.close();
  await rest?.close();
});

const reminderRows = () =>
  server.ctx.database.db
    .select()
    .from(schema.outbox)
    .where(and(eq(schema.outbox.organizationId, org.organization.id), eq(schema.outbox.event, REMINDER_EVENT)));

describe('reminders', () => {
  it('picks the reminder due now, close to its time or not at all', () => {
    const start = new Date(T0.getTime() + 24 * HOUR);
    expect(dueReminder([24, 2], start, T0)).toBe(24);
    expect(dueReminder([24, 2], start, new Date(T0.getTime() - 60_000))).toBeNull();
    // Three hours before: the 24-hour one is long past its time, the 2-hour one not yet due.
    expect(dueReminder([24, 2], start, new Date(start.getTime() - 3 * HOUR))).toBeNull();
    expect(dueReminder([24, 2], start, new Date(start.getTime() - 2 * HOUR + 60_000))).toBe(2);
    expect(dueReminder([24, 2], start, start)).toBeNull();
  });

  it(
    'queues each due reminder once, none for the cancelled appointment, and delivers SMS and the reminder call',
    async () => {
      const db = server.ctx.database.db;
      await queueDueReminders(db, T0);
      await queueDueReminders(db, new Date(T0.getTime() + 60_000));
      const rows = await reminderRows();
      const seen = rows
        .map(
          (r) =>
            `${r.payload.data && (r.payload as any).data.appointmentId === ids.tomorrow ? 'tomorrow' : (r.payload as any).data.appointmentId === ids.soon ? 'soon' : 'other'}:${r.channel}:${(r.payload as any).data.hoursBefore}`,
        )
        .sort();
      expect(seen).toEqual(['soon:call:2', 'soon:sms:2', 'tomorrow:sms:24']);

      // The running dispatcher delivers them: texts through Twilio's Messages API, the call through Calls with AMD.
      expect(
        await until(
          () => rest.messages.filter((m) => /reminder of your/.test(m.Body)).length === 2 && rest.calls.length === 1,
          20_000,
        ),
      ).toBe(true);
      const sms = rest.messages.find((m) => m.To === '+13125550161' && /reminder/.test(m.Body))!;
      expect(sms).toMatchObject({ From: NUMBER });
      expect(sms.Body).toMatch(
        /^Pipe Pros: reminder of your .+ on Wed, Mar 11 at 10:00 AM\. To move or cancel, call \+1312555\d{4}\.$/,
      );
      expect(rest.calls[0]).toMatchObject({ To: '+13125550162', From: NUMBER, AsyncAmd: 'true' });
      const calls = await org.api.get('/api/calls');
      expect(calls.body.items.find((c: any) => c.direction === 'outbound')).toMatchObject({ to: '+13125550162' });

      // Twenty-two hours on, the 2-hour reminders of tomorrow's appointment are due, and only those.
      await queueDueReminders(db, new Date(T0.getTime() + 22 * HOUR));
      const later = (await reminderRows())
        .filter((r) => (r.payload as any).data.appointmentId === ids.tomorrow)
        .map((r) => `${r.channel}:${(r.payload as any).data.hoursBefore}`)
        .sort();
      expect(later).toEqual(['call:2', 'sms:2', 'sms:24']);
      expect((await reminderRows()).some((r) => (r.payload as any).data.appointmentId === ids.cancelled)).toBe(false);
    },
    scaled(60_000),
  );
});
