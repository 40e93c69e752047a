// Invariant: the organization's public chat key and ICS feed token (which let anyone chat as its
// widget or read its whole calendar) reach admins only; operators and viewers see the organization
// without them, on every answer that carries it. (On the old code every role received both.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { staffClient } from './support.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('chatKey and icsToken are for admins only', () => {
  it('an admin sees both on /api/organization and /api/me', async () => {
    const org = await registerOrg(server.url);
    const o = (await org.api.get('/api/organization')).body;
    expect(o.chatKey).toMatch(/^pk_/);
    expect(typeof o.icsToken).toBe('string');
    expect((await org.api.get('/api/me')).body.organization.chatKey).toBe(o.chatKey);
  });

  for (const role of ['operator', 'viewer'] as const) {
    it(`a ${role} gets the organization without them (organization, me, login)`, async () => {
      const org = await registerOrg(server.url);
      const secrets = (await org.api.get('/api/organization')).body;
      const staff = await staffClient(server.url, org.api, role);
      const answers = [
        (await staff.api.get('/api/organization')).body,
        (await staff.api.get('/api/me')).body.organization,
        staff.login.organization,
      ];
      for (const a of answers) {
        expect(a.name).toBe(secrets.name);
        expect(a).not.toHaveProperty('chatKey');
        expect(a).not.toHaveProperty('icsToken');
        expect(JSON.stringify(a)).not.toContain(secrets.icsToken);
        expect(JSON.stringify(a)).not.toContain(secrets.chatKey);
      }
    });
  }
});
