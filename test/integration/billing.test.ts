// Invariant: plans are listed as data; sign-up starts a 14-day trial with every feature; only admins see billing; gated actions answer 402 plan_required naming the plan that unlocks them; the plan cannot be set through the organization; without Stripe keys checkout and portal answer 409; at the owner's hard cap a phone caller is offered voicemail, never a dead line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { schema } from '../../src/db/index.js';
import { twilioSignature } from '../../src/telephony/index.js';

const TOKEN = 'billing-test-twilio-token';
let now = new Date('2027-01-10T15:00:00Z');
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now }, env: { TWILIO_AUTH_TOKEN: TOKEN } });
});
afterAll(async () => {
  await server?.close();
});

describe('plans and the trial', () => {
  it('lists Starter, Growth and Scale with price, minutes, overage and features, without signing in', async () => {
    const res = await apiClient(server.url).get('/api/billing/plans');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: any) => p.id)).toEqual(['starter', 'growth', 'scale']);
    for (const p of res.body.items)
      expect(p).toMatchObject({
        name: expect.any(String),
        monthlyPriceCents: expect.any(Number),
        includedMinutes: expect.any(Number),
        overagePerMinuteCents: expect.any(Number),
        features: expect.any(Array),
      });
    expect(res.body.items[2].features).toEqual(
      expect.arrayContaining([
        'realtime_voice',
        'outbound_calls',
        'calendar_sync',
        'recording',
        'multiple_numbers',
        'languages',
      ]),
    );
  });

  it('sign-up starts a 14-day trial with every feature of the largest plan; only admins read billing', async () => {
    now = new Date('2027-01-10T15:00:00Z');
    const org = await registerOrg(server.url);
    const res = await org.api.get('/api/billing');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      plan: 'scale',
      status: 'trialing',
      trialEndsAt: '2027-01-24T15:00:00.000Z',
      trialDaysLeft: 14,
      usage: { minutes: 0, calls: 0 },
      stripe: { configured: false },
    });
    expect(res.body.features).toHaveLength(6);
    const invited = await org.api.post('/api/users', {
      email: `op-${Date.now()}@example.com`,
      role: 'operator',
      password: 'operator-password-1',
    });
    expect(invited.status).toBe(201);
    const login = await apiClient(server.url).post('/api/auth/login', {
      email: invited.body.email,
      password: 'operator-password-1',
    });
    const operator = apiClient(server.url, login.body.accessToken);
    expect((await operator.get('/api/billing')).status).toBe(403);
    expect((await apiClient(server.url).get('/api/billing')).status).toBe(401);
  });

  it('the plan is not writable through PUT /api/organization', async () => {
    const org = await registerOrg(server.url);
    const res = await org.api.put('/api/organization', { plan: 'scale' });
    expect(res.status).toBe(400);
  });
});

describe('metering through the product', () => {
  it('a finished chat is counted apart from phone minutes on its local day, once', async () => {
    now = new Date('2027-01-10T15:00:00Z');
    const org = await registerOrg(server.url);
    const anon = apiClient(server.url);
    const chat = await anon.post(`/api/chat/${org.organization.chatKey}/sessions`, {});
    expect(chat.status).toBe(201);
    now = new Date('2027-01-10T15:04:10Z');
    expect((await anon.post(`/api/chat/${org.organization.chatKey}/sessions/${chat.body.id}/end`)).status).toBe(204);
    await anon.post(`/api/chat/${org.organization.chatKey}/sessions/${chat.body.id}/end`);
    const usage = await org.api.get('/api/billing/usage?from=2027-01-01&to=2027-02-01');
    expect(usage.status).toBe(200);
    // 250 s on Scale's 6-second rounding: 252 s.
    expect(usage.body.items).toEqual([
      {
        day: '2027-01-10',
        minutes: 0,
        calls: 0,
        inbound: { calls: 0, minutes: 0 },
        outbound: { calls: 0, minutes: 0 },
        chat: { conversations: 1, minutes: 4.2 },
      },
    ]);
    expect((await org.api.get('/api/billing/usage')).body).toMatchObject({
      from: '2027-01-01',
      to: '2027-02-01',
      items: [{ day: '2027-01-10' }],
    });
    expect((await org.api.get('/api/billing')).body.usage).toEqual({ minutes: 0, calls: 0, chats: 1 });
    expect((await org.api.get('/api/billing/usage?from=yesterday')).status).toBe(400);
  });
});

describe('feature gates', () => {
  it('after the trial, gated actions answer 402 plan_required with the plan that unlocks them', async () => {
    now = new Date('2027-01-10T15:00:00Z');
    const org = await registerOrg(server.url);
    expect((await org.api.post('/api/phone-numbers', { e164: '+13125550111' })).status).toBe(201);
    now = new Date('2027-01-25T15:00:00Z');
    const overview = (await org.api.get('/api/billing')).body;
    expect(overview).toMatchObject({ status: 'canceled', effectivePlan: 'starter', features: [] });
    const realtime = await org.api.put('/api/agent', { engine: 'realtime' });
    expect(realtime.status).toBe(402);
    expect(realtime.body.error).toMatchObject({
      code: 'plan_required',
      details: { feature: 'realtime_voice', plan: 'scale' },
    });
    const spanish = await org.api.put('/api/agent', { language: 'es' });
    expect(spanish.body.error).toMatchObject({
      code: 'plan_required',
      details: { feature: 'languages', plan: 'growth' },
    });
    expect((await org.api.put('/api/agent', { language: 'en-US' })).status).toBe(200);
    const second = await org.api.post('/api/phone-numbers', { e164: '+13125550112' });
    expect(second.status).toBe(402);
    expect(second.body.error.details).toEqual({ feature: 'multiple_numbers', plan: 'scale' });
    const outbound = await org.api.post('/api/outbound-calls', { to: '+13125550113', purpose: 'custom' });
    expect(outbound.status).toBe(402);
    expect(outbound.body.error.details).toEqual({ feature: 'outbound_calls', plan: 'growth' });
    const campaign = await org.api.post('/api/campaigns', { name: 'Spring tune-ups', numbers: ['+13125550114'] });
    expect(campaign.status).toBe(402);
    expect(campaign.body.error.details).toEqual({ feature: 'outbound_calls', plan: 'growth' });
    const calendar = await org.api.get('/api/integrations/google/connect');
    expect(calendar.status).toBe(402);
    expect(calendar.body.error.details).toEqual({ feature: 'calendar_sync', plan: 'growth' });
    // The same organization on Growth may speak Spanish, but still not run the realtime engine.
    await server.database.db
      .update(schema.billingAccounts)
      .set({ plan: 'growth', status: 'active', trialEndsAt: null })
      .where(eq(schema.billingAccounts.organizationId, org.organization.id));
    expect((await org.api.put('/api/agent', { language: 'es' })).status).toBe(200);
    expect((await org.api.put('/api/agent', { engine: 'realtime' })).status).toBe(402);
  });

  it('without Stripe keys checkout and portal answer 409 billing_not_configured', async () => {
    const org = await registerOrg(server.url);
    const checkout = await org.api.post('/api/billing/checkout', { plan: 'growth' });
    expect(checkout.status).toBe(409);
    expect(checkout.body.error.code).toBe('billing_not_configured');
    expect((await org.api.post('/api/billing/portal')).body.error.code).toBe('billing_not_configured');
  });
});

describe('the hard cap on the phone line', () => {
  it('sends callers to a polite voicemail once the cap is reached, and the AI again when it is lifted', async () => {
    now = new Date('2027-01-10T15:00:00Z');
    const org = await registerOrg(server.url, { name: 'Capped Co' });
    const number = `+1312555${String(Math.floor(Math.random() * 800) + 1000)}`;
    expect((await org.api.post('/api/phone-numbers', { e164: number })).status).toBe(201);
    await server.database.db.insert(schema.usageDays).values({
      organizationId: org.organization.id,
      day: '2027-01-09',
      kind: 'inbound',
      calls: 10,
      seconds: 2950,
      billableSeconds: 3000,
    });
    const voice = async () => {
      const url = `${server.url}/twilio/voice`;
      const form = {
        CallSid: `CA${Math.random().toString(16).slice(2)}`,
        AccountSid: 'AC1',
        From: '+13125550142',
        To: number,
        CallStatus: 'ringing',
      };
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilioSignature(TOKEN, url, form),
        },
        body: new URLSearchParams(form).toString(),
      });
      return res.text();
    };
    expect((await org.api.put('/api/billing', { hardCapMinutes: 50 })).body.limits.hardCapMinutes).toBe(50);
    const capped = await voice();
    expect(capped).toContain('<Say>');
    expect(capped).toContain('<Record');
    expect(capped).not.toContain('<Stream');
    expect((await org.api.put('/api/billing', { hardCapMinutes: null })).status).toBe(200);
    expect(await voice()).toContain('<Stream');
  });
});
