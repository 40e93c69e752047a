// Invariant: appointment reminders (SMS and call) follow the one trusted-contact rule of confirmations
// (notify's trustedContacts): a number typed into the anonymous chat gets no reminder; a number staff
// entered does. (On the old code the chat booking below got its 24-hour reminder SMS at the typed
// stranger's number: the test failed with one queued appointment.reminder row where none was expected.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg, type ApiClient } from '../harness/client.js';
import { fixedClock } from '../../src/lib/index.js';
import { schema } from '../../src/db/index.js';
import { queueDueReminders, REMINDER_EVENT } from '../../src/channels/index.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z', true) });
});
afterAll(async () => {
  await server?.close();
});

const BOOKING = [
  'Hi, I need a drain cleaning tomorrow at 10am',
  'My name is Maria Lopez',
  'yes',
  'yes that is right',
  '123 Main Street, Springfield',
  'yes',
  'no thanks, bye',
];

async function chatBooking(org: { api: ApiClient; organization: any }, phone: string) {
  const anon = apiClient(server.url);
  const s = await anon.post(`/api/chat/${org.organization.chatKey}/sessions`, { phone });
  expect(s.status).toBe(201);
  const replies = [s.body.greeting];
  for (const text of BOOKING) {
    const r = await anon.post(`/api/chat/${org.organization.chatKey}/sessions/${s.body.id}/messages`, { text });
    replies.push(r.body.reply);
    if (r.body.done) break;
  }
  const appts = (await org.api.get('/api/appointments?from=2026-03-10T00:00:00Z&to=2026-03-20T00:00:00Z')).body.items;
  expect(appts, replies.join('\n')).toHaveLength(1);
  return appts[0] as { id: string; start: string };
}

const remindersOf = (appointmentId: string) =>
  server.database.db
    .select()
    .from(schema.outbox)
    .where(
      and(
        eq(schema.outbox.event, REMINDER_EVENT),
        sql`${schema.outbox.payload}->'data'->>'appointmentId' = ${appointmentId}`,
      ),
    );
/** Runs the reminder pass at the moment the 24-hour reminder of `start` falls due. */
const dayBefore = (start: string) =>
  queueDueReminders(server.database.db, new Date(Date.parse(start) - 24 * 3_600_000 + 60_000));

describe('reminders go only to trusted contacts', () => {
  it('a chat booking with a typed number gets no reminder; a staff booking does', async () => {
    const org = await registerOrg(server.url);
    expect(
      (
        await org.api.put('/api/notifications', {
          reminders: { sms: { hoursBefore: [24] }, call: { hoursBefore: [24] } },
        })
      ).status,
    ).toBe(200);
    const chat = await chatBooking(org, '+13125550152');
    await dayBefore(chat.start);
    expect(await remindersOf(chat.id)).toEqual([]);

    const services = (await org.api.get('/api/services')).body.items;
    const slots = (
      await org.api.get(
        `/api/availability?serviceId=${services[0].id}&from=2026-03-12T00:00:00-05:00&to=2026-03-13T00:00:00-05:00`,
      )
    ).body.slots;
    const staff = await org.api.post('/api/appointments', {
      serviceId: services[0].id,
      start: slots[0].start,
      customer: { name: 'Sam Staff', phone: '+13125550153' },
    });
    expect(staff.status).toBe(201);
    await dayBefore(staff.body.start);
    const rows = await remindersOf(staff.body.id);
    expect(rows.map((r) => `${r.channel} ${r.recipient}`).sort()).toEqual(['call +13125550153', 'sms +13125550153']);
  });
});
