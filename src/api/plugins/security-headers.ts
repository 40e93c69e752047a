/**
 * Security headers on every response: a Content-Security-Policy with no inline script (the
 * dashboard's scripts are files; the test call's audio worklet is a blob), framing only by our own
 * pages (the widget preview), no MIME sniffing, no referrer to other sites, and HSTS when the
 * request came over HTTPS (directly or through a trusted proxy).
 */
import type { FastifyInstance } from 'fastify';

/** The dashboard's policy. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "frame-ancestors 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Adds the headers in an onRequest hook (so error answers carry them too). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    // The API docs page (swagger-ui) ships its own inline bootstrap; everything else gets the policy.
    if (!req.url.startsWith('/docs')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-frame-options', 'SAMEORIGIN');
    }
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
