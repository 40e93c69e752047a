// Invariant: an admin can rotate the organization's public chat key and ICS token; the old ones stop
// working at once, and only an admin may rotate. (On the old code the route did not exist: 404.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('POST /api/organization/rotate-keys', () => {
  it('issues new chat and ICS keys; the old ones stop working', async () => {
    const org = await registerOrg(server.url);
    const before = (await org.api.get('/api/organization')).body;
    const anon = apiClient(server.url);
    expect((await anon.post(`/api/chat/${before.chatKey}/sessions`, {})).status).toBe(201);
    expect((await anon.get(`/api/calendar.ics?token=${before.icsToken}`)).status).toBe(200);
    const r = await org.api.post('/api/organization/rotate-keys', { keys: ['chat', 'ics'] });
    expect(r.status).toBe(200);
    expect(r.body.chatKey).not.toBe(before.chatKey);
    expect(r.body.icsToken).not.toBe(before.icsToken);
    expect((await anon.post(`/api/chat/${before.chatKey}/sessions`, {})).status).toBe(404);
    expect((await anon.get(`/api/calendar.ics?token=${before.icsToken}`)).status).not.toBe(200);
    expect((await anon.post(`/api/chat/${r.body.chatKey}/sessions`, {})).status).toBe(201);
    expect((await anon.get(`/api/calendar.ics?token=${r.body.icsToken}`)).status).toBe(200);
  });

  it('an operator may not rotate', async () => {
    const org = await registerOrg(server.url);
    const invited = await org.api.post('/api/users', {
      email: `op${Date.now()}@example.com`,
      role: 'operator',
      password: 'operator-password-1',
    });
    expect(invited.status).toBe(201);
    const login = await apiClient(server.url).post('/api/auth/login', {
      email: invited.body.email ?? invited.body.user?.email,
      password: 'operator-password-1',
    });
    expect(login.status).toBe(200);
    const op = apiClient(server.url, login.body.accessToken);
    expect((await op.post('/api/organization/rotate-keys', { keys: ['chat'] })).status).toBe(403);
  });
});
