// Invariant: a media stream socket accepts only well-formed, in-order, size-capped Twilio frames from an authorized stream; anything else closes it with a code and reason, never a crash, and no caller audio is lost while authorization runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { FakeTwilioPeer } from '../../../test/fakes/twilio-media-peer.js';
import { MediaStreamConnection, parseInbound, outboundSerializer, TwilioOutboundMessage, CLOSE } from './index.js';

let wss: WebSocketServer;
let url: string;
const seen: Array<{ kind: string; data?: unknown }> = [];
let authDelayMs = 0;
const usedTokens = new Set<string>();

beforeAll(async () => {
  // 64 KiB at the ws layer; the connection's own cap (4 KiB) is what we test
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 64 * 1024 });
  await new Promise((r) => wss.once('listening', r));
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  wss.on('connection', (ws) => {
    const conn = new MediaStreamConnection<{ callId: string }>(ws, {
      authorizeStart: async (start) => {
        await new Promise((r) => setTimeout(r, authDelayMs));
        const t = start.start.customParameters.token;
        if (t !== 'good' && t !== 'good2') return null;
        if (usedTokens.has(t)) return null; // tokens work once
        usedTokens.add(t);
        return { callId: start.start.customParameters.callId ?? 'c1' };
      },
    });
    conn.on('start', (ctx) => {
      seen.push({ kind: 'start', data: ctx });
      conn.sendMedia(Buffer.alloc(160, 0xff).toString('base64'));
      conn.sendMark('m1');
    });
    conn.on('media', (p) => seen.push({ kind: 'media', data: p.length }));
    conn.on('dtmf', (d) => seen.push({ kind: 'dtmf', data: d }));
    conn.on('stop', () => seen.push({ kind: 'stop' }));
  });
});
afterAll(() => new Promise<void>((r) => wss.close(() => r())));

async function closedWith(peer: FakeTwilioPeer): Promise<{ code: number; reason: string }> {
  await peer.closed;
  peer.close();
  return peer.closeInfo!;
}

describe('codec', () => {
  it('parses a real media frame on the fast path and rejects bad base64 and oversize', () => {
    const frame = JSON.stringify({
      event: 'media',
      sequenceNumber: '3',
      streamSid: 'MZ1',
      media: { track: 'inbound', chunk: '1', timestamp: '5', payload: Buffer.alloc(160).toString('base64') },
    });
    expect(parseInbound(frame).ok).toBe(true);
    expect(parseInbound(frame.replace(/"payload":"/, '"payload":"!!'))).toMatchObject({
      ok: false,
      code: CLOSE.malformed,
    });
    expect(parseInbound('{"event":"media"')).toMatchObject({
      ok: false,
      code: CLOSE.malformed,
      reason: 'frame is not JSON',
    });
    expect(parseInbound(' '.repeat(5000))).toMatchObject({ ok: false, code: CLOSE.tooBig });
    expect(
      parseInbound(
        JSON.stringify({
          event: 'dtmf',
          sequenceNumber: '1',
          streamSid: 'MZ1',
          dtmf: { track: 'inbound_track', digit: 'x' },
        }),
      ),
    ).toMatchObject({ ok: false });
  });
  it('serializes outbound media/mark/clear that validate against the outbound schema', () => {
    const s = outboundSerializer('MZ"quoted');
    for (const raw of [s.media('AAAA'), s.mark('s1'), s.clear()])
      expect(TwilioOutboundMessage.safeParse(JSON.parse(raw)).success).toBe(true);
  });
});

describe('MediaStreamConnection', () => {
  it('authorizes start, delivers media/dtmf/stop in order, and sends media and marks back', async () => {
    seen.length = 0;
    const peer = new FakeTwilioPeer(url);
    await peer.begin({ token: 'good', callId: 'call-42' });
    await peer.silence(100);
    peer.sendDtmf('5');
    peer.stop();
    const info = await closedWith(peer);
    expect(info.code).toBe(1000);
    expect(seen[0]).toEqual({ kind: 'start', data: { callId: 'call-42' } });
    expect(seen.filter((s) => s.kind === 'media')).toHaveLength(5);
    expect(seen.slice(-2)).toEqual([{ kind: 'dtmf', data: '5' }, { kind: 'stop' }]);
    expect(peer.media).toHaveLength(1);
    expect(peer.marksSent).toEqual(['m1']);
  });

  it('holds caller frames that arrive while authorization is pending (none dropped)', async () => {
    seen.length = 0;
    authDelayMs = 150;
    const peer = new FakeTwilioPeer(url);
    await peer.begin({ token: 'good2' });
    await peer.silence(200);
    await new Promise((r) => setTimeout(r, 50));
    authDelayMs = 0;
    expect(seen[0].kind).toBe('start');
    expect(seen.filter((s) => s.kind === 'media')).toHaveLength(10);
    peer.close();
  });

  it.each([
    ['a wrong token', { token: 'bad' }],
    ['a missing token', {}],
    ['a reused token', { token: 'good' }],
  ])('closes 1008 on %s before any session starts', async (_n, params) => {
    seen.length = 0;
    const peer = new FakeTwilioPeer(url);
    await peer.begin(params as Record<string, string>);
    const info = await closedWith(peer);
    expect(info).toEqual({ code: 1008, reason: 'stream not authorized' });
    expect(seen).toEqual([]);
  });

  it.each([
    [
      'media before start',
      (p: FakeTwilioPeer) => (
        p.send({ event: 'connected', protocol: 'Call', version: '1.0.0' }),
        p.sendFrame(new Uint8Array(160))
      ),
      1008,
      'media before start',
    ],
    [
      'start before connected',
      (p: FakeTwilioPeer) => p.send({ event: 'start', sequenceNumber: '1', streamSid: 'MZ1', start: {} }),
      1007,
      /invalid start/,
    ],
    ['a frame that is not JSON', (p: FakeTwilioPeer) => p.send('{not json'), 1007, 'frame is not JSON'],
    [
      'an oversized frame',
      (p: FakeTwilioPeer) =>
        p.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0', pad: 'x'.repeat(5000) })),
      1009,
      /exceeds 4096/,
    ],
    ['a binary frame', (p: FakeTwilioPeer) => p.ws.send(Buffer.alloc(10)), 1003, /binary/],
    ['an unknown event', (p: FakeTwilioPeer) => p.send({ event: 'hello' }), 1007, /invalid hello/],
  ])('closes on %s with a code and reason', async (_n, act, code, reason) => {
    const peer = new FakeTwilioPeer(url);
    await peer.opened;
    act(peer);
    const info = await closedWith(peer);
    expect(info.code).toBe(code);
    expect(info.reason).toMatch(reason as string | RegExp);
  });

  it('closes 1008 on a duplicate start and on a foreign streamSid', async () => {
    usedTokens.clear();
    const p1 = new FakeTwilioPeer(url);
    await p1.begin({ token: 'good' });
    await p1.silence(40);
    p1.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    expect(await closedWith(p1)).toEqual({ code: 1008, reason: 'duplicate connected' });
    const p2 = new FakeTwilioPeer(url);
    await p2.begin({ token: 'good2' });
    await p2.silence(40);
    p2.send({ event: 'dtmf', sequenceNumber: '9', streamSid: 'MZother', dtmf: { track: 'inbound_track', digit: '1' } });
    expect(await closedWith(p2)).toEqual({ code: 1008, reason: 'streamSid does not match start' });
  });
});
