// Invariant: the dashboard keeps no refresh token where a script can read it (localStorage holds the
// access token alone; the refresh token is an HttpOnly cookie of the refresh route), and a session
// survives a stale or missing access token through that cookie until the user logs out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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
  it('keeps the refresh token in an HttpOnly cookie, never in localStorage, and refreshes through it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Business name').fill('Cookie Plumbing');
    await page.getByLabel('Email').fill('owner@cookie.test');
    await page.getByLabel('Password').fill('correct-horse-42');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL('**/onboarding**');

    const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    expect(JSON.stringify(stored)).not.toMatch(/refresh/i);
    expect(JSON.parse(stored['io.session']!).accessToken).toBeTruthy();
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'io_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/refresh' });
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/io_refresh/);

    // A stale access token is swapped through the cookie; so is a missing one (a fresh start).
    await page.evaluate(() => localStorage.setItem('io.session', JSON.stringify({ accessToken: 'expired.token.value' })));
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
  }, scaled(60_000));
});
