// Invariant: the dashboard keeps no refresh token where a script can read it (localStorage holds the
// access token alone; the refresh token is an HttpOnly cookie of the refresh route), and a session
// survives a stale or missing access token through that cookie until the user logs out. A user who
// forgot the password resets it from the emailed link's page, changes it on "Your account", and an
// admin turns on two-factor sign-in there; login then asks for the app's code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { and, desc, eq } from 'drizzle-orm';
import { schema } from '../../src/db/index.js';
import { totpCode } from '../../src/api/index.js';
import { apiClient } from '../harness/client.js';
import { scaled } from '../harness/timing.js';
import { buildDashboard, launchBrowser, newContext, startDashboardServer } from './harness.js';

let server: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;

beforeAll(async () => {
  const dist = await buildDashboard();
  server = await startDashboardServer(dist);
  browser = await launchBrowser();
}, scaled(120_000));

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dashboard session', () => {
  it(
    'keeps the refresh token in an HttpOnly cookie, never in localStorage, and refreshes through it',
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${server.url}/signup`);
      await page.getByLabel('Business name').fill('Cookie Plumbing');
      await page.getByLabel('Email').fill('owner@cookie.test');
      await page.getByLabel('Password').fill('correct-horse-42');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.waitForURL('**/onboarding**');

      const stored = await page.evaluate(() =>
        Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
      );
      expect(JSON.stringify(stored)).not.toMatch(/refresh/i);
      expect(JSON.parse(stored['io.session']!).accessToken).toBeTruthy();
      const [cookie] = (await context.cookies()).filter((c) => c.name === 'io_refresh');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/refresh' });
      expect(await page.evaluate(() => document.cookie)).not.toMatch(/io_refresh/);

      // A stale access token is swapped through the cookie; so is a missing one (a fresh start).
      await page.evaluate(() =>
        localStorage.setItem('io.session', JSON.stringify({ accessToken: 'expired.token.value' })),
      );
      await page.goto(`${server.url}/leads`);
      await page.getByRole('heading', { name: 'Leads' }).waitFor();
      await page.evaluate(() => localStorage.removeItem('io.session'));
      await page.goto(`${server.url}/leads`);
      await page.getByRole('heading', { name: 'Leads' }).waitFor();
      expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage })))).not.toMatch(/refresh/i);

      // Logging out ends the cookie's session: a fresh start lands on the login page.
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL('**/login**');
      expect((await context.cookies()).filter((c) => c.name === 'io_refresh')).toHaveLength(0);
      await page.goto(`${server.url}/leads`);
      await page.waitForURL('**/login**');
      await context.close();
    },
    scaled(60_000),
  );
});

/** The page path and fragment of the newest account link mailed to `email` (from the dev inbox). */
async function mailedLink(email: string, page: string): Promise<string> {
  const end = Date.now() + scaled(15_000);
  for (;;) {
    const [row] = await server.database.db
      .select()
      .from(schema.devInbox)
      .where(and(eq(schema.devInbox.to, email), eq(schema.devInbox.channel, 'email')))
      .orderBy(desc(schema.devInbox.createdAt))
      .limit(1);
    const m = row && new RegExp(`${page}#token=[\\w-]+`).exec(row.text);
    if (m) return m[0];
    if (Date.now() > end) throw new Error(`no ${page} link for ${email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('account pages', () => {
  it(
    'forgot password → emailed link → new password; change password; two-factor sign-in',
    async () => {
      const email = 'owner@accounts.test';
      expect(
        (
          await apiClient(server.url).post('/api/auth/register', {
            email,
            password: 'first-password-1',
            organizationName: 'Account Plumbing',
            industry: 'plumbing',
          })
        ).status,
      ).toBe(201);
      const context = await newContext(browser);
      const page = await context.newPage();

      await page.goto(`${server.url}/login`);
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Send me a link' }).click();
      await page.getByText(/we emailed it a link/).waitFor();
      await page.goto(`${server.url}${await mailedLink(email, '/reset-password')}`);
      await page.getByLabel('New password').fill('second-password-2');
      await page.getByRole('button', { name: 'Save new password' }).click();
      await page.getByText(/Your new password is saved/).waitFor();
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('second-password-2');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('link', { name: 'Your account' }).click();

      await page.getByLabel('Current password').fill('second-password-2');
      await page.getByLabel('New password').fill('third-password-3');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText(/Password changed/).waitFor();

      await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
      const secret = (await page.getByLabel('Setup key').textContent())!.trim();
      await page.getByLabel('Code from your app').fill(totpCode(secret, server.ctx.clock.now()));
      await page.getByRole('button', { name: 'Turn on' }).click();
      await page.getByText(/On: signing in asks for a code/).waitFor();
      // the recovery codes, shown this once
      expect(await page.getByLabel('Recovery codes').locator('code').count()).toBe(10);

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL('**/login**');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('third-password-3');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByLabel('Authentication code').waitFor();
      // A fresh step's code (the one used to turn it on is spent).
      await page
        .getByLabel('Authentication code')
        .fill(totpCode(secret, new Date(server.ctx.clock.now().getTime() + 30_000)));
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('link', { name: 'Your account' }).waitFor();
      await context.close();
    },
    scaled(90_000),
  );
});
