// Invariant: caller ID is a weak signal on the phone, so Twilio's STIR/SHAKEN verdict (`StirVerstat`)
// is kept on the call when Twilio sends one, for the owner to see how much the caller ID was worth.
// (A bullet fixed earlier without its own test; with the metadata line removed from the voice webhook
// this test fails with "expected undefined to be 'TN-Validation-Failed-C'".)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';
import { schema } from '../../src/db/index.js';

const NUMBER = '+13125550191';
let rest: FakeTwilioRest;
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  rest = await startFakeTwilioRest('AC' + '5'.repeat(32), 'stir-token');
  server = await startTestServer({
    env: { TWILIO_AUTH_TOKEN: rest.authToken, TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_API_BASE: rest.url },
  });
});
afterAll(async () => {
  await server?.close();
  await rest?.close();
});

const metadataOf = async (callSid: string) =>
  (
    await server.database.db
      .select({ m: schema.calls.metadata })
      .from(schema.calls)
      .where(eq(schema.calls.callSid, callSid))
  )[0]?.m as Record<string, unknown> | undefined;

describe('STIR/SHAKEN verdict', () => {
  it('is kept on the call when Twilio sends one, and absent otherwise', async () => {
    const org = await registerOrg(server.url);
    expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
    const ring = (callSid: string, extra: Record<string, string>) =>
      rest.signedPost(`${server.url}/twilio/voice`, {
        CallSid: callSid,
        AccountSid: rest.accountSid,
        From: '+13125550192',
        To: NUMBER,
        CallStatus: 'ringing',
        Direction: 'inbound',
        ...extra,
      });
    const spoofed = 'CA' + 'a'.repeat(32);
    expect((await ring(spoofed, { StirVerstat: 'TN-Validation-Failed-C' })).status).toBe(200);
    expect((await metadataOf(spoofed))?.stirVerstat).toBe('TN-Validation-Failed-C');
    const plain = 'CA' + 'b'.repeat(32);
    expect((await ring(plain, {})).status).toBe(200);
    const m = await metadataOf(plain);
    expect(m).toBeTruthy();
    expect(m?.stirVerstat).toBeUndefined();
  });
});
