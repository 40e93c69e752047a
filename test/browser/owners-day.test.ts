// Invariant: an owner's everyday pages work in a real browser against the real API: home says whether the receptionist is live and links each gap to its fix, questions callers asked can be answered in one step (and the next caller gets the answer), clients are found by name or number, business settings are saved with plain-English messages, the calendar moves, resizes and blocks time, and the services page warns about what cannot be booked; at phone width the day view scrolls its staff columns under fixed hours and a tap opens an appointment; the dashboard installs as an app whose service worker keeps the shell (never /api) and shows an urgent lead's push; and the demo business opens on a week of activity the product made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiClient, registerOrg, type ApiClient } from '../harness/client.js';
import { scaled } from '../harness/timing.js';
import {
  BROWSER_NOW,
  buildDashboard,
  launchBrowser,
  newContext,
  shot,
  signedInPage,
  startDashboardServer,
} from './harness.js';
import { startFakePushService } from '../fakes/push-service.js';
import { startTestServer } from '../harness/server.js';
import { fixedClock } from '../../src/lib/index.js';

let server: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;
let page: Page;
let owner: Awaited<ReturnType<typeof registerOrg>>;
let api: ApiClient;
const problems: string[] = [];
let serverStarted = 0;
let dist = '';

beforeAll(async () => {
  dist = await buildDashboard();
  // (private addresses allowed: the fake push service listens on 127.0.0.1)
  server = await startDashboardServer(dist, BROWSER_NOW, { WEBHOOK_ALLOW_PRIVATE: 'true' });
  serverStarted = Date.now();
  owner = await registerOrg(server.url, { industry: 'salon', name: 'Shear Joy Salon', timezone: 'America/New_York' });
  api = owner.api;
  browser = await launchBrowser();
  page = await signedInPage(browser, owner, problems, { viewport: { width: 1280, height: 900 } });
}, scaled(120_000));

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, heading: string | RegExp) {
  await page.goto(`${server.url}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'));
  expect(await page.locator('.notice.error').allTextContents()).toEqual([]);
}

/** One website chat conversation through the public widget API. */
async function chat(lines: string[]) {
  const anon = apiClient(server.url);
  const s = await anon.post(`/api/chat/${owner.organization.chatKey}/sessions`, {});
  const replies: string[] = [];
  for (const text of lines) {
    const r = await anon.post(`/api/chat/${owner.organization.chatKey}/sessions/${s.body.id}/messages`, { text });
    replies.push(r.body.reply);
    if (r.body.done) break;
  }
  return replies.join(' ');
}

describe('home and questions to answer', () => {
  it('home says the receptionist is not live, lists what is missing, and each gap links to the page that fixes it', async () => {
    await open('/', 'Today at Shear Joy Salon');
    const status = page.locator('section', {
      has: page.getByRole('heading', { name: 'Your receptionist is not live yet' }),
    });
    await status.getByText('Connect a phone number so callers can reach your receptionist').waitFor();
    // Alerts default to the sign-up email, so that item is already fine.
    await status.getByText(`Alerts go to ${owner.email}`).waitFor();
    await shot(page, 'home-not-live');
    await status.getByRole('link', { name: 'Connect a number →' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phone numbers' }).waitFor();
  });

  it('a question the agent could not answer is answered once on its page, leaves the list, and the next caller gets the answer', async () => {
    await chat(['Do you sell gift cards?']);
    await chat(['can I buy a gift card from you']);
    await open('/', /^Today at/);
    await page.getByRole('link', { name: 'Answer them →' }).click();
    await page.getByRole('heading', { level: 1, name: 'Questions to answer' }).waitFor();
    const item = page.locator('.questions li', { hasText: 'Do you sell gift cards?' });
    await item.getByText('Asked 2 times').waitFor();
    await item.getByRole('button', { name: 'Save answer' }).click();
    await item.getByText('Please write the answer').waitFor();
    await shot(page, 'questions');
    await item.getByLabel('Your answer').fill('Yes, gift cards in any amount at the front desk.');
    await item.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('Added to your knowledge').waitFor();
    await item.waitFor({ state: 'detached' });
    const kb = (await api.get('/api/knowledge')).body.items as { question: string; body: string }[];
    expect(kb.some((k) => k.question === 'Do you sell gift cards?' && /front desk/.test(k.body))).toBe(true);
    expect(await chat(['Do you sell gift cards?'])).toMatch(/front desk/);
    expect(problems).toEqual([]);
  });
});

describe('clients and settings', () => {
  it('a client who booked is found by part of their number, their page shows the visit, and notes are saved', async () => {
    const service = (await api.get('/api/services')).body.items[0];
    const slots = (
      await api.get(`/api/availability?serviceId=${service.id}&from=2026-03-12T00:00:00Z&to=2026-03-15T00:00:00Z`)
    ).body.slots;
    expect(
      (
        await api.post('/api/appointments', {
          serviceId: service.id,
          start: slots[0].start,
          customer: { name: 'Maria Lopez', phone: '(312) 555-0142', email: 'maria@example.com' },
        })
      ).status,
    ).toBe(201);
    await open('/clients', 'Clients');
    await page.getByLabel('Search clients').fill('555 0142');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('cell', { name: '(312) 555-0142' }).waitFor();
    await shot(page, 'clients');
    await page.getByRole('link', { name: 'Maria Lopez' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maria Lopez' }).waitFor();
    await page.locator('section', { hasText: 'Upcoming appointments' }).getByText(service.name).waitFor();
    await page.getByLabel('Notes', { exact: true }).fill('Prefers mornings');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await shot(page, 'client-page');
    const found = (await api.get('/api/clients?q=maria')).body.items[0];
    expect(found.notes).toBe('Prefers mornings');
  });

  it('settings: an empty name and an unknown time zone get plain-English messages; a fixed form is saved', async () => {
    const before = (await api.get('/api/config')).body.minNoticeMin;
    await open('/settings', 'Business settings');
    await page.getByLabel('Business name').fill('');
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Please enter your business name').waitFor();
    await page.getByText('Please choose a time zone from the list').waitFor();
    await shot(page, 'settings-errors');
    await page.getByLabel('Business name').fill('Shear Joy Studio');
    await page.getByLabel('Time zone').fill('America/Chicago');
    await page.getByLabel('Address').fill('12 Main Street, Springfield');
    await page.getByText('Advanced').click();
    await page.getByLabel('Minimum notice for a booking (hours)').fill('2');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const org = (await api.get('/api/organization')).body;
    expect(org).toMatchObject({ name: 'Shear Joy Studio', timezone: 'America/Chicago' });
    expect((await api.get('/api/config')).body).toMatchObject({
      address: '12 Main Street, Springfield',
      minNoticeMin: 120,
    });
    // back as it was for the other tests
    expect((await api.put('/api/organization', { name: 'Shear Joy Salon', timezone: 'America/New_York' })).status).toBe(
      200,
    );
    expect((await api.put('/api/config', { minNoticeMin: before })).status).toBe(200);
    expect(problems).toEqual([]);
  });
});

describe('words an owner understands', () => {
  it("the agent page speaks of languages in words, keeps the engine under Advanced, counts the greeting's room; home and a call say answer times in seconds", async () => {
    await open('/agent', 'Agent & voice');
    const language = page.getByLabel('Language');
    expect(await language.evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await language.locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['English', 'Spanish (español)']),
    );
    // the engine (a vendor word) waits behind "Advanced"
    expect(await page.getByLabel('Engine').isVisible()).toBe(false);
    await page.getByText('Advanced', { exact: true }).click();
    await page.getByLabel('Engine').waitFor({ state: 'visible' });
    // a long field shows its room and says plainly when it is over
    const greeting = page.getByLabel('Greeting');
    await greeting.fill('Thanks for calling Shear Joy Salon.');
    await page.getByText('35 / 1,000').waitFor();
    await greeting.fill('x'.repeat(1001));
    await page.getByText('Please keep this under 1,000 characters').waitFor();
    await shot(page, 'agent-words');
    await greeting.fill('Thanks for calling Shear Joy Salon.');
    await open('/', /./);
    await page.getByText('Answers callers in about').waitFor();
    expect(await page.getByText(/turn latency|p50|p95/).count()).toBe(0);
    // a call's timings: one sentence, the per-turn table under Advanced
    await chat(['Do you do balayage?']);
    const calls = (await api.get('/api/calls')).body.items as Array<{ id: string }>;
    await open(`/calls/${calls[0].id}`, /./);
    await page.getByRole('heading', { name: 'How quickly the agent answered' }).waitFor();
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'How quickly the agent answered' }),
    });
    expect(await section.locator('p').first().textContent()).toMatch(
      /^(Answered in about \d+(\.\d)? s|No answer times were recorded)/,
    );
    await section.getByText('Advanced: timing of each turn (ms)').waitFor();
    expect(problems).toEqual([]);
  });
});

describe('services and staff', () => {
  it('warns about a service nobody does; the staff form follows services added and removed without a reload', async () => {
    const services = (await api.get('/api/services')).body.items as { id: string; name: string }[];
    // (the first service has a booking from the clients test; the one removed here has none)
    const [first, second, removed] = services;
    await open('/services', 'Services & staff');
    await page.getByText('Add a staff member').click();
    const add = page.getByRole('form', { name: 'Add a staff member' });
    await add.getByLabel('Staff name').fill('Sam');
    for (const sv of services.slice(1)) await add.getByLabel(sv.name, { exact: true }).uncheck();
    await add.getByRole('button', { name: 'Add staff member' }).click();
    await page.getByRole('cell', { name: 'Sam', exact: true }).waitFor();
    const svc = page.locator('section[aria-labelledby="svc-h"]');
    const warned = svc.locator('tr', { hasText: second.name }).getByRole('note');
    await warned.getByText(/Nobody on your staff does this/).waitFor();
    expect(await svc.locator('tr', { hasText: first.name }).getByRole('note').count()).toBe(0);
    await shot(page, 'services-warning');

    // A service removed while the page is open is gone from the staff form; editing Sam still saves.
    page.once('dialog', (d) => void d.accept());
    await svc.locator('tr', { hasText: removed.name }).getByRole('button', { name: 'Remove' }).click();
    await svc.getByRole('cell', { name: removed.name, exact: true }).waitFor({ state: 'detached' });
    await page.locator('tr', { hasText: 'Sam' }).getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit Sam' });
    expect(await edit.getByLabel(removed.name, { exact: true }).count()).toBe(0);
    // A service added a moment ago is offered at once.
    await page.getByText('Add a service').click();
    await page.getByLabel('Service name').fill('Scalp Massage');
    await page.getByLabel('Minutes').fill('20');
    await page.getByRole('button', { name: 'Add service' }).click();
    await edit.getByLabel('Scalp Massage', { exact: true }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    const sam = (await api.get('/api/staff')).body.items.find((x: { name: string }) => x.name === 'Sam');
    const massage = (await api.get('/api/services')).body.items.find(
      (x: { name: string }) => x.name === 'Scalp Massage',
    );
    expect([...sam.serviceIds].sort()).toEqual([first.id, massage.id].sort());
    expect(problems).toEqual([]);
  });
});

describe('calendar', () => {
  it('day view has a column per staff member; dragging moves an appointment to another time and staff member, the bottom edge changes its length, a taken time gets a plain message, and a blocked break is shown and never offered', async () => {
    const services = (await api.get('/api/services')).body.items as { id: string; name: string; durationMin: number }[];
    const svc = services.find((x) => x.name === 'Scalp Massage') ?? services[0];
    const staff = (await api.get('/api/staff')).body.items as { id: string; name: string }[];
    const sam =
      staff.find((s) => s.name === 'Sam')?.id ??
      ((await api.post('/api/staff', { name: 'Sam', serviceIds: [svc.id] })).body.id as string);
    await api.put(`/api/staff/${sam}`, { serviceIds: [svc.id] });
    const kim = (await api.post('/api/staff', { name: 'Kim', serviceIds: [svc.id] })).body.id as string;
    const book = async (name: string, start: string, staffId: string) => {
      const r = await api.post('/api/appointments', {
        serviceId: svc.id,
        staffId,
        start,
        customer: { name, phone: '+13125550188' },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body;
    };
    const day = '2026-03-12';
    const first = await book('Nina Park', `${day}T10:00:00-04:00`, sam);
    await book('Omar Haddad', `${day}T14:00:00-04:00`, kim);

    await open(`/calendar?view=day&date=${day}`, 'Appointments');
    await page.getByRole('group', { name: `Sam on ${day}` }).waitFor();
    const nina = page.getByRole('button', { name: /Nina Park/ });
    await nina.waitFor();
    await shot(page, 'calendar-day');
    // Drag Nina one hour down into Kim's column.
    const box = (await nina.boundingBox())!;
    const kimCol = (await page.getByRole('group', { name: `Kim on ${day}` }).boundingBox())!;
    const pxPerHour = 60 * 0.9;
    await page.mouse.move(box.x + box.width / 2, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(kimCol.x + kimCol.width / 2, box.y + 8 + pxPerHour / 2, { steps: 5 });
    await page.mouse.move(kimCol.x + kimCol.width / 2, box.y + 8 + pxPerHour, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await api.get(`/api/appointments/${first.id}`)).body.staffId).toBe(kim);
    const moved = (await api.get(`/api/appointments/${first.id}`)).body;
    expect(Date.parse(moved.start) - Date.parse(first.start)).toBe(60 * 60_000);
    expect(await page.getByRole('dialog').count()).toBe(0); // a drag is not a click

    // Resize it by dragging its bottom edge 30 minutes down.
    const length0 = (Date.parse(moved.end) - Date.parse(moved.start)) / 60_000;
    // the calendar reloads after the move: measure the appointment once it stands in Kim's column
    const ninaAtKim = page.getByRole('group', { name: `Kim on ${day}` }).getByRole('button', { name: /Nina Park/ });
    await ninaAtKim.waitFor();
    const nb = (await ninaAtKim.boundingBox())!;
    await page.mouse.move(nb.x + nb.width / 2, nb.y + nb.height - 3);
    await page.mouse.down();
    await page.mouse.move(nb.x + nb.width / 2, nb.y + nb.height - 3 + pxPerHour / 2, { steps: 6 });
    await page.mouse.up();
    await expect
      .poll(async () => {
        const a = (await api.get(`/api/appointments/${first.id}`)).body;
        return (Date.parse(a.end) - Date.parse(a.start)) / 60_000;
      })
      .toBe(length0 + 30);

    // Onto Omar's time: refused with a plain message, nothing changes.
    const ob = (await page.getByRole('button', { name: /Omar Haddad/ }).boundingBox())!;
    const nb2 = (await page.getByRole('button', { name: /Nina Park/ }).boundingBox())!;
    await page.mouse.move(nb2.x + nb2.width / 2, nb2.y + 8);
    await page.mouse.down();
    await page.mouse.move(nb2.x + nb2.width / 2, ob.y + 8, { steps: 8 });
    await page.mouse.up();
    await page.getByText('That time is taken (another booking or blocked time), so nothing was changed.').waitFor();
    await shot(page, 'calendar-conflict');
    expect((await api.get(`/api/appointments/${first.id}`)).body.start).toBe(moved.start);

    // A lunch break for Sam: shown on the calendar, and the agent never offers it.
    await page.getByRole('button', { name: 'Block time' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Who').selectOption({ label: 'Sam' });
    await dialog.getByLabel('From', { exact: true }).fill('12:00');
    await dialog.getByLabel('Until', { exact: true }).fill('11:00');
    await dialog.getByRole('button', { name: 'Block this time' }).click();
    await dialog.getByText('The end must be after the start').waitFor();
    await dialog.getByLabel('Until', { exact: true }).fill('13:00');
    await dialog.getByLabel('Reason (optional)').fill('Lunch');
    await dialog.getByRole('button', { name: 'Block this time' }).click();
    await page
      .getByRole('group', { name: `Sam on ${day}` })
      .getByText('Break · Lunch')
      .waitFor();
    await shot(page, 'calendar-break');
    const slots = (
      await api.get(
        `/api/availability?serviceId=${svc.id}&staffId=${sam}&from=${day}T00:00:00-04:00&to=${day}T23:59:00-04:00`,
      )
    ).body.slots as { start: string; end: string }[];
    expect(slots.length).toBeGreaterThan(0);
    expect(
      slots.some(
        (s) =>
          Date.parse(s.start) < Date.parse(`${day}T13:00:00-04:00`) &&
          Date.parse(s.end) > Date.parse(`${day}T12:00:00-04:00`),
      ),
    ).toBe(false);

    await open(`/calendar?date=${day}`, 'Appointments');
    await page.getByRole('button', { name: /Nina Park/ }).waitFor();
    await shot(page, 'calendar-week');
    expect(problems).toEqual([]);
  });
});

describe('calendar at phone width', () => {
  it('at 375 px the day view scrolls its staff columns sideways with the hours kept in view and readable, a tap opens an appointment, and one staff member can be picked', async () => {
    const svc = (await api.get('/api/services')).body.items[0] as { id: string; name: string };
    const names = ['Ana', 'Lee', 'Rio'];
    const ids: Record<string, string> = {};
    for (const name of names) {
      const r = await api.post('/api/staff', { name, serviceIds: [svc.id] });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids[name] = r.body.id;
    }
    const day = '2026-03-13';
    const clients = { Ana: 'Jo Rivera', Lee: 'Kai Brooks', Rio: 'Uma Stone' } as Record<string, string>;
    for (const [i, name] of names.entries()) {
      const r = await api.post('/api/appointments', {
        serviceId: svc.id,
        staffId: ids[name],
        start: `${day}T${10 + i}:00:00-04:00`,
        customer: { name: clients[name], phone: `+1312555020${i}` },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const p = await signedInPage(browser, owner, problems, {
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = p.context();
    try {
      await p.goto(`${server.url}/calendar?view=day&date=${day}`);
      await p.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
      await p.getByRole('group', { name: `Rio on ${day}` }).waitFor();
      // The page itself never scrolls sideways; the calendar's columns do.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const grid = p.locator('.week.day');
      const { scrollWidth, clientWidth } = await grid.evaluate((el) => ({
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
      }));
      expect(scrollWidth).toBeGreaterThan(clientWidth);
      const uma = p.getByRole('button', { name: /Uma Stone/ });
      await uma.scrollIntoViewIfNeeded();
      await shot(p, 'calendar-phone');
      // The hour labels stay at the left edge while the columns scroll, and are readable.
      const label = p.locator('.hour-label').filter({ hasText: /^12:00\s?PM$/ });
      const lb = (await label.boundingBox())!;
      expect(lb.x).toBeGreaterThanOrEqual(0);
      expect(lb.x + lb.width).toBeLessThan(80);
      expect(await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12);
      const ub = (await uma.boundingBox())!;
      expect(ub.x).toBeGreaterThan(lb.x + lb.width - 1); // not under the hours
      expect(ub.x + ub.width).toBeLessThanOrEqual(375);
      // A tap opens the appointment.
      await uma.tap();
      const dialog = p.getByRole('dialog', { name: 'Appointment' });
      await dialog.getByText(/for Uma Stone/).waitFor();
      await dialog.getByText(/· Rio/).waitFor();
      await shot(p, 'calendar-phone-appointment');
      await dialog.getByRole('button', { name: 'Close' }).tap();
      // One staff member at a time: a full-width column.
      await p.getByRole('tablist', { name: 'Staff' }).getByRole('tab', { name: 'Lee' }).tap();
      await p.getByRole('button', { name: /Kai Brooks/ }).waitFor();
      expect(await p.getByRole('group', { name: `Rio on ${day}` }).count()).toBe(0);
      const kb = (await p.getByRole('button', { name: /Kai Brooks/ }).boundingBox())!;
      expect(kb.width).toBeGreaterThan(200);
      await shot(p, 'calendar-phone-one-staff');
      expect(problems).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});

describe('the dashboard as an app on a phone', () => {
  it('installs (a manifest with icons, standalone; a service worker that keeps the app shell and never /api), and with alerts allowed an emergency call raises a push notification', async () => {
    const push = await startFakePushService(() => new Date(Date.parse(BROWSER_NOW) + Date.now() - serverStarted));
    const plumber = await registerOrg(server.url, { industry: 'plumbing', name: 'Rapid Rooter' });
    // Headless Chromium reaches no vendor push service: the subscription the browser hands out is the fake service's.
    const browserSub = push.subscribe('owner-phone');
    const p = await signedInPage(
      browser,
      plumber,
      problems,
      { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
      async (context) => {
        await context.grantPermissions(['notifications'], { origin: server.url });
        await context.addInitScript((sub) => {
          const fake = {
            endpoint: sub.endpoint,
            expirationTime: null,
            options: {},
            getKey: () => null,
            toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
            unsubscribe: async () => {
              localStorage.removeItem('fake-push');
              return true;
            },
          };
          PushManager.prototype.subscribe = async function (opts?: PushSubscriptionOptionsInit) {
            const k = opts?.applicationServerKey;
            localStorage.setItem(
              'fake-push',
              btoa(String.fromCharCode(...new Uint8Array(k as ArrayBuffer)))
                .replace(/\+/g, '-')
                .replace(/\//g, '_')
                .replace(/=+$/, ''),
            );
            return fake as unknown as PushSubscription;
          };
          PushManager.prototype.getSubscription = async function () {
            return (localStorage.getItem('fake-push') ? fake : null) as unknown as PushSubscription;
          };
        }, browserSub);
      },
    );
    const phone = p.context();
    try {
      await p.goto(`${server.url}/`);
      await p.getByRole('heading', { level: 1, name: /^Today at/ }).waitFor();
      // The manifest: installable as a standalone app with PNG icons of the sizes it names.
      const href = await p.locator('link[rel=manifest]').getAttribute('href');
      const manifest = await (await fetch(new URL(href!, server.url))).json();
      expect(manifest).toMatchObject({ name: 'InfiniOffice', start_url: '/', display: 'standalone' });
      for (const size of [192, 512]) {
        const icon = manifest.icons.find((i: any) => i.sizes === `${size}x${size}` && i.type === 'image/png');
        const res = await fetch(new URL(icon.src, server.url));
        expect(res.headers.get('content-type')).toBe('image/png');
        const png = Buffer.from(await res.arrayBuffer());
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }
      // The service worker takes the page, keeps the app shell and nothing from /api.
      expect(await p.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toBe(
        `${server.url}/sw.js`,
      );
      await p.waitForFunction(() => !!navigator.serviceWorker.controller);
      // the page now opens through the service worker (with the kept shell when there is no network)
      expect((await p.reload())?.fromServiceWorker()).toBe(true);
      await p.getByRole('heading', { level: 1, name: /^Today at/ }).waitFor();
      await shot(p, 'app-home-phone');
      const cached = await p.evaluate(async () =>
        (
          await Promise.all(
            (await caches.keys()).map(async (k) =>
              (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname),
            ),
          )
        ).flat(),
      );
      expect(cached).toContain('/');
      expect(cached.some((u) => u.startsWith('/assets/'))).toBe(true);
      expect(cached.filter((u) => u.startsWith('/api'))).toEqual([]);

      // Alerts on this phone: allowed once, an emergency call raises a push the phone can read.
      await p.goto(`${server.url}/notifications`);
      await p.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      await p.getByRole('button', { name: 'Turn on alerts on this device' }).tap();
      await p.getByRole('status').filter({ hasText: 'Alerts are on' }).waitFor();
      await shot(p, 'phone-alerts');
      const publicKey = (await plumber.api.get('/api/push/public-key')).body.publicKey;
      expect(await p.evaluate(() => localStorage.getItem('fake-push'))).toBe(publicKey);
      expect((await plumber.api.get('/api/push/subscriptions')).body.items.map((s: any) => s.endpoint)).toEqual([
        browserSub.endpoint,
      ]);

      const anon = apiClient(server.url);
      const s = await anon.post(`/api/chat/${plumber.organization.chatKey}/sessions`, {});
      for (const text of [
        'A pipe burst and water is flooding my basement!',
        'Pat Kim',
        '3125550188',
        '12 Elm Street, Springfield',
        'yes',
      ]) {
        const r = await anon.post(`/api/chat/${plumber.organization.chatKey}/sessions/${s.body.id}/messages`, { text });
        if (r.body.done) break;
      }
      await expect.poll(() => push.hits.length, { timeout: scaled(15_000) }).toBeGreaterThan(0);
      const hit = push.hits[0];
      expect(hit.problems).toEqual([]);
      expect(hit.payload).toMatchObject({
        title: expect.stringMatching(/^URGENT/),
        url: expect.stringMatching(/^\/leads/),
      });
      // The push reaches the service worker, which shows it.
      const cdp = await phone.newCDPSession(p);
      const registrationId = await new Promise<string>((resolve) => {
        cdp.on('ServiceWorker.workerRegistrationUpdated', (e: any) => {
          const r = e.registrations.find((x: any) => x.scopeURL === `${server.url}/`);
          if (r) resolve(r.registrationId);
        });
        void cdp.send('ServiceWorker.enable');
      });
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin: server.url,
        registrationId,
        data: JSON.stringify(hit.payload),
      });
      await expect
        .poll(
          () =>
            p.evaluate(async () =>
              (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => `${n.title} | ${n.body}`),
            ),
          { timeout: scaled(10_000) },
        )
        .toContain(`${hit.payload.title} | ${hit.payload.body}`);
      expect(problems).toEqual([]);
    } finally {
      await phone.close();
      await push.close();
    }
  });
});

describe('the demo business', () => {
  it('opens on a week of real activity: the calls chart, calls with who called and what they wanted, a transcript, bookings from calls and the emergency among the leads', async () => {
    // a server of its own that creates the demo business (as `npm start` does on the embedded database)
    const demo = await startTestServer({
      webDist: dist,
      clock: fixedClock(BROWSER_NOW, true),
      env: { SEED_DEMO: 'true' },
    });
    const ctx = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    try {
      await p.goto(`${demo.url}/login`);
      await p.getByLabel('Email').fill('owner@demo-plumbing.test');
      await p.getByLabel('Password').fill('demo-password-123');
      await p.getByRole('button', { name: 'Log in' }).click();
      await p.getByRole('heading', { level: 1, name: /^Today at Demo Plumbing/ }).waitFor();
      const chart = p.getByRole('img', { name: /calls per day: \d+ in total/ });
      await chart.waitFor();
      const total = Number((await chart.getAttribute('aria-label'))!.match(/: (\d+) in total/)![1]);
      expect(total).toBeGreaterThanOrEqual(6);
      await shot(p, 'demo-home');

      await p.goto(`${demo.url}/calls`);
      await p.getByRole('heading', { level: 1, name: 'Calls' }).waitFor();
      await p.waitForFunction(() => !document.querySelector('[aria-busy=true]'));
      const rows = p.locator('table tbody tr');
      expect(await rows.count()).toBeGreaterThanOrEqual(6);
      await shot(p, 'demo-calls');
      await rows.first().click();
      await p.getByRole('heading', { level: 1, name: 'Call' }).waitFor();
      await p
        .getByText(/Thanks for calling Demo Plumbing|Demo Plumbing/)
        .first()
        .waitFor();
      await shot(p, 'demo-call');

      await p.goto(`${demo.url}/leads`);
      await p.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
      await p.locator('.lead.urgent').first().waitFor();
      await shot(p, 'demo-leads');
      expect(problems).toEqual([]);
    } finally {
      await ctx.close();
      await demo.close();
    }
  });
});
