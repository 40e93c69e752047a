import type { FastifyRequest } from 'fastify';

/**
 * The URL Twilio used to reach us, for signature checks: PUBLIC_URL when configured (behind a proxy
 * or tunnel), else the request's own host and scheme (X-Forwarded-* honoured only with TRUST_PROXY).
 */
export function externalBase(req: FastifyRequest, publicUrl?: string): string {
  if (publicUrl) return publicUrl;
  return `${req.protocol}://${req.host}`;
}

/** The same base with the WebSocket scheme, for `<Stream url>`. */
export const wsBase = (httpBase: string): string => httpBase.replace(/^http/, 'ws');
