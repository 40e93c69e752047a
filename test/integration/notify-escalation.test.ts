// Invariant: an urgent lead climbs the ladder (call, next call, SMS with link, email) one step per wait, round after round, even in quiet hours, until someone acknowledges by key press or link — and then nothing more is sent; every step and the acknowledgement are on the lead's trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import twilioSdk from 'twilio';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';
import { notifyRoutes } from '../../src/api/routes/notify/index.js';
import { createAnnouncer, createNotifications, type Dispatcher, type EscalationState } from '../../src/notify/index.js';
import { createLogger } from '../../src/lib/index.js';
import { schema, type Db } from '../../src/db/index.js';
import { eq, sql } from 'drizzle-orm';
import { scaled } from '../harness/timing.js';

const T0 = new Date('2026-04-07T08:00:00Z'); // 03:00 in Chicago: inside quiet hours
let now = T0;
const clock = { now: () => now };
const at = (sec: number) => {
  now = new Date(T0.getTime() + sec * 1000);
};
const announce = createAnnouncer(clock);
let server: Awaited<ReturnType<typeof startTestServer>>;
let db: Db;
let twilio: FakeTwilioRest;
let dispatcher: Dispatcher;

const ON_CALL = ['+13125550101', '+13125550102'];
const OWNER_CELL = '+13125550103';

async function urgentBusiness(escalation: { waitSec: number; maxRounds: number }, events?: Record<string, string[]>) {
  const org = await registerOrg(server.url, { name: 'Rapid Rooter' });
  await org.api.post('/api/phone-numbers', { e164: `+1312555${String(2000 + Math.floor(Math.random() * 7000))}` });
  const put = await org.api.put('/api/notifications', {
    onCall: ON_CALL,
    phones: [OWNER_CELL],
    emails: ['boss@rooter.test'],
    escalation,
    quietHours: { start: '21:00', end: '07:00' },
    ...(events ? { events } : {}),
  });
  expect(put.status).toBe(200);
  return org;
}

async function urgentLead(organizationId: string, need = 'Burst pipe <flooding> & "sparks"') {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.leads)
      .values({
        organizationId,
        name: 'Pat Kim',
        phone: '+13125550188',
        need,
        priority: 'URGENT',
        address: '12 Elm St',
      })
      .returning();
    await announce(tx, { type: 'lead.urgent', lead: row });
    return row;
  });
}

async function stateOf(leadId: string): Promise<EscalationState> {
  const [row] = await db.select({ e: schema.leads.escalation }).from(schema.leads).where(eq(schema.leads.id, leadId));
  return row.e as unknown as EscalationState;
}

/** The acknowledge token of the lead's newest unsent alert step (the raw token lives only in the outbox until sent). */
async function pendingAckToken(leadId: string): Promise<string> {
  const rows = await db
    .select({ p: schema.outbox.payload })
    .from(schema.outbox)
    .where(sql`${schema.outbox.payload}->'data'->>'leadId' = ${leadId} and ${schema.outbox.payload} ? 'ackToken'`);
  expect(rows.length).toBeGreaterThan(0);
  return rows.at(-1)!.p.ackToken as string;
}

/** Posts the Gather result as Twilio would: form-encoded, signed over the URL and parameters. */
async function pressKey(token: string, digits: string, to: string, signed = true) {
  const url = `${server.url}/api/ack/${token}/call`;
  const params = { CallSid: 'CA' + '0'.repeat(32), Digits: digits, To: to, From: '+13125550000' };
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signed) headers['x-twilio-signature'] = twilioSdk.getExpectedTwilioSignature(twilio.authToken, url, params);
  const res = await fetch(url, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

beforeAll(async () => {
  twilio = await startFakeTwilioRest();
  server = await startTestServer({
    clock,
    env: { TWILIO_ACCOUNT_SID: twilio.accountSid, TWILIO_AUTH_TOKEN: twilio.authToken, TWILIO_API_BASE: twilio.url },
    routes: [notifyRoutes],
  });
  db = server.database.db;
  // Wired from the server's own Config, as the composition root does.
  dispatcher = createNotifications({
    db,
    config: server.ctx.config,
    clock,
    logger: createLogger('silent', { pretty: false }),
    fallbackUrl: server.url,
  }).dispatcher;
}, scaled(60_000));
afterAll(async () => {
  await server?.close();
  await twilio?.close();
});

describe('escalation ladder', () => {
  it('calls, calls the next number, texts the link, emails, repeats — and stops at a key press', async () => {
    at(0);
    const org = await urgentBusiness({ waitSec: 30, maxRounds: 3 });
    const lead = await urgentLead(org.organization.id);
    const token = await pendingAckToken(lead.id);
    const c0 = twilio.calls.length;
    const m0 = twilio.messages.length;

    await dispatcher.runOnce();
    expect(twilio.calls.slice(c0).map((c) => c.To)).toEqual([ON_CALL[0]]);
    const twiml = twilio.calls[c0].Twiml;
    expect(twiml).toContain('Burst pipe &lt;flooding&gt; &amp; &quot;sparks&quot;');
    expect(twiml).toContain(`<Gather numDigits="1" action="${server.url}/api/ack/${token}/call" method="POST"`);
    expect(twiml).not.toContain('<flooding>');

    at(29);
    await dispatcher.runOnce();
    expect(twilio.calls.length - c0).toBe(1);
    at(30);
    await dispatcher.runOnce();
    expect(twilio.calls.slice(c0).map((c) => c.To)).toEqual(ON_CALL);
    at(60);
    await dispatcher.runOnce();
    const texts = twilio.messages.slice(m0);
    expect(texts.map((m) => m.To).sort()).toEqual([...ON_CALL, OWNER_CELL].sort());
    // every step its own link
    const smsToken = new RegExp(`Acknowledge: ${server.url}/api/ack/([\\w-]{20,})`).exec(texts[0].Body)?.[1];
    expect(smsToken).toBeTruthy();
    expect(smsToken).not.toBe(token);
    at(90);
    await dispatcher.runOnce();
    const mail = (await org.api.get('/api/dev-inbox?channel=email')).body.items;
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      to: 'boss@rooter.test',
      subject: expect.stringContaining('URGENT: Burst pipe <flooding>'),
    });
    expect(mail[0].html).toMatch(new RegExp(`href="${server.url}/api/ack/[\\w-]{20,}"`));
    at(120);
    await dispatcher.runOnce();
    expect(twilio.calls.slice(c0).map((c) => c.To)).toEqual([...ON_CALL, ON_CALL[0]]);

    expect((await pressKey(token, '1', ON_CALL[0], false)).status).toBe(403);
    const wrongKey = await pressKey(token, '7', ON_CALL[0]);
    expect(wrongKey.text).toContain('<Gather numDigits="1"');
    expect((await stateOf(lead.id)).status).toBe('active');
    const ok = await pressKey(token, '1', ON_CALL[0]);
    expect(ok.status).toBe(200);
    expect(ok.type).toContain('xml');
    expect(ok.text).toContain('The emergency is acknowledged');

    const [calls, texted] = [twilio.calls.length, twilio.messages.length];
    for (const s of [150, 180, 210, 600]) {
      at(s);
      await dispatcher.runOnce();
    }
    expect([twilio.calls.length, twilio.messages.length]).toEqual([calls, texted]);

    const trail = await org.api.get(`/api/notifications/escalations/${lead.id}`);
    expect(trail.status).toBe(200);
    expect(trail.body).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: `call:${ON_CALL[0]}`,
      acknowledgedAt: new Date(T0.getTime() + 120_000).toISOString(),
    });
    const steps = trail.body.trail.filter((t: any) => t.action === 'step');
    expect(steps.map((s: any) => `${s.round}.${s.step} ${s.channel}`)).toEqual([
      '1.0 call',
      '1.1 call',
      '1.2 sms',
      '1.3 email',
      '2.0 call',
    ]);
    expect(steps.flatMap((s: any) => s.deliveries.map((d: any) => d.status))).toEqual(Array(7).fill('sent'));
    expect(trail.body.trail.at(-1)).toMatchObject({ action: 'acknowledged', by: `call:${ON_CALL[0]}` });

    const stranger = await registerOrg(server.url);
    expect((await stranger.api.get(`/api/notifications/escalations/${lead.id}`)).status).toBe(404);
  });

  it('the link page does not acknowledge by itself; its button does, once', async () => {
    at(0);
    const org = await urgentBusiness({ waitSec: 30, maxRounds: 3 });
    const lead = await urgentLead(org.organization.id, 'no heat');
    const token = await pendingAckToken(lead.id);
    const pageRes = await fetch(`${server.url}/api/ack/${token}`);
    const html = await pageRes.text();
    expect(html).toContain(`<form method="post" action="/api/ack/${token}">`);
    expect(html).toContain('<strong>no heat</strong>');
    expect((await fetch(`${server.url}/api/ack/${'y'.repeat(32)}`)).status).toBe(404);
    expect((await stateOf(lead.id)).status).toBe('active');
    const post = () =>
      fetch(`${server.url}/api/ack/${token}`, { method: 'POST', headers: { accept: 'application/json' } }).then(
        async (r) => ({ status: r.status, body: await r.json() }),
      );
    at(45);
    expect(await post()).toMatchObject({
      status: 200,
      body: { leadId: lead.id, acknowledgedBy: 'link', alreadyAcknowledged: false },
    });
    at(50);
    expect(await post()).toMatchObject({
      status: 200,
      body: { alreadyAcknowledged: true, acknowledgedAt: new Date(T0.getTime() + 45_000).toISOString() },
    });
    expect((await fetch(`${server.url}/api/ack/${'x'.repeat(32)}`, { method: 'POST' })).status).toBe(404);
    expect(await (await fetch(`${server.url}/api/ack/${token}`)).text()).toContain('Already acknowledged');
    at(300);
    await dispatcher.runOnce();
    expect((await stateOf(lead.id)).trail.filter((t) => t.action === 'step')).toHaveLength(1);
  });

  it('ends as exhausted after the configured rounds when nobody answers', async () => {
    at(0);
    const org = await urgentBusiness({ waitSec: 10, maxRounds: 2 }, { 'lead.urgent': ['call'] });
    const lead = await urgentLead(org.organization.id, 'gas smell');
    for (let s = 0; s <= 100; s += 10) {
      at(s);
      await dispatcher.runOnce();
    }
    const st = await stateOf(lead.id);
    expect(st.status).toBe('exhausted');
    expect(st.trail.map((t) => (t.action === 'step' ? `${t.round}.${t.step}` : t.action))).toEqual([
      '1.0',
      '1.1',
      '2.0',
      '2.1',
      'exhausted',
    ]);
  });
});
