// Invariant: the business texts or emails a customer's confirmation only to a contact it can trust —
// entered by staff, from caller ID (a dashboard test chat plays caller ID), or proven by a texted code —
// never to a number or address typed into the anonymous chat, so nobody can make the business message
// a stranger. The owner still hears of every booking. (On the old code the chat booking below texted
// and emailed the typed victim's number and address.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg, type ApiClient } from '../harness/client.js';
import { fixedClock } from '../../src/lib/index.js';
import { waitForInbox } from './support.js';

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
  'my email is maria@victim.test',
  'yes',
  'yes that is right',
  '123 Main Street, Springfield',
  'yes',
  'no thanks, bye',
];

async function chatBooking(
  org: { api: ApiClient; organization: any },
  client: ApiClient,
  phone: string,
  channel?: 'test',
) {
  const s = await client.post(
    `/api/chat/${org.organization.chatKey}/sessions`,
    channel ? { phone, channel } : { phone },
  );
  expect(s.status).toBe(201);
  const replies = [s.body.greeting];
  for (const text of BOOKING) {
    const r = await client.post(`/api/chat/${org.organization.chatKey}/sessions/${s.body.id}/messages`, { text });
    replies.push(r.body.reply);
    if (r.body.done) break;
  }
  const appts = (await org.api.get('/api/appointments?from=2026-03-10T00:00:00Z&to=2026-03-20T00:00:00Z')).body.items;
  expect(appts, replies.join('\n')).toHaveLength(1);
  return appts[0];
}

const inbox = async (api: ApiClient) => (await api.get('/api/dev-inbox')).body.items as any[];

describe('customer confirmations go only to trusted contacts', () => {
  it('a booking from the anonymous chat texts and emails nobody but the owner', async () => {
    const org = await registerOrg(server.url);
    await chatBooking(org, apiClient(server.url), '+13125550142');
    expect(
      await waitForInbox(org.api, (i) => /booking/i.test(`${i.subject ?? ''} ${i.text}`) && i.to === org.email),
      'the owner hears of the booking',
    ).toBeTruthy();
    const items = await inbox(org.api);
    expect(items.filter((i) => i.to === '+13125550142' || i.to === 'maria@victim.test')).toEqual([]);
  });

  it('the caller ID of a dashboard test chat (entered by staff) gets the SMS confirmation', async () => {
    const org = await registerOrg(server.url);
    await chatBooking(org, org.api, '+13125550143', 'test');
    expect(
      await waitForInbox(org.api, (i) => i.channel === 'sms' && i.to === '+13125550143' && /booked/i.test(i.text)),
    ).toBeTruthy();
    // the address was only said in the conversation: not written to
    expect((await inbox(org.api)).filter((i) => i.to === 'maria@victim.test')).toEqual([]);
  });

  it('contacts entered by staff get both confirmations', async () => {
    const org = await registerOrg(server.url);
    const services = (await org.api.get('/api/services')).body.items;
    const slots = (
      await org.api.get(
        `/api/availability?serviceId=${services[0].id}&from=2026-03-12T00:00:00-06:00&to=2026-03-13T00:00:00-06:00`,
      )
    ).body.slots;
    const booked = await org.api.post('/api/appointments', {
      serviceId: services[0].id,
      start: slots[0].start,
      customer: { name: 'Sam Staff', phone: '+13125550144', email: 'sam@customer.test' },
    });
    expect(booked.status).toBe(201);
    expect(await waitForInbox(org.api, (i) => i.channel === 'sms' && i.to === '+13125550144')).toBeTruthy();
    expect(await waitForInbox(org.api, (i) => i.channel === 'email' && i.to === 'sam@customer.test')).toBeTruthy();
  });
});
