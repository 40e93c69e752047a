// Invariant: on the public chat a phone number is contact information, never identity. With only the
// chat key and a customer's number an anonymous visitor can neither read back nor cancel that
// customer's appointment; the one who receives the texted code can. (Reproduces issue #11's attack:
// on the old code the first test fails — the appointment was cancelled and the victim notified.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient } from '../harness/client.js';
import { fixedClock } from '../../src/lib/index.js';
import { orgWithBooking, statusOf, waitForInbox } from './support.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z', true) });
});
afterAll(async () => {
  await server?.close();
});

const VICTIM = { name: 'Vera Victim', phone: '+13125550142' };

async function chat(key: string, lines: string[], body: Record<string, unknown> = { phone: VICTIM.phone }) {
  const anon = apiClient(server.url);
  const s = await anon.post(`/api/chat/${key}/sessions`, body);
  expect(s.status).toBe(201);
  const replies: string[] = [s.body.greeting];
  const say = async (text: string) => {
    const r = await anon.post(`/api/chat/${key}/sessions/${s.body.id}/messages`, { text });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    replies.push(r.body.reply);
    return r.body.reply as string;
  };
  for (const l of lines) await say(l);
  return { id: s.body.id as string, replies, say };
}

describe('chat: a phone number is not identity', () => {
  it("the public chat key plus a customer's number cannot read back or cancel their appointment", async () => {
    const { org, appointment } = await orgWithBooking(server.url, VICTIM);
    const { replies } = await chat(org.organization.chatKey, [
      'I need to cancel my appointment',
      'yes',
      'yes',
      '000000',
      '111111',
      'yes',
    ]);
    expect(await statusOf(org.api, appointment.id)).toBe('booked');
    const said = replies.join('\n');
    expect(said).not.toMatch(/Thursday|March 12|is cancelled/);
    expect(said).toMatch(/code/);
    // the victim got no cancellation notice (only, at most, a code they did not ask for)
    const inbox = (await org.api.get('/api/dev-inbox')).body.items as any[];
    expect(inbox.filter((i) => /cancel/i.test(`${i.subject ?? ''} ${i.text}`))).toEqual([]);
  });

  it('guessing codes is capped: after a few wrong codes the chat offers a message and the booking stays', async () => {
    const { org, appointment } = await orgWithBooking(server.url, VICTIM);
    const { replies } = await chat(org.organization.chatKey, [
      'cancel my appointment',
      '123456',
      '234567',
      '345678',
      '456789',
      '567890',
    ]);
    expect(replies.slice(-3).join(' ')).toMatch(/take a message|pass along/);
    expect(await statusOf(org.api, appointment.id)).toBe('booked');
  });

  it('the owner of the number proves it with the texted code, then can cancel', async () => {
    const { org, appointment } = await orgWithBooking(server.url, VICTIM);
    const c = await chat(org.organization.chatKey, ['I need to cancel my appointment']);
    const sms = await waitForInbox(
      org.api,
      (i) => i.channel === 'sms' && i.to === VICTIM.phone && /code is \d{6}/.test(i.text),
    );
    expect(sms, 'a code was texted to the number on the booking').toBeTruthy();
    const code = /code is (\d{6})/.exec(sms.text)![1];
    const readBack = await c.say(code);
    expect(readBack).toMatch(/Would you like me to cancel it/);
    expect(await c.say('yes')).toMatch(/is cancelled/);
    expect(await statusOf(org.api, appointment.id)).toBe('cancelled');
  });

  it('a code sent for one chat does not unlock another chat', async () => {
    const { org, appointment } = await orgWithBooking(server.url, { ...VICTIM, phone: '+13125550143' });
    await chat(org.organization.chatKey, ['I need to cancel my appointment'], { phone: '+13125550143' });
    const sms = await waitForInbox(
      org.api,
      (i) => i.channel === 'sms' && i.to === '+13125550143' && /code is/.test(i.text),
    );
    const code = /code is (\d{6})/.exec(sms.text)![1];
    const thief = await chat(org.organization.chatKey, ['I need to cancel my appointment'], { phone: '+13125550143' });
    await thief.say(code);
    await thief.say('yes');
    expect(await statusOf(org.api, appointment.id)).toBe('booked');
  });

  it('a "test" chat (caller ID from the dashboard) needs the organization’s own dashboard token', async () => {
    const { org } = await orgWithBooking(server.url, VICTIM);
    const anon = await apiClient(server.url).post(`/api/chat/${org.organization.chatKey}/sessions`, {
      phone: VICTIM.phone,
      channel: 'test',
    });
    expect(anon.status).toBe(401);
    const { org: other } = await orgWithBooking(server.url, VICTIM);
    const foreign = await apiClient(server.url, other.accessToken).post(
      `/api/chat/${org.organization.chatKey}/sessions`,
      { phone: VICTIM.phone, channel: 'test' },
    );
    expect(foreign.status).toBe(404);
    expect(
      (await org.api.post(`/api/chat/${org.organization.chatKey}/sessions`, { phone: VICTIM.phone, channel: 'test' }))
        .status,
    ).toBe(201);
  });
});
