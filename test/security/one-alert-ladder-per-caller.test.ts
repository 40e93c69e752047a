// Invariant: one urgent alert ladder per caller number or chat per 30 minutes — a second emergency of
// the same caller joins the open ladder (no second round of calls and texts to the owner) — and each
// organization starts at most DAILY_ALERT_LADDERS ladders a day; beyond that the owner is emailed only.
// (On the old code every urgent lead started its own ladder: a caller repeating "gas leak" in a loop
// rang the owner's phone once per call, without limit.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { createAnnouncer, DAILY_ALERT_LADDERS, type EscalationState } from '../../src/notify/index.js';
import { createCall } from '../../src/calls/index.js';
import { schema, type Db } from '../../src/db/index.js';

const T0 = new Date('2026-04-07T15:00:00Z');
let now = T0;
const clock = { now: () => now };
const at = (min: number) => {
  now = new Date(T0.getTime() + min * 60_000);
};
const announce = createAnnouncer(clock);
let server: Awaited<ReturnType<typeof startTestServer>>;
let db: Db;

beforeAll(async () => {
  server = await startTestServer({ clock });
  db = server.database.db;
});
afterAll(async () => {
  await server?.close();
});

async function business() {
  const org = await registerOrg(server.url, { name: 'Rapid Rooter' });
  const put = await org.api.put('/api/notifications', {
    onCall: ['+13125550101'],
    phones: ['+13125550103'],
    emails: ['boss@rooter.test'],
    escalation: { waitSec: 3600, maxRounds: 2 },
  }); // no second step during the test's jumps in time
  expect(put.status).toBe(200);
  return org.user.organizationId as string;
}

async function emergency(organizationId: string, caller: { phone?: string; callId?: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.leads)
      .values({
        organizationId,
        name: 'Pat',
        phone: caller.phone ?? null,
        callId: caller.callId ?? null,
        need: 'gas smell',
        priority: 'URGENT',
        kind: 'emergency',
      })
      .returning();
    await announce(tx, { type: 'lead.urgent', lead: row });
    return row.id;
  });
}

const ladder = async (leadId: string) =>
  (await db.select({ e: schema.leads.escalation }).from(schema.leads).where(eq(schema.leads.id, leadId)))[0]
    .e as unknown as EscalationState;
const alerts = async (organizationId: string) =>
  db
    .select({ channel: schema.outbox.channel, to: schema.outbox.recipient })
    .from(schema.outbox)
    .where(and(eq(schema.outbox.organizationId, organizationId), eq(schema.outbox.event, 'lead.urgent')));

describe('one alert ladder per caller', () => {
  it('the same caller number again within 30 minutes joins the open ladder; after 30 minutes a new one starts', async () => {
    const organizationId = await business();
    at(0);
    const first = await emergency(organizationId, { phone: '+13125550177' });
    at(10);
    const second = await emergency(organizationId, { phone: '+13125550177' });
    expect((await ladder(first)).status).toBe('active');
    expect(await ladder(second)).toMatchObject({ status: 'joined', joinedLeadId: first });
    expect((await ladder(first)).trail.some((t) => t.action === 'joined' && t.leadId === second)).toBe(true);
    expect(await alerts(organizationId)).toHaveLength(1); // the first step of one ladder: one alert call
    at(41);
    const later = await emergency(organizationId, { phone: '+13125550177' });
    expect((await ladder(later)).status).toBe('active');
    // a different caller meanwhile has a ladder of their own
    const other = await emergency(organizationId, { phone: '+13125550178' });
    expect((await ladder(other)).status).toBe('active');
    expect(await alerts(organizationId)).toHaveLength(3);
  });

  it('the same chat (no number) twice joins one ladder', async () => {
    const organizationId = await business();
    at(0);
    const call = await createCall(db, { organizationId, channel: 'chat', startedAt: now, engine: 'text' });
    const first = await emergency(organizationId, { callId: call.id });
    at(2);
    const second = await emergency(organizationId, { callId: call.id });
    expect(await ladder(second)).toMatchObject({ status: 'joined', joinedLeadId: first });
    expect(await alerts(organizationId)).toHaveLength(1);
  });

  it(`after ${DAILY_ALERT_LADDERS} ladders in a day the organization's next emergencies only email the owner`, async () => {
    const organizationId = await business();
    at(0);
    for (let i = 0; i < DAILY_ALERT_LADDERS; i++)
      await emergency(organizationId, { phone: `+1312555${String(3000 + i)}` });
    const over = await emergency(organizationId, { phone: '+13125559999' });
    const st = await ladder(over);
    expect(st.steps.map((s) => s.channel)).toEqual(['email']);
    expect(st.trail[0]).toMatchObject({ action: 'budget_spent' });
    const sent = await alerts(organizationId);
    expect(sent.filter((m) => m.channel === 'call')).toHaveLength(DAILY_ALERT_LADDERS);
    expect(sent.filter((m) => m.channel === 'email' && m.to === 'boss@rooter.test')).toHaveLength(1);
    // a day later the budget is back
    at(24 * 60 + 1);
    expect((await ladder(await emergency(organizationId, { phone: '+13125559998' }))).steps[0].channel).toBe('call');
  });
});
