// Invariant: one script tag on a plain page of another origin gives customers a working, accessible chat that books a real appointment the owner then sees; the dashboard shows the snippet and a live preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { registerOrg } from '../harness/client.js';
import { startTestServer } from '../harness/server.js';
import { fixedClock } from '../../src/lib/index.js';
import { buildDashboard, launchBrowser, newPage, shot } from './harness.js';
import { scaled } from '../harness/timing.js';

/** Tuesday 10 March 2026, 10:00 in Chicago, on the server and in the pages: "tomorrow" is always Wednesday the 11th. */
const NOW = '2026-03-10T15:00:00Z';

let server: Awaited<ReturnType<typeof startTestServer>>;
let dist: string;
let browser: Browser;
let site: Server;
let siteOrigin: string;
let chatKey = '';

/** A plain HTML page on another origin (another port and host name), with nothing but the snippet. */
function hostPage(apiUrl: string) {
  return createServer((req, res) => {
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Pipe Pros</title><style>button{background:red!important;font-size:40px!important}</style></head>
<body><h1>Pipe Pros — plumbing in Chicago</h1><p>We fix drains.</p>
<script src="${apiUrl}/widget.js" data-key="${chatKey}" async></script></body></html>`);
  });
}

/** Answers the agent like a customer would, from what it just asked. */
function answer(agent: string): string | null {
  if (/all set|you're booked|is booked|booked for|see you/i.test(agent)) return null;
  if (/shall i book|is that right|confirm|does that work|correct\?/i.test(agent)) return 'Yes';
  if (/name/i.test(agent)) return 'John Smith';
  if (/phone|number/i.test(agent)) return '312 555 0142';
  if (/address|where/i.test(agent)) return '12 Main Street, Chicago';
  const offered = /(\d{1,2}(?::\d{2})? ?[AP]M)/i.exec(agent);
  if (offered) return offered[1];
  return 'I need a drain cleaning tomorrow at 10am';
}

beforeAll(async () => {
  dist = await buildDashboard();
  server = await startTestServer({ webDist: dist, clock: fixedClock(NOW, true) });
  site = hostPage(server.url);
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, scaled(180_000));

afterAll(async () => {
  await browser?.close();
  site?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

async function openHost(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(siteOrigin);
  return problems;
}

describe('the website chat widget', () => {
  let org: Awaited<ReturnType<typeof registerOrg>>;

  it('loads on a plain page of an allowed origin, books an appointment by chat, and the owner sees it', async () => {
    org = await registerOrg(server.url, { name: 'Pipe Pros', industry: 'plumbing', timezone: 'America/Chicago' });
    chatKey = org.organization.chatKey;
    expect((await org.api.put('/api/widget', { allowedOrigins: [siteOrigin], color: '#0f766e' })).status).toBe(200);

    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } }, NOW);
    const problems = await openHost(page);
    const launcher = page.getByRole('button', { name: 'Chat with Pipe Pros' });
    await launcher.waitFor();
    // Its styles are its own: the host page's `button { background: red }` does not reach inside.
    expect(await launcher.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(15, 118, 110)');
    await launcher.click();
    const dialog = page.getByRole('dialog', { name: 'Chat with Pipe Pros' });
    await dialog.waitFor();
    const input = page.getByRole('textbox', { name: 'Your message' });
    expect(await input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    const agentLines = page.locator('li.agent');
    await agentLines.first().waitFor();
    await shot(page, 'widget-open');

    let said = 0;
    for (let turn = 0; turn < 12; turn++) {
      const count = await agentLines.count();
      const last = (await agentLines.nth(count - 1).textContent()) ?? '';
      const reply = answer(last.replace(/^Pipe Pros: /, ''));
      if (reply === null) break;
      await input.fill(reply);
      await input.press('Enter');
      said++;
      await page.waitForFunction(
        ([n]) => {
          const host = document.querySelector('[data-infinioffice-widget]');
          return (host?.shadowRoot?.querySelectorAll('li.agent').length ?? 0) > n;
        },
        [count],
      );
    }
    expect(said).toBeGreaterThan(1);
    await shot(page, 'widget-booked');

    const appts = await org.api.get('/api/appointments?from=2026-03-10T00:00:00Z&to=2026-03-20T00:00:00Z');
    const transcript = await page.locator('ol[role="log"]').textContent();
    expect(appts.body.items, transcript ?? '').toHaveLength(1);
    expect(appts.body.items[0].start).toMatch(/^2026-03-11T10:00/);
    const calls = await org.api.get('/api/calls');
    expect(
      calls.body.items.some((c: { channel?: string; id: string }) => c.id && (c.channel ?? 'chat') === 'chat'),
    ).toBe(true);

    // "Call me back": a callback task for the team, from the same window.
    await page.getByRole('button', { name: /call you back/ }).click();
    await page.getByRole('textbox', { name: 'Your phone number' }).fill('312 555 0149');
    await page.getByRole('button', { name: 'Call me' }).click();
    await page.getByText('Thanks! We will call you back soon.').waitFor();
    const leads = await org.api.get('/api/leads');
    expect(leads.body.items.some((l: { phone: string }) => l.phone === '+13125550149')).toBe(true);

    // Keyboard: Escape closes the window and gives focus back to the button.
    await input.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('fills a phone screen when opened', async () => {
    const page = await newPage(browser, { viewport: { width: 375, height: 700 }, isMobile: true, hasTouch: true }, NOW);
    const problems = await openHost(page);
    await page.getByRole('button', { name: 'Chat with Pipe Pros' }).click();
    const box = await page.getByRole('dialog').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 700 });
    await shot(page, 'widget-mobile');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('does not appear on a site that is not allowed', async () => {
    await org.api.put('/api/widget', { allowedOrigins: ['https://elsewhere.example'] });
    const page = await newPage(browser, {}, NOW);
    await page.goto(siteOrigin);
    // The config request is refused by the browser (no CORS header for this origin): no launcher.
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-infinioffice-widget]').count()).toBe(0);
    await page.context().close();
  });

  it('the dashboard page shows the snippet with this key and a live preview', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } }, NOW);
    await page.goto(`${server.url}/login`);
    await page.evaluate((t) => localStorage.setItem('io.session', JSON.stringify(t)), {
      accessToken: org.accessToken,
      refreshToken: org.refreshToken,
    });
    await page.goto(`${server.url}/widget`);
    await page.getByRole('heading', { name: 'Chat widget' }).waitFor();
    expect(await page.getByLabel('Widget snippet').textContent()).toContain(`data-key="${chatKey}"`);
    const preview = page.frameLocator('iframe[title="Widget preview"]');
    await preview.getByRole('dialog', { name: 'Chat with Pipe Pros' }).waitFor();
    // Colour changes show in the preview before saving.
    await page.getByLabel('Colour').fill('#7c3aed');
    await expect
      .poll(() =>
        preview
          .getByRole('button', { name: /Hide chat|Chat with/ })
          .evaluate((b) => getComputedStyle(b).backgroundColor),
      )
      .toBe('rgb(124, 58, 237)');
    await page
      .getByLabel('Websites allowed to show the chat (one per line)')
      .fill(`${siteOrigin}\nhttps://shop.example/path`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/origin such as/).waitFor();
    await shot(page, 'widget-settings');
    await page.context().close();
  });
  it('the outbound and campaign pages: a campaign is created from the form and shows every number', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } }, NOW);
    await page.goto(`${server.url}/login`);
    await page.evaluate((t) => localStorage.setItem('io.session', JSON.stringify(t)), {
      accessToken: org.accessToken,
      refreshToken: org.refreshToken,
    });
    await org.api.post('/api/do-not-call', { e164: '+13125550177', reason: 'asked by phone' });
    await page.goto(`${server.url}/outbound`);
    await page.getByRole('heading', { name: 'Call a customer now' }).waitFor();
    await page.getByText('+13125550177').waitFor();
    await shot(page, 'outbound');
    // The calling rules: new website and missed-call leads called back after 10 minutes, at most 3 calls at once.
    await page.getByLabel('Call back new website and missed-call leads automatically').check();
    await page.getByLabel('Minutes after the lead arrives').fill('10');
    await page.getByLabel('Calls at once, at most').fill('3');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved.').waitFor();
    expect((await org.api.get('/api/outbound-settings')).body).toMatchObject({
      followUp: { enabled: true, delayMinutes: 10 },
      maxConcurrentCalls: 3,
    });
    await page.getByRole('link', { name: 'Campaigns', exact: true }).first().click();
    await page.getByRole('heading', { name: 'New campaign' }).waitFor();
    await page.getByLabel('Name').fill('Spring check');
    await page.getByLabel('Numbers (one per line)').fill('312 555 0170\n+1 312 555 0171\n(312) 555-0177');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Spring check' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(3);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await shot(page, 'campaign');
    await page.context().close();
  });
});
