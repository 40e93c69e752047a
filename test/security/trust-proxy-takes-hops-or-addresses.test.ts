// Invariant: TRUST_PROXY names how many proxies (or which addresses) may speak for the client, never
// "everyone": a client-supplied X-Forwarded-For cannot choose its own IP to dodge a rate limit.
// (On the old code TRUST_PROXY=1 meant "trust everything": five sign-ups with random headers all
// passed a limit of two.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient } from '../harness/client.js';
import { loadConfig } from '../../src/config/index.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ env: { TRUST_PROXY: '1', REGISTER_RATE_LIMIT: '2' } });
});
afterAll(async () => {
  await server?.close();
});

const signUp = (i: number, xff: string) =>
  apiClient(server.url).post(
    '/api/auth/register',
    {
      email: `spoof${i}${Date.now()}@example.com`,
      password: 'correct-horse-battery',
      organizationName: `Spoof ${i}`,
    },
    { 'x-forwarded-for': xff },
  );

describe('TRUST_PROXY', () => {
  it('with one hop, random client-chosen X-Forwarded-For entries do not reset the sign-up limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await signUp(i, `10.${i}.${i}.${i}, 192.0.2.${i + 1}, 203.0.113.9`)).status);
    expect(codes).toEqual([201, 201, 429, 429, 429]);
    // the proxy's own entry is the client: a different real client is counted apart
    expect((await signUp(9, '203.0.113.10')).status).toBe(201);
  });

  it('"true" is refused with a message; hop counts and address lists are accepted', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/proxy hops/);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'evil.example.com' })).toThrow(/not an address/);
  });
});
