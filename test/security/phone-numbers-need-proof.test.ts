// Invariant: an organization connects a phone number (and so receives its calls) only with proof it
// is theirs: with a Twilio account, that account must own it (Twilio's IncomingPhoneNumbers list
// filtered by PhoneNumber); in test mode (no Twilio account), a 6-digit code texted to the number must
// come back. A number already connected elsewhere answers the same 409 as one the account does not
// own, naming nobody. (On the old code any organization took any free number at once: the claims of
// the unowned number and of the unverified test-mode number below both answered 201.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/twilio-rest.js';
import { waitForInbox } from './support.js';

const claim = (url: string, token: string, body: Record<string, unknown>) =>
  fetch(`${url}/api/phone-numbers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

describe('with a Twilio account', () => {
  let twilio: FakeTwilioRest;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    twilio = await startFakeTwilioRest('AC' + '7'.repeat(32), 'owner-proof-token');
    twilio.ownedNumbers = new Set(['+13125550171']);
    server = await startTestServer({
      env: { TWILIO_ACCOUNT_SID: twilio.accountSid, TWILIO_AUTH_TOKEN: twilio.authToken, TWILIO_API_BASE: twilio.url },
    });
  });
  afterAll(async () => {
    await server?.close();
    await twilio?.close();
  });

  it('connects only numbers the account owns; taken and not-owned look alike and name nobody', async () => {
    const a = await registerOrg(server.url, { name: 'Holder Plumbing Secret' });
    expect((await claim(server.url, a.accessToken, { e164: '+13125550171' })).status).toBe(201);
    expect(twilio.numberLookups).toContain('+13125550171');

    const b = await registerOrg(server.url, { name: 'Curious Rooter' });
    const taken = await claim(server.url, b.accessToken, { e164: '+13125550171' });
    const notOwned = await claim(server.url, b.accessToken, { e164: '+13125550172' });
    expect(notOwned.status).toBe(409);
    expect(taken.status).toBe(409);
    expect(twilio.numberLookups).toContain('+13125550172');
    expect(taken.body.error.code).toBe(notOwned.body.error.code);
    expect(taken.body.error.message.replace('+13125550171', 'N')).toBe(
      notOwned.body.error.message.replace('+13125550172', 'N'),
    );
    const said = JSON.stringify(taken.body);
    expect(said).not.toContain('Holder');
    expect(said).not.toContain(a.organization.id);
    expect((await b.api.get('/api/phone-numbers')).body.items).toEqual([]);
  });
});

describe('in test mode (no Twilio account)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('texts a code to the number and connects it only when the code comes back', async () => {
    const org = await registerOrg(server.url);
    const first = await claim(server.url, org.accessToken, { e164: '+13125550181' });
    expect(first).toMatchObject({ status: 202, body: { e164: '+13125550181', verification: 'code_sent' } });
    expect((await org.api.get('/api/phone-numbers')).body.items).toEqual([]);
    const sms = await waitForInbox(org.api, (i) => i.channel === 'sms' && i.to === '+13125550181');
    const code = /code is (\d{6})/.exec(sms?.text ?? '')?.[1];
    expect(code).toBeTruthy();

    const wrong = await claim(server.url, org.accessToken, {
      e164: '+13125550181',
      verificationCode: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect((await org.api.get('/api/phone-numbers')).body.items).toEqual([]);

    const ok = await claim(server.url, org.accessToken, { e164: '+13125550181', verificationCode: code });
    expect(ok.status).toBe(201);
    expect((await org.api.get('/api/phone-numbers')).body.items.map((p: any) => p.e164)).toEqual(['+13125550181']);

    // used up: the same code does not connect the number again elsewhere, and a taken number names nobody
    const other = await registerOrg(server.url, { name: 'Second Business' });
    const taken = await claim(server.url, other.accessToken, { e164: '+13125550181', verificationCode: code });
    expect(taken.status).toBe(409);
    expect(JSON.stringify(taken.body)).not.toContain(org.organization.id);
  });
});
