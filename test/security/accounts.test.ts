// Invariant: accounts recover and change without anyone else's help or knowledge. A password reset
// goes by an emailed single-use link that works for 30 minutes and signs every device out; a password
// change needs the current password and ends the other sessions; the first phone number waits for a
// proven email address; an invited user chooses their own password through an emailed link (no
// password in any answer); an admin may add TOTP two-factor sign-in. (On the old code none of these
// routes existed — 404 — a number connected without any proof, and an invitation answered
// `temporaryPassword`.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { schema } from '../../src/db/index.js';
import type { Clock } from '../../src/lib/index.js';
import { totpCode } from '../../src/api/index.js';
import { startTestServer } from '../harness/server.js';
import { accountLinkFromInbox, apiClient, registerOrg } from '../harness/client.js';
import { scaled } from '../harness/timing.js';

let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(async () => {
  await server?.close();
});

const anon = () => apiClient(server.url);
const login = (email: string, password: string, code?: string) =>
  anon().post('/api/auth/login', { email, password, ...(code ? { code } : {}) });

/** The newest account link mailed to `email`, as its recipient would find it (the message itself, delivered by the dispatcher). */
async function mailedLink(email: string, page: string): Promise<string> {
  const end = Date.now() + scaled(15_000);
  for (;;) {
    const [row] = await server.database.db
      .select()
      .from(schema.devInbox)
      .where(and(eq(schema.devInbox.to, email), eq(schema.devInbox.channel, 'email')))
      .orderBy(desc(schema.devInbox.createdAt))
      .limit(1);
    const token = row && new RegExp(`${page}#token=([\\w-]+)`).exec(row.text)?.[1];
    if (token) return token;
    if (Date.now() > end) throw new Error(`no ${page} link for ${email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('password reset by emailed link', () => {
  it('resets once with the link, signs every device out, and a co-worker never sees the link', async () => {
    const org = await registerOrg(server.url);
    await org.api.post('/api/users', { email: `op-${org.email}`, role: 'operator', password: 'operator-password-1' });
    const op = apiClient(server.url, (await login(`op-${org.email}`, 'operator-password-1')).body.accessToken);

    const asked = await anon().post('/api/auth/password-reset', { email: org.email });
    expect(asked.status).toBe(202);
    // The same answer for an address without an account: the route does not reveal who has one.
    const unknown = await anon().post('/api/auth/password-reset', { email: 'nobody@example.com' });
    expect([unknown.status, unknown.body]).toEqual([asked.status, asked.body]);

    const token = await mailedLink(org.email, '/reset-password');
    const mail = (await org.api.get('/api/dev-inbox?channel=email')).body.items.find((i: any) =>
      i.text.includes(token),
    );
    expect(mail.subject).toMatch(/Reset your InfiniOffice password/);
    expect(JSON.stringify((await op.get('/api/dev-inbox')).body)).not.toContain(token);

    expect((await anon().post('/api/auth/password-reset/confirm', { token, password: 'short' })).status).toBe(400);
    expect(
      (await anon().post('/api/auth/password-reset/confirm', { token, password: 'brand-new-password-1' })).status,
    ).toBe(204);
    // Every session of the account ended: its access token and its refresh token.
    expect((await org.api.get('/api/me')).status).toBe(401);
    expect((await anon().post('/api/auth/refresh', { refreshToken: org.refreshToken })).status).toBe(401);
    expect((await login(org.email, org.password)).status).toBe(401);
    expect((await login(org.email, 'brand-new-password-1')).status).toBe(200);
    // Single use.
    const again = await anon().post('/api/auth/password-reset/confirm', { token, password: 'another-password-2' });
    expect([again.status, again.body.error.code]).toEqual([400, 'invalid_link']);
  });

  it('a link older than 30 minutes is refused, and a newer link replaces an older one', async () => {
    const org = await registerOrg(server.url);
    await anon().post('/api/auth/password-reset', { email: org.email });
    const first = await mailedLink(org.email, '/reset-password');
    await anon().post('/api/auth/password-reset', { email: org.email });
    const second = await expectNewLink(org.email, first);
    expect(
      (await anon().post('/api/auth/password-reset/confirm', { token: first, password: 'brand-new-password-1' }))
        .status,
    ).toBe(400);
    offsetMs += 31 * 60_000;
    expect(
      (await anon().post('/api/auth/password-reset/confirm', { token: second, password: 'brand-new-password-1' }))
        .status,
    ).toBe(400);
    expect((await login(org.email, org.password)).status).toBe(200);
  });
});

async function expectNewLink(email: string, old: string): Promise<string> {
  const end = Date.now() + scaled(15_000);
  for (;;) {
    const token = await mailedLink(email, '/reset-password');
    if (token !== old) return token;
    if (Date.now() > end) throw new Error('no second link');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('password change', () => {
  it('needs the current password and ends the other sessions; the caller continues', async () => {
    const org = await registerOrg(server.url);
    const other = (await login(org.email, org.password)).body;
    const wrong = await org.api.post('/api/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'brand-new-password-1',
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([422, 'wrong_password']);
    const changed = await org.api.post('/api/auth/password', {
      currentPassword: org.password,
      newPassword: 'brand-new-password-1',
    });
    expect(changed.status).toBe(200);
    expect((await apiClient(server.url, changed.body.accessToken).get('/api/me')).status).toBe(200);
    expect((await apiClient(server.url, other.accessToken).get('/api/me')).status).toBe(401);
    expect((await anon().post('/api/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(401);
    expect((await anon().post('/api/auth/refresh', { refreshToken: changed.body.refreshToken })).status).toBe(200);
    expect((await login(org.email, 'brand-new-password-1')).status).toBe(200);
  });
});

describe('email verification before the first phone number', () => {
  it('refuses the first number until the emailed link is followed', async () => {
    const org = await registerOrg(server.url, { verified: false });
    expect((await org.api.get('/api/me')).body.user.emailVerified).toBe(false);
    const early = await org.api.post('/api/phone-numbers', { e164: '+13125550123' });
    expect([early.status, early.body.error.code]).toEqual([403, 'email_not_verified']);
    const token = await accountLinkFromInbox(org.api, org.email, '/verify-email');
    expect((await anon().post('/api/auth/verify-email', { token })).status).toBe(204);
    expect((await anon().post('/api/auth/verify-email', { token })).status).toBe(400);
    expect((await org.api.get('/api/me')).body.user.emailVerified).toBe(true);
    expect((await org.api.post('/api/phone-numbers', { e164: '+13125550123' })).status).toBe(201);
  });
});

describe('invited users choose their own password', () => {
  it('the invitation answers no password; the emailed link sets one and signs the user in', async () => {
    const org = await registerOrg(server.url);
    const email = `tech-${org.email}`;
    const invited = await org.api.post('/api/users', { email, role: 'operator' });
    expect(invited.status).toBe(201);
    expect(Object.keys(invited.body).filter((k) => /password/i.test(k))).toEqual([]);
    expect(invited.body.invitationPending).toBe(true);
    const token = await mailedLink(email, '/set-password');
    // The admin does not see the invitee's link in the dev inbox either.
    expect(JSON.stringify((await org.api.get('/api/dev-inbox')).body)).not.toContain(token);
    expect((await anon().post('/api/auth/set-password', { token, password: 'my-own-password-1' })).status).toBe(204);
    const signedIn = await login(email, 'my-own-password-1');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ role: 'operator', emailVerified: true, invitationPending: false });
    expect((await anon().post('/api/auth/set-password', { token, password: 'taken-over-password' })).status).toBe(400);
  });
});

describe('two-factor sign-in for admins', () => {
  it('enrols, confirms with a code, then login needs a fresh code each time', async () => {
    const org = await registerOrg(server.url);
    const enrol = await org.api.post('/api/auth/2fa/enrol');
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/InfiniOffice(:|%3A).*secret=[A-Z2-7]+/);
    const secret = enrol.body.secret as string;
    // Not in force until confirmed.
    expect((await login(org.email, org.password)).status).toBe(200);
    const bad = await org.api.post('/api/auth/2fa/confirm', {
      code: '000000' === totpCode(secret, clock.now()) ? '111111' : '000000',
    });
    expect([bad.status, bad.body.error.code]).toEqual([401, 'invalid_two_factor_code']);
    expect((await org.api.post('/api/auth/2fa/confirm', { code: totpCode(secret, clock.now()) })).status).toBe(200);
    expect((await org.api.get('/api/me')).body.user.twoFactorEnabled).toBe(true);

    offsetMs += 30_000;
    const noCode = await login(org.email, org.password);
    expect([noCode.status, noCode.body.error.code]).toEqual([401, 'two_factor_required']);
    const code = totpCode(secret, clock.now());
    expect((await login(org.email, org.password, code)).status).toBe(200);
    // The same code does not work twice.
    expect((await login(org.email, org.password, code)).status).toBe(401);
    offsetMs += 30_000;
    expect((await login(org.email, 'wrong-password', totpCode(secret, clock.now()))).status).toBe(401);
  });

  it('is for admins only', async () => {
    const org = await registerOrg(server.url);
    await org.api.post('/api/users', { email: `v-${org.email}`, role: 'viewer', password: 'viewer-password-1' });
    const viewer = apiClient(server.url, (await login(`v-${org.email}`, 'viewer-password-1')).body.accessToken);
    expect((await viewer.post('/api/auth/2fa/enrol')).status).toBe(403);
  });
});
