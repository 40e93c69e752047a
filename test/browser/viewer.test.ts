// Invariant: a viewer sees the business's data but no control that would change it (the server refuses such writes anyway), and the dashboard works at phone width.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiClient } from '../harness/client.js';
import { scaled } from '../harness/timing.js';
import { buildDashboard, launchBrowser, newPage, shot, startDashboardServer } from './harness.js';

let server: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const dist = await buildDashboard();
  server = await startDashboardServer(dist);
  // The business, set up by its admin over the API: template services, a staff member, one appointment, a viewer.
  const anon = apiClient(server.url);
  const reg = await anon.post('/api/auth/register', {
    email: 'admin@viewer.test',
    password: 'admin-password-1',
    organizationName: 'Glow Salon',
    industry: 'salon',
    timezone: 'America/Chicago',
  });
  expect(reg.status).toBe(201);
  const admin = apiClient(server.url, reg.body.accessToken);
  const services = (await admin.get('/api/services')).body.items;
  const staff = await admin.post('/api/staff', { name: 'Ana', serviceIds: services.map((s: { id: string }) => s.id) });
  // A slot a couple of hours past the first free one: the server's clock runs on from the fixed now, and on a
  // loaded machine the first slot can fall inside the booking notice before the request lands (422 too soon).
  const slots: Array<{ start: string }> = (await admin.get(`/api/availability?serviceId=${services[0].id}`)).body.slots;
  const slot = slots.find((s) => Date.parse(s.start) >= Date.parse(slots[0].start) + 2 * 3_600_000) ?? slots[0];
  const booked = await admin.post('/api/appointments', {
    serviceId: services[0].id,
    start: slot.start,
    staffId: staff.body.id,
    customer: { name: 'Maria Lopez' },
  });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  expect((await admin.put('/api/organization', { onboarding: { template: true } })).status).toBe(200);
  expect(
    (await admin.post('/api/users', { email: 'viewer@viewer.test', role: 'viewer', password: 'viewer-password-1' }))
      .status,
  ).toBe(201);
  browser = await launchBrowser();
  page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
}, scaled(120_000));

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('viewer role in the dashboard', () => {
  it(
    'shows data without any edit control, on a phone-sized screen',
    async () => {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Email').fill('viewer@viewer.test');
      await page.getByLabel('Password').fill('viewer-password-1');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByText('Calls today', { exact: true }).waitFor();
      // Keyboard: on a fresh load the first Tab reaches "Skip to content", which moves focus to the page's content.
      await page.reload();
      await page.getByText('Calls today', { exact: true }).waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // Setup reminders are for admins only.
      expect(await page.getByText('Finish setting up').count()).toBe(0);
      // The navigation folds behind a Menu button at phone width and opens on demand.
      const nav = page.locator('nav#nav');
      expect(await nav.isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Menu' }).click();
      expect(await nav.isVisible()).toBe(true);
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(390);
      await shot(page, 'home-phone-viewer');
      await nav.getByRole('link', { name: 'Services & staff' }).click();

      // Services & staff: rows, but no add/edit/remove.
      await page.getByRole('cell', { name: 'Ana', exact: true }).waitFor();
      expect(await page.getByRole('row').count()).toBeGreaterThan(2);
      expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Remove' }).count()).toBe(0);
      expect(await page.getByText('Add a service').count()).toBe(0);
      // Tables fold into stacked rows instead of pushing the page sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      // Calendar: the appointment opens read-only, no slot buttons or "New appointment".
      await page.goto(`${server.url}/calendar`);
      // The first free slot of a Wednesday morning (the suite's fixed now) is later that same week.
      const appt = page.getByRole('button', { name: /Maria Lopez/ });
      await appt.waitFor();
      expect(await page.getByRole('button', { name: 'New appointment' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^New appointment / }).count()).toBe(0);
      await appt.click();
      await page.getByRole('dialog').getByText('Maria Lopez').waitFor();
      expect(await page.getByRole('button', { name: 'Move appointment' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Cancel appointment' }).count()).toBe(0);
      await page.keyboard.press('Escape');

      // Hours: visible, disabled, no save.
      await page.goto(`${server.url}/hours`);
      const monday = page.getByLabel('Open on Monday');
      await monday.waitFor();
      expect(await monday.isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Save hours' }).count()).toBe(0);

      // Agent settings: fields disabled, no save; the greeting preview still plays.
      await page.goto(`${server.url}/agent`);
      await page.getByLabel('Greeting').waitFor();
      expect(await page.getByLabel('Greeting').isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);

      // Team, knowledge, onboarding: no invite, no edits, no wizard.
      await page.goto(`${server.url}/team`);
      await page.getByRole('cell', { name: 'admin@viewer.test' }).waitFor();
      expect(await page.getByText('Invite someone').count()).toBe(0);
      expect(await page.getByRole('combobox').count()).toBe(0);
      await page.goto(`${server.url}/knowledge`);
      await page.locator('.kb li').first().waitFor();
      expect(await page.getByText('Add an answer').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
      await page.goto(`${server.url}/onboarding`);
      await page.getByText('Only an admin can set up the business.').waitFor();
    },
    scaled(90_000),
  );
});
