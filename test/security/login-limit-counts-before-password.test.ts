// Invariant: login attempts are counted atomically before the password is checked, so 20 parallel
// wrong guesses cannot all be judged (some answer 429); and the limit slows a guesser down without
// locking the real owner out from their own network. (On the old code all 20 answered 401.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ env: { LOGIN_RATE_LIMIT: '5', TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await server?.close();
});

const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('login limiting', () => {
  it('20 parallel wrong passwords: some are refused with 429 before the password is checked', async () => {
    const org = await registerOrg(server.url);
    const anon = apiClient(server.url);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        anon.post('/api/auth/login', { email: org.email, password: 'wrong-password' }, from('198.51.100.7')),
      ),
    );
    const codes = answers.map((a) => a.status);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(15);
    expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
    expect(answers.find((a) => a.status === 429)!.headers.get('retry-after')).toMatch(/^\d+$/);
    // the guesser is slowed down, the owner on their own network still gets in
    const owner = await anon.post(
      '/api/auth/login',
      { email: org.email, password: org.password },
      from('203.0.113.20'),
    );
    expect(owner.status).toBe(200);
  });
});
