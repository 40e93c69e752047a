// Invariant: the dashboard's refresh token travels only in an HttpOnly, SameSite=Strict cookie scoped
// to the refresh route (Secure over HTTPS) and never in a body a script could read; refresh works from
// the cookie and rotates it; API clients keep API.md's body contract. (On the old code no cookie was
// ever set and POST /api/auth/refresh without a body token answered 400.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ env: { TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await server?.close();
});

const COOKIE = { 'x-session': 'cookie' };
const cookieOf = (h: Headers) => h.get('set-cookie') ?? '';
const valueOf = (setCookie: string) => /io_refresh=([^;]*)/.exec(setCookie)?.[1] ?? '';

describe('refresh token in an HttpOnly cookie', () => {
  it('login for the dashboard sets the cookie and leaves the token out of the body; refresh reads and rotates it', async () => {
    const org = await registerOrg(server.url);
    const anon = apiClient(server.url);
    const login = await anon.post('/api/auth/login', { email: org.email, password: org.password }, COOKIE);
    expect(login.status).toBe(200);
    expect(login.body.accessToken).toBeTruthy();
    expect(login.body.refreshToken).toBeUndefined();
    const set = cookieOf(login.headers);
    expect(set).toMatch(/^io_refresh=[^;]{20,};/);
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Strict/);
    expect(set).toMatch(/; Path=\/api\/auth\/refresh/);
    expect(set).not.toMatch(/Secure/);

    const first = valueOf(set);
    const refreshed = await anon.post('/api/auth/refresh', undefined, { cookie: `io_refresh=${first}` });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    expect((await apiClient(server.url, refreshed.body.accessToken).get('/api/me')).status).toBe(200);
    const second = valueOf(cookieOf(refreshed.headers));
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    // The old cookie is spent (and presenting it again revokes the family, the new cookie included).
    expect((await anon.post('/api/auth/refresh', undefined, { cookie: `io_refresh=${first}` })).status).toBe(401);
    expect((await anon.post('/api/auth/refresh', undefined, { cookie: `io_refresh=${second}` })).status).toBe(401);
  });

  it('is Secure when the request came over HTTPS, and DELETE /api/auth/refresh ends the cookie’s session', async () => {
    const org = await registerOrg(server.url);
    const anon = apiClient(server.url);
    const login = await anon.post(
      '/api/auth/login',
      { email: org.email, password: org.password },
      { ...COOKIE, 'x-forwarded-proto': 'https' },
    );
    expect(cookieOf(login.headers)).toMatch(/; Secure/);
    const token = valueOf(cookieOf(login.headers));
    const out = await anon.delete('/api/auth/refresh', { cookie: `io_refresh=${token}` });
    expect(out.status).toBe(204);
    expect(cookieOf(out.headers)).toMatch(/^io_refresh=; .*Max-Age=0/);
    expect((await anon.post('/api/auth/refresh', undefined, { cookie: `io_refresh=${token}` })).status).toBe(401);
  });

  it('API clients keep the contract: the refresh token in the body, no cookie', async () => {
    const org = await registerOrg(server.url);
    expect(org.refreshToken).toBeTruthy();
    const r = await apiClient(server.url).post('/api/auth/refresh', { refreshToken: org.refreshToken });
    expect(r.status).toBe(200);
    expect(r.body.refreshToken).toBeTruthy();
    expect(r.headers.get('set-cookie')).toBeNull();
    expect((await apiClient(server.url).post('/api/auth/refresh', {})).status).toBe(401);
  });
});
