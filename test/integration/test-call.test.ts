// Invariant: the dashboard's browser test call runs the phone's voice session over a token-checked socket (greeting heard, caller answered) and leaves a channel-test call record only its own organization can read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../harness/server.js';
import { apiClient, callOnceEnded, registerOrg, ticketFor } from '../harness/client.js';
import { FakeTwilioPeer } from '../fakes/twilio-media-peer.js';
import { quiet, tone, until } from '../harness/line.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { startFakeOpenAi } from '../fakes/openai.js';
import { scaled } from '../harness/timing.js';

const providers = createProviders({});
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z', true), providers });
  org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Pipe Pros' });
  wsUrl = server.url.replace(/^http/, 'ws') + '/api/test-call';
});
afterAll(async () => {
  await server?.close();
});

/** Opens a test call as the page does; resolves the call id the server announces after `start`. */
async function dial(peer: FakeTwilioPeer): Promise<string> {
  const id = new Promise<string>((resolve) =>
    peer.ws.on('message', (d) => {
      const m = JSON.parse(d.toString());
      if (m.event === 'call') resolve(m.call.id);
    }),
  );
  await peer.begin({});
  return id;
}
/** The upgrade's HTTP answer when the server refuses it. */
const refusal = (url: string, protocols?: string[]) =>
  new Promise<number>((resolve) => {
    const ws = new WebSocket(url, protocols);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => undefined);
  });

describe('the browser test call', () => {
  it(
    'greets, answers one caller utterance, and records a test call with its turns',
    async () => {
      const caps = await org.api.get('/api/test-call/capabilities');
      expect(caps.status).toBe(200);
      expect(caps.body).toMatchObject({ scriptedSpeech: true, engine: 'cascade' });

      const peer = new FakeTwilioPeer(`${wsUrl}?ticket=${await ticketFor(server.url, org.accessToken, 'test-call')}`);
      const callId = await dial(peer);
      expect(await until(() => peer.media.length > 0, 2000)).toBe(true);
      expect(peer.media[0].at - peer.startSentAt).toBeLessThan(scaled(1000));
      await quiet(peer);
      // The agent asked to hear when its greeting had played, and the page's echo was taken.
      expect(peer.marksSent.length).toBeGreaterThan(0);

      providers.scriptBook.say(callId, 'What are your hours on Saturday?');
      const before = performance.now();
      peer.startLine();
      await peer.say(tone(600));
      expect(await until(() => peer.framesAfter(before + 600).length > 10, 8000)).toBe(true);
      await quiet(peer);
      peer.stop();
      peer.close();

      const detail = await callOnceEnded(org.api, callId, 4_000);
      expect(detail.channel).toBe('test');
      expect(detail.from).toBe(org.user.name || org.email);
      expect(detail.turns.find((t: any) => t.role === 'caller')?.text).toBe('What are your hours on Saturday?');
      const agent = detail.turns.filter((t: any) => t.role === 'agent');
      expect(agent.length).toBeGreaterThanOrEqual(2);
      expect(agent[agent.length - 1].text.toLowerCase()).toMatch(/saturday|9|closed/);
      expect(detail.events.some((e: any) => e.type === 'greeting_sent')).toBe(true);
      expect(detail.outcome).toBeTruthy();

      // Another organization cannot read it.
      const other = await registerOrg(server.url);
      expect((await other.api.get(`/api/calls/${callId}`)).status).toBe(404);
    },
    scaled(60_000),
  );

  it(
    'takes a one-time ticket as a subprotocol, and any role may test (a viewer too)',
    async () => {
      const viewerEmail = `viewer${Date.now()}@example.com`;
      const invited = await org.api.post('/api/users', {
        email: viewerEmail,
        password: 'correct-horse-battery',
        role: 'viewer',
        name: 'Vera Viewer',
      });
      expect(invited.status).toBe(201);
      const login = await apiClient(server.url).post('/api/auth/login', {
        email: viewerEmail,
        password: 'correct-horse-battery',
      });
      expect(login.status).toBe(200);
      const viaProtocol = new WebSocket(wsUrl, [
        'infinioffice.test-call',
        `ticket.${await ticketFor(server.url, login.body.accessToken, 'test-call')}`,
      ]);
      await new Promise((r, j) => {
        viaProtocol.once('open', r);
        viaProtocol.once('error', j);
      });
      expect(viaProtocol.protocol).toBe('infinioffice.test-call');
      const msgs: any[] = [];
      viaProtocol.on('message', (d) => msgs.push(JSON.parse(d.toString())));
      const streamSid = 'MZbrowser';
      viaProtocol.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
      viaProtocol.send(
        JSON.stringify({
          event: 'start',
          sequenceNumber: '1',
          streamSid,
          start: {
            accountSid: 'browser',
            streamSid,
            callSid: 'browser',
            tracks: ['inbound'],
            customParameters: {},
            mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
          },
        }),
      );
      expect(await until(() => msgs.some((m) => m.event === 'media'), 3000)).toBe(true);
      const callId = msgs.find((m) => m.event === 'call').call.id;
      viaProtocol.send(
        JSON.stringify({
          event: 'stop',
          sequenceNumber: '2',
          streamSid,
          stop: { accountSid: 'browser', callSid: 'browser' },
        }),
      );
      await new Promise((r) => viaProtocol.once('close', r));
      const call = (await org.api.get(`/api/calls/${callId}`)).body;
      expect(call).toMatchObject({ channel: 'test', from: 'Vera Viewer' });
    },
    scaled(30_000),
  );

  it('holds at most three test calls per organization at once (each may hold paid speech connections)', async () => {
    const other = await registerOrg(server.url);
    // each connection is opened with its own one-time ticket, as the page does
    const url = async () => `${wsUrl}?ticket=${await ticketFor(server.url, other.accessToken, 'test-call')}`;
    const open = [new FakeTwilioPeer(await url()), new FakeTwilioPeer(await url()), new FakeTwilioPeer(await url())];
    await Promise.all(open.map((p) => p.opened));
    expect(await refusal(await url())).toBe(429);
    // Another organization is not held back by this one.
    expect(await refusal(`${wsUrl}?ticket=${await ticketFor(server.url, org.accessToken, 'test-call')}`)).toBe(101);
    open[0].close();
    await open[0].closed;
    await new Promise((r) => setTimeout(r, 100)); // the server sees the close
    expect(await refusal(await url())).toBe(101);
    for (const p of open.slice(1)) p.close();
  });

  it('refuses the upgrade with 401 without a valid token, before any call exists', async () => {
    const before = (await org.api.get('/api/calls?channel=test&limit=100')).body;
    expect(await refusal(wsUrl)).toBe(401);
    expect(await refusal(`${wsUrl}?token=${org.accessToken}`)).toBe(401); // the access token in the URL is no credential
    expect(await refusal(`${wsUrl}?ticket=not-a-ticket-at-all-xyz`)).toBe(401);
    expect(await refusal(wsUrl, ['infinioffice.test-call', 'ticket.forged'])).toBe(401);
    expect((await apiClient(server.url).get('/api/test-call/capabilities')).status).toBe(401);
    const after = (await org.api.get('/api/calls?channel=test&limit=100')).body;
    expect(after.items.length).toBe(before.items.length);
  });
});

describe('the browser test call on the speech-to-speech engine', () => {
  it(
    'reports real speech understanding, runs the realtime session and records it as a test call',
    async () => {
      const openai = await startFakeOpenAi();
      const rt = await startTestServer({
        clock: fixedClock('2026-03-10T15:00:00Z', true),
        providers: createProviders({
          openai: { apiKey: openai.apiKey, baseUrl: `${openai.url}/v1` },
          stt: 'scripted',
          tts: 'flite',
        }),
      });
      try {
        const owner = await registerOrg(rt.url, {
          industry: 'plumbing',
          timezone: 'America/Chicago',
          name: 'Realtime Plumbing',
        });
        expect((await owner.api.put('/api/agent', { engine: 'realtime' })).status).toBe(200);
        expect((await owner.api.get('/api/test-call/capabilities')).body).toMatchObject({ engine: 'realtime' });
        const peer = new FakeTwilioPeer(
          `${rt.url.replace(/^http/, 'ws')}/api/test-call?ticket=${await ticketFor(rt.url, owner.accessToken, 'test-call')}`,
        );
        const callId = await dial(peer);
        expect(await until(() => peer.media.length > 0, 2000)).toBe(true);
        expect(await until(() => openai.realtimeConnections > 0, 2000)).toBe(true);
        openai.realtimeTranscripts.push('Are you licensed?');
        openai.realtimeScript.push({ text: 'Yes, all our plumbers are licensed and insured.' });
        const before = performance.now();
        peer.startLine();
        await peer.say(tone(600));
        await peer.silence(800);
        expect(await until(() => peer.framesAfter(before + 600).length > 20, 8000)).toBe(true);
        await new Promise((r) => setTimeout(r, 1000));
        peer.stop();
        peer.close();
        const detail = await callOnceEnded(owner.api, callId, 4_000);
        expect(detail).toMatchObject({ channel: 'test', engine: 'realtime' });
        expect(detail.turns.some((t: any) => t.role === 'agent' && /licensed/.test(t.text))).toBe(true);
      } finally {
        await rt.close();
        await openai.close();
      }
    },
    scaled(60_000),
  );
});
