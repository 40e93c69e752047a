// Invariant: the key press that acknowledges an emergency (POST /api/ack/:token/call) is believed only
// with Twilio's signature, in test mode too (no Twilio account: the server's own test auth token, the
// one its phone webhooks check). (On the old code, without TWILIO_AUTH_TOKEN an unsigned POST with
// Digits=1 acknowledged the emergency and stopped every further alert.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import twilioSdk from 'twilio';
import { eq, sql } from 'drizzle-orm';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { createAnnouncer } from '../../src/notify/index.js';
import { waitForInbox } from './support.js';
import { schema, serverSecret } from '../../src/db/index.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function emergency() {
  const org = await registerOrg(server.url);
  expect(
    (await org.api.put('/api/notifications', { onCall: ['+13125550101'], escalation: { waitSec: 3600, maxRounds: 1 } }))
      .status,
  ).toBe(200);
  const db = server.database.db;
  const lead = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.leads)
      .values({
        organizationId: org.user.organizationId,
        name: 'Pat',
        phone: '+13125550166',
        need: 'gas smell',
        priority: 'URGENT',
      })
      .returning();
    await createAnnouncer()(tx, { type: 'lead.urgent', lead: row });
    return row;
  });
  // The raw token is in the outbox until the alert call is placed (here: into the dev inbox), then only in the call.
  const [step] = await db
    .select({ p: schema.outbox.payload })
    .from(schema.outbox)
    .where(sql`${schema.outbox.payload}->'data'->>'leadId' = ${lead.id}`);
  const token =
    (step?.p.ackToken as string | undefined) ??
    /\/api\/ack\/([\w-]+)\/call/.exec(
      (await waitForInbox(org.api, (i) => i.channel === 'call' && i.to === '+13125550101'))?.html ?? '',
    )?.[1];
  expect(token).toBeTruthy();
  return {
    leadId: lead.id,
    token: token!,
    status: async () =>
      (
        (await db.select({ e: schema.leads.escalation }).from(schema.leads).where(eq(schema.leads.id, lead.id)))[0]
          .e as any
      ).status,
  };
}

const press = (token: string, sign?: string) => {
  const url = `${server.url}/api/ack/${token}/call`;
  const params = { CallSid: 'CA' + '1'.repeat(32), Digits: '1', To: '+13125550101', From: '+13125550000' };
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (sign) headers['x-twilio-signature'] = twilioSdk.getExpectedTwilioSignature(sign, url, params);
  return fetch(url, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
};

describe('acknowledging by key press in test mode', () => {
  it('an unsigned or wrongly signed press is refused and the ladder goes on', async () => {
    const e = await emergency();
    expect((await press(e.token)).status).toBe(403);
    expect((await press(e.token, 'not-the-token')).status).toBe(403);
    expect(await e.status()).toBe('active');
  });

  it("a press signed with the server's test auth token acknowledges", async () => {
    const e = await emergency();
    const testToken = await serverSecret(server.database.db, 'twilio-test-auth-token', undefined, 16);
    const res = await press(e.token, testToken);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/acknowledged/);
    expect(await e.status()).toBe('acknowledged');
  });
});
