// Invariant: connecting a calendar finishes only in the browser that started it, once. The connect
// answer sets a random nonce in an HttpOnly, SameSite cookie scoped to the provider's callback, and
// the signed state carries its hash: a callback with a valid state but no cookie or another browser's
// cookie connects nothing; a replayed state is refused.
// (On the old code the state was only signed: the callback without any cookie answered 200 and
// connected the attacker's Google account to the victim's business; a replay failed only because the
// provider refused the used code.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg, type ApiClient } from '../harness/client.js';
import { startFakeGoogle, type FakeGoogle } from '../fakes/google-calendar.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let google: FakeGoogle;
beforeAll(async () => {
  google = await startFakeGoogle();
  server = await startTestServer({ env: { ENCRYPTION_KEY: 'c0ffee'.repeat(10) + 'c0ff', ...google.env } });
});
afterAll(async () => {
  await server?.close();
  await google?.close();
});

/** The cookies a response set, as the browser would send them back. */
const cookieOf = (h: Headers) =>
  h
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Starts connecting Google as `api`'s browser and consents at the provider: the callback URL and the browser's cookie. */
async function startAndConsent(api: ApiClient) {
  const start = await api.get('/api/integrations/google/connect');
  expect(start.status).toBe(200);
  const consent = await fetch(start.body.url, { redirect: 'manual' });
  return {
    callback: consent.headers.get('location')!,
    cookie: cookieOf(start.headers),
    setCookie: start.headers.getSetCookie(),
  };
}
const googleStatus = async (api: ApiClient) =>
  (await api.get('/api/integrations')).body.items.find((i: any) => i.provider === 'google').status;

describe('OAuth connect is bound to the starting browser', () => {
  it('sets an HttpOnly SameSite nonce cookie scoped to the callback', async () => {
    const org = await registerOrg(server.url);
    const { setCookie } = await startAndConsent(org.api);
    const nonce = setCookie.find((c) => c.startsWith('io_oauth_google='))!;
    expect(nonce).toMatch(/HttpOnly/);
    expect(nonce).toMatch(/SameSite=Lax/);
    expect(nonce).toMatch(/Path=\/api\/integrations\/google\/callback/);
  });

  it('refuses a valid state without the cookie or with another browser’s cookie; the starting browser connects once', async () => {
    const victim = await registerOrg(server.url);
    google.account = `attacker-${Date.now()}@example.com`;
    const { callback, cookie } = await startAndConsent(victim.api);

    const bare = await fetch(callback, { redirect: 'manual' });
    expect(bare.status).toBe(400);
    expect((await bare.json()).error.code).toBe('oauth_state_invalid');

    const other = await registerOrg(server.url);
    const elsewhere = await startAndConsent(other.api);
    const wrong = await fetch(callback, { redirect: 'manual', headers: { cookie: elsewhere.cookie } });
    expect(wrong.status).toBe(400);
    expect(await googleStatus(victim.api)).toBe('not_connected');

    const ok = await fetch(callback, { redirect: 'manual', headers: { cookie } });
    expect(ok.status).toBe(200);
    expect(await googleStatus(victim.api)).toBe('connected');

    const replay = await fetch(callback, { redirect: 'manual', headers: { cookie } });
    expect(replay.status).toBe(400);
    expect((await replay.json()).error.code).toBe('oauth_state_invalid');
  });
});
