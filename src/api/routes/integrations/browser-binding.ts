/**
 * Binds an OAuth connection to the browser that started it. Connecting sets a random nonce in an
 * HttpOnly cookie sent only to that provider's callback; the signed state carries the nonce's hash.
 * A callback whose browser lacks the cookie (a state or callback link lured into someone else's
 * browser: login CSRF onto another account's calendar) is refused. SameSite=Lax, not Strict: the
 * callback is a top-level navigation coming from the provider's site, which Strict would strip.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATE_TTL_MS, type CalendarProviderName } from '../../../booking/calendars/index.js';

const cookieName = (provider: CalendarProviderName) => `io_oauth_${provider}`;
const cookiePath = (provider: CalendarProviderName) => `/api/integrations/${provider}/callback`;
const isHttps = (req: FastifyRequest, publicUrl?: string) =>
  req.protocol === 'https' || !!publicUrl?.startsWith('https:');

/** What the state carries: SHA-256 of the nonce, so the state (in URLs) does not reveal the cookie. */
export const nonceBinding = (nonce: string): string => createHash('sha256').update(nonce).digest('base64url');

function write(
  req: FastifyRequest,
  reply: FastifyReply,
  provider: CalendarProviderName,
  value: string,
  maxAgeSec: number,
  publicUrl?: string,
) {
  const cookie = [
    `${cookieName(provider)}=${value}`,
    `Path=${cookiePath(provider)}`,
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSec}`,
    ...(isHttps(req, publicUrl) ? ['Secure'] : []),
  ].join('; ');
  const prior = reply.getHeader('set-cookie');
  reply.header('set-cookie', prior ? [...(Array.isArray(prior) ? prior : [String(prior)]), cookie] : cookie);
}

/** Sets a fresh nonce cookie for `provider` (lives as long as a state) and answers the nonce. */
export function setBrowserNonce(
  req: FastifyRequest,
  reply: FastifyReply,
  provider: CalendarProviderName,
  publicUrl?: string,
): string {
  const nonce = randomBytes(24).toString('base64url');
  write(req, reply, provider, nonce, Math.ceil(STATE_TTL_MS / 1000), publicUrl);
  return nonce;
}

/** Expires the cookie (a callback uses it up, whatever the outcome). */
export function clearBrowserNonce(
  req: FastifyRequest,
  reply: FastifyReply,
  provider: CalendarProviderName,
  publicUrl?: string,
): void {
  write(req, reply, provider, '', 0, publicUrl);
}

/** The nonce the browser sent to the callback, if any. */
export function browserNonceOf(req: FastifyRequest, provider: CalendarProviderName): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === cookieName(provider)) return part.slice(i + 1).trim() || undefined;
  }
  return undefined;
}
