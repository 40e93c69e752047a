// Invariant: only the holder of valid credentials gets in; a refresh token works once, and replaying it locks the thief (and the family) out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ env: { LOGIN_RATE_LIMIT: '5' } });
});
afterAll(async () => {
  await server?.close();
});

describe('register and login', () => {
  it('register creates the organization with its admin and a session', async () => {
    const org = await registerOrg(server.url, { name: 'Acme Heating', industry: 'hvac' });
    expect(org.user.role).toBe('admin');
    expect(org.organization.name).toBe('Acme Heating');
    expect(org.user).not.toHaveProperty('passwordHash');
    const me = await org.api.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.organization.id).toBe(org.organization.id);
    const services = await org.api.get('/api/services');
    expect(services.body.items.map((s: any) => s.name)).toContain('Furnace Repair');
  });

  it('the same email cannot register twice', async () => {
    const org = await registerOrg(server.url);
    const again = await apiClient(server.url).post('/api/auth/register', {
      email: org.email,
      password: 'another-password',
      organizationName: 'Copy',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
  });

  it('login answers a session for the right password and 401 for a wrong one, the same for unknown emails', async () => {
    const org = await registerOrg(server.url);
    const anon = apiClient(server.url);
    const ok = await anon.post('/api/auth/login', { email: org.email.toUpperCase(), password: org.password });
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toBeTruthy();
    const wrong = await anon.post('/api/auth/login', { email: org.email, password: 'nope-nope-nope' });
    const unknown = await anon.post('/api/auth/login', { email: 'nobody@example.com', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe(unknown.body.error.code);
  });

  it('rejects requests without a token, with a malformed token or a forged one', async () => {
    const anon = apiClient(server.url);
    expect((await anon.get('/api/me')).status).toBe(401);
    expect((await apiClient(server.url, 'garbage').get('/api/me')).status).toBe(401);
    const org = await registerOrg(server.url);
    const [h, p] = org.accessToken.split('.');
    const forged = JSON.parse(Buffer.from(p, 'base64url').toString());
    forged.role = 'admin';
    forged.org = '00000000-0000-4000-8000-000000000000';
    const token = `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${org.accessToken.split('.')[2]}`;
    expect((await apiClient(server.url, token).get('/api/me')).status).toBe(401);
  });

  it('access tokens are short-lived', async () => {
    const org = await registerOrg(server.url);
    const payload = JSON.parse(Buffer.from(org.accessToken.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(900);
  });
});

describe('refresh rotation', () => {
  it('a refresh token gives a new pair once; the old one is then refused', async () => {
    const org = await registerOrg(server.url);
    const anon = apiClient(server.url);
    const first = await anon.post('/api/auth/refresh', { refreshToken: org.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(org.refreshToken);
    expect((await apiClient(server.url, first.body.accessToken).get('/api/me')).status).toBe(200);
    const replay = await anon.post('/api/auth/refresh', { refreshToken: org.refreshToken });
    expect(replay.status).toBe(401);
  });

  it('replaying a used refresh token revokes the whole family, including the newest token', async () => {
    const org = await registerOrg(server.url);
    const anon = apiClient(server.url);
    const rotated = await anon.post('/api/auth/refresh', { refreshToken: org.refreshToken });
    expect(rotated.status).toBe(200);
    expect((await anon.post('/api/auth/refresh', { refreshToken: org.refreshToken })).status).toBe(401);
    expect((await anon.post('/api/auth/refresh', { refreshToken: rotated.body.refreshToken })).status).toBe(401);
  });

  it('logout ends the session family', async () => {
    const org = await registerOrg(server.url);
    const out = await org.api.post('/api/auth/logout', { refreshToken: org.refreshToken });
    expect(out.status).toBe(204);
    expect((await apiClient(server.url).post('/api/auth/refresh', { refreshToken: org.refreshToken })).status).toBe(
      401,
    );
  });
});

describe('login rate limit', () => {
  it('after too many failures for one email, even the right password answers 429 with Retry-After', async () => {
    const org = await registerOrg(server.url);
    const anon = apiClient(server.url, undefined);
    for (let i = 0; i < 5; i++) {
      const r = await anon.post(
        '/api/auth/login',
        { email: org.email, password: `wrong-${i}-password` },
        { 'x-forwarded-for': `10.0.0.${i}` },
      );
      expect(r.status).toBe(401);
    }
    const blocked = await anon.post('/api/auth/login', { email: org.email, password: org.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = await registerOrg(server.url);
    expect((await anon.post('/api/auth/login', { email: other.email, password: other.password })).status).toBe(200);
  });
});
