// Invariant: a webhook can never be pointed into the server's own network (loopback, private, link-local, mapped IPv6…) unless configuration allows it, and signatures verify only for the exact body, secret and a fresh timestamp.
import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPrivateAddress } from './webhook-url.js';
import { signWebhook, verifyWebhook } from './channels/webhook.js';

describe('webhook destinations', () => {
  it('classifies addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.1.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '224.0.0.1',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '172.32.0.1'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });
  it('refuses private targets unless allowed', async () => {
    await expect(checkWebhookUrl('http://127.0.0.1:9/x', false)).rejects.toThrow(/private or loopback/);
    await expect(checkWebhookUrl('http://app.localhost/x', false)).rejects.toThrow(/private or loopback/);
    await expect(checkWebhookUrl('gopher://93.184.215.14/', false)).rejects.toThrow(/http or https/);
    expect((await checkWebhookUrl('http://127.0.0.1:9/x', true)).port).toBe('9');
    expect((await checkWebhookUrl('https://93.184.215.14/hook', false)).hostname).toBe('93.184.215.14');
  });
});

describe('webhook signatures', () => {
  const body = '{"id":"dlv_1","type":"lead.created"}';
  it('verifies the exact body with the right secret within the tolerance', () => {
    const sig = signWebhook('s3cret', 1_000_000, body);
    expect(sig).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhook('s3cret', { timestamp: '1000000', signature: sig }, body, 1_000_100)).toBe(true);
    expect(verifyWebhook('s3cret', { timestamp: '1000000', signature: sig }, body + ' ', 1_000_100)).toBe(false);
    expect(verifyWebhook('other', { timestamp: '1000000', signature: sig }, body, 1_000_100)).toBe(false);
    expect(verifyWebhook('s3cret', { timestamp: '1000001', signature: sig }, body, 1_000_100)).toBe(false);
    expect(verifyWebhook('s3cret', { timestamp: '1000000', signature: sig }, body, 1_000_301)).toBe(false); // replay
  });
});
