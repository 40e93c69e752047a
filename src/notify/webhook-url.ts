/**
 * Webhook destinations must be public: a URL that resolves to a loopback, private, link-local,
 * carrier-grade NAT, multicast or otherwise reserved address is refused (server-side request
 * forgery into the operator's own network), unless the configuration allows private targets.
 */
import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { notifyErrors } from './errors.js';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
// IPv6 forms that embed an IPv4 address are refused whole: IPv4-compatible (::/96, which holds :: and ::1),
// IPv4-mapped (::ffff:0:0/96, in hex or dotted form), 6to4 (2002::/16) and Teredo (2001::/32).
// (their own list: Node's BlockList matches IPv4 addresses against IPv4-mapped IPv6 subnets)
const embedsIpv4 = new BlockList();
for (const [net, bits] of [
  ['::', 96],
  ['::ffff:0:0', 96],
  ['2002::', 16],
  ['2001::', 32],
] as const)
  embedsIpv4.addSubnet(net, bits, 'ipv6');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  blocked.addSubnet(net, bits, 'ipv6');
}

/** True when an IP address literal is not a public unicast address. */
export function isPrivateAddress(ip: string): boolean {
  const v = isIP(ip);
  if (v === 4) return blocked.check(ip, 'ipv4');
  if (v === 6) return embedsIpv4.check(ip, 'ipv6') || blocked.check(ip, 'ipv6');
  return true;
}

/** Resolves a host name to its addresses (the system resolver; tests give their own). */
export type Resolve = (host: string) => Promise<string[]>;
const systemResolve: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** A vetted destination: the URL and the address that was checked, which is the one to connect to. */
export interface VettedUrl {
  url: URL;
  address: string | null;
}

/**
 * Validates a webhook URL: http(s), no credentials, and (unless `allowPrivate`) every address its
 * host resolves to is public. Throws a 400 AppError naming the problem; answers the parsed URL and
 * the checked address the delivery must connect to (a second lookup could answer otherwise: DNS rebinding).
 */
export async function vetWebhookUrl(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolve = systemResolve,
): Promise<VettedUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw notifyErrors.webhookUrl('not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw notifyErrors.webhookUrl('must be http or https');
  if (url.username || url.password) throw notifyErrors.webhookUrl('must not carry credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (
    !allowPrivate &&
    (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal'))
  )
    throw notifyErrors.webhookPrivate(host);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      if (allowPrivate) return { url, address: null };
      throw notifyErrors.webhookUrl(`${host} does not resolve`);
    }
  }
  if (!allowPrivate && (!addresses.length || addresses.some(isPrivateAddress))) throw notifyErrors.webhookPrivate(host);
  return { url, address: addresses[0] ?? null };
}

/** `vetWebhookUrl` for callers that only need the verdict (saving a subscription). */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean, resolve?: Resolve): Promise<URL> {
  return (await vetWebhookUrl(raw, allowPrivate, resolve)).url;
}
