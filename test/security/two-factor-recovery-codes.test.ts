// Invariant: switching two-factor sign-in on answers ten recovery codes, once; they are stored only
// hashed; each one signs in in place of an app code exactly once; turning two-factor off forgets
// them. (On the old code confirming answered 204 with no codes: a lost phone locked the admin out.
// This test failed with "expected 204 to be 200".)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/db/index.js';
import type { Clock } from '../../src/lib/index.js';
import { totpCode } from '../../src/api/index.js';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';

const T0 = Date.parse('2026-06-01T09:00:00Z');
const started = Date.now();
let skipMs = 0;
/** The product's clock: a fixed day, moving with real time, plus what a test skips (a TOTP step is 30 s). */
const clock: Clock = { now: () => new Date(T0 + (Date.now() - started) + skipMs) };
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(async () => {
  await server?.close();
});

const login = (email: string, password: string, code?: string) =>
  apiClient(server.url).post('/api/auth/login', { email, password, ...(code ? { code } : {}) });

describe('two-factor recovery codes', () => {
  it('are shown once when two-factor is switched on, stored hashed, and each signs in once', async () => {
    const org = await registerOrg(server.url);
    const secret = (await org.api.post('/api/auth/2fa/enrol')).body.secret as string;
    const on = await org.api.post('/api/auth/2fa/confirm', { code: totpCode(secret, clock.now()) });
    expect(on.status).toBe(200);
    const codes = on.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    // only hashes in the database; never shown again
    const [row] = await server.database.db.select().from(schema.users).where(eq(schema.users.email, org.email));
    expect(row.totpRecovery).toHaveLength(10);
    const stored = JSON.stringify(row);
    for (const c of codes) expect(stored).not.toContain(c);
    expect(JSON.stringify((await org.api.get('/api/me')).body)).not.toContain(codes[0]);

    // the password alone is not enough; a recovery code stands in for the app's code, once
    expect((await login(org.email, org.password)).body.error.code).toBe('two_factor_required');
    expect((await login(org.email, org.password, codes[0])).status).toBe(200);
    const again = await login(org.email, org.password, codes[0]);
    expect([again.status, again.body.error?.code]).toEqual([401, 'invalid_two_factor_code']);
    expect((await login(org.email, org.password, codes[1].toUpperCase())).status).toBe(200);
    // not a way around the password
    expect((await login(org.email, 'wrong-password', codes[2])).status).toBe(401);
  });

  it('turning two-factor off forgets the codes', async () => {
    const org = await registerOrg(server.url);
    const secret = (await org.api.post('/api/auth/2fa/enrol')).body.secret as string;
    const codes = (await org.api.post('/api/auth/2fa/confirm', { code: totpCode(secret, clock.now()) })).body
      .recoveryCodes as string[];
    skipMs += 60_000; // a later step: the code just used cannot be spent twice
    expect((await org.api.post('/api/auth/2fa/disable', { code: totpCode(secret, clock.now()) })).status).toBe(204);
    const [row] = await server.database.db.select().from(schema.users).where(eq(schema.users.email, org.email));
    expect(row.totpRecovery).toBeNull();
    expect(codes).toHaveLength(10);
  });
});
