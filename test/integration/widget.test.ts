// Invariant: a website embeds the chat with one script; only the organization's allowed origins may read the public chat API from a browser, and only an admin changes who is allowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { get } from 'node:http';
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

const SITE = 'https://bella.example';

/** The bytes on the wire (Node's fetch would decompress them). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('GET /widget.js', () => {
  it('is JavaScript (not the dashboard page), at most 30 KB gzipped on the wire', async () => {
    const plain = await rawGet(`${server.url}/widget.js`, {});
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toMatch(/application\/javascript/);
    expect(plain.body.toString('utf8')).toMatch(/attachShadow/);
    expect(plain.body.toString('utf8')).not.toMatch(/<!doctype html>/i);
    const gz = await rawGet(`${server.url}/widget.js`, { 'accept-encoding': 'gzip, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.length).toBeLessThanOrEqual(30 * 1024);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });
});

describe('widget settings and CORS', () => {
  it('admin saves origins, colour, position and greeting; the public config reflects them', async () => {
    const org = await registerOrg(server.url, { name: 'Bella Hair Studio', industry: 'salon' });
    const initial = await org.api.get('/api/widget');
    expect(initial.body).toEqual({
      allowedOrigins: [],
      color: '#2563eb',
      position: 'bottom-right',
      greeting: null,
      callbackCalls: false,
    });
    const put = await org.api.put('/api/widget', {
      allowedOrigins: ['https://Bella.example/', 'http://localhost:8080'],
      color: '#aa3366',
      position: 'bottom-left',
    });
    expect(put.status).toBe(200);
    expect(put.body.allowedOrigins).toEqual([SITE, 'http://localhost:8080']);
    // A partial PUT keeps the other fields.
    const greet = await org.api.put('/api/widget', { greeting: 'Hi! Want to book a cut?' });
    expect(greet.body).toMatchObject({
      allowedOrigins: [SITE, 'http://localhost:8080'],
      color: '#aa3366',
      position: 'bottom-left',
      greeting: 'Hi! Want to book a cut?',
    });
    const cfg = await apiClient(server.url).get(`/api/widget/${org.organization.chatKey}/config`, { origin: SITE });
    expect(cfg.status).toBe(200);
    expect(cfg.body).toEqual({
      name: 'Bella Hair Studio',
      greeting: 'Hi! Want to book a cut?',
      color: '#aa3366',
      position: 'bottom-left',
      language: 'en',
    });
    expect(cfg.headers.get('access-control-allow-origin')).toBe(SITE);
  });

  it('refuses origins with a path, unknown fields and bad colours with 400 naming the field', async () => {
    const org = await registerOrg(server.url);
    const bad = await org.api.put('/api/widget', { allowedOrigins: ['https://bella.example/shop'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].path).toBe('body.allowedOrigins.0');
    expect((await org.api.put('/api/widget', { color: 'red' })).status).toBe(400);
    expect((await org.api.put('/api/widget', { theme: 'dark' })).status).toBe(400);
  });

  it('only an admin reads or changes the widget settings', async () => {
    const org = await registerOrg(server.url);
    const invited = await org.api.post('/api/users', {
      email: `op${Date.now()}@example.com`,
      role: 'operator',
      password: 'correct-horse-battery',
    });
    expect(invited.status).toBe(201);
    const login = await apiClient(server.url).post('/api/auth/login', {
      email: invited.body.email,
      password: 'correct-horse-battery',
    });
    const op = apiClient(server.url, login.body.accessToken);
    expect((await op.put('/api/widget', { color: '#000000' })).status).toBe(403);
    expect((await op.get('/api/widget')).status).toBe(403);
    expect((await apiClient(server.url).get('/api/widget')).status).toBe(401);
  });

  it('the chat API answers CORS only to allowed origins (preflight and the real request)', async () => {
    const org = await registerOrg(server.url);
    await org.api.put('/api/widget', { allowedOrigins: [SITE] });
    const key = org.organization.chatKey;
    const pre = (origin: string) =>
      fetch(`${server.url}/api/chat/${key}/sessions`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const ok = await pre(SITE);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    const evil = await pre('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();

    const anon = apiClient(server.url);
    const s = await anon.post(`/api/chat/${key}/sessions`, {}, { origin: SITE });
    expect(s.status).toBe(201);
    expect(s.headers.get('access-control-allow-origin')).toBe(SITE);
    const m = await anon.post(
      `/api/chat/${key}/sessions/${s.body.id}/messages`,
      { text: 'What are your hours?' },
      { origin: 'https://evil.example' },
    );
    expect(m.headers.get('access-control-allow-origin')).toBeNull();
    // Another organization's allowed origin is not this one's.
    const other = await registerOrg(server.url);
    await other.api.put('/api/widget', { allowedOrigins: ['https://other.example'] });
    const cross = await anon.get(`/api/widget/${key}/config`, { origin: 'https://other.example' });
    expect(cross.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('an unknown key has no config (404)', async () => {
    expect((await apiClient(server.url).get('/api/widget/pk_nope/config')).status).toBe(404);
  });
});
