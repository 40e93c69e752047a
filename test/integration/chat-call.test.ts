// Invariant: a caller on the chat widget books through the same brain as the phone, and the owner then finds the call (transcript, tool calls, outcome), the appointment and the lead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { fixedClock } from '../../src/lib/index.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z', true) });
});
afterAll(async () => {
  await server?.close();
});

async function chat(orgKey: string, lines: string[], phone = '+13125550142') {
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

describe('chat widget → brain → booking → records', () => {
  it('books a drain cleaning and the owner sees the call, the appointment and the lead', async () => {
    const org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago' });
    const { id, replies } = await chat(org.organization.chatKey, [
      'Hi, I need a drain cleaning tomorrow at 10am',
      'My name is Maria Lopez',
      'yes',
      'yes that is right',
      '123 Main Street, Springfield',
      'yes',
      'no thanks, bye',
    ]);
    const appts = await org.api.get('/api/appointments?from=2026-03-10T00:00:00Z&to=2026-03-20T00:00:00Z');
    expect(appts.status).toBe(200);
    expect(appts.body.items, replies.join('\n')).toHaveLength(1);
    expect(appts.body.items[0].customer?.name ?? appts.body.items[0].customerName).toBe('Maria Lopez');
    const detail = await org.api.get(`/api/calls/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.turns.some((t: any) => t.role === 'caller' && /drain cleaning/.test(t.text))).toBe(true);
    expect(
      detail.body.events.some((e: any) => e.type === 'tool_call' && e.data.name === 'book_appointment' && e.data.ok),
    ).toBe(true);
    expect(detail.body.appointment?.id).toBe(appts.body.items[0].id);
    const leads = await org.api.get('/api/leads');
    expect(leads.body.items[0]).toMatchObject({ name: 'Maria Lopez', phone: '+13125550142' });
    const calls = await org.api.get('/api/calls?q=drain');
    expect(calls.body.items.map((c: any) => c.id)).toContain(id);
  });

  it('an unknown chat key is 404 and another organization cannot read the call', async () => {
    expect((await apiClient(server.url).post('/api/chat/pk_nope/sessions', {})).status).toBe(404);
    const a = await registerOrg(server.url);
    const b = await registerOrg(server.url);
    const { id } = await chat(a.organization.chatKey, ['What are your hours?']);
    expect((await b.api.get(`/api/calls/${id}`)).status).toBe(404);
    expect((await a.api.get(`/api/calls/${id}`)).status).toBe(200);
  });
});
