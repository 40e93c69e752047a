// Invariant: an outbound webhook reaches only the address that was vetted — the connection is pinned to
// it (a second DNS answer, as in DNS rebinding, is never asked for) — and IPv6 forms that embed an IPv4
// address (IPv4-compatible ::/96, IPv4-mapped ::ffff:0:0/96 in hex, 6to4 2002::/16, Teredo 2001::/32)
// are refused like the private address they carry. (On the old code `::ffff:7f00:1` — 127.0.0.1 in
// hex — passed as public, and delivery looked the host up again with fetch.)
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPrivateAddress, postPinned, vetWebhookUrl } from '../../src/notify/index.js';

let port = 0;
const seen: IncomingMessage[] = [];
const receiver = createServer((req, res) => {
  seen.push(req);
  req.resume();
  req.on('end', () => res.end('ok'));
});
beforeAll(async () => {
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  port = (receiver.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => receiver.close(r));
});

describe('webhook destinations', () => {
  it('refuses IPv6 forms that embed an IPv4 address', async () => {
    for (const ip of [
      '::ffff:7f00:1',
      '::ffff:a00:1',
      '::ffff:127.0.0.1',
      '::7f00:1',
      '::a9fe:a9fe',
      '2002:7f00:1::1',
      '2002:5db8:d70e::1',
      '2001:0:5db8:d70e::1',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    await expect(checkWebhookUrl('http://[::ffff:7f00:1]:9/hook', false)).rejects.toThrow(/private or loopback/);
    await expect(checkWebhookUrl('http://[2002:a9fe:a9fe::1]/hook', false)).rejects.toThrow(/private or loopback/);
    // ordinary public IPv6 still passes
    expect(isPrivateAddress('2606:4700:4700::1111')).toBe(false);
  });

  it('vets with one DNS answer and connects to that very address', async () => {
    const answers = [['127.0.0.1'], ['10.255.255.1']]; // a rebinding resolver: the second answer differs
    let asked = 0;
    const resolve = async () => answers[Math.min(asked++, 1)];
    const target = await vetWebhookUrl(`http://hooks.rebind.test:${port}/in`, true, resolve);
    expect(target.address).toBe('127.0.0.1');
    const status = await postPinned(
      target,
      { 'content-type': 'application/json' },
      '{"ok":true}',
      AbortSignal.timeout(5000),
    );
    expect(status).toBe(200);
    expect(asked).toBe(1);
    expect(seen.at(-1)?.headers.host).toBe(`hooks.rebind.test:${port}`);
  });

  it('a public-looking name that resolves to a private address is refused before any connection', async () => {
    await expect(
      checkWebhookUrl('https://hooks.example.com/in', false, async () => ['::ffff:a9fe:a9fe']),
    ).rejects.toThrow(/private or loopback/);
  });
});
