// Invariant: a customer's confirmations, reminders and notices are written in the language they spoke — the conversation's language is kept on the call and the appointment — and a business whose agent speaks Spanish first writes to customers its staff booked in Spanish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { createLogger, fixedClock } from '../../src/lib/index.js';
import { schema } from '../../src/db/index.js';
import { queueDueReminders, REMINDER_EVENT } from '../../src/channels/index.js';
import { createChannels, createDispatcher, renderMessage, type MessagePayload } from '../../src/notify/index.js';
import { scaled } from '../harness/timing.js';

/** Tuesday 10 March 2026, 10:00 in Chicago. */
const T0 = new Date('2026-03-10T15:00:00Z');
const week = [['08:00', '17:00']];
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock(T0, true) });
}, scaled(60_000));
afterAll(async () => {
  await server?.close();
});

/** A plumbing business with one service (Spanish synonyms) and the agent's language setting. */
async function business(language: string) {
  const org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Pipe Pros' });
  expect(
    (
      await org.api.put('/api/config', {
        hours: { mon: week, tue: week, wed: week, thu: week, fri: week },
        notifyEmail: 'owner@pipes.test',
      })
    ).status,
  ).toBe(200);
  const svc = await org.api.post('/api/services', {
    name: 'Sink unclogging',
    durationMin: 60,
    synonyms: ['fregadero tapado', 'destapar el fregadero'],
  });
  expect(svc.status).toBe(201);
  await server.database.db
    .update(schema.agents)
    .set({ language })
    .where(eq(schema.agents.organizationId, org.organization.id));
  return { ...org, serviceId: svc.body.id as string };
}

async function chat(orgKey: string, lines: string[], phone: string) {
  const anon = apiClient(server.url);
  const s = await anon.post(`/api/chat/${orgKey}/sessions`, { phone });
  expect(s.status).toBe(201);
  const replies: string[] = [s.body.greeting];
  for (const text of lines) {
    const r = await anon.post(`/api/chat/${orgKey}/sessions/${s.body.id}/messages`, { text });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    replies.push(r.body.reply);
    if (r.body.done) break;
  }
  return { id: s.body.id as string, replies };
}

/** The chat's number proven as the texted code proves it (reminders go to proven numbers only). */
const prove = (callId: string, phone: string) =>
  server.database.db
    .update(schema.calls)
    .set({ metadata: { verifiedPhone: phone } })
    .where(eq(schema.calls.id, callId));

const outbox = (organizationId: string) =>
  server.database.db.select().from(schema.outbox).where(eq(schema.outbox.organizationId, organizationId));

describe('customer messages in the customer’s language', () => {
  it('a Spanish chat with an English business on auto: the call and the appointment keep Spanish, the reminder is written in Spanish', async () => {
    const b = await business('auto');
    const { id, replies } = await chat(
      b.organization.chatKey,
      [
        'Hola, tengo el fregadero tapado, ¿pueden venir mañana a las diez de la mañana?',
        'me llamo Omar Saíd',
        'sí',
        '18 Alder Street, Springfield',
        'sí',
        'no, gracias',
      ],
      '+13125550181',
    );
    const transcript = replies.join('\n');
    expect(transcript).toContain('Claro, puedo atenderle en español');
    const [appt] = await server.database.db
      .select()
      .from(schema.appointments)
      .where(eq(schema.appointments.organizationId, b.organization.id));
    expect(appt, transcript).toBeDefined();
    expect(appt.language).toBe('es');
    // the dashboard's call record says which language the conversation was held in
    const call = await b.api.get(`/api/calls/${id}`);
    expect(call.body.language).toBe('es');
    expect((await b.api.get('/api/calls')).body.items.find((c: any) => c.id === id).language).toBe('es');

    // the 24-hour reminder goes out in Spanish, the date said the Spanish way
    await prove(id, '+13125550181');
    await b.api.put('/api/notifications', { reminders: { sms: { hoursBefore: [24] } } });
    await queueDueReminders(server.database.db, new Date(appt.startAt.getTime() - 24 * 3_600_000));
    const [reminder] = (await outbox(b.organization.id)).filter((r) => r.event === REMINDER_EVENT);
    const sms = renderMessage(reminder.payload as unknown as MessagePayload).sms;
    expect(sms).toBe(
      'Pipe Pros: le recordamos su cita de Sink unclogging el miércoles 11 de marzo a las 10 de la mañana.',
    );
  });

  it('the same business on auto writes in English to an English caller', async () => {
    const b = await business('auto');
    const { id, replies } = await chat(
      b.organization.chatKey,
      [
        'Hi, I need a sink unclogging tomorrow at 10am',
        'My name is Maria Lopez',
        'yes',
        '123 Main Street, Springfield',
        'yes',
        'no thanks, bye',
      ],
      '+13125550182',
    );
    const [appt] = await server.database.db
      .select()
      .from(schema.appointments)
      .where(eq(schema.appointments.organizationId, b.organization.id));
    expect(appt?.language, replies.join('\n')).toBe('en');
    expect((await b.api.get(`/api/calls/${id}`)).body.language).toBe('en');
    await prove(id, '+13125550182');
    await b.api.put('/api/notifications', { reminders: { sms: { hoursBefore: [24] } } });
    await queueDueReminders(server.database.db, new Date(appt.startAt.getTime() - 24 * 3_600_000));
    const [reminder] = (await outbox(b.organization.id)).filter((r) => r.event === REMINDER_EVENT);
    expect(renderMessage(reminder.payload as unknown as MessagePayload).sms).toBe(
      'Pipe Pros: reminder of your Sink unclogging on Wed, Mar 11 at 10:00 AM.',
    );
  });

  it('a Spanish business (es): a booking by staff is confirmed, moved and cancelled to the customer in Spanish, the owner told in English', async () => {
    const b = await business('es');
    const db = server.database.db;
    const inbox = createDispatcher({
      db,
      channels: createChannels(db, { publicUrl: server.url, webhookAllowPrivate: true, clock: server.ctx.clock }),
      clock: server.ctx.clock,
      logger: createLogger('silent', { pretty: false }),
    });
    const a = await b.api.post('/api/appointments', {
      serviceId: b.serviceId,
      start: '2026-03-17T20:00:00Z',
      customer: { name: 'Ana Ruiz', phone: '+13125550183', email: 'ana@example.com' },
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect((await b.api.patch(`/api/appointments/${a.body.id}`, { start: '2026-03-18T15:30:00Z' })).status).toBe(200);
    expect((await b.api.post(`/api/appointments/${a.body.id}/cancel`, {})).status).toBe(200);
    await inbox.runOnce();
    const items = (await b.api.get('/api/dev-inbox?limit=50')).body.items as Array<{
      channel: string;
      to: string;
      subject?: string;
      text: string;
    }>;
    const toAna = items.filter((i) => i.to === '+13125550183').map((i) => i.text);
    expect(toAna).toContain(
      'Pipe Pros: su cita de Sink unclogging está reservada para el martes 17 de marzo a las 3 de la tarde.',
    );
    expect(toAna).toContain(
      'Pipe Pros: su cita de Sink unclogging ha pasado del martes 17 de marzo a las 3 de la tarde al miércoles 18 de marzo a las 10 y media de la mañana.',
    );
    expect(toAna).toContain(
      'Pipe Pros: su cita de Sink unclogging del miércoles 18 de marzo a las 10 y media de la mañana ha quedado cancelada.',
    );
    const mail = items.find((i) => i.to === 'ana@example.com' && /reservada/.test(i.subject ?? ''));
    expect(mail?.text).toContain('Hola, Ana Ruiz:');
    const owner = items.filter((i) => i.to === 'owner@pipes.test').map((i) => i.subject);
    expect(owner.some((s) => s?.startsWith('New booking: Sink unclogging'))).toBe(true);
    const rows = await db
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.organizationId, b.organization.id), eq(schema.outbox.recipient, 'owner@pipes.test')));
    expect(rows.every((r) => !(r.payload as { language?: string }).language)).toBe(true);
  });
});
