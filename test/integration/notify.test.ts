// Invariant: every fact (booking, lead, call) reaches each recipient the organization's settings name, once, by real SMTP / Twilio REST / signed webhook — or the dev inbox when none is configured — and bad settings are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg, type ApiClient } from '../harness/client.js';
import { startFakeSmtp, type FakeSmtp } from '../fakes/smtp.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';
import { startWebhookReceiver, type WebhookReceiver } from '../fakes/webhook-receiver.js';
import { createBookingRoutes } from '../../src/api/routes/booking/index.js';
import { createNotifyRoutes, notifyRoutes } from '../../src/api/routes/notify/index.js';
import { createAnnouncer, createChannels, createDispatcher, type Dispatcher } from '../../src/notify/index.js';
import { captureLead as captureLeadOf } from '../../src/leads/index.js';
import { sleep } from '../fakes/common.js';
import { createLogger } from '../../src/lib/index.js';
import { schema, type Db } from '../../src/db/index.js';
import { scaled } from '../harness/timing.js';

let now = new Date('2026-04-06T15:00:00Z'); // Monday 10:00 in Chicago
const clock = { now: () => now };
const announce = createAnnouncer(clock);
const logger = createLogger('silent', { pretty: false });
let server: Awaited<ReturnType<typeof startTestServer>>;
let db: Db;
let smtp: FakeSmtp;
let twilio: FakeTwilioRest;
let rx: WebhookReceiver;
let real: Dispatcher;

const week = [['08:00', '17:00']];
/** A business with hours, a service, a connected number and the owner's addresses. */
// Each business gets its own line: random numbers collided now and then (a 409 in place of 201).
let nextLine = 1000 + Math.floor(Math.random() * 4000);
async function business(name = 'Fix-It Plumbing') {
  const org = await registerOrg(server.url, { name, timezone: 'America/Chicago' });
  const cfg = await org.api.put('/api/config', {
    hours: { mon: week, tue: week, wed: week, thu: week, fri: week },
    notifyEmail: 'owner@fixit.test',
    notifyPhone: '(312) 555-0111',
    minNoticeMin: 60,
  });
  expect(cfg.status).toBe(200);
  const svc = await org.api.post('/api/services', { name: 'Drain repair', durationMin: 60 });
  const num = await org.api.post('/api/phone-numbers', {
    e164: `+1312555${String(nextLine++)}`,
  });
  expect(num.status).toBe(201);
  return { ...org, serviceId: svc.body.id as string, from: num.body.e164 as string };
}

async function book(api: ApiClient, serviceId: string, start: string, customer: Record<string, string>, key?: string) {
  return api.post('/api/appointments', { serviceId, start, customer }, key ? { 'idempotency-key': key } : {});
}

/** Inserts a lead row as leads/ would and announces it in the same transaction. */
async function captureLead(
  organizationId: string,
  lead: Partial<typeof schema.leads.$inferInsert>,
  type: 'lead.created' | 'lead.urgent' = 'lead.created',
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.leads)
      .values({ organizationId, ...lead })
      .returning();
    await announce(tx, { type, lead: row });
    return row;
  });
}

beforeAll(async () => {
  [smtp, twilio, rx] = await Promise.all([
    startFakeSmtp(),
    startFakeTwilioRest(),
    startWebhookReceiver(() => now.getTime()),
  ]);
  // The Twilio account (the fake, which owns any number asked about) is what lets business() connect its number.
  server = await startTestServer({
    clock,
    env: {
      WEBHOOK_ALLOW_PRIVATE: 'true',
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_API_BASE: twilio.url,
    },
    routes: [createBookingRoutes({ events: announce }), notifyRoutes],
  });
  db = server.database.db;
  const channels = createChannels(db, {
    smtp: { url: smtp.url, from: 'InfiniOffice <no-reply@infinioffice.test>' },
    twilio: { accountSid: twilio.accountSid, authToken: twilio.authToken, apiBase: twilio.url },
    publicUrl: server.url,
    webhookAllowPrivate: true,
    clock,
  });
  real = createDispatcher({ db, channels, clock, logger, options: { concurrency: 4 } });
}, scaled(60_000));
afterAll(async () => {
  await server?.close();
  await Promise.all([smtp?.close(), twilio?.close(), rx?.close()]);
});

describe('notifications over real protocols', () => {
  it('a booking emails the owner and confirms to the customer by email and SMS, once each even when the request is replayed', async () => {
    const b = await business();
    const customer = { name: 'Dana Reyes', phone: '312-555-0199', email: 'dana@example.com' };
    const first = await book(b.api, b.serviceId, '2026-04-07T15:00:00Z', customer, 'k-1');
    expect(first.status).toBe(201);
    expect((await book(b.api, b.serviceId, '2026-04-07T15:00:00Z', customer, 'k-1')).status).toBe(201);
    const mailsBefore = smtp.mails.length;
    const smsBefore = twilio.messages.length;
    const pass = await real.runOnce();
    expect(pass).toMatchObject({ claimed: 3, sent: 3, dead: 0 });
    expect((await real.runOnce()).claimed).toBe(0);

    const mails = smtp.mails.slice(mailsBefore);
    const owner = mails.find((m) => m.to.includes('owner@fixit.test'))!;
    const confirm = mails.find((m) => m.to.includes('dana@example.com'))!;
    expect(mails).toHaveLength(2);
    expect(owner.headers.subject).toContain('New booking: Drain repair');
    expect(owner.body).toContain('Dana Reyes');
    expect(confirm.headers.subject).toBe('Your Drain repair with Fix-It Plumbing is booked');
    expect(confirm.body).toContain('Tue, Apr 7 at 10:00 AM'); // the business's local time
    expect(confirm.raw).toMatch(/Content-Type: text\/html/i);
    const sms = twilio.messages.slice(smsBefore);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ To: '+13125550199', From: b.from });
    expect(sms[0].Body).toContain('Drain repair is booked for Tue, Apr 7 at 10:00 AM');
  });

  it('moving and cancelling tell owner and customer, each change once', async () => {
    const b = await business();
    const a = await book(b.api, b.serviceId, '2026-04-08T15:00:00Z', { name: 'Sam Lee', email: 'sam@example.com' });
    await real.runOnce();
    const before = smtp.mails.length;
    expect((await b.api.patch(`/api/appointments/${a.body.id}`, { start: '2026-04-08T18:00:00Z' })).status).toBe(200);
    expect((await b.api.post(`/api/appointments/${a.body.id}/cancel`, {})).status).toBe(200);
    await real.runOnce();
    const subjects = smtp.mails
      .slice(before)
      .map((m) => `${m.to[0]} ${m.headers.subject}`)
      .sort();
    expect(subjects).toEqual([
      'owner@fixit.test Cancelled: Drain repair Wed, Apr 8 at 1:00 PM',
      'owner@fixit.test Moved: Drain repair now Wed, Apr 8 at 1:00 PM',
      'sam@example.com Cancelled: Drain repair Wed, Apr 8 at 1:00 PM',
      'sam@example.com Moved: Drain repair now Wed, Apr 8 at 1:00 PM',
    ]);
  });

  it('a lead’s words are escaped in the HTML email and the owner gets it by SMS when settings say so', async () => {
    const b = await business();
    expect((await b.api.put('/api/notifications', { events: { 'lead.created': ['email', 'sms'] } })).status).toBe(200);
    await captureLead(b.organization.id, {
      name: 'Eve <script>alert(1)</script>',
      phone: '+13125550142',
      need: 'leak & "drip"',
    });
    const [m0, s0] = [smtp.mails.length, twilio.messages.length];
    expect((await real.runOnce()).sent).toBe(2);
    const mail = smtp.mails.slice(m0)[0];
    const html = mail.body.slice(mail.body.search(/Content-Type: text\/html/i));
    expect(html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(twilio.messages.slice(s0)[0]).toMatchObject({ To: '+13125550111' });
  });

  it('a booking refused as taken announces nothing; a finished call reaches the owner when asked for', async () => {
    const b = await business();
    await b.api.put('/api/notifications', { events: { 'call.completed': ['email'] } });
    expect((await book(b.api, b.serviceId, '2026-04-13T15:00:00Z', { name: 'First' })).status).toBe(201);
    await real.runOnce();
    const taken = await book(b.api, b.serviceId, '2026-04-13T15:00:00Z', {
      name: 'Second',
      email: 'second@example.com',
    });
    expect(taken.status).toBe(409);
    const m0 = smtp.mails.length;
    await db.transaction(async (tx) => {
      await announce(tx, {
        type: 'call.completed',
        call: {
          id: '6f1c1f0e-6a4b-4f43-9a39-8f1f1d7e0a11',
          organizationId: b.organization.id,
          from: '+13125550160',
          outcome: 'booked',
          summary: 'Booked a drain repair',
          durationSec: 94,
        },
      });
    });
    await real.runOnce();
    const mails = smtp.mails.slice(m0);
    expect(mails.map((m) => m.headers.subject)).toEqual(['Call from +13125550160: booked']);
    expect(mails[0].body).toContain('Summary: Booked a drain repair');
  });

  it('signed webhooks reach the business’s receiver, which verifies them; the list never shows the secret', async () => {
    const b = await business();
    const created = await b.api.post('/api/webhooks', {
      url: `${rx.url}/hook`,
      events: ['appointment.booked', 'lead.created'],
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    rx.secret = created.body.secret;
    const list = await b.api.get('/api/webhooks');
    expect(list.body.items).toEqual([expect.not.objectContaining({ secret: expect.anything() })]);
    const a = await book(b.api, b.serviceId, '2026-04-09T15:00:00Z', { name: 'Kim' });
    const hits = rx.hits.length;
    await real.runOnce();
    const got = rx.hits.slice(hits);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ valid: true, event: 'appointment.booked', status: 200 });
    expect(got[0].body).toMatchObject({
      type: 'appointment.booked',
      organizationId: b.organization.id,
      data: { appointmentId: a.body.id, serviceName: 'Drain repair' },
    });

    rx.secret = 'whsec_wrong';
    await captureLead(b.organization.id, { name: 'Ann' });
    await real.runOnce();
    expect(rx.hits.at(-1)).toMatchObject({ valid: false, event: 'lead.created' });

    const other = await business('Other Co');
    expect((await other.api.delete(`/api/webhooks/${created.body.id}`)).status).toBe(404);
    expect((await b.api.delete(`/api/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await b.api.get('/api/webhooks')).body.items).toEqual([]);
  });

  it('quiet hours hold a non-urgent message until they end', async () => {
    const b = await business();
    await b.api.put('/api/notifications', { quietHours: { start: '21:00', end: '07:00' } });
    now = new Date('2026-04-07T08:30:00Z'); // 03:30 in Chicago
    try {
      const m0 = smtp.mails.length;
      await captureLead(b.organization.id, { name: 'Night Owl', need: 'quote' });
      expect((await real.runOnce()).claimed).toBe(0);
      now = new Date('2026-04-07T11:59:00Z'); // 06:59
      expect((await real.runOnce()).claimed).toBe(0);
      now = new Date('2026-04-07T12:00:00Z'); // 07:00
      expect((await real.runOnce()).sent).toBe(1);
      expect(smtp.mails.slice(m0)[0].headers.subject).toContain('New lead: Night Owl');
    } finally {
      now = new Date('2026-04-06T15:00:00Z');
    }
  });
});

describe('daily summary', () => {
  it('goes out once a day at the chosen local time with the day’s counts', async () => {
    const b = await business('Summary Plumbing');
    await b.api.put('/api/notifications', {
      dailySummary: { enabled: true, at: '18:00' },
      events: { 'lead.created': [] },
    });
    const day = new Date('2026-04-06T17:00:00Z'); // noon in Chicago
    await captureLead(b.organization.id, { name: 'A', createdAt: day });
    await captureLead(b.organization.id, { name: 'B', priority: 'URGENT', createdAt: day });
    await captureLead(b.organization.id, { name: 'Yesterday', createdAt: new Date('2026-04-05T17:00:00Z') });
    const m0 = smtp.mails.length;
    try {
      now = new Date('2026-04-06T22:59:00Z'); // 17:59
      expect((await real.runOnce()).summaries).toBe(0);
      now = new Date('2026-04-06T23:00:00Z'); // 18:00
      expect(await real.runOnce()).toMatchObject({ summaries: 1, sent: 1 });
      now = new Date('2026-04-07T02:00:00Z'); // 21:00, same local day
      expect((await real.runOnce()).summaries).toBe(0);
      const mine = smtp.mails.slice(m0).filter((m) => m.headers.subject?.startsWith('Summary Plumbing'));
      expect(mine).toHaveLength(1);
      expect(mine[0].headers.subject).toBe('Summary Plumbing — your day (2026-04-06)');
      expect(mine[0].body).toContain('Leads: 2');
      expect(mine[0].body).toContain('Urgent: 1');
    } finally {
      now = new Date('2026-04-06T15:00:00Z');
    }
  });
});

describe('dev inbox (no SMTP, no Twilio)', () => {
  it('holds every message exactly as it would have been sent, per organization', async () => {
    const inbox = createDispatcher({
      db,
      channels: createChannels(db, { publicUrl: server.url, webhookAllowPrivate: true, clock }),
      clock,
      logger,
    });
    const b = await business();
    const other = await business('Other Co');
    await book(b.api, b.serviceId, '2026-04-10T15:00:00Z', {
      name: 'Lou',
      phone: '+13125550177',
      email: 'lou@example.com',
    });
    await inbox.runOnce();
    const items = (await b.api.get('/api/dev-inbox')).body.items;
    expect(items.map((i: any) => `${i.channel} ${i.to}`).sort()).toEqual([
      'email lou@example.com',
      'email owner@fixit.test',
      'sms +13125550177',
    ]);
    const confirm = items.find((i: any) => i.to === 'lou@example.com');
    expect(confirm.subject).toBe('Your Drain repair with Fix-It Plumbing is booked');
    expect(confirm.text).toContain('Fri, Apr 10 at 10:00 AM');
    expect(new Date(confirm.createdAt).toString()).not.toBe('Invalid Date');
    expect((await other.api.get('/api/dev-inbox')).body.items).toEqual([]);
    const smsOnly = await b.api.get('/api/dev-inbox?channel=sms&limit=1');
    expect(smsOnly.body.items).toHaveLength(1);
    expect(smsOnly.body.items[0].text).toContain('is booked for Fri, Apr 10 at 10:00 AM');
  });
});

describe('wired as the composition root does', () => {
  it('the dispatcher runs with the server: an urgent lead captured by leads/ rings the on-call number in the dev inbox, without a duplicate "new lead"', async () => {
    const live = await startTestServer({ routes: [createNotifyRoutes()] });
    try {
      const org = await registerOrg(live.url, { name: 'Live Heating' });
      await org.api.put('/api/config', { notifyEmail: 'owner@live.test', notifyPhone: '312-555-0150' });
      await captureLeadOf(live.database.db, createAnnouncer(live.ctx.clock), {
        organizationId: org.organization.id,
        name: 'Ray',
        need: 'no heat, baby at home',
        priority: 'URGENT',
      });
      // The sign-up's own email-confirmation link may be there too (the dispatcher can deliver it before the fixture marks the address verified).
      const alerts = async () =>
        ((await org.api.get('/api/dev-inbox')).body.items as any[]).filter(
          (x) => !String(x.subject ?? '').startsWith('Confirm your email'),
        );
      let items: any[] = [];
      for (let i = 0; i < 50 && items.length === 0; i++) {
        await sleep(100);
        items = await alerts();
      }
      await sleep(1200); // one more dispatcher pass: nothing else may arrive
      items = await alerts();
      expect(items.map((x) => `${x.channel} ${x.to}`)).toEqual(['call +13125550150']);
      expect(items[0].text).toContain('Urgent call for Live Heating. Ray reports: no heat, baby at home.');
      expect(items[0].html).toContain('<Gather numDigits="1"');
    } finally {
      await live.close();
    }
  });
});

describe('settings', () => {
  it('answers effective settings, keeps unsent fields, and refuses bad addresses and unknown fields', async () => {
    const b = await business();
    const first = await b.api.get('/api/notifications');
    expect(first.body).toMatchObject({
      emails: ['owner@fixit.test'],
      phones: ['+13125550111'],
      events: { 'lead.urgent': ['call', 'sms', 'email'] },
      quietHours: null,
    });
    const put = await b.api.put('/api/notifications', {
      onCall: ['(312) 555-0123', '+1 312 555 0124'],
      escalation: { waitSec: 60 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      onCall: ['+13125550123', '+13125550124'],
      emails: ['owner@fixit.test'],
      escalation: { waitSec: 60, maxRounds: 3 },
    });
    const put2 = await b.api.put('/api/notifications', { escalation: { maxRounds: 5 } });
    expect(put2.body.escalation).toEqual({ waitSec: 60, maxRounds: 5 });

    const badEmail = await b.api.put('/api/notifications', { emails: ['owner@@x'] });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(badEmail.body.error.details)).toContain('body.emails.0');
    const badPhone = await b.api.put('/api/notifications', { onCall: ['555-12'] });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.message).toContain('not a valid phone number');
    expect((await b.api.put('/api/notifications', { pager: true })).status).toBe(400);
    expect((await b.api.put('/api/notifications', { events: { 'lead.created': ['fax'] } })).status).toBe(400);
    expect((await b.api.put('/api/notifications', { quietHours: { start: '25:00', end: '07:00' } })).status).toBe(400);
    expect((await b.api.get('/api/notifications')).body.onCall).toEqual(['+13125550123', '+13125550124']);
    const docs = await b.api.get('/docs/json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/notifications',
        '/api/dev-inbox',
        '/api/webhooks',
        '/api/webhooks/{id}',
        '/api/ack/{token}',
      ]),
    );
  });

  it('refuses webhook URLs pointing at private or loopback addresses unless configuration allows them', async () => {
    const strict = await startTestServer({ routes: [notifyRoutes] });
    try {
      const org = await registerOrg(strict.url);
      for (const url of [
        'http://127.0.0.1:8080/x',
        'http://localhost/x',
        'http://10.1.2.3/x',
        'http://[::1]/x',
        'http://169.254.169.254/latest',
        'http://192.168.1.10/',
        'http://[::ffff:127.0.0.1]/x',
        'ftp://93.184.215.14/x',
        'https://user:pw@93.184.215.14/x',
      ]) {
        const r = await org.api.post('/api/webhooks', { url, events: ['lead.created'] });
        expect(r.status, url).toBe(400);
        expect(r.body.error.message).toMatch(/^url: /);
      }
      expect(
        (await org.api.post('/api/webhooks', { url: 'https://93.184.215.14/hook', events: ['lead.created'] })).status,
      ).toBe(201);
      expect(
        (await org.api.post('/api/webhooks', { url: 'https://93.184.215.14/hook', events: ['lead.exploded'] })).status,
      ).toBe(400);
    } finally {
      await strict.close();
    }
  });
});
