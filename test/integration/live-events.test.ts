// Invariant: the dashboard's live stream delivers its own organization's calls as they happen, and never another organization's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, listenEvents, registerOrg } from '../harness/client.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const listen = (token: string) => listenEvents(server.url, token);

describe('live events', () => {
  it('a new chat call appears on its own organization’s stream only', async () => {
    const a = await registerOrg(server.url);
    const b = await registerOrg(server.url);
    const la = listen(a.accessToken);
    const lb = listen(b.accessToken);
    await Promise.all([la.ready, lb.ready]);
    await new Promise((r) => setTimeout(r, 100));
    const chat = await apiClient(server.url).post(`/api/chat/${a.organization.chatKey}/sessions`, {});
    await apiClient(server.url).post(`/api/chat/${a.organization.chatKey}/sessions/${chat.body.id}/messages`, {
      text: 'What are your hours?',
    });
    const end = Date.now() + 3000;
    while (!la.events.some((e) => e.type === 'call.turn') && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    expect(la.events.map((e) => e.type)).toEqual(expect.arrayContaining(['call.started', 'call.turn']));
    expect(la.events.find((e) => e.type === 'call.started').data.callId).toBe(chat.body.id);
    expect(lb.events).toHaveLength(0);
    la.stop();
    lb.stop();
  });

  it('refuses a stream without a valid token', async () => {
    const res = await fetch(`${server.url}/api/events?token=nope`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });
});
