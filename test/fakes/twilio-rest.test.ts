// Invariant: the fake Twilio REST API is wire-compatible with the official `twilio` client (calls, live-call transfer, SMS) and refuses bad credentials like Twilio.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { startFakeTwilioRest, type FakeTwilioRest } from './twilio-rest.js';

let fake: FakeTwilioRest;
beforeAll(async () => {
  fake = await startFakeTwilioRest();
});
afterAll(() => fake.close());

/** The official client pointed at the fake (its Api domain keeps the base URL in `baseUrl`). */
function client(token = fake.authToken) {
  const c = twilio(fake.accountSid, token);
  (c.api as unknown as { baseUrl: string }).baseUrl = fake.url;
  return c;
}

describe('fake Twilio REST with the official client', () => {
  it('places a call, transfers it with <Dial> by updating it, and sends an SMS', async () => {
    const call = await client().calls.create({
      to: '+15551234567',
      from: '+15557654321',
      twiml: '<Response><Say>hi</Say></Response>',
    });
    expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
    await client().calls(call.sid).update({ twiml: '<Response><Dial>+15550001111</Dial></Response>' });
    expect(fake.callUpdates.at(-1)).toEqual({ sid: call.sid, Twiml: '<Response><Dial>+15550001111</Dial></Response>' });
    const sms = await client().messages.create({
      to: '+15551234567',
      from: '+15557654321',
      body: 'Your appointment is booked.',
    });
    expect(sms.sid).toMatch(/^SM/);
    expect(fake.messages.at(-1)).toMatchObject({ To: '+15551234567', Body: 'Your appointment is booked.' });
  });
  it('answers 401 with Twilio’s error shape to a wrong auth token', async () => {
    await expect(
      client('wrong').messages.create({ to: '+15551234567', from: '+15557654321', body: 'x' }),
    ).rejects.toMatchObject({ status: 401, code: 20003 });
  });
});
