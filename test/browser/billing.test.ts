// Invariant: an admin's Billing page in local test mode shows the trial, this period's usage with a daily chart and the estimated bill, saves a minute cap, and says plainly that plans cannot be bought here; a gated feature shows an upgrade prompt instead of a broken page; non-admins have no Billing page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { apiClient } from '../harness/client.js';
import { markEmailVerified } from '../harness/fixtures.js';
import { scaled } from '../harness/timing.js';
import { schema } from '../../src/db/index.js';
import { buildDashboard, launchBrowser, newPage, PAGE_TIMEOUT, shot, startDashboardServer } from './harness.js';

let server: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;
let page: Page;

async function register(email: string, organizationName: string) {
  const reg = await apiClient(server.url).post('/api/auth/register', {
    email,
    password: 'admin-password-1',
    organizationName,
    industry: 'plumbing',
    timezone: 'America/Chicago',
  });
  expect(reg.status).toBe(201);
  await markEmailVerified(server.url, email);
  return reg.body as { accessToken: string; organization: { id: string } };
}

async function login(email: string, password = 'admin-password-1') {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: 'Home' }).waitFor();
}

beforeAll(async () => {
  const dist = await buildDashboard();
  server = await startDashboardServer(dist);
  const org = await register('admin@billing.test', 'Billing Plumbing');
  // Usage of March 2026 (the browser tests' month): 30 minutes on the 2nd, 12.5 on the 5th; 3 chats.
  await server.database.db.insert(schema.usageDays).values([
    {
      organizationId: org.organization.id,
      day: '2026-03-02',
      kind: 'inbound',
      calls: 4,
      seconds: 1790,
      billableSeconds: 1800,
    },
    {
      organizationId: org.organization.id,
      day: '2026-03-05',
      kind: 'outbound',
      calls: 2,
      seconds: 740,
      billableSeconds: 750,
    },
    {
      organizationId: org.organization.id,
      day: '2026-03-05',
      kind: 'chat',
      calls: 3,
      seconds: 600,
      billableSeconds: 600,
    },
  ]);
  // A second business whose trial is over: Starter features only.
  const lapsed = await register('admin@lapsed.test', 'Lapsed Plumbing');
  await apiClient(server.url, lapsed.accessToken).post('/api/phone-numbers', { e164: '+13125550161' });
  await server.database.db
    .update(schema.billingAccounts)
    .set({ trialEndsAt: new Date('2026-03-01T00:00:00Z') })
    .where(eq(schema.billingAccounts.organizationId, lapsed.organization.id));
  await apiClient(server.url, org.accessToken).post('/api/users', {
    email: 'op@billing.test',
    role: 'operator',
    password: 'operator-password-1',
  });
  browser = await launchBrowser();
  page = await newPage(browser);
}, scaled(120_000));

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Billing page in test mode', () => {
  it('shows the trial, usage with a daily chart, the estimated bill, and saves a cap', async () => {
    await login('admin@billing.test');
    await page.getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('heading', { name: 'Billing' }).waitFor();
    // The page fills in as the account, the plans and the usage arrive: wait for each, then read it.
    await expect.poll(() => page.getByTestId('plan-name').textContent(), { timeout: PAGE_TIMEOUT }).toBe('Scale');
    await expect
      .poll(() => page.getByTestId('trial').textContent(), { timeout: PAGE_TIMEOUT })
      .toContain('14 days left');
    await expect
      .poll(() => page.getByTestId('minutes-used').textContent(), { timeout: PAGE_TIMEOUT })
      .toBe('42.5 of 2000 minutes');
    await page.getByText('6 calls · 3 chats').waitFor();
    // One bar per day of March; the 2nd and the 5th carry the minutes.
    const bars = page.locator('figure.chart rect');
    expect(await bars.count()).toBe(31);
    expect(await bars.nth(1).locator('title').textContent()).toBe('Mar 2: 30');
    expect(await bars.nth(4).locator('title').textContent()).toBe('Mar 5: 12.5');
    expect(await page.getByTestId('estimate-total').textContent()).toBe('$399.00');
    expect(await page.getByText('Test mode: no payment provider is configured').count()).toBe(1);
    await page.getByRole('button', { name: 'Choose Growth' }).click();
    await page.getByText('Plans cannot be bought on this server (test mode).').waitFor();
    expect(await page.getByRole('button', { name: 'Invoices and payment method' }).isDisabled()).toBe(true);
    await page.getByLabel('Cap (minutes per period, empty for none)').fill('120');
    // Wait on the save's own answer (registered before the click, so a fast answer is not missed).
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/billing') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save cap' }).click();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await page.getByTestId('plan-name').waitFor();
    expect(await page.getByLabel('Cap (minutes per period, empty for none)').inputValue()).toBe('120');
    await shot(page, 'billing');
  });

  it('a gated feature shows an upgrade prompt that leads to the plans', async () => {
    // Signed out: the access token and the refresh cookie (which alone would sign the page back in) are gone.
    await page.evaluate(() => localStorage.clear());
    await page.context().clearCookies();
    await login('admin@lapsed.test');
    await page.getByRole('link', { name: 'Phone numbers' }).click();
    await page.getByLabel('Your Twilio number').fill('+1 312 555 0162');
    await page.getByRole('button', { name: 'Connect number' }).click();
    const prompt = page.getByRole('alert').filter({ hasText: 'This needs the Scale plan.' });
    await prompt.waitFor();
    await prompt.getByRole('link', { name: 'See plans and upgrade' }).click();
    await page.getByRole('heading', { name: 'Billing' }).waitFor();
    // The heading renders before the account has loaded: wait for the account's own words.
    await page.getByText('No active subscription: Starter features only.').waitFor();
    expect(await page.getByText('No active subscription: Starter features only.').count()).toBe(1);
    expect(await page.getByTestId('plan-name').textContent()).toBe('Starter');
  });

  it('operators have no Billing page', async () => {
    // Signed out: the access token and the refresh cookie (which alone would sign the page back in) are gone.
    await page.evaluate(() => localStorage.clear());
    await page.context().clearCookies();
    await login('op@billing.test', 'operator-password-1');
    expect(await page.getByRole('link', { name: 'Billing' }).count()).toBe(0);
  });
});
